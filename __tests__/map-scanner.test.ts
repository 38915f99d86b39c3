import { describe, expect, test } from '@jest/globals'
import { MalformedMap, MapScanner, type MapSources } from '../src/rules/sourcemaps/map-scan.js'
import { scanMap } from '../src/rules/sourcemaps/scan-map.js'

interface Outcome {
  map: MapSources | undefined
  calls: Array<[number, string]>
  notAMap: boolean
}

/**
 * Feeds `bytes` cut at `cuts`. Each piece is a copy that is scribbled over once written, so a
 * scanner that kept a view of a chunk instead of its bytes would read garbage.
 */
function feed(bytes: Buffer, cuts: number[] = []): Outcome {
  const calls: Array<[number, string]> = []
  const scanner = new MapScanner((i, c) => calls.push([i, c]))
  let from = 0
  for (const to of [...cuts, bytes.length]) {
    const piece = Buffer.from(bytes.subarray(from, to))
    scanner.write(piece)
    piece.fill(0x7e)
    from = to
  }
  const map = scanner.end()
  return { map, calls, notAMap: scanner.notAMap }
}

const everyByte = (bytes: Buffer) => Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)

/** What the scanner must find, worked out from JSON.parse of the whole map (latin1, as read). */
function reference(bytes: Buffer): Outcome {
  const text = bytes.toString('latin1').replace(/^\)\]\}'[^\n]*\n/, '')
  const out: MapSources = { sources: [], contentBytes: [], isMap: false }
  const calls: Array<[number, string]> = []
  const visit = (m: Record<string, unknown>) => {
    const base = out.sources.length
    let contents = 0
    for (const [key, value] of Object.entries(m)) {
      if (key === 'sources') {
        for (const s of value as unknown[]) {
          out.sources.push(typeof s === 'string' ? Buffer.from(s, 'latin1').toString('utf8') : '')
        }
      } else if (key === 'sourcesContent') {
        ;(value as unknown[]).forEach((c, i) => {
          if (typeof c !== 'string' || c === '') return
          contents = i + 1
          out.contentBytes[base + i] = c.length
          calls.push([base + i, c])
        })
      } else if (key === 'sections') {
        for (const section of value as Array<Record<string, unknown>>) {
          const map = section.map
          if (map && typeof map === 'object' && !Array.isArray(map)) visit(map as typeof m)
        }
      }
    }
    // Content past the last source keeps its index (null or empty entries take none): the next
    // section starts after it.
    while (out.sources.length < base + contents) out.sources.push('')
  }
  const top = JSON.parse(text) as Record<string, unknown>
  visit(top)
  out.isMap = top.version === 3 && (('mappings' in top && 'sources' in top) || 'sections' in top)
  return { map: out, calls, notAMap: false }
}

const utf8 = (s: string) => Buffer.from(s, 'utf8')
const json = (v: unknown, indent?: number) => utf8(JSON.stringify(v, null, indent))

