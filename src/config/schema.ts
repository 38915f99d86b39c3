import { SEVERITIES } from '../findings.js'
import type { Raw, Resolved, Spec } from './spec.js'

// The one description of `.github/packguard.yml`. Its types (RawConfig, ResolvedConfig), its
// defaults, the validator's messages, schemas/packguard.schema.json and the README's
// configuration reference all come from here: a key is added by adding it here.

const ascending = [...SEVERITIES].reverse()
const globs = { type: 'array', items: { type: 'string' } } as const
const mapPolicy = {
  type: 'enum',
  values: ['allow', 'warn', 'forbid'],
  examples: ['allow'],
} as const
const percent = { type: 'number', min: 0, description: 'Percent of the expected value' } as const
const bytes = { type: 'size', description: 'Bytes, as a size' } as const
const fileCount = { type: 'integer', min: 0, description: 'Number of files' } as const
const tolerance = (what: string) =>
  `${what} must change by more than every bound given to count; one given replaces the default whole`

/** A team's own content rule (`content/<name>`); compiled by `compileContentRule`. */
export const CONTENT_RULE = {
  type: 'object',
  props: {
    name: {
      type: 'string',
      description: 'Lowercase letters, digits and dashes; its findings are `content/<name>`',
    },
    pattern: {
      type: 'string',
      description: 'An RE2 regular expression (linear time); give `pattern` or `strings`',
    },
    strings: {
      ...globs,
      description: 'Literal strings, word-bounded; give `pattern` or `strings`',
    },
    flags: {
      type: 'string',
      description:
        'RE2 flags among `i`, `m`, `s` (default: `i` for `strings`, none for a `pattern`)',
    },
    files: { ...globs, description: 'Globs of the files to search (default: every text file)' },
    severity: {
      type: 'enum',
      values: ascending,
      default: 'error',
      description: 'Severity of its findings',
    },
    message: { type: 'string', description: 'Shown instead of the default message' },
  },
  required: ['name'],
} as const satisfies Spec

