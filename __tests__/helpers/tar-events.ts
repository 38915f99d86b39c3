import { Parser, type ReadEntry } from 'tar'
import { TarParser, type TarHeader } from '../../src/sources/tar/parser.js'

// TarParser and node-tar's strict Parser (npm's) run over the same bytes, what each says recorded
// alike, so a test can compare them whole.

export type Event = ['entry', Record<string, unknown>] | ['error', string] | ['eof']

export interface Seen {
  events: Event[]
  /** What followed the end marker, as the parser was given it. */
  rest: Buffer
}

/** Runs TarParser over `bytes` cut into `chunks` (piece lengths, cycled), recording what it says. */
export function ours(bytes: Buffer, chunks: number[] = [bytes.length || 1]): Seen {
  const events: Event[] = []
  let data: Buffer[] = []
  const rest: Buffer[] = []
  const parser = new TarParser({
    onEntry(h: TarHeader) {
      data = []
      events.push(['entry', { ...view(h), data }])
    },
    onData(c) {
      data.push(c)
    },
    onEntryEnd() {},
    onEnd() {
      events.push(['eof'])
    },
    onTrailing(bytes) {
      rest.push(bytes)
    },
  })
  try {
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const piece = bytes.subarray(at, at + chunks[k % chunks.length])
      at += piece.length
      parser.write(piece)
    }
    parser.end()
  } catch (err) {
    events.push(['error', (err as Error).message])
  }
  return { events: settle(events), rest: Buffer.concat(rest) }
}

const view = (h: TarHeader) => ({
  path: h.name.text,
  type: h.type,
  mode: (h.mode ?? 0) & 0o7777,
  size: h.size,
  linkpath: h.linkpath,
})

/** Entry data joined (as hex, so a diff reads), and truncation counts left out. */
function settle(events: Event[]): Event[] {
  return events.map((e) => {
    if (e[0] === 'entry') return ['entry', { ...e[1], data: hex(e[1].data as Buffer[]) }]
    if (e[0] === 'error') return ['error', e[1].replace(/^(Truncated input).*/, '$1')]
    return e
  })
}

const hex = (parts: Buffer[]) => Buffer.concat(parts).toString('hex')

export const NODE_TAR_TYPES: Record<string, string> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'directory',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
  CharacterDevice: 'char-device',
  BlockDevice: 'block-device',
  FIFO: 'fifo',
}

/**
 * What node-tar's strict Parser (npm's) makes of the same bytes, given in one piece (node-tar
 * decodes pax records piece by piece), up to its first error: it reads on after one, we stop.
 */
export function nodeTar(bytes: Buffer): Seen {
  const events: Event[] = []
  const parser = new Parser({ strict: true, zstd: false, maxDecompressionRatio: Infinity })
  parser.on('entry', (re: ReadEntry) => {
    const data: Buffer[] = []
    events.push([
      'entry',
      {
        path: re.path,
        type: NODE_TAR_TYPES[re.type] ?? 'other',
        mode: (re.mode ?? 0) & 0o7777,
        size: re.header.size,
        linkpath: re.linkpath ?? '',
        data,
      },
    ])
    re.on('data', (c: Buffer) => data.push(c))
  })
  parser.on('error', (err: Error) => {
    events.push(['error', err.message.replace(/^TAR_[A-Z_]+: /, '')])
  })
  parser.on('eof', () => events.push(['eof']))
  parser.write(bytes)
  parser.end()
  const slot = Object.getOwnPropertySymbols(parser).find((s) => s.description === 'buffer')
  const buffered = slot ? (parser as unknown as Record<symbol, unknown>)[slot] : undefined
  const failed = events.findIndex((e) => e[0] === 'error')
  const kept = failed < 0 ? events : events.slice(0, failed + 1)
  const sawEof = kept.some((e) => e[0] === 'eof')
  return {
    events: settle(kept),
    rest: sawEof && Buffer.isBuffer(buffered) ? buffered : Buffer.alloc(0),
  }
}

/** Our events without the entries node-tar skips unseen (types it does not know): we yield them as 'other'. */
export function withoutOther(seen: Seen, bytes: Buffer): Seen {
  const known = new Set(nodeTar(bytes).events.map((e) => JSON.stringify(e)))
  return {
    ...seen,
    events: seen.events.filter(
      (e) => !(e[0] === 'entry' && e[1].type === 'other' && !known.has(JSON.stringify(e))),
    ),
  }
}
