import { tooLarge, type Budget } from './limits.js'
import { decodeName, lossy, showBytes } from './names.js'
import { normalizeEntryPath } from './paths.js'
import { ArtifactError, type Entry } from './types.js'

const MAGIC = '!<arch>\n'
const HEADER = 60

/**
 * Reads an `ar` archive from memory (a `.deb`: `debian-binary`, `control.tar.*`, `data.tar.*`;
 * a static library's objects), GNU and BSD long names included. Its members are files; the
 * symbol and long-name tables are not entries. A header that does not parse, or a member that
 * runs past the end, fails the read: what follows could not be told apart from data.
 */
export function* readAr(
  bytes: Buffer,
  opts: { artifact: string; budget: Budget },
): Generator<Entry> {
  if (bytes.toString('latin1', 0, 8) !== MAGIC) {
    throw new ArtifactError(opts.artifact, 'not an ar archive')
  }
  let names: Buffer | undefined
  let at = 8
  while (at < bytes.length) {
    // Members start on an even offset: a lone '\n' pads an odd one.
    if (at + 1 === bytes.length && bytes[at] === 0x0a) break
    if (at + HEADER > bytes.length || bytes.toString('latin1', at + 58, at + 60) !== '`\n') {
      throw new ArtifactError(opts.artifact, `corrupt ar archive: no member header at byte ${at}`)
    }
    const field = bytes.toString('latin1', at, at + 16).trimEnd()
    const size = Number(bytes.toString('latin1', at + 48, at + 58).trim())
    const mode = parseInt(bytes.toString('latin1', at + 40, at + 48).trim() || '0', 8)
    let data = at + HEADER
    if (
      !/^\d+$/.test(bytes.toString('latin1', at + 48, at + 58).trim()) ||
      data + size > bytes.length
    ) {
      throw new ArtifactError(
        opts.artifact,
        `corrupt ar archive: member at byte ${at} runs past the end`,
      )
    }
    const next = data + size + (size % 2)
    let name: Buffer
    let length = size
    if (field === '/' || field === '/SYM64/' || field.startsWith('__.SYMDEF')) {
      at = next
      continue
    } else if (field === '//') {
      names = bytes.subarray(data, data + size)
      at = next
      continue
    } else if (/^\/\d+$/.test(field) && names) {
      const from = Number(field.slice(1))
      const end = names.indexOf('/\n', from)
      name = names.subarray(from, end < 0 ? names.length : end)
    } else if (/^#1\/\d+$/.test(field)) {
      // BSD: the name is the first bytes of the data.
      const n = Number(field.slice(3))
      if (n > size)
        throw new ArtifactError(opts.artifact, `corrupt ar archive: name of member at byte ${at}`)
      name = bytes.subarray(data, data + n)
      data += n
      length -= n
    } else {
      name = Buffer.from(
        bytes
          .subarray(at, at + 16)
          .toString('latin1')
          .trimEnd()
          .replace(/\/$/, ''),
        'latin1',
      )
    }
    const raw = decodeName(name).text
    const path = showBytes(normalizeEntryPath(raw))
    opts.budget.addEntry(path || raw)
    const entry: Entry = {
      path,
      rawPath: lossy(raw),
      type: 'file',
      mode: mode & 0o7777,
      size: length,
    }
    if (!opts.budget.entryFits(length)) entry.unreadable = tooLarge(opts.budget)
    else {
      opts.budget.addBytes(length, path)
      entry.content = bytes.subarray(data, data + length)
    }
    yield entry
    at = next
  }
}
