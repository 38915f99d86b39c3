import { formatSize } from '../config/units.js'
import { defineFamily } from './types.js'

/** `limits`: size budgets for the whole artifact, each file, and the number of files. */
export const sizeRules = defineFamily({
  rules: [
    {
      id: 'size/total',
      category: 'policy',
      severity: 'error',
      always: true,
      description: 'The artifact is larger than `limits.max-total-size`.',
    },
    {
      id: 'size/file',
      category: 'policy',
      severity: 'error',
      always: true,
      description: 'A file is larger than `limits.max-file-size`.',
    },
    {
      id: 'size/file-count',
      category: 'policy',
      severity: 'error',
      always: true,
      description: 'The artifact has more files than `limits.max-files`.',
    },
  ],
  create({ config, report }) {
    const { maxTotalSize, maxFileSize, maxFiles } = config.limits
    return {
      entry(e) {
        if (maxFileSize !== undefined && e.type === 'file' && !e.depth && e.size > maxFileSize) {
          report({
            rule: 'size/file',
            file: e.path,
            message: `${e.path} is ${formatSize(e.size)}, over max-file-size ${formatSize(maxFileSize)}`,
          })
        }
      },
      end(entries) {
        const files = entries.filter((e) => e.type === 'file')
        const total = files.reduce((n, e) => n + e.size, 0)
        if (maxTotalSize !== undefined && total > maxTotalSize) {
          report({
            rule: 'size/total',
            file: '',
            message: `the artifact unpacks to ${formatSize(total)}, over max-total-size ${formatSize(maxTotalSize)}`,
          })
        }
        if (maxFiles !== undefined && files.length > maxFiles) {
          report({
            rule: 'size/file-count',
            file: '',
            message: `the artifact has ${files.length} files, over max-files ${maxFiles}`,
          })
        }
      },
    }
  },
})
