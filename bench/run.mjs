// npm run bench: packguard's speed and memory on large inputs, as ratios to floors measured in
// the same run. Inputs are generated once into a cache outside the repo.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, homedir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateManyFiles, generatePackage, pack } from './generate.mjs'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
const CLI = join(ROOT, 'dist', 'cli', 'index.js')
const CACHE = process.env.PACKGUARD_BENCH_CACHE || join(homedir(), '.cache', 'packguard-bench')
const RUNS = Number(process.env.BENCH_RUNS || 3)
mkdirSync(CACHE, { recursive: true })

async function input(name, make) {
  const file = join(CACHE, `${name}.tgz`)
  if (!existsSync(file)) {
    process.stderr.write(`generating ${name} ...\n`)
    await pack(make(join(CACHE, name)), file)
  }
  return file
}

/** Best wall time (s) and its peak RSS (MB) over RUNS runs of a command. */
function measure(cmd, args) {
  let best
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    })
    const last = r.stderr.trim().split('\n').at(-1)
    const [secs, kb] = last.split(' ').map(Number)
    if (!best || secs < best.secs) best = { secs, rssMb: kb / 1024, status: r.status }
  }
  return best
}

function unpackedBytes(file) {
  return Number(
    execFileSync('sh', ['-c', `gzip -dc '${file}' | wc -c`])
      .toString()
      .trim(),
  )
}

const rows = []
async function bench(label, file) {
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
  rows.push({ label, mb, floor, run })
  process.stderr.write(
    `${label}: ${run.secs}s (floor ${floor.secs}s), ${Math.round(run.rssMb)} MB peak\n`,
  )
}

await bench(
  '~100 MB npm package (13 MB bundle, 60 MB map with sources, native binaries)',
  await input('big-x1', (d) => generatePackage(d, 1)),
)
if (!process.env.BENCH_QUICK) {
  await bench('same, 2x', await input('big-x2', (d) => generatePackage(d, 2)))
  await bench('same, 0.5x', await input('big-x05', (d) => generatePackage(d, 0.5)))
  await bench('60,000-file package', await input('many-60k', (d) => generateManyFiles(d, 60_000)))
}

const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const lines = [
  `# packguard benchmark`,
  '',
  `Run ${new Date().toISOString().slice(0, 10)} on ${machine}; best of ${RUNS} runs each.`,
  'Floor: `gzip -dc` of the same tarball to /dev/null, measured in the same run.',
  '',
  '| input | unpacked | packguard check | floor (gzip -dc) | ratio | MB/s | peak RSS |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.mb.toFixed(0)} MB | ${r.run.secs.toFixed(2)} s | ${r.floor.secs.toFixed(2)} s | ${(r.run.secs / r.floor.secs).toFixed(2)}x | ${(r.mb / r.run.secs).toFixed(0)} | ${Math.round(r.run.rssMb)} MB |`,
  ),
  '',
]
const out = lines.join('\n')
process.stdout.write(out)
writeFileSync(join(ROOT, 'bench', 'results.md'), out)
