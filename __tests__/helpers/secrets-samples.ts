// Benign texts that talk about tokens and passwords a lot without holding any: none may
// produce a secret finding.

export const README = `# acme-client

Authenticate with a token. Create a personal access token (classic) with the \`repo\` scope
and export it as \`GITHUB_TOKEN\`; tokens start with \`ghp_\`. Fine-grained tokens start with
\`github_pat_\`. Never commit your token or password.

\`\`\`sh
export GITHUB_TOKEN=<your-token>
export NPM_TOKEN=\${NPM_TOKEN}
export DATABASE_URL=postgres://user:password@localhost:5432/app
export AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX
export AWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
export STRIPE_KEY=sk_live_...
export OPENAI_API_KEY=sk-...
export SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
\`\`\`

| Option     | Description                                        |
| ---------- | -------------------------------------------------- |
| token      | API token; falls back to process.env.ACME_TOKEN     |
| password   | password for basic auth, e.g. {{password}}          |
| privateKey | PEM string starting with -----BEGIN PRIVATE KEY----- |

Put the key in a secret: \`-----BEGIN RSA PRIVATE KEY-----\\n...\\n-----END RSA PRIVATE KEY-----\`.
The token regex is \`/gh[pousr]_[A-Za-z0-9]{36}/\`; Slack tokens look like \`xoxb-…\`.
Use \`https://user:pass@example.com\` only in tests. Set \`password: your_api_key_here\`.
`

export const PACKAGE_JSON = JSON.stringify(
  {
    name: '@acme/token-client',
    version: '1.2.3',
    description: 'Token and password helpers',
    keywords: ['token', 'password', 'secret', 'jwt', 'oauth', 'api-key'],
    repository: { type: 'git', url: 'git+https://github.com/acme/token-client.git' },
    bugs: 'https://github.com/acme/token-client/issues',
    scripts: { test: 'jest', prepublishOnly: 'packguard check .' },
    publishConfig: { registry: 'https://registry.npmjs.org/' },
    dependencies: { jsonwebtoken: '^9.0.0', 'node-fetch': '^3.3.2' },
    integrity: 'sha512-' + 'q'.repeat(20) + 'Z9/+w'.repeat(12),
  },
  null,
  2,
)

export const BUNDLE = [
  '"use strict";var e=require("node:crypto"),t=require("node:url");',
  'const n=/^(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})$/,r="sk_live_",o="-----BEGIN ",s="-----END ";',
  'function a(i){if(!i)throw new Error("token is required");return i.startsWith(r)?"live":"test"}',
  'function c(i,u){const l=i.protocol+"//"+encodeURIComponent(u.user)+":"+encodeURIComponent(u.password)+"@"+i.host;return l}',
  'const d={Authorization:`Bearer ${process.env.ACME_TOKEN}`,"x-api-key":process.env.API_KEY??""};',
  'function f(i){return i.replace(/:\\/\\/([^:]+):([^@]+)@/,"://$1:***@")}',
  'const p=new URL("https://api.acme.io/v1/oauth/token?grant_type=client_credentials");',
  'var h={timeZone:"Asia/Tokyo",zones:["Asia/Kolkata","Asia/Shanghai","America/New_York"]};',
  'const m=x?y:aa,g=msg.data,b=e.createHash("sha256").update(String(Date.now())).digest("hex");',
  'function k(i){const u=i.split(".");if(u.length!==3)throw Error("jwt malformed");return JSON.parse(atob(u[1]))}',
  'const v="mongodb://localhost:27017/test",w="redis://127.0.0.1:6379",j="amqp://guest:guest@localhost";',
  'const q="postgres://"+user+":"+pass+"@"+host+"/"+db;let S="password",T="passwd",U="secretAccessKey";',
  'exports.isKey=function(i){return/^-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(i)};',
  'const A="eyJhbGciOiJIUzI1NiJ9",P="AKIA",G="AIza",X="xoxb-",Y="hf_",Z="glpat-";',
  '//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbIi4uL3NyYy9pbmRleC50cyJdLCJuYW1lcyI6W10sIm1hcHBpbmdzIjoiQUFBQSJ9',
].join('\n')