/** Maps built at run time, each exercising something a chunk boundary could break. */
const MAPS: Array<[string, Buffer]> = [
  [
    'plain',
    json({
      version: 3,
      file: 'a.js',
      sources: ['a.ts', 'b.ts'],
      sourcesContent: ['const a = 1\n', 'let b = "x" + \'y\'\\'],
      names: ['a', 'b'],
      mappings: 'AAAA,CAAC;AACA',
    }),
  ],
  [
    'index map with sections',
    json({
      version: 3,
      sections: [
        { offset: { line: 0, column: 0 }, map: { sources: ['a.ts'], sourcesContent: ['A'] } },
        { offset: { line: 5, column: 0 }, url: 'elsewhere.map' },
        {
          offset: { line: 9, column: 0 },
          map: { sources: ['b.ts', 'c.ts'], sourcesContent: [null, 'C'], mappings: ';;AAAA' },
        },
      ],
    }),
  ],
  [
    'sourcesContent before sources, with nulls and empty strings',
    utf8('{"sourcesContent":[null,"B",null,""],"mappings":"A","sources":["a","b","c","d"]}'),
  ],
  [
    'escapes',
    utf8(
      '{"sources":["q\\"uote.ts","back\\\\slash\\\\"],"sourcesContent":["\\"a\\" \\\\ \\n\\t\\/ \\u00e9 \\ud83d\\ude00","ends with a backslash\\\\","\\\\\\"\\\\\\\\"]}',
    ),
  ],
  [
    'non-ASCII UTF-8 in paths and content',
    json({ sources: ['../src/café/ü.ts', '日本.ts'], sourcesContent: ['naïve 😀 ✓', null] }),
  ],
  [
    'an anti-XSSI prefix line',
    Buffer.concat([utf8(')]}\' ignored, even "quotes" {\n'), json({ sources: ['p.ts'] })]),
  ],
  [
    'whitespace everywhere',
    utf8(
      ' \r\n\t{ "version" : 3 ,\n\t"sources" :\r\n [ "w.ts" , null ,\t"x.ts" ] ,\n "sourcesContent" : [ "W" , "" , "X" ] ,"names" : [ ] , "x" : { } }\n\r\t ',
    ),
  ],
  [
    'empty arrays and objects',
    utf8('{"sources":[],"sourcesContent":[],"names":[],"x":{},"sections":[{}],"y":[[],{}]}'),
  ],
  [
    'numbers and literals',
    utf8(
      '{"version":3,"n":[0,-1,1.5,-2.25e-3,1E+10,6.02e23,-0.0e0],"t":[true,false,null],"sources":["a"],"sourcesContent":["A"]}',
    ),
  ],
  [
    'nested unknown values',
    utf8(
      '{"x_google_ignoreList":[[[{"a":[{"b":"c\\"}]"}],"d":{"e":[1,{"f":null}]}}]]],"sources":["n.ts"],"meta":{"deep":{"sources":["not.ts"]}},"sourcesContent":["N"]}',
    ),
  ],
  ['escaped keys', utf8('{"sour\\u0063es":["k.ts"],"\\u0073ourcesContent":["K"]}')],
  [
    'a key too long to matter',
    utf8(
      `{"${'k'.repeat(300)}":{"sources":["no.ts"]},"sources":["yes.ts"],"sourcesContent":["Y"]}`,
    ),
  ],
  [
    'index map whose first section embeds more sources than it lists',
    json({
      version: 3,
      sections: [
        { offset: { line: 0, column: 0 }, map: { sources: ['a.ts'], sourcesContent: ['A', 'X'] } },
        {
          offset: { line: 9, column: 0 },
          map: { sourcesContent: [null, 'C'], sources: ['b.ts', 'c.ts'] },
        },
      ],
    }),
  ],
]

describe('MapScanner: any chunking gives the same result', () => {
  test.each(MAPS)('%s', (_name, bytes) => {
    const whole = feed(bytes)
    expect(whole).toStrictEqual(reference(bytes))
    for (const cut of everyByte(bytes)) expect(feed(bytes, [cut])).toStrictEqual(whole)
    expect(feed(bytes, everyByte(bytes))).toStrictEqual(whole)
  })

  test('the expected values, spelled out', () => {
    const escapes = feed(MAPS[3][1])
    expect(escapes.map?.sources).toEqual(['q"uote.ts', 'back\\slash\\', ''])
    expect(escapes.calls.map(([, c]) => c)).toEqual([
      '"a" \\ \n\t/ \u00e9 \ud83d\ude00',
      'ends with a backslash\\',
      '\\"\\\\',
    ])
    const nonAscii = feed(MAPS[4][1])
    expect(nonAscii.map).toEqual({
      sources: ['../src/café/ü.ts', '日本.ts'],
      contentBytes: [Buffer.byteLength('naïve 😀 ✓')],
      isMap: false,
    })
    expect(feed(MAPS[1][1]).map?.sources).toEqual(['a.ts', 'b.ts', 'c.ts'])
    expect(feed(MAPS[1][1]).calls).toEqual([
      [0, 'A'],
      [2, 'C'],
    ])
    expect(feed(MAPS[2][1]).calls).toEqual([[1, 'B']])
    // Content past a section's last source keeps its index; the next section starts after it.
    // Null entries past the last source take no index: nothing of them is reported.
    expect(feed(utf8('{"sources":["a.js"],"sourcesContent":[null,null]}')).map?.sources).toEqual([
      'a.js',
    ])
    expect(feed(utf8('{"sources":[],"sourcesContent":[null,""]}')).map?.sources).toEqual([])
    const spill = feed(MAPS.find(([name]) => name.includes('more sources than it lists'))![1])
    expect(spill.map?.sources).toEqual(['a.ts', '', 'b.ts', 'c.ts'])
    expect(spill.calls).toEqual([
      [0, 'A'],
      [1, 'X'],
      [3, 'C'],
    ])
  })

  test('each embedded source is handed over as soon as its string ends', () => {
    const bytes = utf8('{"sourcesContent":["first","second"],"sources":["a","b"]}')
    const calls: number[] = []
    const scanner = new MapScanner((i) => calls.push(i))
    scanner.write(bytes.subarray(0, bytes.indexOf('first') + 6))
    expect(calls).toEqual([0])
    scanner.write(bytes.subarray(bytes.indexOf('first') + 6))
    scanner.end()
    expect(calls).toEqual([0, 1])
  })

  test('scanMap reads a latin1 string or a buffer held whole', () => {
    const bytes = MAPS[4][1]
    expect(scanMap(bytes.toString('latin1'), () => {})).toEqual(feed(bytes).map)
    expect(scanMap(bytes, () => {})).toEqual(feed(bytes).map)
  })
})

