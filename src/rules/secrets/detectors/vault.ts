import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, { label: string; length: [number, number] }> = {
  s: { label: 'HashiCorp Vault service token', length: [90, 120] },
  b: { label: 'HashiCorp Vault batch token', length: [138, 300] },
  r: { label: 'HashiCorp Vault recovery token', length: [90, 120] },
}

export const vaultToken = tokenDetector({
  id: 'secret/vault-token',
  title: 'HashiCorp Vault token',
  provider: 'HashiCorp Vault',
  description:
    'A HashiCorp Vault token of Vault 1.10 and later: service (`hvs.`, 90-120 characters after it), batch (`hvb.`, 138-300) or recovery (`hvr.`, 90-120).',
  keywords: ['hvs.', 'hvb.', 'hvr.'],
  pattern: `${B}hv([sbr])\\.(?<body>[A-Za-z0-9_-]{90,300})${E}`,
  label: (m) => KINDS[m[1]].label,
  verify: (m) => {
    const [min, max] = KINDS[m[1]].length
    const n = m.groups!.body.length
    return n >= min && n <= max ? undefined : false
  },
  samples: {
    match: () => [
      `VAULT_TOKEN=${['hvs', fake(95, B64URL, 'vault-1')].join('.')}`,
      `vault login ${['hvb', fake(160, B64URL, 'vault-2')].join('.')}`,
      `{"recovery_token": "${['hvr', fake(100, B64URL, 'vault-3')].join('.')}"}`,
    ],
    noMatch: () => [
      'VAULT_TOKEN=hvs.' + 'x'.repeat(95),
      'VAULT_TOKEN=hvs.<token>',
      ['hvs', fake(40, B64URL, 'vault-4')].join('.'),
      ['hvs', fake(130, B64URL, 'vault-5')].join('.'),
      'const kinds = ["hvs.", "hvb.", "hvr."]',
    ],
  },
})
