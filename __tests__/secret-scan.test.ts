import { expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { SecretScan } from '../src/rules/secrets/engine/scan.js'

test('detectors are compiled when a scan first needs them, once', () => {
  let loads = 0
  const engine = new SecretScan(() => {
    loads++
    return DETECTORS
  })
  expect(loads).toBe(0)
  const found: RawFinding[] = []
  const sample = DETECTORS[0].samples.match()[0]
  engine.text(`token = "${sample}"\n`, 'a.js', (f) => found.push(f))
  engine.bytes(Buffer.from(`x ${sample}\n`), 'b.js', (f) => found.push(f))
  expect(loads).toBe(1)
  expect(found.map((f) => [f.rule, f.file])).toEqual([
    [DETECTORS[0].id, 'a.js'],
    [DETECTORS[0].id, 'b.js'],
  ])
})
