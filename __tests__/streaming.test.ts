import { describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { check } from '../src/check.js'
import { useWorker } from '../src/deps.js'
import { workerHost } from '../src/rules/secrets/engine/offload/thread.js'
import { parseConfig } from '../src/config/parse.js'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { scanSecrets, secretSink, secretScan } from '../src/rules/secrets/scan.js'
import { fake, ALNUM } from '../src/rules/secrets/kit/samples.js'
import type { RawFinding } from '../src/findings.js'
import { Windows, type WindowSizes } from '../src/rules/windows.js'
import { NESTED_IN_MEMORY, STREAM_ABOVE } from '../src/sources/body.js'
import { checkBytes } from './helpers/check.js'
import { ROOT, runCli } from './helpers/run.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { prng } from './helpers/hostile.js'
import { npmTgz, tar } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

// Files over STREAM_ABOVE are never held whole: they stream through the rules in windows. These
// tests check that a streamed file gives the findings a whole one would, wherever windows and
// chunks cut it.

const SMALL: WindowSizes = { own: 300, before: 64, after: 4096 }

/** Feeds `text` to a sink in random chunk sizes. */
function feed(sink: { write(c: Buffer): void; end(): void }, text: string, seed: number): void {
  const bytes = Buffer.from(text, 'latin1')
  const rnd = prng(seed)
  for (let at = 0; at < bytes.length;) {
    const n = 1 + Math.floor(rnd() * 700)
    sink.write(bytes.subarray(at, at + n))
    at += n
  }
  sink.end()
}

const key = (f: RawFinding) => `${f.rule} ${f.line}:${f.column} ${f.evidence}`

function whole(text: string): string[] {
  const out: RawFinding[] = []
  scanSecrets(text, 'f.js', (f) => out.push(f))
  return out.map(key)
}

function streamed(text: string, seed: number, sizes = SMALL): string[] {
  const out: RawFinding[] = []
  feed(
    secretSink('f.js', (f) => out.push(f), undefined, sizes),
    text,
    seed,
  )
  return out.map(key)
}

describe('windows', () => {
  test('every byte is owned by exactly one window, and lines are counted across them', () => {
    const text = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n')
    const owned: string[] = []
    const lines: number[] = []
    const w = new Windows((bytes, pos) => {
      owned.push(bytes.toString('latin1', pos.from, pos.to))
      const upTo = bytes.toString('latin1', 0, pos.from)
      lines.push(pos.line + (upTo.match(/\n/g)?.length ?? 0))
    }, SMALL)
    feed(w, text, 1)
    expect(owned.join('')).toBe(text)
    // The line number at each own part's start matches the text's.
    let at = 0
    owned.forEach((part, i) => {
      expect(lines[i]).toBe(text.slice(0, at).split('\n').length)
      at += part.length
    })
  })
})

describe('a streamed file is scanned for secrets as a whole one is', () => {
  const samples = DETECTORS.flatMap((d) => d.samples.match().map((s) => ({ id: d.id, s })))

  test.each([0, 1, 2])(
    'every detector sample, cut by a window edge at several places (seed %i)',
    (seed) => {
      const rnd = prng(seed + 10)
      for (const { s } of samples) {
        // The sample starts `back` bytes before the first window boundary (300), on a line of its
        // own: at the boundary, across it by a few to many bytes, and well before it.
        for (const back of [0, 1, 5, 12, 20, 33, 47, 80, 150]) {
          const filler = `${'x = 1;'.padEnd(299 - back)}\n`
          const text = `${filler}${s}\nmore = 2;\n${'y'.repeat(Math.floor(rnd() * 50))}`
          const expected = whole(text)
          // Every must-match sample is found, so the comparison is never of two empty lists.
          expect(expected.length).toBeGreaterThan(0)
          expect(streamed(text, seed)).toEqual(expected)
        }
      }
    },
  )

  test('secrets in a long text with many windows keep their lines and columns', () => {
    const token = ['ghp', '_', fake(36, ALNUM, 'streaming')].join('')
    const lines = Array.from({ length: 3000 }, (_, i) =>
      i % 700 === 5 ? `const t${i} = "${token}"` : `const v${i} = ${i}`,
    )
    const text = lines.join('\n')
    const got = streamed(text, 3)
    expect(got).toEqual(whole(text))
    expect(got.length).toBeGreaterThan(0)
  })
})

/** A text of about `bytes` bytes of ordinary code, with `inject` at line `at`. */
function bigJs(bytes: number, inject: Record<number, string> = {}): string {
  const out: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const line = inject[i] ?? `function f${i}(a) { return a + ${i} } // https://example.com/${i}`
    out.push(line)
    size += line.length + 1
  }
  return out.join('\n')
}

