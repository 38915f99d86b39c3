import { Worker } from 'node:worker_threads'
import type { SecretScan } from '../scan.js'
import type { ScannerHost } from '../service.js'
import { OffloadHost } from './host.js'
import type { StartWorker } from './protocol.js'

/** Starts `script` (the bundled scan worker) on a worker thread, as the host's port. */
export function threadWorker(script: string): StartWorker {
  return (reply, fail) => {
    const worker = new Worker(script)
    // An idle worker does not keep the process alive.
    worker.unref()
    worker.on('message', reply)
    worker.on('error', fail)
    return {
      post: (req, transfer) => worker.postMessage(req, transfer),
      close: async () => void (await worker.terminate()),
    }
  }
}

/** Secret scanning on a worker thread running `script` (see OffloadHost). */
export function workerHost(script: string, engine: SecretScan): ScannerHost {
  return new OffloadHost(threadWorker(script), engine)
}
