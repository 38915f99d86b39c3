const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
}

/** The units a size may carry, lowercase; a size is read case-insensitively. */
export const SIZE_UNITS = Object.keys(UNITS)

/** Parses `500`, `10KB`, `1.5 MB`, `2GiB` into bytes (KB = 1000 bytes, KiB = 1024); undefined if malformed. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value)
  if (!m) return undefined
  const unit = UNITS[(m[2] || 'b').toLowerCase()]
  return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit)
}

/** Bytes for people: 1.2 MB, 340 KB, 12 B (decimal units, like the config accepts). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = bytes
  let i = -1
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000
    i++
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}

/** 1906 -> "1,906" (as toLocaleString('en-US') does, without loading locale data at run time). */
export function formatCount(n: number): string {
  const [int, frac] = String(n).split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return frac === undefined ? grouped : `${grouped}.${frac}`
}