function bigMap(sources: number, bytesEach: number, secretAt: number, secret: string): string {
  const body = (i: number) =>
    (i === secretAt ? `export const key = "${secret}"\n` : '') +
    `export const v${i} = ${i}\n`.padEnd(bytesEach, '/')
  return JSON.stringify({
    version: 3,
    sources: Array.from({ length: sources }, (_, i) => `../src/f${i}.ts`),
    sourcesContent: Array.from({ length: sources }, (_, i) => body(i)),
    mappings: 'AAAA;'.repeat(200_000),
  })
}

describe('a package with files over STREAM_ABOVE', () => {
  // A valid npm token (its checksum holds), taken from the detector's own samples.
  const npmSample = DETECTORS.find((d) => d.id === 'secret/npm-token')?.samples.match()[0] ?? ''
  const token = /npm_[A-Za-z0-9]{36}/.exec(npmSample)?.[0] as string
  const inline = Buffer.from(bigMap(10, 300_000, 4, token)).toString('base64')
  const files = {
    'package.json': '{"name":"big","version":"1.0.0","bin":{"big":"cli.js"}}',
    // The token on line 30,000 lies past the first windows; the inline map is over 4 MB.
    'cli.js': `#!/usr/bin/env node\n${bigJs(3 * 1024 * 1024, { 30_000: `const t = "${token}"` })}\n//# sourceMappingURL=data:application/json;base64,${inline}\n//# sourceMappingURL=https://maps.example.com/cli.js.map\n`,
    'cli.js.map': bigMap(40, 100_000, 33, token),
    'notes.txt': bigJs(2.5 * 1024 * 1024, {
      100: 'Project BLUEBIRD ships here',
      20_000: 'BLUEBIRD',
    }),
  }
  const config = `content:\n  - name: codename\n    strings: [bluebird]\n`

  const expectFindings = (r: Awaited<ReturnType<typeof check>>) => {
    for (const [name, f] of Object.entries(files))
      if (name !== 'package.json') expect(f.length).toBeGreaterThan(STREAM_ABOVE)
    const got = r.findings.map((f) => `${f.rule} ${f.file}${f.line ? `:${f.line}` : ''}`)
    const lines = files['cli.js'].split('\n')
    const inlineLine = lines.findIndex((l) => l.includes('URL=data:')) + 1
    const externalLine = lines.findIndex((l) => l.includes('URL=https:')) + 1
    expect(got).toEqual(
      expect.arrayContaining([
        'secret/npm-token cli.js:30002',
        `sourcemap/inline cli.js:${inlineLine}`,
        `secret/npm-token cli.js:${inlineLine}!inline-map!sources[4]:1`,
        `sourcemap/external-url cli.js:${externalLine}`,
        'sourcemap/sources-content cli.js.map',
        'secret/npm-token cli.js.map!sources[33]:1',
        'content/codename notes.txt:101',
      ]),
    )
    const map = r.findings.find((f) => f.rule === 'sourcemap/sources-content')
    expect(map?.message).toMatch(
      /^cli\.js\.map embeds 40 original source files \(.+\) from \.\.\/src\/$/,
    )
    const codename = r.findings.find((f) => f.rule === 'content/codename')
    expect(codename?.message).toContain('2 times')
    // The shebang is read from the head of the streamed file: no bin-shebang finding.
    expect(got.some((g) => g.startsWith('metadata/bin-shebang'))).toBe(false)
    expect(JSON.stringify(r)).not.toContain(token)
  }

  test('in an npm tarball', async () => {
    expectFindings(await checkBytes('big-1.0.0.tgz', npmTgz(files, { 'cli.js': 0o755 }), config))
  })

  test('in a folder', async () => {
    const dir = await tempDir()
    await writeTree(join(dir, 'pkg'), files)
    const r = await check({
      cwd: dir,
      artifacts: ['pkg'],
      config: parseConfig(config, 't.yml'),
      failOn: 'error',
      pack: false,
    })
    expectFindings(r)
  })

  test('in a zip', async () => {
    const items = Object.entries(files).map(([name, content]) => ({
      name,
      content,
      method: 8 as const,
    }))
    expectFindings(await checkBytes('big.zip', zip(items), config))
  })
})

describe('streamed entries that cannot be trusted', () => {
  test('a big zip entry whose data is longer than it declares is an error, as a small one is', async () => {
    const content = 'a'.repeat(STREAM_ABOVE + 10)
    const bytes = zip([{ name: 'big.txt', content, method: 8 }])
    // Shrink the declared size in both headers: the data then says more than its entry.
    const declared = Buffer.alloc(4)
    declared.writeUInt32LE(STREAM_ABOVE + 5)
    const le = Buffer.alloc(4)
    le.writeUInt32LE(content.length)
    for (let at = bytes.indexOf(le); at >= 0; at = bytes.indexOf(le, at + 4))
      declared.copy(bytes, at)
    const r = await checkBytes('big.zip', bytes)
    const mismatch = r.findings.find((f) => f.rule === 'archive/zip-mismatch')
    expect(mismatch?.severity).toBe('error')
    expect(mismatch?.message).toContain(
      `declares ${STREAM_ABOVE + 5} bytes but its data holds ${content.length}`,
    )
  })

  test('a streamed nested archive is still opened', async () => {
    const inner = npmTgz({
      'package.json': '{"name":"inner","version":"1.0.0"}',
      '.env': 'A=1',
      'pad.bin': randomBytes(STREAM_ABOVE + 1000),
    })
    expect(inner.length).toBeGreaterThan(STREAM_ABOVE)
    const r = await checkBytes(
      'outer-1.0.0.tgz',
      npmTgz({ 'package.json': '{"name":"o","version":"1.0.0"}', 'vendor/inner.tgz': inner }),
    )
    expect(r.findings.map((f) => `${f.rule} ${f.file}`)).toContain(
      'file/sensitive-env vendor/inner.tgz!/.env',
    )
  })
})

