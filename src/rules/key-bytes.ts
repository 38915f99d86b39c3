/**
 * Binary key formats told by their first bytes, whatever the file is called: a Java keystore,
 * a PKCS#12 bundle, a DER private key. Only the first few bytes of a file are read, so this
 * costs nothing per file; a DER key must also declare exactly the file's length, which random
 * binaries and certificates (a DER certificate starts `30 82 .. .. 30 82`) do not.
 */
export function binaryKeyKind(head: Buffer, size: number): string | undefined {
  if (head.length < 8) return undefined
  const magic = head.readUInt32BE(0)
  if (magic === 0xfeedfeed) return 'a Java keystore (JKS)'
  if (magic === 0xcececece) return 'a Java keystore (JCEKS)'
  if (head[0] !== 0x30) return undefined
  const seq = derLength(head, 1)
  if (!seq) return undefined
  const body = head.subarray(seq.at)
  // PFX: SEQUENCE { INTEGER 3, ContentInfo SEQUENCE ... } (BER indefinite lengths are allowed).
  if (startsWith(body, [0x02, 0x01, 0x03, 0x30])) return 'a PKCS#12 keystore'
  if (seq.length !== undefined && seq.at + seq.length !== size) return undefined
  // PKCS#1 RSAPrivateKey: INTEGER 0, then the modulus INTEGER.
  if (startsWith(body, [0x02, 0x01, 0x00, 0x02])) return 'a DER private key (PKCS#1)'
  // PKCS#8 PrivateKeyInfo: INTEGER 0, AlgorithmIdentifier SEQUENCE, then the key OCTET STRING.
  if (startsWith(body, [0x02, 0x01, 0x00, 0x30])) return 'a DER private key (PKCS#8)'
  // SEC1 ECPrivateKey: INTEGER 1, the key OCTET STRING.
  if (startsWith(body, [0x02, 0x01, 0x01, 0x04])) return 'a DER private key (EC)'
  // EncryptedPrivateKeyInfo: AlgorithmIdentifier { OID PBES2 (pkcs5) or a pkcs12 PBE, ... }.
  const alg = body[0] === 0x30 ? derLength(body, 1) : undefined
  const oid = alg && body.subarray(alg.at)
  if (oid && (startsWith(oid, PKCS5) || startsWith(oid, PKCS12_PBE)))
    return 'an encrypted DER private key (PKCS#8)'
  return undefined
}

const PKCS5 = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05]
const PKCS12_PBE = [0x06, 0x0a, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c]

/** A DER length at `at`: where the value starts and how long it is (undefined: indefinite). */
function derLength(b: Buffer, at: number): { at: number; length?: number } | undefined {
  const first = b[at]
  if (first === undefined) return undefined
  if (first < 0x80) return { at: at + 1, length: first }
  if (first === 0x80) return { at: at + 1 }
  const n = first & 0x7f
  if (n > 4 || at + 1 + n > b.length) return undefined
  let length = 0
  for (let i = 0; i < n; i++) length = length * 256 + b[at + 1 + i]
  return { at: at + 1 + n, length }
}

function startsWith(b: Buffer, bytes: readonly number[]): boolean {
  return bytes.every((x, i) => b[i] === x)
}
