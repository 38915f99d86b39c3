import { STREAM_ABOVE } from '../body.js'
import { tooLarge, type Budget } from '../limits.js'
import { showBytes } from '../names.js'
import { normalizeEntryPath, stripTop } from '../paths.js'
import { addIssue, ArtifactError, type Entry } from '../types.js'
import { BodyQueue } from './body-queue.js'
import type { TarHandlers, TarHeader } from './parser.js'
import { TrailingCheck } from './trailing-data.js'

export interface EntryOptions {
  /** Name used in error messages. */
  artifact: string
  /** A top folder to strip from every path under it (`package` for npm). */
  top?: (firstPath: string, folder: boolean) => string | undefined
  budget: Budget
}

/**
 * Turns what the parser reads into the entries the consumer gets, in archive order. A small
 * file's data is gathered into its `content`; a file over STREAM_ABOVE is handed on at its
 * header, its data queued for its `body`. The last entry waits (pending) for the next header or
 * the end of the input: if none comes, the archive's own issues (trailing data) are attached to
 * it before it is released.
 */
export class TarEntries implements TarHandlers {
  /** Entries the consumer may take, in archive order. */
  readonly ready: Entry[] = []
  /** A header was read (a checksum failure before any means the bytes were never a tar). */
  sawEntry = false
  /** The path of the entry being read, for the budget's messages. */
  current = ''
  private pending: Entry | undefined
  /** The last entry was the root folder itself (`./`), not handed on: the archive's issues need it. */
  private droppedLast: Entry | undefined
  /** The body of the pending entry when it streams: released rather than queued. */
  private pendingBody: BodyQueue | undefined
  /** The top folder to strip, decided by the first entry npm sees. */
  private top: string | undefined
  private first = true
  /** Where the current entry's data goes: a small file's pieces, a streamed body, or nowhere. */
  private small: Entry | undefined
  private pieces: Buffer[] = []
  private body: BodyQueue | undefined
  private readonly trailing = new TrailingCheck()

  /** `more` reads more input (for a body the consumer iterates); false once it is over. */
  constructor(
    private readonly opts: EntryOptions,
    private readonly more: () => Promise<boolean>,
  ) {}

  onEntry(h: TarHeader): void {
    this.sawEntry = true
    this.release()
    this.small = undefined
    this.body = undefined
    // The path npm writes (U+FFFD for bad bytes); rawPath keeps bad bytes apart (decodeName).
    const normalized = normalizeEntryPath(h.name.text)
    // The top folder is the first one npm sees: not that of a volume label it passes over.
    if (this.first && !h.skipped) {
      this.first = false
      this.top = this.opts.top?.(normalized, h.type === 'directory')
    }
    const entry = entryOf(h, stripTop(normalized, this.top), this.opts.artifact)
    this.current = entry.path || entry.rawPath
    this.opts.budget.addEntry(this.current)
    this.droppedLast = undefined
    if (entry.type !== 'file') {
      if (entry.path !== '') this.pending = entry
      else this.droppedLast = entry
    } else if (!this.opts.budget.entryFits(entry.size)) {
      entry.unreadable = tooLarge(this.opts.budget)
      this.pending = entry
    } else if (entry.size > STREAM_ABOVE) {
      // Handed on now: its bytes are read as the consumer iterates the body.
      const body = new BodyQueue()
      entry.body = body.read(this.more)
      this.ready.push(entry)
      this.pending = entry
      this.pendingBody = body
      this.body = body
    } else {
      this.small = entry
    }
  }

  onData(chunk: Buffer): void {
    if (this.small) this.pieces.push(chunk)
    else this.body?.push(chunk)
  }

  onEntryEnd(): void {
    const entry = this.small
    if (entry) {
      const pieces = this.pieces
      entry.content = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces)
      // A fresh array: emptying this one (`length = 0`) is a runtime call, dearer than a new one.
      this.pieces = []
      this.pending = entry
    }
    this.small = undefined
    this.body = undefined
  }

  onTrailing(bytes: Buffer): void {
    this.trailing.add(bytes)
  }

  /** Hands on the pending entry: queued, or (streamed, so already handed on) its body ended. */
  release(): void {
    if (this.pendingBody) this.pendingBody.released = true
    else if (this.pending) this.ready.push(this.pending)
    this.pending = undefined
    this.pendingBody = undefined
  }

  /** The input is over: data after the end marker of a `whole` archive is reported, then released. */
  finish(whole: boolean): void {
    const junk = whole ? this.trailing.describe() : undefined
    // An archive that ends with its root folder (`./`) has no last entry to carry the issue:
    // the folder is handed on for it, so the data after the marker is still reported.
    if (junk && !this.pending && this.droppedLast) this.pending = this.droppedLast
    const e = this.pending
    if (junk && e) {
      e.issues = [...(e.issues ?? []), { kind: 'trailing-data', path: '', detail: junk }]
    }
    this.release()
  }
}

/** The entry a header describes, at `path`. A file whose size cannot be read fails the read. */
function entryOf(h: TarHeader, path: string, artifact: string): Entry {
  const rawPath = h.name.raw
  const entry: Entry = {
    path,
    rawPath,
    type: h.type,
    mode: (h.mode ?? 0) & 0o7777,
    size: h.size ?? 0,
  }
  if (h.linkpath) entry.linkTarget = h.linkpath
  if (h.ambiguous) addIssue(entry, { kind: 'ambiguous-name', path, detail: h.ambiguous })
  if (h.texts) entry.texts = h.texts.map((t) => ({ path: `${path}!pax:${t.key}`, text: t.value }))
  if (!h.name.valid) {
    addIssue(entry, {
      kind: 'invalid-utf8-name',
      path,
      detail: `its name is not valid UTF-8 ('${showBytes(rawPath)}'); npm writes it with U+FFFD in place of the bad bytes`,
    })
  }
  // node-tar reads a negative or garbled size as no size (an empty file, for npm too): the
  // bytes that follow are then parsed as headers, so the archive means what the reader wants.
  if (entry.type === 'file' && h.size === undefined) {
    throw new ArtifactError(
      artifact,
      `corrupt tar: ${rawPath} has a negative or unreadable size field`,
    )
  }
  return entry
}
