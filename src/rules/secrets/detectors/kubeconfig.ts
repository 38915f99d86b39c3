import { matchAt } from '../engine/context.js'
import { defineDetector, PRIORITY } from '../engine/types.js'
import { B64, fake } from '../kit/samples.js'

const KEY_DATA =
  /-key-data\\?["']?[ \t]*:[ \t]*\\?["']?(?<value>[A-Za-z0-9+/]{64,16384}={0,2})(?![A-Za-z0-9+/=])/dy
/** What the decoded value must be: a PEM private key with a body. */
const PEM_KEY = /^\s*-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s:,-]{64,}-----END/

const b64 = (s: string) => Buffer.from(s).toString('base64')
const pem = (kind: string, seed: string) =>
  [
    `-----BEGIN ${kind}-----`,
    ...(fake(256, B64, seed).match(/.{1,64}/g) ?? []),
    `-----END ${kind}-----`,
    '',
  ].join('\n')

/**
 * A kubeconfig's client key (`client-key-data:`, in any file: a kubeconfig is often named
 * `admin.conf`, `config` or anything else): base64 of a PEM private key, decoded to check it is
 * one. Found by the shared keyword pass, so it costs nothing on files without the key name.
 */
export const kubeconfigClientKey = defineDetector({
  id: 'secret/kubeconfig-client-key',
  title: 'Kubernetes client private key (kubeconfig)',
  provider: 'Kubernetes',
  description:
    'A kubeconfig `client-key-data` value: base64 of a PEM private key that authenticates to a cluster (its admin, for `admin.conf`).',
  priority: PRIORITY.document,
  // `-key-data`, not `client…`: `cli` starts words everywhere in code, `-ke` seldom.
  keywords: ['-key-data'],
  find(text, at) {
    if (text.slice(at - 6, at).toLowerCase() !== 'client') return undefined
    const m = matchAt(KEY_DATA, text, at)
    const span = m?.indices?.groups?.value
    if (!m?.groups || !span) return undefined
    const value = m.groups.value
    if (!PEM_KEY.test(Buffer.from(value, 'base64').toString('latin1'))) return undefined
    return { start: span[0], end: span[1], value, shown: 0 }
  },
  samples: {
    match: () => [
      `users:\n- name: admin\n  user:\n    client-key-data: ${b64(pem('RSA PRIVATE KEY', 'kube-1'))}\n`,
      `{"users":[{"user":{"client-key-data":"${b64(pem('EC PRIVATE KEY', 'kube-2'))}"}}]}`,
    ],
    noMatch: () => [
      'client-key-data: REDACTED',
      'client-key-data: <base64-encoded-key>',
      `client-certificate-data: ${b64(pem('CERTIFICATE', 'kube-3'))}`,
      `client-key-data: ${b64(pem('CERTIFICATE', 'kube-4'))}`,
      `tls-key-data: ${b64(pem('RSA PRIVATE KEY', 'kube-5'))}`,
      `client-key-data: ${b64('hello world, this decodes to words and not to any key at all, truly')}`,
    ],
  },
})
