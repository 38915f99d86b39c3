import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { matchAt, type ScanContext } from '../engine/context.js'
import { armoredBody, readPemKey, type KeyBlock } from '../kit/pem.js'
import { B64, fake, HEX } from '../kit/samples.js'
import { sshPrivateKey } from '../kit/ssh-keys.js'
import { docsOrTests, inDocComment, isKeyFile } from '../kit/places.js'
import { judge } from '../kit/token.js'
import { PRIORITY, type Hit, defineDetector } from '../engine/types.js'

const PUTTY =
  /PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]{3,64}(?:\\{1,4}(?:r\\{1,4})?n|\r?\n)[ \t]{0,16}Encryption: ([A-Za-z0-9-]{1,32})/y
const PRIVATE_MAC = 'Private-MAC: '
const MAX_PUTTY = 16384

/** A PuTTY .ppk key: its private lines come between `Private-Lines: N` and `Private-MAC:`. */
function readPutty(text: string, at: number, ctx: ScanContext): KeyBlock | undefined {
  const m = matchAt(PUTTY, text, at)
  if (!m) return undefined
  const macAt = ctx.nextIndexOf(PRIVATE_MAC, at)
  if (macAt < 0 || macAt - at > MAX_PUTTY) return undefined
  if (!/^[0-9a-f]{40,64}(?![0-9a-z])/.test(text.slice(macAt + 13, macAt + 13 + 65)))
    return undefined
  const head = text.slice(at, macAt)
  const lines = /Private-Lines: \d{1,3}/.exec(head)
  if (!lines) return undefined
  const rest = head.slice(lines.index + lines[0].length)
  const parsed = armoredBody(rest, false)
  if (!parsed) return undefined
  const label = m[1] === 'none' ? 'PuTTY private key' : 'encrypted PuTTY private key'
  return { start: at, end: macAt, label, body: parsed.body }
}

function toHit(block: KeyBlock | undefined): Hit | undefined {
  if (!block) return undefined
  const hit = judge(block.body, block.body, block.start, {
    label: block.label,
    verify: () => block.problem,
  })
  if (hit) hit.end = Math.max(hit.end, block.end)
  return hit
}

const LEADING = /^\s*/
const TRAILING = /\s*$/y
/**
 * A key string in documentation or test code is most often an example or a test key: a
 * warning. A key file stays an error wherever it is: named as one, or holding only the key.
 */
function placed(hit: Hit | undefined, text: string, file: string): Hit | undefined {
  if (!hit || hit.unverified || isKeyFile(file)) return hit
  TRAILING.lastIndex = hit.end
  if (LEADING.exec(text)![0].length === hit.start && TRAILING.test(text)) return hit
  const where = docsOrTests(file) ?? (inDocComment(text, hit.start) ? 'a doc comment' : undefined)
  if (!where) return hit
  const why = `a key string in ${where}: a warning, as such keys are most often examples or test keys (a key file is an error wherever it is)`
  return { ...hit, severity: 'warning', why }
}

const pem = (label: string, body: string, nl = '\n') =>
  [`-----BEGIN ${label}-----`, ...(body.match(/.{1,64}/g) ?? []), `-----END ${label}-----`].join(
    nl,
  ) + nl
const stripArmor = (p: string) => p.replace(/-----[A-Z ]+-----|\s/g, '')