/** 'malformed' for a MalformedMap; anything else thrown fails the test. */
function outcome(bytes: Buffer, cuts: number[] = []): string {
  try {
    return feed(bytes, cuts).notAMap ? 'not a map' : 'read'
  } catch (err) {
    if (err instanceof MalformedMap) return 'malformed'
    throw err
  }
}

describe('MapScanner: malformed maps', () => {
  test.each(MAPS.filter(([name]) => name !== 'whitespace everywhere'))(
    'truncated anywhere: %s',
    (_name, bytes) => {
      const brace = bytes.indexOf('{', bytes.indexOf('\n') + 1)
      for (let end = 0; end < bytes.length; end++) {
        const cut = bytes.subarray(0, end)
        expect([end, outcome(cut)]).toEqual([end, end <= brace ? 'not a map' : 'malformed'])
      }
    },
  )

  test.each([
    ['{"sources":["a"', "map ends early: expected ',' or ']' at offset 15"],
    ['{"sources":["a', 'unterminated string at offset 12'],
    ['{"x":"unterminated}', 'unterminated string at offset 5'],
    ['{"a":tru}', 'unexpected value at offset 5'],
    ['{"a":01}', 'unexpected value at offset 5'],
    ['{"a":-}', 'unexpected value at offset 5'],
    ['{"a":x}', 'unexpected value at offset 5'],
    ['{"a":@}', 'unexpected value at offset 5'],
    ['{"a":[1 2]}', "expected ',' or ']' at offset 8"],
    ['{"a" 1}', "expected ':' at offset 5"],
    ['{"a":1,}', 'expected a string at offset 7'],
    ['{a:1}', "expected a string or '}' at offset 1"],
    ['{"sources":[1,}', 'unexpected value at offset 14'],
    ['{"sources":{}}', "expected '[' at offset 11"],
    ['{"sections":[1]}', "expected '{' at offset 13"],
    ['{"sources":["bad \\x escape"]}', 'invalid string at offset 12'],
    ['{"sources":["raw\ncontrol"]}', 'invalid string at offset 12'],
    ['{} trailing', 'data after the map object at offset 3'],
    ['{}{}', 'data after the map object at offset 2'],
    [')]}\'\n{"a":x}', 'unexpected value at offset 10'],
  ])('%j: %s', (text, message) => {
    const bytes = Buffer.from(text, 'latin1')
    for (const cuts of [[], everyByte(bytes)]) {
      expect(() => feed(bytes, cuts)).toThrow(new MalformedMap(message))
    }
  })

  test('an error sticks: later writes and end throw it again', () => {
    const scanner = new MapScanner(() => {})
    expect(() => scanner.write(utf8('{"a":?'))).toThrow(MalformedMap)
    expect(() => scanner.write(utf8('1}'))).toThrow('unexpected value at offset 5')
    expect(() => scanner.end()).toThrow('unexpected value at offset 5')
  })

  test.each([100_000, 1_000_000])('%d nested arrays: MalformedMap, not a stack overflow', (n) => {
    const bytes = utf8(`{"x":${'['.repeat(n)}${']'.repeat(n)}}`)
    expect(() => feed(bytes, [64 * 1024])).toThrow(
      new MalformedMap('nesting deeper than 10000 at offset 10004'),
    )
  })

  test('deep but bounded nesting is read', () => {
    const n = 4_900 // two levels each: 9,801 with the map object
    const bytes = utf8(`{"x":${'[{"a":'.repeat(n)}1${'}]'.repeat(n)},"sources":["d.ts"]}`)
    expect(feed(bytes).map?.sources).toEqual(['d.ts'])
  })
})

