// The built language server against hostile clients; extends tests/language-server/robustness.test.ts.
import {afterEach, describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {Diagnostic, TextDocumentContentChangeEvent} from 'vscode-languageserver'
import {lint} from '../../packages/tactful/src/index.js'
import {toDiagnostic} from '../../packages/language-server/src/to-diagnostic.js'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const negative = "We won't be able to see you before Friday."
const running: LspClient[] = []

async function start(): Promise<{client: LspClient; folder: string}> {
  const folder = makeWorkspace()
  const client = await startServer({folders: [folder]})
  running.push(client)
  return {client, folder}
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((client) => client.stop()))
  removeWorkspaces()
})

// The server is up, answers requests and lints a new document.
async function stillAnswers(client: LspClient, folder: string): Promise<void> {
  const hover = await client.connection.sendRequest('textDocument/hover', {
    textDocument: {uri: 'file:///nowhere.txt'},
    position: {line: 0, character: 0}
  })
  expect(hover).toBeNull()
  const uri = uriOf(folder, `alive-${Math.random().toString(36).slice(2)}.txt`)
  await client.open(uri, negative)
  expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics.map((diagnostic) => diagnostic.code)).toContain(
    'negative-phrasing'
  )
  expect(client.exited()).toBe(false)
}

// What the server should publish for `text`: the library's findings, as diagnostics.
async function expectedDiagnostics(text: string): Promise<Diagnostic[]> {
  return (await lint(text, {format: 'text'})).findings.map(toDiagnostic)
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
}

// A small deterministic generator, so that a failing burst can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

const phrases = [
  negative,
  ' ASAP',
  'Thanks! ',
  "It's not our fault. ",
  '\r\n',
  '\n',
  '😀',
  '\ud800',
  '\u0000',
  '退款',
  ' per my last email',
  '',
  'x'
]