export const CONFIG_SCHEMA = {
  type: 'object',
  description: 'packguard configuration (`.github/packguard.yml`)',
  props: {
    extends: {
      type: 'enum',
      values: ['recommended', 'strict', 'none'],
      default: 'recommended',
      description:
        'Preset of rule severities: documented, all errors, or only declared and fail-closed rules',
    },
    files: {
      type: 'object',
      description: 'What the package must, may and must not hold (globs)',
      props: {
        allow: {
          ...globs,
          description: 'The only files allowed; anything else is `file/unexpected`',
          examples: [['dist/', 'package.json', 'README.md', 'LICENSE']],
        },
        forbid: {
          ...globs,
          default: [],
          description: 'Files that must not ship (`file/forbidden`)',
          examples: [['*.map', '.env', 'src/**']],
        },
        require: {
          ...globs,
          default: [],
          description: 'Files that must ship (`file/missing`)',
          examples: [['dist/index.js', 'dist/index.d.ts']],
        },
      },
    },
    limits: {
      type: 'object',
      description: 'Size budgets of the package (`size/*`); none by default',
      props: {
        'max-total-size': {
          type: 'size',
          description: 'Unpacked size of the whole package (`size/total`)',
          examples: ['5MB'],
        },
        'max-file-size': {
          type: 'size',
          description: 'Size of any one file (`size/file`)',
          examples: ['1MB'],
        },
        'max-files': {
          type: 'integer',
          min: 0,
          description: 'Number of files (`size/file-count`)',
          examples: [300],
        },
      },
    },
    rules: {
      type: 'map',
      key: 'rule id',
      values: { type: 'enum', values: ['off', ...ascending] },
      default: {},
      description: 'Severity of any rule by id, over the preset (see docs/rules.md)',
      examples: [{ 'archive/link': 'off' }],
    },
    sourcemaps: {
      type: 'object',
      description:
        'Shipping maps on purpose: `allow` turns the rule off, `warn` makes it a warning, `forbid` an error',
      props: {
        files: {
          ...mapPolicy,
          description: '`.map` files listing their sources (`sourcemap/file`)',
        },
        'sources-content': {
          ...mapPolicy,
          description:
            'Maps embedding their sources (`sourcemap/sources-content`, `sourcemap/inline`)',
        },
        'external-urls': {
          ...mapPolicy,
          description: 'A `sourceMappingURL` pointing to another host (`sourcemap/external-url`)',
          examples: ['warn'],
        },
      },
    },
    content: {
      type: 'array',
      items: CONTENT_RULE,
      default: [],
      description: "The team's own words that must not ship: codenames, internal hosts",
      examples: [
        [
          { name: 'codename', strings: ['Nightingale', 'project-falcon'] },
          {
            name: 'internal-hosts',
            pattern: '[a-z0-9-]+\\.corp\\.example\\.com',
            flags: 'i',
            files: ['dist/**'],
            severity: 'warning',
            message: 'internal hostname',
          },
        ],
      ],
    },
    ignore: {
      type: 'array',
      items: {
        type: 'object',
        props: {
          rule: { type: 'string', description: 'A rule id, or a family as `file/*`' },
          path: { type: 'string', description: 'Only findings on files matching this glob' },
          reason: { type: 'string', description: 'Why; shown in the report' },
        },
        required: ['rule', 'reason'],
      },
      default: [],
      description: 'Documented suppressions; suppressed findings are still listed',
      examples: [
        [
          {
            rule: 'file/forbidden',
            path: 'dist/vendor.js.map',
            reason: 'vendored map, reviewed in #123',
          },
        ],
      ],
    },
    drift: {
      type: 'object',
      description: 'What the artifact is compared with, and how closely',
      props: {
        lockfile: {
          type: 'string',
          description: 'Lockfile written by `packguard snapshot` (or `--lockfile`)',
          examples: ['packguard.lock.json'],
        },
        baseline: {
          type: 'string',
          description:
            'An artifact, `npm:<name>@<version|tag>` or `npm:previous` (or `--baseline`)',
          examples: ['npm:previous'],
        },
        compare: {
          type: 'enum',
          values: ['size', 'content'],
          default: 'size',
          description: '`content` also compares sha256, for reproducible builds',
        },
        'size-tolerance': {
          type: 'object',
          props: { percent, bytes },
          default: { percent: 20, bytes: '4KiB' },
          description: tolerance("A file's size"),
        },
        'total-size-tolerance': {
          type: 'object',
          props: { percent, bytes },
          default: { percent: 10, bytes: '100KB' },
          description: tolerance('The total size'),
        },
        'file-count-tolerance': {
          type: 'object',
          props: { percent, files: fileCount },
          default: { percent: 10, files: 5 },
          description: tolerance('The number of files'),
        },
      },
    },
    safety: {
      type: 'object',
      description: 'Limits on reading the artifact itself; past one, `archive/limit-exceeded`',
      props: {
        'max-total-bytes': {
          type: 'size',
          default: '2GiB',
          description: 'Unpacked bytes read from one artifact',
        },
        'max-entry-bytes': {
          type: 'size',
          default: '512MiB',
          description: 'Bytes of one entry; a larger one is not read',
        },
        'max-entries': {
          type: 'integer',
          min: 1,
          default: 250_000,
          description: 'Entries in one artifact',
        },
        'max-ratio': {
          type: 'number',
          min: 1,
          default: 200,
          description: 'Unpacked bytes per compressed byte (checked past 16 MiB)',
        },
        'max-depth': {
          type: 'integer',
          min: 0,
          default: 3,
          description: 'How deep archives inside archives are opened',
        },
      },
    },
  },
} as const satisfies Spec

/** The config file as YAML gives it, once validated. */
export type RawConfig = Raw<typeof CONFIG_SCHEMA>
/** The config file with defaults filled in, sizes in bytes and camelCase keys. */
export type ResolvedConfig = Resolved<typeof CONFIG_SCHEMA>