/** Private keys in PEM, OpenSSH, PGP armor or PuTTY format, with a real base64 body. */
export const privateKey = defineDetector({
  id: 'secret/private-key',
  title: 'private key',
  provider: 'generic',
  description:
    'A private key block (PEM: RSA, EC, DSA, PKCS#8, encrypted; OpenSSH `openssh-key-v1` (ed25519, RSA, ECDSA); PGP; PuTTY .ppk) with a real key body.',
  priority: PRIORITY.generic,
  keywords: ['-----begin ', 'putty-user-key-file-'],
  judged:
    'a warning when the key is a string inside documentation (`*.md`, `*.markdown`, `*.rst`, `*.txt`, `*.adoc`, files under `docs/` or `doc/`) or test code (files under `test/`, `tests/`, `__tests__/`, `spec/`, `specs/`, `fixtures/`, `__fixtures__/` at any depth, `*.test.*` and `*.spec.*` scripts), or on a doc-comment line (` * ` inside `/** ... */`, as a JSDoc `@example` in a bundled SDK): such keys are most often examples and test keys. A key in a `//` comment stays an error: commented-out code still ships the key. A key file stays an error wherever it is: named as one (`*.pem`, `*.key`, `*.ppk`, `*.p8`, `*.asc`, `id_rsa`, `id_ed25519`, ...) or holding nothing but the key.',
  find(text, at, ctx) {
    const block = text[at] === '-' ? readPemKey(text, at, ctx) : readPutty(text, at, ctx)
    return placed(toHit(block), text, ctx.file)
  },
  samples: {
    match: () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
      const ed = generateKeyPairSync('ed25519').privateKey
      const pkcs1 = rsa.export({ type: 'pkcs1', format: 'pem' }).toString()
      const pgp = Buffer.concat([Buffer.from([0x95, 0x01, 0xd8, 0x04]), randomBytes(400)])
      const b64 = fake(400, B64, 'ppk-1')
      return [
        pkcs1,
        ec.export({ type: 'sec1', format: 'pem' }).toString(),
        ed.export({ type: 'pkcs8', format: 'pem' }).toString(),
        rsa
          .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' })
          .toString(),
        // what ssh-keygen writes: its AAAA runs are length fields, not a placeholder
        sshPrivateKey('ed25519'),
        sshPrivateKey('rsa'),
        sshPrivateKey('ed25519', 'passphrase-1'),
        `const deployKey = ${JSON.stringify(sshPrivateKey('ed25519'))}`,
        pem('PGP PRIVATE KEY BLOCK', `Version: GnuPG v2\n\n${pgp.toString('base64')}\n=AbCd`),
        // inside a JSON or JS string, with escaped line breaks
        `const key = "${pkcs1.trim().split('\n').join('\\n')}\\n";`,
        // one line, as pasted into an environment variable
        `KEY="${pkcs1.trim().split('\n').join(' ')}"`,
        [
          'PuTTY-User-Key-File-2: ssh-rsa',
          'Encryption: none',
          'Comment: rsa-key',
          'Public-Lines: 1',
          fake(64, B64, 'ppk-2'),
          'Private-Lines: 7',
          ...(b64.match(/.{1,64}/g) ?? []),
          `Private-MAC: ${fake(40, HEX, 'ppk-3')}`,
        ].join('\r\n'),
      ]
    },
    noMatch: () => [
      '-----BEGIN RSA PRIVATE KEY-----',
      'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) type = "pkcs1"',
      '-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n',
      '-----BEGIN PRIVATE KEY-----\n<your private key>\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
      `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(20)}==\n-----END PRIVATE KEY-----`,
      '-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEA\n-----END PRIVATE KEY-----',
      'const HEADER = /-----BEGIN ([A-Z ]+)-----\\n([A-Za-z0-9+/=\\n]+)-----END \\1-----/',
      '-----BEGIN PUBLIC KEY-----\n' + fake(200, B64, 'pub-1') + '\n-----END PUBLIC KEY-----',
      '-----BEGIN CERTIFICATE-----\n' + fake(600, B64, 'cert-1') + '\n-----END CERTIFICATE-----',
      '-----BEGIN PRIVATE KEY-----\n${PRIVATE_KEY}\n-----END PRIVATE KEY-----',
    ],
    unverified: () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey
      const der = stripArmor(rsa.export({ type: 'pkcs8', format: 'pem' }).toString())
      const ssh = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), randomBytes(380)])
      return [
        // a random base64 body that is not DER, and a truncated key
        pem('RSA PRIVATE KEY', fake(640, B64, 'rsa-bad')),
        pem('PRIVATE KEY', der.slice(0, -12)),
        // the OpenSSH magic, then random bytes: no key structure, no matching check numbers
        pem('OPENSSH PRIVATE KEY', ssh.toString('base64')),
      ]
    },
  },
})
