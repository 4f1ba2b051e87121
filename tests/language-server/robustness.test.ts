import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {ResponseError} from 'vscode-jsonrpc/node'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const negative = "We won't be able to see you before Friday."

const running: LspClient[] = []

async function start(folder: string): Promise<LspClient> {
  const client = await startServer({folders: [folder]})
  running.push(client)
  return client
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((client) => client.stop()))
  removeWorkspaces()
})

// A request that needs the server to be up and answering.
async function stillAnswers(client: LspClient): Promise<void> {
  const uri = uriOf(makeWorkspace(), 'alive.txt')
  await client.open(uri, negative)
  expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics.map((diagnostic) => diagnostic.code)).toContain(
    'negative-phrasing'
  )
  expect(client.exited()).toBe(false)
}

describe('the server stays up', () => {
  it('after malformed JSON on the wire', async () => {
    const client = await start(makeWorkspace())
    client.writeRaw('Content-Length: 5\r\n\r\n{oops')
    client.writeRaw('Content-Length: 4\r\n\r\nnull')
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: {uri: 'file:///nowhere.txt'},
      position: {line: 0, character: 0}
    })
    expect(hover).toBeNull()
    await stillAnswers(client)
  })

  it('answers an unknown method with MethodNotFound', async () => {
    const client = await start(makeWorkspace())
    const error = await client.connection.sendRequest('tactful/noSuchThing', {}).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(error).toBeInstanceOf(ResponseError)
    expect((error as ResponseError<unknown>).code).toBe(-32601)
    await client.connection.sendNotification('tactful/noSuchNotification', {})
    await stillAnswers(client)
  })

  it('ignores didChange for a document that was never opened', async () => {
    const client = await start(makeWorkspace())
    await client.change('file:///never-opened.txt', 2, [{text: negative}])
    await client.change('file:///never-opened.txt', 3, [{range: {start: {line: 4, character: 0}, end: {line: 9, character: 0}}, text: 'x'}])
    await stillAnswers(client)
  })

  it('copes with out-of-range and malformed incremental edits', async () => {
    const folder = makeWorkspace()
    const client = await start(folder)
    const uri = uriOf(folder, 'edits.txt')
    await client.open(uri, 'Your parcel is on its way.')
    await client.waitForDiagnostics(uri, {version: 1})
    await client.change(uri, 2, [{range: {start: {line: 40, character: 7}, end: {line: 99, character: 3}}, text: ` ${negative}`}])
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 2})
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('negative-phrasing')
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 3},
      contentChanges: [{range: {}, text: 'x'}]
    })
    await client.connection.sendNotification('textDocument/didChange', {textDocument: {uri}, contentChanges: null})
    await stillAnswers(client)
  })

  it('copes with empty, binary and oversized documents', async () => {
    const folder = makeWorkspace()
    writeFileSync(path.join(folder, '.tactfulrc.json'), JSON.stringify({maxSize: 200}))
    const client = await start(folder)
    const empty = uriOf(folder, 'empty.txt')
    const binary = uriOf(folder, 'binary.txt')
    const huge = uriOf(folder, 'huge.txt')
    await client.open(empty, '')
    await client.open(binary, '\u0000\u0001\uFFFD\uD800 PNG\u0000IHDR')
    await client.open(huge, `${negative}\n`.repeat(20))
    expect((await client.waitForDiagnostics(empty, {version: 1})).diagnostics).toEqual([])
    await client.waitForDiagnostics(binary, {version: 1})
    expect((await client.waitForDiagnostics(huge, {version: 1})).diagnostics).toEqual([])
    const notice = await client.waitForMessage((params) => params.message.startsWith('Not linted'))
    expect(notice.type).toBe(3)
    await client.change(huge, 2, [{text: `${negative}\n`.repeat(21)}])
    await client.waitForDiagnostics(huge, {version: 2})
    expect(client.messages.filter((params) => params.message.startsWith('Not linted'))).toHaveLength(1)
    await stillAnswers(client)
  })

  it('reports a broken .tactfulrc.json once, publishes an empty report and keeps answering', async () => {
    const folder = makeWorkspace()
    const rc = path.join(folder, '.tactfulrc.json')
    writeFileSync(rc, '{"rules": {"jargon": ')
    const client = await start(folder)
    const uri = uriOf(folder, 'broken.txt')
    await client.open(uri, negative)
    expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics).toEqual([])
    const message = await client.waitForMessage((params) => params.type === 1)
    expect(message.message).toContain(rc)
    await client.change(uri, 2, [{text: `${negative} Again.`}])
    expect((await client.waitForDiagnostics(uri, {version: 2})).diagnostics).toEqual([])
    expect(client.messages.filter((params) => params.type === 1)).toHaveLength(1)
    expect(client.stderr()).toBe('')

    // Fixed on disk: with no file watching the server reads it afresh, so the next edit is linted.
    writeFileSync(rc, '{}')
    await client.change(uri, 3, [{text: negative}])
    expect((await client.waitForDiagnostics(uri, {version: 3})).diagnostics.map((diagnostic) => diagnostic.code)).toContain(
      'negative-phrasing'
    )
  })

  it('shuts down and exits cleanly when asked', async () => {
    const client = await start(makeWorkspace())
    expect(await client.connection.sendRequest('shutdown')).toBeNull()
    await client.connection.sendNotification('exit')
    await new Promise<void>((resolve) => {
      const check = () => (client.exited() ? resolve() : setImmediate(check))
      check()
    })
    expect(client.exited()).toBe(true)
  })
})
