import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker, parentPort} from 'node:worker_threads'
import {type FixResult, fix} from './fix.js'
import {lint} from './lint.js'
import type {LintOptions, LintResult} from './types.js'

/**
 * Replies at least this long (UTF-16 code units, ~17,000 words) are linted off the caller's thread; a
 * shorter one takes well under a second, and a second thread would cost it more (start-up, memory,
 * copying the text and the findings) than it saves.
 */
export const offThreadSize = 100_000

interface Job {
  id: number
  task: 'lint' | 'fix'
  text: string
  options: LintOptions
}

type Answer = {id: number; result: LintResult | FixResult} | {id: number; error: string}

/** `lint` and `fix` for a server: long replies go to a worker thread, so other requests are still answered. */
export interface OffThread {
  lint(text: string, options?: LintOptions): Promise<LintResult>
  fix(text: string, options?: LintOptions): Promise<FixResult>
}

/**
 * `lint` and `fix` that run replies of `offThreadSize` or more in a worker thread started from `entry`
 * (a bundle that calls `serveLintWorker`), one at a time, and shorter ones here. Without the entry file
 * (the sources, unbuilt) everything runs here. A worker that dies fails its pending calls and is started
 * again for the next one.
 */
export function lintOffThread(entry: URL | string): OffThread {
  const file = typeof entry === 'string' ? entry : fileURLToPath(entry)
  let worker: Worker | undefined
  let nextId = 0
  const pending = new Map<number, {resolve: (value: never) => void; reject: (error: Error) => void}>()

  const start = (): Worker => {
    const started = new Worker(file)
    // Waiting for a lint keeps the process alive; an idle worker does not.
    started.unref()
    started.on('message', (answer: Answer) => {
      const call = pending.get(answer.id)
      if (!call) return
      pending.delete(answer.id)
      if (pending.size === 0) started.unref()
      if ('error' in answer) call.reject(new Error(answer.error))
      else call.resolve(answer.result as never)
    })
    const fail = (error: Error) => {
      if (worker === started) worker = undefined
      for (const call of pending.values()) call.reject(new Error(`The lint worker stopped: ${error.message}`, {cause: error}))
      pending.clear()
    }
    started.on('error', fail)
    started.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    return started
  }

  const run = <T>(task: Job['task'], text: string, options: LintOptions): Promise<T> => {
    worker ??= start()
    const id = nextId++
    const active = worker
    return new Promise<T>((resolve, reject) => {
      pending.set(id, {resolve: resolve as (value: never) => void, reject})
      active.ref()
      active.postMessage({id, task, text, options} satisfies Job)
    })
  }

  const useWorker = (text: unknown) => typeof text === 'string' && text.length >= offThreadSize && existsSync(file)
  return {
    lint: (text, options = {}) => (useWorker(text) ? run<LintResult>('lint', text, options) : lint(text, options)),
    fix: (text, options = {}) => (useWorker(text) ? run<FixResult>('fix', text, options) : fix(text, options))
  }
}

/** Serve `lint` and `fix` to the thread that started this worker (see `lintOffThread`). */
export function serveLintWorker(): void {
  const port = parentPort
  if (!port) throw new Error('Expected to run in a worker thread started by `lintOffThread`')
  port.on('message', async ({id, task, text, options}: Job) => {
    try {
      const result = task === 'fix' ? await fix(text, options) : await lint(text, options)
      port.postMessage({id, result} satisfies Answer)
    } catch (error) {
      port.postMessage({id, error: error instanceof Error ? error.message : String(error)} satisfies Answer)
    }
  })
}
