// The built MCP server against hostile clients; extends tests/mcp/errors.test.ts.
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import type {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {fix, lint} from '../../packages/tactful/src/index.js'
import {binPath, call, startServer, textOf} from '../mcp/helpers.js'

interface Raw {
  child: ChildProcessWithoutNullStreams
  write(line: string): void
  /** The response with this id, once it comes. */
  response(
    id: number | string
  ): Promise<{id?: unknown; result?: {isError?: boolean; structuredContent?: Record<string, unknown>}; error?: {code: number}}>
  stderr(): string
}

const raws: Raw[] = []

// The server as a process, spoken to line by line, so that tests can send what no SDK client would.
async function startRaw(): Promise<Raw> {
  const child = spawn(process.execPath, [binPath], {stdio: 'pipe'})
  let buffer = ''
  let stderr = ''
  const responses: Array<{id?: unknown}> = []
  const waiters = new Set<() => void>()
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    for (let newline = buffer.indexOf('\n'); newline !== -1; newline = buffer.indexOf('\n')) {
      responses.push(JSON.parse(buffer.slice(0, newline)))
      buffer = buffer.slice(newline + 1)
    }
    for (const waiter of [...waiters]) waiter()
  })
  child.on('exit', () => {
    for (const waiter of [...waiters]) waiter()
  })
  const raw: Raw = {
    child,
    write: (line) => child.stdin.write(line),
    stderr: () => stderr,
    response: (id) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = responses.find((response) => response.id === id)
          if (found) {
            waiters.delete(check)
            resolve(found as never)
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check)
            reject(new Error(`The server exited before answering ${id}:\n${stderr}`))
          }
        }
        waiters.add(check)
        check()
      })
  }
  raws.push(raw)
  const message = {
    jsonrpc: '2.0',
    id: 'init',
    method: 'initialize',
    params: {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 'hostile', version: '0'}}
  }
  raw.write(`${JSON.stringify(message)}\n`)
  await raw.response('init')
  raw.write(`${JSON.stringify({jsonrpc: '2.0', method: 'notifications/initialized'})}\n`)
  return raw
}

function lintCall(id: number | string, text: unknown): string {
  return `${JSON.stringify({jsonrpc: '2.0', id, method: 'tools/call', params: {name: 'lint_reply', arguments: {text}}})}\n`
}

afterEach(() => {
  for (const raw of raws.splice(0)) raw.child.kill()
})

const thanks = 'Thank you for your patience.'

