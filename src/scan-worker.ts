// The secret-scanning worker thread (bundled alone as dist/worker/index.js): it receives text
// and bytes from the main thread in batches and sends back findings, in order.
import { parentPort } from 'node:worker_threads'
import { JobHandler } from './rules/secrets/engine/offload/handler.js'
import type { Request } from './rules/secrets/engine/offload/protocol.js'
import { secretScan } from './rules/secrets/scan.js'

const port = parentPort
if (!port) throw new Error('scan-worker: not started as a worker thread')
const handler = new JobHandler(secretScan)

port.on('message', (req: Request) => {
  const reply = handler.handle(req)
  port.postMessage(reply, 'buffers' in reply ? reply.buffers : undefined)
})
