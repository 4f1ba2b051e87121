// Runs one task of worker.mjs and stops it if it goes quiet for too long.
import {Worker} from 'node:worker_threads'

/**
 * Run a worker task and resolve to its result. Rejects, with the worker stopped, when it throws,
 * exits without a result, or sends nothing for `stallMs` (each pass reports progress).
 */
export function runWorker(data, {stallMs, onProgress}) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {workerData: data})
    let settled = false
    let timer
    const settle = (error, result) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      if (error) reject(error)
      else resolve(result)
    }
    const arm = () => {
      clearTimeout(timer)
      timer = setTimeout(() => settle(new Error(`The \`${data.task}\` task sent nothing for ${stallMs / 1000} s; stopped it`)), stallMs)
    }
    arm()
    worker.on('message', (message) => {
      if (message.type === 'progress') {
        arm()
        onProgress(message.text)
      } else if (message.type === 'result') settle(undefined, message.result)
      else if (message.type === 'error') settle(new Error(`The \`${data.task}\` task failed: ${message.message}`))
    })
    worker.on('error', (error) => settle(new Error(`The \`${data.task}\` task crashed: ${error.message}`, {cause: error})))
    worker.on('exit', (code) => settle(new Error(`The \`${data.task}\` task exited (code ${code}) before it finished`)))
  })
}
