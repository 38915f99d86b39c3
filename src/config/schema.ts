import type { Spec } from './validate.js'
import { PRESETS } from './types.js'

const severity: Spec = { type: 'enum', values: ['off', 'notice', 'warning', 'error'] }
const globs: Spec = { type: 'array', items: { type: 'string' } }
const tolerance = (unit: 'bytes' | 'files'): Spec => ({
  type: 'object',
  props: {
    percent: { type: 'number', min: 0 },
    [unit]: unit === 'bytes' ? { type: 'size' } : { type: 'integer', min: 0 },
  },
})
const mapPolicy: Spec = { type: 'enum', values: ['allow', 'warn', 'forbid'] }

/** The shape of `.github/packguard.yml`. Later issues add their sections here. */
export const CONFIG_SCHEMA: Spec = {
  type: 'object',
  props: {
    extends: { type: 'enum', values: PRESETS },
    files: { type: 'object', props: { forbid: globs, allow: globs, require: globs } },
    limits: {
      type: 'object',
      props: {
        'max-total-size': { type: 'size' },
        'max-file-size': { type: 'size' },
        'max-files': { type: 'integer', min: 0 },
      },
    },
    rules: { type: 'map', values: severity },
    sourcemaps: {
      type: 'object',
      props: { files: mapPolicy, 'sources-content': mapPolicy, 'external-urls': mapPolicy },
    },
    content: {
      type: 'array',
      items: {
        type: 'object',
        props: {
          name: { type: 'string' },
          pattern: { type: 'string' },
          strings: globs,
          flags: { type: 'string' },
          files: globs,
          severity: { type: 'enum', values: ['notice', 'warning', 'error'] },
          message: { type: 'string' },
        },
        required: ['name'],
      },
    },
    ignore: {
      type: 'array',
      items: {
        type: 'object',
        props: { rule: { type: 'string' }, path: { type: 'string' }, reason: { type: 'string' } },
        required: ['rule', 'reason'],
      },
    },
    drift: {
      type: 'object',
      props: {
        lockfile: { type: 'string' },
        baseline: { type: 'string' },
        compare: { type: 'enum', values: ['size', 'content'] },
        'size-tolerance': tolerance('bytes'),
        'total-size-tolerance': tolerance('bytes'),
        'file-count-tolerance': tolerance('files'),
      },
    },
    safety: {
      type: 'object',
      props: {
        'max-total-bytes': { type: 'size' },
        'max-entry-bytes': { type: 'size' },
        'max-entries': { type: 'integer', min: 1 },
        'max-ratio': { type: 'number', min: 1 },
        'max-depth': { type: 'integer', min: 0 },
      },
    },
  },
}
