import { boundDetector } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'

/** `cio` is too short to look for alone: a token is found near the words crates.io or cargo. */
export const cratesToken = boundDetector({
  id: 'secret/crates-io-token',
  title: 'crates.io API token',
  provider: 'crates.io',
  description:
    'A crates.io API token (`cio` + 32 letters and digits) near the words crates.io or cargo.',
  near: ['crates', 'cargo'],
  before: 512,
  after: 512,
  value: 'cio[A-Za-z0-9]{32}',
  chars: 'A-Za-z0-9_-',
  anywhere: true,
  verify: (v) => (/[0-9]/.test(v) && /[A-Z]/.test(v) ? undefined : false),
  samples: {
    match: () => [
      `# ~/.cargo/credentials.toml\n[registry]\ntoken = "cio${fake(32, ALNUM, 'cio-1')}"\n`,
      `CARGO_REGISTRY_TOKEN=cio${fake(32, ALNUM, 'cio-2')}`,
    ],
    noMatch: () => [
      `CARGO_REGISTRY_TOKEN=cio${'x'.repeat(32)}`,
      'CARGO_REGISTRY_TOKEN=${{ secrets.CRATES_TOKEN }}',
      `cio${fake(32, ALNUM, 'cio-3')}`,
      'cargo build --features precious',
    ],
  },
})
