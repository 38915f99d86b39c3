// Generates realistic large inputs for `npm run bench`, cached outside the repo.
import { mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createWriteStream } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { create } from 'tar'

/** A small seeded PRNG so every run generates the same bytes. */
function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = [
  'token',
  'value',
  'request',
  'password',
  'handler',
  'config',
  'secret',
  'render',
  'client',
  'stream',
  'buffer',
  'options',
  'result',
  'key',
  'auth',
  'session',
  'github',
  'npm',
  'aws',
  'url',
]

/** JS-like source text of about `bytes` bytes: functions, strings, keywords that secret scanners key on. */
function jsText(bytes, random) {
  const parts = []
  let n = 0
  while (n < bytes) {
    const a = WORDS[Math.floor(random() * WORDS.length)]
    const b = WORDS[Math.floor(random() * WORDS.length)]
    const id = Math.floor(random() * 1e6).toString(36)
    const line = `function ${a}_${id}(${b}, opts) { const ${a}Key = "${b}-${id}"; if (opts.${b}) return https://example.com/${a}/${id} ? ${b}.${a}(${a}Key) : null; }\n`
    parts.push(line)
    n += line.length
  }
  return parts.join('')
}

/** A ~100 MB npm package like the headline incident, scaled by `scale` (1 = ~100 MB). */
export function generatePackage(dir, scale = 1) {
  const random = rng(42)
  rmSync(dir, { recursive: true, force: true })
  const root = join(dir, 'package')
  mkdirSync(join(root, 'vendor'), { recursive: true })
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'big-cli', version: '1.0.0', bin: { big: 'cli.js' } }),
  )
  writeFileSync(
    join(root, 'cli.js'),
    `#!/usr/bin/env node\n${jsText(13e6 * scale, random)}//# sourceMappingURL=cli.js.map\n`,
  )
  // The map: ~1,900 first-party and ~2,850 dependency sources with content, plus mappings.
  const first = Math.round(1906 * scale)
  const deps = Math.round(2850 * scale)
  const sources = []
  const contents = []
  for (let i = 0; i < first; i++) {
    sources.push(`../src/${['tools', 'commands', 'ui', 'services'][i % 4]}/file${i}.ts`)
    contents.push(jsText(10_000, random))
  }
  for (let i = 0; i < deps; i++) {
    sources.push(`../node_modules/dep${i % 300}/lib/m${i}.js`)
    contents.push(jsText(9_000, random))
  }
  const mappings = 'AAAA,SAAS,CAAC;AACD,GAAG,EAAE;'.repeat(Math.round(350_000 * scale))
  writeFileSync(
    join(root, 'cli.js.map'),
    JSON.stringify({
      version: 3,
      file: 'cli.js',
      sources,
      sourcesContent: contents,
      names: [],
      mappings,
    }),
  )
  // Native binaries: incompressible bytes with string constants, as compiled files have.
  for (const arch of ['x64-linux', 'arm64-linux', 'x64-darwin', 'arm64-darwin']) {
    mkdirSync(join(root, 'vendor', 'ripgrep', arch), { recursive: true })
    const bin = Buffer.alloc(Math.round(5e6 * scale))
    for (let i = 0; i < bin.length; i += 4) bin.writeUInt32LE(Math.floor(random() * 2 ** 32), i)
    writeFileSync(join(root, 'vendor', 'ripgrep', arch, 'rg'), bin, { mode: 0o755 })
  }
  for (let i = 0; i < 200; i++)
    writeFileSync(join(root, 'vendor', `small${i}.js`), jsText(2_000, random))
  return root
}

/** A package of `count` small files (the many-files case). */
export function generateManyFiles(dir, count) {
  const random = rng(7)
  rmSync(dir, { recursive: true, force: true })
  const root = join(dir, 'package')
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'many', version: '1.0.0' }))
  for (let i = 0; i < count; i++) {
    const sub = join(root, 'lib', `d${i % 200}`)
    if (i < 200) mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, `f${i}.js`), jsText(600, random))
  }
  return root
}

/** Packs `root` (a folder named package) into a .tgz next to it, as npm pack lays it out. */
export async function pack(root, file) {
  if (existsSync(file)) rmSync(file)
  await create({ gzip: true, file, cwd: join(root, '..'), portable: true }, ['package'])
  return file
}

/** A ustar header for a regular file. */
function fileHeader(name, size) {
  const header = Buffer.alloc(512)
  header.write(name, 0)
  header.write('0000644\0', 100)
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124)
  header.write('        ', 148)
  header.write('0', 156)
  header.write('ustar\0' + '00', 257)
  let sum = 0
  for (const b of header) sum += b
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  return header
}

function writer(file) {
  const out = createWriteStream(file)
  const write = (b) =>
    new Promise((resolve) => (out.write(b) ? resolve() : out.once('drain', resolve)))
  return { write, end: () => new Promise((resolve) => out.end(resolve)) }
}

/**
 * An npm tarball of `count` one-line files (the many-entries case), written as tar directly in
 * one gzip member per 1,000 entries: 200,000 files would take long to create on disk.
 */
export async function generateEntries(file, count) {
  const { write, end } = writer(file)
  const block = (content) =>
    Buffer.concat([content, Buffer.alloc(511 - ((content.length + 511) % 512))])
  const pkg = Buffer.from(JSON.stringify({ name: 'entries', version: '1.0.0', files: ['lib'] }))
  let parts = [fileHeader('package/package.json', pkg.length), block(pkg)]
  for (let i = 0; i < count; i++) {
    const content = Buffer.from(`module.exports = ${i} // https://example.com/${i}\n`)
    parts.push(fileHeader(`package/lib/d${i % 500}/f${i}.js`, content.length), block(content))
    if (parts.length >= 2000) {
      await write(gzipSync(Buffer.concat(parts)))
      parts = []
    }
  }
  await write(gzipSync(Buffer.concat([...parts, Buffer.alloc(1024)])))
  await end()
  return file
}

/**
 * A gzip bomb of `mib` MiB: one tar entry of zeros, written as many identical gzip members
 * (npm reads every member), so generating it never holds more than one member in memory.
 */
export async function generateBomb(file, mib) {
  const out = writer(file)
  const write = out.write
  await write(gzipSync(fileHeader('package/zeros', mib * 2 ** 20)))
  const member = gzipSync(Buffer.alloc(2 ** 20), { level: 9 })
  for (let i = 0; i < mib; i++) await write(member)
  await write(gzipSync(Buffer.alloc(1024)))
  await out.end()
  return file
}
