// Times the language server the way an editor drives it: JSON-RPC over stdio, push diagnostics.
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {percentile} from './stats.mjs'

const requestTimeoutMs = 20_000
const publishTimeoutMs = 30_000

/**
 * Start the server, time didChange → publishDiagnostics on each document in `documents`
 * (`{target, words, text}`: nominal and counted words), then open and close every reply, `batch` at a time, and read its memory.
 * Throws an error that says why the server cannot be measured.
 */
export async function measureLanguageServer({root, documents, replies, changes, warmups, batch, onProgress}) {
  const bin = path.join(root, 'packages/language-server/bin/tactful-language-server.js')
  const dist = path.join(root, 'packages/language-server/dist/main.js')
  if (!existsSync(bin)) throw new Error(`${path.relative(root, bin)} is missing`)
  if (!existsSync(dist)) throw new Error(`${path.relative(root, dist)} is missing; run \`npm run build\``)
  // Documents get paths here, so the server looks for a config as it would for a real file.
  const folder = path.join(root, '.bench/lsp')
  mkdirSync(folder, {recursive: true})
  const uriOf = (name) => pathToFileURL(path.join(folder, name)).href

  let rpc
  try {
    rpc = await import('vscode-jsonrpc/node')
  } catch (error) {
    throw new Error(`cannot load vscode-jsonrpc (${error.message})`, {cause: error})
  }
  const server = await startServer(rpc, bin, root)
  try {
    const baselineRss = readMemory(server.pid).rss
    const latency = []
    for (const {target, words, text} of documents) {
      latency.push({target, words, ...(await measureLatency(server, uriOf(`email-${target}.txt`), text, {changes, warmups}))})
      onProgress(`language server: ${words.toLocaleString('en')}-word document, p95 ${latency.at(-1).p95.toFixed(1)} ms`)
    }
    const warmRss = readMemory(server.pid).rss
    for (let start = 0; start < replies.length; start += batch) {
      const uris = replies.slice(start, start + batch).map((_, offset) => uriOf(`reply-${start + offset}.txt`))
      const published = uris.map((uri) => server.expect(uri, 1))
      await Promise.all(
        uris.map((uri, offset) =>
          server.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: replies[start + offset]}})
        )
      )
      await Promise.all(published)
      await Promise.all(uris.map((uri) => server.notify('textDocument/didClose', {textDocument: {uri}})))
      const done = Math.min(replies.length, start + batch)
      if (done % 5000 < batch || done === replies.length)
        onProgress(`language server: ${done.toLocaleString('en')}/${replies.length.toLocaleString('en')} replies linted`)
    }
    const memory = readMemory(server.pid)
    return {
      latency,
      versioned: server.versioned(),
      baselineRss,
      warmRss,
      rss: memory.rss,
      peakRss: memory.peak,
      replies: replies.length,
      batch
    }
  } finally {
    await server.stop()
  }
}

async function measureLatency(server, uri, text, {changes, warmups}) {
  // Two texts in turn, so every change really changes the document.
  const variants = [text, `${text}\n\nThank you again for your patience.`]
  let version = 1
  let published = server.expect(uri, version)
  await server.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version, text}})
  await published
  const latencies = []
  for (let change = 0; change < warmups + changes; change++) {
    version++
    published = server.expect(uri, version)
    const start = performance.now()
    await server.notify('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text: variants[(version - 1) % 2]}]})
    const at = await published
    if (change >= warmups) latencies.push(at - start)
  }
  await server.notify('textDocument/didClose', {textDocument: {uri}})
  return {p50: percentile(latencies, 50), p95: percentile(latencies, 95), changes: latencies.length}
}

async function startServer({StreamMessageReader, StreamMessageWriter, createMessageConnection}, bin, root) {
  // Run the bin itself, as an editor does, so the flags on its first line apply.
  const child = spawn(bin, ['--stdio'], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  let failure
  let versioned = false
  const waiters = new Map()
  const fail = (error) => {
    failure ??= error
    for (const waiter of waiters.values()) waiter.reject(failure)
    waiters.clear()
  }
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-1000)
  })
  // A write to a server that died fails here; the exit handler says why.
  child.stdin.on('error', () => {})
  child.once('error', (error) => fail(new Error(`cannot start the server: ${error.message}`)))
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      fail(new Error(`the server exited (${signal ?? `code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`))
      resolve()
    })
  })

  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now()
    const waiter = waiters.get(params.uri)
    if (!waiter) return
    // Without a version, the first publish after the change is the one for it.
    if (params.version !== undefined && params.version !== null) {
      versioned = true
      if (params.version !== waiter.version) return
    }
    waiters.delete(params.uri)
    waiter.resolve(at)
  })
  connection.onNotification(() => {})
  // The bench announces no capability the server could ask about; any request gets an empty answer.
  connection.onRequest(() => null)
  connection.onError(([error]) => fail(new Error(`the connection failed: ${error.message}`)))
  connection.listen()

  const server = {
    pid: child.pid,
    versioned: () => versioned,
    notify(method, params) {
      if (failure) return Promise.reject(failure)
      return connection.sendNotification(method, params)
    },
    request(method, params) {
      if (failure) return Promise.reject(failure)
      return withTimeout(connection.sendRequest(method, params), requestTimeoutMs, `no answer to \`${method}\``)
    },
    /** Resolve to the time the diagnostics for `uri` at `version` arrive. */
    expect(uri, version) {
      if (failure) return handled(Promise.reject(failure))
      const arrived = new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(uri)
          reject(new Error(`no publishDiagnostics for version ${version} of ${uri} within ${publishTimeoutMs / 1000} s`))
        }, publishTimeoutMs)
        waiters.set(uri, {
          version,
          resolve: (at) => {
            clearTimeout(timer)
            resolve(at)
          },
          reject: (error) => {
            clearTimeout(timer)
            reject(error)
          }
        })
      })
      return handled(arrived)
    },
    async stop() {
      if (!failure) {
        try {
          await server.request('shutdown')
          await connection.sendNotification('exit')
        } catch {
          // Stopping is best effort; the kill below ends a server that did not listen.
        }
      }
      await withTimeout(exited, 5000, 'exit').catch(() => {
        child.kill('SIGKILL')
        return withTimeout(exited, 5000, 'exit after SIGKILL').catch(() => {})
      })
      connection.dispose()
    }
  }

  try {
    await server.request('initialize', {
      processId: process.pid,
      clientInfo: {name: 'tactful-bench'},
      rootUri: null,
      workspaceFolders: null,
      capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}}}
    })
    await server.notify('initialized', {})
  } catch (error) {
    await server.stop()
    throw failure ?? error
  }
  return server
}

/** Resident and peak resident memory of a process, in bytes, from `/proc/<pid>/status`. */
function readMemory(pid) {
  let status
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8')
  } catch (error) {
    throw new Error(`cannot read /proc/${pid}/status (${error.code ?? error.message}); memory is read from /proc on Linux only`, {
      cause: error
    })
  }
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024
  return {rss: field('VmRSS'), peak: field('VmHWM')}
}

// Marked handled: a wait left behind when something else failed first must not end the process.
function handled(promise) {
  promise.catch(() => {})
  return promise
}

function withTimeout(promise, ms, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