describe('MapScanner: memory', () => {
  const heap = () => {
    const m = process.memoryUsage()
    return m.heapUsed + m.arrayBuffers
  }
  const CHUNK = Buffer.alloc(64 * 1024, 'AAAA;CAAC,')
  const CHUNKS = 800 // 52 MB

  /** Peak growth of heap plus buffers while a 52 MB string is fed in 64 KB chunks. */
  function peakWhileFeeding(key: string): { peak: number; scanner: MapScanner } {
    const scanner = new MapScanner(() => {})
    const list = key === 'sourcesContent'
    scanner.write(utf8(`{"version":3,"sources":["a.ts"],"${key}":${list ? '["' : '"'}`))
    // Growth over the lowest reading so far: a collection of other tests' garbage while this
    // runs lowers the base instead of hiding what the scanner holds.
    let low = heap()
    let peak = 0
    for (let i = 0; i < CHUNKS; i++) {
      scanner.write(CHUNK)
      const now = heap()
      low = Math.min(low, now)
      peak = Math.max(peak, now - low)
    }
    scanner.write(utf8(list ? '"]}' : '"}'))
    return { peak, scanner }
  }

  test('a 52 MB mappings string is crossed, not held', () => {
    const { peak, scanner } = peakWhileFeeding('mappings')
    expect(scanner.end()).toEqual({ sources: ['a.ts'], contentBytes: [], isMap: true })
    expect(peak).toBeLessThan(8 * 1024 * 1024)
  })

  test('(the same measure sees an embedded source that is held)', () => {
    const { peak, scanner } = peakWhileFeeding('sourcesContent')
    expect(scanner.end()?.contentBytes).toEqual([CHUNK.length * CHUNKS])
    expect(peak).toBeGreaterThan(26 * 1024 * 1024)
  })

  test('an embedded source over 64 MiB is refused', () => {
    const scanner = new MapScanner(() => {})
    const head = '{"sources":["a.ts"],"sourcesContent":["'
    scanner.write(utf8(head))
    expect(() => {
      for (let i = 0; i < 1100; i++) scanner.write(CHUNK)
    }).toThrow(new MalformedMap(`an embedded source over 64 MiB at offset ${head.length - 1}`))
  })
})

describe('MapScanner: what is not a map', () => {
  const blank = (n: number) => ' '.repeat(n)
  test.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r '],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a string', '"{}"'],
    ['text', 'export default {}'],
    ['binary', '\u0000\u0001\u0002\u0003'],
    // (MapDecoder drops a BOM before the scanner sees the bytes: see map-sniff.test.ts)
    ['a UTF-8 BOM', '\u00ef\u00bb\u00bf{}'],
    ['whitespace, then text', `${blank(5000)}x{}`],
    ['a prefix line that never ends', ")]}'{}"],
    ['half a prefix', ')]{}'],
  ])('%s', (_name, text) => {
    const bytes = Buffer.from(text, 'latin1')
    for (const cuts of [[], everyByte(bytes)]) {
      expect(feed(bytes, cuts)).toEqual({ map: undefined, calls: [], notAMap: true })
    }
    expect(() => scanMap(bytes, () => {})).toThrow(MalformedMap)
  })

  test.each([
    ['a `{` after whitespace of any length', `${blank(5000)}\n\t{}`],
    ['whitespace before the prefix line', " \n)]}'\n{}"],
    ['a prefix line', ")]}'\n{}"],
    ['a prefix line, then whitespace', ")]}' anything\r\n \n{}"],
  ])('a map: %s', (_name, text) => {
    const bytes = Buffer.from(text, 'latin1')
    for (const cuts of [[], everyByte(bytes)]) {
      expect(feed(bytes, cuts).map).toEqual({ sources: [], contentBytes: [], isMap: false })
    }
  })

  test('known from the first bytes; later writes are ignored', () => {
    const scanner = new MapScanner(() => {})
    scanner.write(utf8(' \n'))
    expect(scanner.notAMap).toBe(false)
    scanner.write(utf8('<html>'))
    expect(scanner.notAMap).toBe(true)
    scanner.write(utf8('{"sources":["a.ts"'))
    expect(scanner.end()).toBeUndefined()
  })
})
