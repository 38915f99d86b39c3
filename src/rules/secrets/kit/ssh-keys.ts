import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// OpenSSH private keys for detector samples, made at test time: what `ssh-keygen` writes, or,
// where it is not installed, the same `openssh-key-v1` format written here (PROTOCOL.key).

export type SshKeyType = 'ed25519' | 'rsa'

const made = new Map<string, string>()

/** A fresh OpenSSH private key file (one per type and passphrase per process). */
export function sshPrivateKey(type: SshKeyType, passphrase = ''): string {
  const id = `${type}\0${passphrase}`
  let key = made.get(id)
  if (key === undefined) {
    key = sshKeygen(type, passphrase) ?? opensshKey(type, passphrase)
    made.set(id, key)
  }
  return key
}

/** `ssh-keygen -t <type> -N <passphrase> -f <tmp>`; undefined when it cannot run. */
export function sshKeygen(type: SshKeyType, passphrase = ''): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'packguard-ssh-'))
  try {
    const file = join(dir, `id_${type}`)
    const bits = type === 'rsa' ? ['-b', '2048'] : []
    // Taken only here: detector files are bundled, and a check must not load child_process.
    const { execFileSync } = process.getBuiltinModule('node:child_process')
    execFileSync(
      'ssh-keygen',
      ['-q', '-t', type, ...bits, '-N', passphrase, '-C', 'ci@build', '-f', file],
      { stdio: 'ignore' },
    )
    return readFileSync(file, 'latin1')
  } catch {
    return undefined
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}
const str = (s: string | Buffer) => {
  const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s
  return Buffer.concat([u32(b.length), b])
}
/** An SSH mpint: big-endian, no leading zero bytes, a zero byte before a set high bit. */
const mpint = (b: Buffer) => {
  let i = 0
  while (i < b.length - 1 && b[i] === 0) i++
  const v = b.subarray(i)
  return str(v[0] & 0x80 ? Buffer.concat([Buffer.alloc(1), v]) : v)
}

/**
 * An `openssh-key-v1` private key as `ssh-keygen` writes it. With a passphrase the private
 * section is random bytes under `aes256-ctr`/`bcrypt` (the scanner never decrypts it).
 */
export function opensshKey(type: SshKeyType, passphrase = ''): string {
  const jwk =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
      : generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })
  const n = (k: keyof typeof jwk) => Buffer.from(jwk[k] as string, 'base64url')
  const name = type === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519'
  const pub =
    type === 'rsa'
      ? Buffer.concat([str(name), mpint(n('e')), mpint(n('n'))])
      : Buffer.concat([str(name), str(n('x'))])
  const priv =
    type === 'rsa'
      ? Buffer.concat([str(name), ...[n('n'), n('e'), n('d'), n('qi'), n('p'), n('q')].map(mpint)])
      : Buffer.concat([str(name), str(n('x')), str(Buffer.concat([n('d'), n('x')]))])
  const check = randomBytes(4)
  const block = passphrase ? 16 : 8
  let section = Buffer.concat([check, check, priv, str('ci@build')])
  const pad = (block - (section.length % block)) % block
  section = Buffer.concat([section, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))])
  if (passphrase) section = randomBytes(section.length)
  const kdf = passphrase ? Buffer.concat([str(randomBytes(16)), u32(16)]) : Buffer.alloc(0)
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    str(passphrase ? 'aes256-ctr' : 'none'),
    str(passphrase ? 'bcrypt' : 'none'),
    str(kdf),
    u32(1),
    str(pub),
    str(section),
  ])
  const lines = body.toString('base64').match(/.{1,70}/g) ?? []
  const label = 'OPENSSH PRIVATE KEY'
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n')
}
