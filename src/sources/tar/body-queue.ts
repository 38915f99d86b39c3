/**
 * The data of an entry streamed as `Entry.body`: the parser queues its chunks as it reads them,
 * the consumer takes them as it iterates, and asks for more input when the queue runs dry.
 */
export class BodyQueue {
  private readonly chunks: Buffer[] = []
  /** Set when the entry's data has ended and what follows it is known (next header or end). */
  released = false
  /** The consumer no longer wants the bytes. */
  private discard = false

  push(chunk: Buffer): void {
    if (!this.discard) this.chunks.push(chunk)
  }

  /** The body's chunks in order; `more` reads more input, and says false once it is over. */
  async *read(more: () => Promise<boolean>): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const chunk = this.chunks.shift()
        if (chunk) yield chunk
        else if (this.released || !(await more())) return
      }
    } finally {
      // A consumer that stops early: the rest of the data is parsed but not kept.
      this.discard = true
      this.chunks.length = 0
    }
  }
}
