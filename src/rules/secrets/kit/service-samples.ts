import { fake, HEX } from './samples.js'

// Sample builders for the service detectors (built at test time, like every sample).

/** A random version-4 UUID, lower-case hex. */
export function uuid(seed: string): string {
  const h = fake(32, HEX, seed)
  const variant = '89ab'[parseInt(h[16], 16) & 3]
  return [
    h.slice(0, 8),
    h.slice(8, 12),
    '4' + h.slice(13, 16),
    variant + h.slice(17, 20),
    h.slice(20, 32),
  ].join('-')
}

/** Mixed-case letters and digits with at least one of each (a generated key's look). */
export function mixed(length: number, seed: string): string {
  for (let i = 0; ; i++) {
    const v = fake(
      length,
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
      `${seed}-${i}`,
    )
    if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)) return v
  }
}

/** Lower-case letters and digits with at least one of each. */
export function lowerAlnum(length: number, seed: string): string {
  for (let i = 0; ; i++) {
    const v = fake(length, 'abcdefghijklmnopqrstuvwxyz0123456789', `${seed}-${i}`)
    if (/[a-z]/.test(v) && /[0-9]/.test(v)) return v
  }
}