describe('the language server against a hostile client', () => {
  it('recovers from frames without a usable Content-Length', async () => {
    const {client, folder} = await start()
    client.writeRaw('X-Garbage: 1\r\n\r\n{}')
    client.writeRaw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":1000,"method":"shutdown"}')
    client.writeRaw('Content-Length: -3\r\n\r\nabc')
    client.writeRaw('hello, is anyone there?\r\n\r\n')
    await stillAnswers(client, folder)
  })

  it('shrugs off well-framed messages that are not JSON-RPC, or carry the wrong params', async () => {
    const {client, folder} = await start()
    for (const body of [
      '[]',
      '"a string"',
      '42',
      '{}',
      '{"jsonrpc":"2.0","id":9}',
      '{"jsonrpc":"2.0","method":42}',
      '{"jsonrpc":"2.0","id":{},"method":"textDocument/hover"}'
    ]) {
      client.writeRaw(frame(body))
    }
    const uri = uriOf(folder, 'weird.txt')
    const notifications: Array<[string, unknown]> = [
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: 42}}],
      ['textDocument/didOpen', null],
      ['textDocument/didChange', {textDocument: {uri: 42}, contentChanges: [{text: 'x'}]}],
      ['textDocument/didClose', {textDocument: {uri: 'file:///never-opened.txt'}}],
      ['textDocument/didClose', {}],
      ['workspace/didChangeConfiguration', {settings: {tactful: {rules: {jargon: 'loud'}, enable: 'yes', languages: 7}}}],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeWatchedFiles', {changes: 'all of them'}],
      ['workspace/didChangeWorkspaceFolders', {event: {added: 'x', removed: null}}],
      ['$/cancelRequest', {id: 'nothing'}],
      ['$/setTrace', {value: 'loud'}]
    ]
    for (const [method, params] of notifications) await client.connection.sendNotification(method, params)
    const requests: Array<[string, unknown]> = [
      ['textDocument/hover', null],
      ['textDocument/hover', {textDocument: {uri}, position: {line: -1, character: 1e12}}],
      ['textDocument/codeAction', {textDocument: {uri}, range: null, context: null}],
      [
        'textDocument/codeAction',
        {
          textDocument: {uri: 'file:///never-opened.txt'},
          range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
          context: {diagnostics: []}
        }
      ],
      ['textDocument/diagnostic', {textDocument: {uri: 'file:///never-opened.txt'}}],
      ['workspace/executeCommand', {command: 'tactful.addToGlossary', arguments: 'not a list'}],
      ['workspace/executeCommand', {command: 'tactful.addToGlossary', arguments: [42, {}]}],
      ['workspace/executeCommand', {command: 'tactful.showDocumentation', arguments: [null]}],
      ['workspace/executeCommand', {command: 'rm -rf /', arguments: []}],
      ['initialize', {processId: null, rootUri: null, capabilities: {}}]
    ]
    // Each gets an answer, a result or an error, and none ends the session.
    for (const [method, params] of requests) await client.connection.sendRequest(method, params).catch((error: unknown) => error)
    await stillAnswers(client, folder)
  })

  it('publishes, after 1,000 edits in one burst, exactly the findings of the final text', async () => {
    const {client, folder} = await start()
    const uri = uriOf(folder, 'burst.txt')
    const next = random(2024)
    let document = TextDocument.create(uri, 'plaintext', 1, `Hello Sam,\n\n${negative}\n`)
    await client.open(uri, document.getText())
    const sent: Array<Promise<void>> = []
    for (let version = 2; version <= 1001; version++) {
      const length = document.getText().length
      const lines = document.lineCount
      const pick = next()
      const text = phrases[Math.floor(next() * phrases.length)]
      let changes: TextDocumentContentChangeEvent[]
      if (pick < 0.02) changes = [{text: `${text}${negative}`}]
      else if (pick < 0.1) {
        // Out of range, negative or reversed positions: clamped by the server as by the client's model.
        const wild = () => ({line: Math.floor(next() * 40) - 10, character: Math.floor(next() * 400) - 100})
        changes = [{range: {start: wild(), end: wild()}, text}]
      } else {
        const at = (offset: number) => document.positionAt(offset)
        const start = Math.floor(next() * (length + 1))
        const end = Math.min(length, start + Math.floor(next() * 12))
        changes = [{range: {start: at(start), end: at(next() < 0.5 ? start : end)}, text}]
        if (next() < 0.2) changes.push({range: {start: {line: lines, character: 0}, end: {line: lines, character: 0}}, text: ' Thanks!'})
      }
      document = TextDocument.update(document, changes, version)
      sent.push(client.change(uri, version, changes))
    }
    await Promise.all(sent)
    const last = await client.waitForDiagnostics(uri, {version: 1001})
    expect(last.diagnostics).toEqual(await expectedDiagnostics(document.getText()))
    // One more round trip: nothing older is published after the newest.
    await client.change(uri, 1002, [{text: negative}])
    await client.waitForDiagnostics(uri, {version: 1002})
    const versions = client.published.filter((params) => params.uri === uri).map((params) => params.version ?? 0)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
  })

  it('lints many documents opened at once', async () => {
    const {client, folder} = await start()
    const texts = Array.from({length: 40}, (_, index) => `${phrases[index % phrases.length]} ${negative} #${index}`)
    await Promise.all(texts.map((text, index) => client.open(uriOf(folder, `many-${index}.txt`), text)))
    for (const [index, text] of texts.entries()) {
      const {diagnostics} = await client.waitForDiagnostics(uriOf(folder, `many-${index}.txt`), {version: 1})
      expect(diagnostics).toEqual(await expectedDiagnostics(text))
    }
  })

  it('lints text with lone surrogates, control characters and bidirectional marks as the library does', async () => {
    const {client, folder} = await start()
    const text = `\ud800Hi\u0000 Sam,\u202e\r\n\r\n\udc00${negative}\u0007 Our SLA\u200f is 2 days.\rThanks!\u001b[31m`
    const uri = uriOf(folder, 'noise.txt')
    await client.open(uri, text)
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
    expect(diagnostics).toEqual(await expectedDiagnostics(text))
    expect(diagnostics.length).toBeGreaterThan(0)
  })

  it('answers a 10 MB document with one notice and no diagnostics, then lints it again once it is small', async () => {
    const {client, folder} = await start()
    const uri = uriOf(folder, 'huge.txt')
    const huge = `${negative}\n`.repeat(Math.ceil((10 * 1024 * 1024) / (negative.length + 1)))
    await client.open(uri, huge)
    expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics).toEqual([])
    const notice = await client.waitForMessage((params) => params.message.startsWith('Not linted'))
    expect(notice).toMatchObject({type: 3, message: expect.stringMatching(/over the limit of 1000000/)})
    await client.change(uri, 2, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'Hello, '}])
    expect((await client.waitForDiagnostics(uri, {version: 2})).diagnostics).toEqual([])
    await client.change(uri, 3, [{text: negative}])
    expect((await client.waitForDiagnostics(uri, {version: 3})).diagnostics).toEqual(await expectedDiagnostics(negative))
    expect(client.messages.filter((params) => params.message.startsWith('Not linted'))).toHaveLength(1)
    await stillAnswers(client, folder)
  })

  it('keeps the newest text when a document is opened twice, closed twice or changed after closing', async () => {
    const {client, folder} = await start()
    const uri = uriOf(folder, 'twice.txt')
    await client.open(uri, 'Thanks for waiting.')
    await client.open(uri, negative, 'plaintext', 5)
    expect((await client.waitForDiagnostics(uri, {version: 5})).diagnostics).toEqual(await expectedDiagnostics(negative))
    await client.close(uri)
    await client.close(uri)
    await client.change(uri, 6, [{text: 'Our SLA is two days.'}])
    await client.open(uri, 'Thanks! Please raise an RMA.', 'plaintext', 7)
    expect((await client.waitForDiagnostics(uri, {version: 7})).diagnostics).toEqual(
      await expectedDiagnostics('Thanks! Please raise an RMA.')
    )
    await stillAnswers(client, folder)
  })
})
