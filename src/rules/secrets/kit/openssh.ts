/** What the body of an OpenSSH private key (`openssh-key-v1`, see OpenSSH's PROTOCOL.key) says. */
export interface OpensshKey {
  /** A cipher other than `none`: the private section is encrypted with a passphrase. */
  encrypted: boolean
  /** The first key's type: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256` … */
  keyType: string
}

const MAGIC = 'openssh-key-v1\0'

/**
 * Reads the `openssh-key-v1` structure: magic, cipher, KDF and its options, the public keys,
 * then the private section. Unencrypted, that section starts with the same check number twice
 * (what `ssh-keygen` writes and checks when it loads a key), which random bytes after the magic
 * almost never have. Undefined when it does not parse.
 */
export function readOpenssh(data: Buffer): OpensshKey | undefined {
  if (data.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined
  const r = new SshReader(data, MAGIC.length)
  const cipher = r.text()
  const kdf = r.text()
  const kdfOptions = r.bytes()
  const count = r.u32()
  if (cipher === undefined || kdf === undefined || !kdfOptions || !count || count > 64)
    return undefined
  let keyType: string | undefined
  for (let i = 0; i < count; i++) {
    const pub = r.bytes()
    if (!pub) return undefined
    keyType ??= new SshReader(pub, 0).text()
  }
  const section = r.bytes()
  if (!section || !keyType) return undefined
  if (cipher !== 'none') return { encrypted: true, keyType }
  if (kdf !== 'none' || r.at !== data.length || section.length < 8 || section.length % 8 !== 0)
    return undefined
  if (section.readUInt32BE(0) !== section.readUInt32BE(4)) return undefined
  return { encrypted: false, keyType }
}

/** Reads SSH wire-format fields (RFC 4251): uint32, and strings prefixed with their length. */
class SshReader {
  constructor(
    private readonly data: Buffer,
    public at: number,
  ) {}

  u32(): number | undefined {
    if (this.at + 4 > this.data.length) return undefined
    const n = this.data.readUInt32BE(this.at)
    this.at += 4
    return n
  }

  bytes(): Buffer | undefined {
    const n = this.u32()
    if (n === undefined || this.at + n > this.data.length) return undefined
    const out = this.data.subarray(this.at, this.at + n)
    this.at += n
    return out
  }

  /** A short printable name (cipher, KDF, key type). */
  text(): string | undefined {
    const b = this.bytes()
    if (!b || b.length > 64) return undefined
    const s = b.toString('latin1')
    return /^[\x21-\x7e]*$/.test(s) ? s : undefined
  }
}