describe('secret scanning on a worker thread (the built CLI)', () => {
  test('finds exactly what scanning on the main thread finds', async () => {
    const samples = DETECTORS.flatMap((d) => d.samples.match())
    const files: Record<string, string> = {
      'package.json': '{"name":"w","version":"1.0.0","files":["lib"]}',
      // Big files stream in windows; the map's sources and the many small files are whole texts,
      // enough work that some of it is shared back to the main thread.
      'lib/big.js': bigJs(3 * 1024 * 1024, Object.fromEntries(samples.map((s, i) => [i * 997, s]))),
      'lib/app.js.map': bigMap(60, 60_000, 7, samples[0]),
    }
    samples.forEach((s, i) => (files[`lib/small/f${i}.js`] = `${bigJs(200_000)}\n${s}\n`))
    const dir = await tempDir()
    await writeTree(join(dir, 'pkg'), files)
    const run = (env: Record<string, string>) => {
      const r = runCli(['check', 'pkg', '--format', 'json'], { cwd: dir, env })
      expect(r.stderr).toBe('')
      return (JSON.parse(r.stdout) as { findings: unknown[] }).findings
    }
    // The built CLI finds its worker bundle here; without it both runs would be on one thread.
    expect(existsSync(join(ROOT, 'dist', 'worker', 'index.js'))).toBe(true)
    const onWorker = run({ PACKGUARD_WORKER: '1' })
    expect(onWorker.length).toBeGreaterThan(samples.length)
    expect(onWorker).toEqual(run({ PACKGUARD_WORKER: '0' }))
  })
})

describe('the scan worker', () => {
  test('runs when asked, never when refused, else from three cores up', () => {
    expect(useWorker('1', 1)).toBe(true)
    expect(useWorker('0', 64)).toBe(false)
    expect(useWorker(undefined, 2)).toBe(false)
    expect(useWorker(undefined, 3)).toBe(true)
    expect(useWorker('yes', 4)).toBe(true)
  })

  test.each([
    ['throws', `throw new Error('boom at start')`, /boom at start/],
    [
      'answers with a failure',
      `import { parentPort } from 'node:worker_threads'
       parentPort.on('message', () => parentPort.postMessage({ failed: 'bad job' }))`,
      /secret scanning failed: bad job/,
    ],
  ])('that %s fails the scan with its error, never reports it clean', async (_, code, error) => {
    const dir = await tempDir()
    const script = join(dir, 'worker.mjs')
    writeFileSync(script, code)
    const host = workerHost(script, secretScan)
    const found: RawFinding[] = []
    const scanning = host.open((f) => found.push(f))
    // Enough to start the worker (the first 2 MB are scanned here) and hand it work.
    const text = 'x'.repeat(4096)
    for (let i = 0; i < 1200; i++) scanning.text(text, `f${i}.js`)
    try {
      await expect(
        (async () => {
          await scanning.ready()
          await scanning.settle()
        })(),
      ).rejects.toThrow(error)
    } finally {
      await host.close()
    }
  })
})

describe('nested archives are opened from memory, up to a bound', () => {
  test('one over NESTED_IN_MEMORY is not opened and says so', async () => {
    // A plain tar of zeros inside an npm tarball: cheap to build, compresses to almost nothing.
    const inner = tar([
      { name: 'package/zeros.bin', content: Buffer.alloc(NESTED_IN_MEMORY + 1024) },
    ])
    const outer = npmTgz({
      'package.json': '{"name":"o","version":"1.0.0"}',
      'vendor/big.tar': inner,
    })
    const r = await checkBytes('o-1.0.0.tgz', outer, 'safety:\n  max-ratio: 100000\n')
    const limit = r.findings.find((f) => f.rule === 'archive/limit-exceeded')
    expect(limit?.file).toBe('vendor/big.tar')
    expect(limit?.message).toBe(
      'vendor/big.tar is an archive over 128 MiB inside the artifact; nested archives are opened in memory, so its content was not checked',
    )
    expect(r.findings.some((f) => f.file.startsWith('vendor/big.tar!/'))).toBe(false)
  })
})