describe('the MCP server on a hostile wire', () => {
  it('skips lines that are not JSON or not JSON-RPC, answers the ones with an id, and serves on', async () => {
    const raw = await startRaw()
    const junk = [
      'garbage',
      '{"jsonrpc":"2.0"',
      '[1,2]',
      '[]',
      '"hello"',
      'null',
      '{}',
      '\u0000\u0001\u0002',
      '\uFEFF{"jsonrpc":"2.0","id":"bom"',
      '\r',
      '   ',
      'x'.repeat(1_000_000)
    ]
    for (const line of junk) raw.write(`${line}\n`)
    // Well-formed JSON with an id but not a valid request: each gets an error instead of silence.
    raw.write(`${JSON.stringify({jsonrpc: '2.0', id: 1, method: 42})}\n`)
    raw.write(`${JSON.stringify({jsonrpc: '2.0', id: 2, method: 'tools/call', params: null})}\n`)
    raw.write(`${JSON.stringify({jsonrpc: '1.0', id: 3, method: 'tools/list'})}\n`)
    for (const id of [1, 2, 3]) expect((await raw.response(id)).error?.code).toBe(-32600)
    raw.write(lintCall(4, thanks))
    expect((await raw.response(4)).result?.structuredContent).toMatchObject({findings: [], notices: []})
    expect(raw.stderr()).toContain('tactful-mcp: Skipped a message that is not JSON')
  })

  it('answers an unknown method, an unknown tool and arguments of the wrong shape', async () => {
    const raw = await startRaw()
    raw.write(`${JSON.stringify({jsonrpc: '2.0', id: 1, method: 'tools/frobnicate', params: {}})}\n`)
    expect((await raw.response(1)).error?.code).toBe(-32601)
    for (const [id, name] of [
      [2, ''],
      [3, '../../etc/passwd'],
      [4, 'lint_reply\u0000'],
      [5, 'constructor'],
      [6, '__proto__']
    ] as const) {
      raw.write(`${JSON.stringify({jsonrpc: '2.0', id, method: 'tools/call', params: {name, arguments: {text: thanks}}})}\n`)
      expect((await raw.response(id)).result?.isError).toBe(true)
    }
    raw.write(`${JSON.stringify({jsonrpc: '2.0', id: 7, method: 'tools/call', params: {name: 'lint_reply', arguments: 'the text'}})}\n`)
    expect(await raw.response(7)).toHaveProperty('error')
    raw.write(lintCall(8, thanks))
    expect((await raw.response(8)).result?.structuredContent).toMatchObject({findings: []})
  })

  it('refuses 12 MB of text in one line with a tool error, and serves on', async () => {
    const raw = await startRaw()
    const huge = 'We cannot help with that. '.repeat(480_000)
    expect(huge.length).toBeGreaterThan(12_000_000)
    raw.write(lintCall(1, huge))
    const answer = await raw.response(1)
    expect(answer.result?.isError).toBe(true)
    raw.write(lintCall(2, thanks))
    expect((await raw.response(2)).result?.structuredContent).toMatchObject({findings: []})
  })

  it('stops cleanly when its input ends', async () => {
    const raw = await startRaw()
    const exited = new Promise<number | null>((resolve) => raw.child.on('exit', resolve))
    raw.child.stdin.end()
    expect(await exited).toBe(0)
  })
})

describe('the MCP server with hostile text', () => {
  let client: Client

  beforeAll(async () => {
    client = await startServer()
  })

  afterAll(async () => {
    await client.close()
  })

  it('lints and fixes text with lone surrogates, control characters and bidirectional marks as the library does', async () => {
    const text = `\ud800Hi\u0000 Sam,\u202e\r\n\r\n\udc00We won't be able to see you before Friday.\u0007 Our SLA\u200f is 2 days.\rThanks!\u001b[31m`
    const linted = await call(client, 'lint_reply', {text})
    expect(linted.isError).toBeFalsy()
    const findings = (linted.structuredContent as {findings: Array<Record<string, unknown>>}).findings
    expect(findings.map(({action: _action, ...finding}) => finding)).toEqual((await lint(text)).findings)
    expect(findings.length).toBeGreaterThan(0)
    const fixed = await call(client, 'fix_reply', {text})
    expect(fixed.isError).toBeFalsy()
    expect((fixed.structuredContent as {text: string}).text).toBe((await fix(text)).output)
  })

  it('answers 20 calls at once, each as it would alone', async () => {
    const requests: Array<[string, Record<string, unknown>]> = Array.from({length: 20}, (_, index) => {
      if (index % 5 === 0) return ['explain_rule', {ruleId: index % 2 === 0 ? 'jargon' : 'nope'}]
      if (index % 5 === 1) return ['fix_reply', {text: `We won't be able to see you before Friday. #${index}`}]
      if (index % 5 === 2) return ['lint_reply', {text: index % 2 === 0 ? 42 : `\ud800${index}`}]
      return ['lint_reply', {text: `It's not our fault. Please raise an RMA ASAP. #${index}`, now: '2025-03-14T09:30:00Z'}]
    })
    const together = await Promise.all(requests.map(([name, args]) => call(client, name, args)))
    for (const [index, [name, args]] of requests.entries()) {
      const alone = await call(client, name, args)
      expect(together[index]).toEqual(alone)
    }
    expect(together.filter((result) => result.isError)).toHaveLength(4)
    expect(textOf(together[3])).toContain('blame-shifting')
  })
})
