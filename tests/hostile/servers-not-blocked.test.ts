// Issue 12, finding 3 (servers): a 1 MB reply blocked the servers; an MCP `ping` waited 23 s behind it.
// Long replies are now linted in a worker thread. The order of the answers shows it, with no timer.
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {afterEach, describe, expect, it} from 'vitest'
import {binPath} from '../mcp/helpers.js'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

// ~1 MB of paragraphs, each with a vague promise: ~19,000 findings.
const large = 'Thanks for waiting. We will get back to you soon.\n\n'.repeat(19_000)

interface Answer {
  id: number
  result?: {content?: Array<{text: string}>; structuredContent?: {findings: unknown[]}; isError?: boolean}
  error?: unknown
}

// A bare MCP client over stdio that records answers in the order they arrive.
function startMcp() {
  const child = spawn(process.execPath, [binPath], {stdio: ['pipe', 'pipe', 'pipe']}) as ChildProcessWithoutNullStreams
  const answers: Answer[] = []
  const waiting = new Map<number, (answer: Answer) => void>()
  let buffer = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      if (!line.trim()) continue
      const answer = JSON.parse(line) as Answer
      answers.push(answer)
      waiting.get(answer.id)?.(answer)
    }
  })
  const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`)
  const request = (id: number, method: string, params: object = {}) => {
    const answered = new Promise<Answer>((resolve) => waiting.set(id, resolve))
    send({jsonrpc: '2.0', id, method, params})
    return answered
  }
  return {child, answers, send, request}
}

const children: ChildProcessWithoutNullStreams[] = []
const clients: LspClient[] = []

afterEach(async () => {
  for (const child of children.splice(0)) child.kill()
  await Promise.all(clients.splice(0).map((client) => client.stop()))
  removeWorkspaces()
})

describe('servers and a 1 MB reply', () => {
  it('MCP answers pings sent while lint_reply runs on 1 MB before the lint, and then the lint', async () => {
    const mcp = startMcp()
    children.push(mcp.child)
    await mcp.request(1, 'initialize', {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 'test', version: '0'}})
    mcp.send({jsonrpc: '2.0', method: 'notifications/initialized'})
    const lint = mcp.request(2, 'tools/call', {name: 'lint_reply', arguments: {text: large}})
    // Answered once the server has read the lint request (it may slip in before the lint starts)…
    expect(await mcp.request(3, 'ping')).toMatchObject({id: 3, result: {}})
    // …so this one is sent while the lint runs, and must not wait for it.
    expect(await mcp.request(4, 'ping')).toMatchObject({id: 4, result: {}})
    const linted = await lint
    expect(linted.result?.isError).toBeUndefined()
    expect(linted.result?.structuredContent?.findings.length).toBe(19_000)
    expect(mcp.answers.map((answer) => answer.id)).toEqual([1, 3, 4, 2])
  }, 180_000)

  it('the language server answers a hover on a short document while it lints a 1 MB one', async () => {
    const folder = makeWorkspace()
    const client = await startServer({folders: [folder]})
    clients.push(client)
    const small = uriOf(folder, 'small.txt')
    await client.open(small, "We won't be able to see you before Friday.")
    await client.waitForDiagnostics(small, {version: 1})
    const big = uriOf(folder, 'big.txt')
    await client.open(big, large)
    const order: string[] = []
    const hover = client.connection
      .sendRequest('textDocument/hover', {textDocument: {uri: small}, position: {line: 0, character: 4}})
      .then((value) => {
        order.push('hover')
        return value
      })
    const diagnostics = client.waitForDiagnostics(big, {version: 1}).then((value) => {
      order.push('diagnostics')
      return value
    })
    expect(await hover).not.toBeNull()
    expect((await diagnostics).diagnostics.length).toBe(19_000)
    expect(order).toEqual(['hover', 'diagnostics'])
  }, 180_000)
})
