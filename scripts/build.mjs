// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
const ncc = (entry, out) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '-q'], {
    stdio: 'inherit',
  })
ncc('src/index.ts', 'dist')
ncc('src/bin.ts', 'dist/cli')
ncc('src/scan-worker.ts', 'dist/worker')
