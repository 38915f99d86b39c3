import { createHash } from 'node:crypto'
import { WholeCollector } from '../sources/body.js'
import { defineFamily } from './types.js'

const METADATA = /^[^/]+\.dist-info\/METADATA$/
const RECORD = /^[^/]+\.dist-info\/RECORD$/

/** PEP 503 normalization, so `My_Pkg` and `my-pkg` compare equal. */
const normalize = (name: string) => name.replace(/[-_.]+/g, '-').toLowerCase()

/** Python wheel metadata: the file name agrees with METADATA, and RECORD lists exactly what ships. */
export const wheelMetadataRules = defineFamily({
  rules: [
    {
      id: 'metadata/wheel-name-mismatch',
      category: 'drift',
      severity: 'error',
      description:
        "A wheel's file name and its `*.dist-info/METADATA` disagree on name or version.",
    },
    {
      id: 'metadata/wheel-record',
      category: 'drift',
      severity: 'error',
      description: "A wheel's `RECORD` does not list exactly the files present, with their hashes.",
    },
  ],
  create({ artifact, report }) {
    const wheel = /([^/\\]+)\.whl$/i.exec(artifact)
    const hashes = new Map<string, string>()
    let metadata: { path: string; text: string } | undefined
    let record: { path: string; text: string } | undefined
    const read = (path: string, bytes: Buffer) => {
      hashes.set(path, createHash('sha256').update(bytes).digest('base64url'))
      if (METADATA.test(path)) metadata = { path, text: bytes.toString('utf8') }
      if (RECORD.test(path)) record = { path, text: bytes.toString('utf8') }
    }
    return {
      stream(e) {
        if (!wheel || e.depth) return undefined
        // Only the two metadata files are kept whole; every other file is hashed as it streams.
        if (METADATA.test(e.path) || RECORD.test(e.path))
          return new WholeCollector((bytes) => read(e.path, bytes))
        const hash = createHash('sha256')
        return {
          write: (c) => hash.update(c),
          end: () => hashes.set(e.path, hash.digest('base64url')),
        }
      },
      entry(e) {
        if (!wheel || e.depth || e.type !== 'file' || !e.content) return
        read(e.path, e.content)
      },
      end(entries) {
        if (!wheel) return
        const [fileName = '', fileVersion = ''] = wheel[1].split('-')
        if (metadata) {
          const name = /^Name:\s*(.+)$/m.exec(metadata.text)?.[1].trim() ?? ''
          const version = /^Version:\s*(.+)$/m.exec(metadata.text)?.[1].trim() ?? ''
          if (normalize(name) !== normalize(fileName) || version !== fileVersion) {
            report({
              rule: 'metadata/wheel-name-mismatch',
              file: metadata.path,
              message: `the wheel is named ${fileName} ${fileVersion} but METADATA says ${name || '(no name)'} ${version || '(no version)'}`,
            })
          }
        }
        if (!record) {
          report({
            rule: 'metadata/wheel-record',
            file: '',
            message: 'the wheel has no *.dist-info/RECORD',
          })
          return
        }
        const listed = parseRecord(record.text)
        for (const e of entries) {
          if (e.type === 'directory' || e.path === record.path) continue
          const r = listed.get(e.path)
          if (!r)
            report({
              rule: 'metadata/wheel-record',
              file: e.path,
              message: `${e.path} is in the wheel but not in RECORD`,
            })
          else if (r.hash && r.hash !== `sha256=${hashes.get(e.path)}`)
            report({
              rule: 'metadata/wheel-record',
              file: e.path,
              message: `${e.path} does not match its RECORD hash`,
            })
        }
        const present = new Set(entries.map((e) => e.path))
        for (const path of listed.keys()) {
          if (!present.has(path))
            report({
              rule: 'metadata/wheel-record',
              file: path,
              message: `RECORD lists ${path}, which is not in the wheel`,
            })
        }
      },
    }
  },
})

/** RECORD is CSV: path,hash,size; paths with commas are quoted. */
function parseRecord(text: string): Map<string, { hash: string }> {
  const out = new Map<string, { hash: string }>()
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue
    const m = /^(?:"((?:[^"]|"")*)"|([^,]*)),([^,]*)/.exec(line)
    if (m) out.set((m[1]?.replace(/""/g, '"') ?? m[2]) as string, { hash: m[3] })
  }
  return out
}
