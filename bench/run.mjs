// npm run bench: packguard's speed and memory on large inputs, as ratios to what is measured in
// the same run on the same machine: the floor (`gzip -dc` of the same tarball) and a peer
// (secretlint with its recommended preset, on the same files extracted). Inputs are generated
// once into a cache outside the repo (PACKGUARD_BENCH_CACHE, default ~/.cache/packguard-bench).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, homedir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  generateBomb,
  generateEntries,
  generateManyFiles,
  generatePackage,
  pack,
} from './generate.mjs'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
const CLI = join(ROOT, 'dist', 'cli', 'index.js')
const CACHE = process.env.PACKGUARD_BENCH_CACHE || join(homedir(), '.cache', 'packguard-bench')
const RUNS = Number(process.env.BENCH_RUNS || 3)
const QUICK = Boolean(process.env.BENCH_QUICK)
const PEER_TIMEOUT = Number(process.env.BENCH_PEER_TIMEOUT || 900) // seconds
mkdirSync(CACHE, { recursive: true })

async function input(name, make) {
  const file = join(CACHE, `${name}.tgz`)
  if (!existsSync(file)) {
    process.stderr.write(`generating ${name} ...\n`)
    await make(file)
  }
  return file
}

/** Best wall time (s) and its peak RSS (MB) over `runs` runs of a command. */
function measure(cmd, args, { runs = RUNS, timeout, cwd } = {}) {
  let best
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      timeout: timeout ? timeout * 1000 : undefined,
      cwd,
    })
    if (r.error || r.signal) return { secs: NaN, rssMb: NaN, timedOut: true }
    const [secs, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number)
    if (!best || secs < best.secs) best = { secs, rssMb: kb / 1024, status: r.status }
  }
  return best
}

const unpackedBytes = (file) =>
  Number(
    execFileSync('sh', ['-c', `gzip -dc '${file}' | wc -c`])
      .toString()
      .trim(),
  )

/** secretlint and its recommended preset, installed once into the cache (never a project dependency). */
function secretlint() {
  const dir = join(CACHE, 'secretlint')
  const bin = join(dir, 'node_modules', '.bin', 'secretlint')
  if (!existsSync(bin)) {
    process.stderr.write('installing secretlint into the bench cache ...\n')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), '{"private":true}')
    writeFileSync(
      join(dir, '.secretlintrc.json'),
      '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}',
    )
    execFileSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        'secretlint@13',
        '@secretlint/secretlint-rule-preset-recommend@13',
      ],
      { cwd: dir, stdio: 'ignore' },
    )
  }
  return { bin, config: join(dir, '.secretlintrc.json') }
}

function extracted(file) {
  const dir = `${file}.d`
  if (!existsSync(dir)) {
    mkdirSync(dir)
    execFileSync('tar', ['-xzf', file, '-C', dir])
  }
  return join(dir, 'package')
}

const rows = []
async function bench(label, file, { peer = true } = {}) {
  const mb = unpackedBytes(file) / 1e6
  const floor = measure('sh', ['-c', `gzip -dc '${file}' > /dev/null`])
  const run = measure(process.execPath, [
    CLI,
    'check',
    file,
    '--format',
    'json',
    '--output',
    '/dev/null',
  ])
  let other
  if (peer && !process.env.BENCH_NO_PEER) {
    const sl = secretlint()
    const dir = extracted(file)
    other = measure(sl.bin, ['--secretlintrc', sl.config, '--maskSecrets', '**/*'], {
      runs: 1,
      timeout: PEER_TIMEOUT,
      cwd: dir,
    })
  }
  rows.push({ label, mb, floor, run, other })
  process.stderr.write(
    `${label}: ${run.secs}s (floor ${floor.secs}s${other ? `, secretlint ${other.timedOut ? 'timed out' : `${other.secs}s`}` : ''}), ${Math.round(run.rssMb)} MB peak\n`,
  )
}

await bench(
  '~100 MB npm package (13 MB bundle, 60 MB map with sources, native binaries)',
  await input('big-x1', (f) => pack(generatePackage(`${f}.src`, 1), f)),
)
if (!QUICK) {
  await bench('same, 2x', await input('big-x2', (f) => pack(generatePackage(`${f}.src`, 2), f)), {
    peer: false,
  })
  await bench('same, 4x', await input('big-x4', (f) => pack(generatePackage(`${f}.src`, 4), f)), {
    peer: false,
  })
  await bench(
    '60,000-file package',
    await input('many-60k', (f) => pack(generateManyFiles(`${f}.src`, 60_000), f)),
  )
  await bench(
    '200,000-entry package (one-line files)',
    await input('entries-200k', (f) => generateEntries(f, 200_000)),
    { peer: false },
  )
  await bench(
    '1 GiB gzip bomb (stopped by the safety limits)',
    await input('bomb-1g', (f) => generateBomb(f, 1024)),
    { peer: false },
  )
}

const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a')
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`
const lines = [
  '# packguard benchmark',
  '',
  `Run ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${machine}; best of ${RUNS} runs (secretlint: one run, ${PEER_TIMEOUT} s limit).`,
  'Floor: `gzip -dc` of the same tarball to /dev/null. Peer: secretlint 13 with its recommended preset on the same files, extracted. All in the same run.',
  '',
  '| input | unpacked | packguard check | floor | vs floor | MB/s | peak RSS | secretlint | packguard faster by |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const peer = !r.other
      ? ''
      : r.other.timedOut
        ? `> ${PEER_TIMEOUT} s`
        : `${fmt(r.other.secs)} s, ${Math.round(r.other.rssMb)} MB`
    const faster = !r.other
      ? ''
      : r.other.timedOut
        ? `> ${fmt(PEER_TIMEOUT / r.run.secs, 0)}x`
        : `${fmt(r.other.secs / r.run.secs, 1)}x`
    return `| ${r.label} | ${r.mb.toFixed(0)} MB | ${fmt(r.run.secs)} s | ${fmt(r.floor.secs)} s | ${fmt(r.run.secs / r.floor.secs)}x | ${(r.mb / r.run.secs).toFixed(0)} | ${Math.round(r.run.rssMb)} MB | ${peer} | ${faster} |`
  }),
  '',
]
const out = lines.join('\n')
process.stdout.write(out)
if (!QUICK) writeFileSync(join(ROOT, 'bench', 'results.md'), out)
