import type { RawFinding } from '../../src/findings.js'
import { JobHandler } from '../../src/rules/secrets/engine/offload/handler.js'
import type {
  Reply,
  Request,
  StartWorker,
} from '../../src/rules/secrets/engine/offload/protocol.js'
import type { SecretScan } from '../../src/rules/secrets/engine/scan.js'
import { ALNUM, fake } from '../../src/rules/secrets/kit/samples.js'
import { secretScan } from '../../src/rules/secrets/scan.js'

/**
 * A scan worker on this thread, behind the port a thread has. Requests are copied as postMessage
 * copies them (their buffers transferred: detached on the host's side) and answered by the real
 * JobHandler, oldest first, when the test says so (`answer`), or each after `delay()` ms.
 */
export class FakeWorker {
  /** Requests received and not yet answered, oldest first. */
  readonly queue: Request[] = []
  /** Every request received. */
  readonly received: Request[] = []
  started = 0
  closed = false
  private crashed = false
  private reply: (r: Reply) => void = () => {}
  private fail: (err: Error) => void = () => {}
  private readonly handler: JobHandler

  constructor(
    private readonly delay?: () => number,
    engine: SecretScan = secretScan,
  ) {
    this.handler = new JobHandler(engine)
  }

  readonly start: StartWorker = (reply, fail) => {
    this.started++
    this.reply = reply
    this.fail = fail
    return {
      post: (req, transfer) => {
        if (this.crashed) return
        const copy = structuredClone(req, { transfer })
        this.queue.push(copy)
        this.received.push(copy)
        if (this.delay) setTimeout(() => this.answer(1), this.delay())
      },
      close: async () => void (this.closed = true),
    }
  }

  /** Answers the `n` oldest requests, in order. */
  answer(n = this.queue.length): void {
    for (const req of this.queue.splice(0, n)) {
      if (this.crashed) return
      const r = this.handler.handle(req)
      this.reply(structuredClone(r, { transfer: 'buffers' in r ? r.buffers : [] }))
    }
  }

  /** Stops with an error, as a thread that throws does: nothing more is answered. */
  crash(err: Error): void {
    this.crashed = true
    this.fail(err)
  }
}

/** A fake GitHub token of its own for each seed (built at run time: no literal in the repo). */
export const token = (seed: string) => ['ghp', '_', fake(36, ALNUM, seed)].join('')

/** `bytes` bytes or so of code lines, with `seed`'s token on the line after every `every`. */
export function code(bytes: number, seed: string, every = Infinity): string {
  const lines: string[] = []
  for (let i = 0, size = 0; size < bytes; i++) {
    const line = i % every === every - 1 ? `t${i} = "${token(`${seed}-${i}`)}"` : `v${i} = ${i}`
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n')
}

/** What identifies a finding in order checks. */
export const key = (f: RawFinding) => `${f.file} ${f.line}:${f.column} ${f.rule}`

/** Lets timers and promise callbacks waiting now run. */
export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))
