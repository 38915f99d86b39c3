import { MalformedMap, MapScanner, type OnContent, type Skim, type WantSum } from './map-scan.js'
import type { MapSources } from './map-roles.js'

/**
 * A map held whole (small maps, inline `data:` maps): one write and end. A string is read as
 * latin1 (one character per byte). Input that is not a JSON object throws MalformedMap here.
 */
export function scanMap(
  bytes: Buffer | string,
  onContent: OnContent,
  skim?: Skim,
  wantSum?: WantSum,
): MapSources {
  const scanner = new MapScanner(onContent, skim, wantSum)
  scanner.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes)
  const map = scanner.end()
  if (!map) throw new MalformedMap('not a JSON object at offset 0')
  return map
}
