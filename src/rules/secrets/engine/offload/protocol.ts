import type { RawFinding } from '../../../../findings.js'
import { DEFAULT_WINDOWS, type WindowPos } from '../../../windows.js'

// The messages between the main thread and the secret-scanning worker, and the channel that
// carries them. Both sides import this file; it holds no behaviour.

/** One piece of scanning work, as the worker receives it. */
export type Job =
  | { kind: 'text'; file: string; text: string }
  | { kind: 'bytes'; file: string; bytes: Uint8Array }
  /** Small files packed back to back in one buffer: file i is bytes[ends[i-1], ends[i]). */
  | { kind: 'pack'; files: string[]; ends: number[]; bytes: Uint8Array }
  | { kind: 'window'; file: string; stream: number; bytes: Uint8Array; pos: WindowPos }

/** Main thread -> worker. */
export type Request = { jobs: Job[]; size: number; masks: boolean } | { settle: number }
/** Worker -> main thread; `buffers` are the pooled ones handed back for reuse. */
export type Reply =
  | { findings: RawFinding[]; masks: string[]; size: number; buffers: ArrayBuffer[] }
  | { settled: number }
  | { failed: string }

/**
 * Bytes go to the worker in buffers of this size that it hands back: fresh memory costs more
 * than the scan here, so windows (and small files) travel in recycled buffers.
 */
export const POOLED = DEFAULT_WINDOWS.before + DEFAULT_WINDOWS.own + DEFAULT_WINDOWS.after

/** The window that tells the worker a stream has ended (its state can go). */
export const END: WindowPos = { base: -1, from: 0, to: 0, line: 0, lineStart: 0 }

/** The main thread's end of the channel to a started worker. */
export interface WorkerPort {
  /** Hands a request over; the buffers in `transfer` then belong to the worker. */
  post(req: Request, transfer?: ArrayBuffer[]): void
  /** Stops the worker: nothing more is answered. */
  close(): Promise<void>
}

/**
 * Starts a worker. Its replies go to `reply` one at a time, in the order the requests were
 * posted (as a MessagePort delivers them); an error that stops it goes to `fail`.
 */
export type StartWorker = (reply: (r: Reply) => void, fail: (err: Error) => void) => WorkerPort
