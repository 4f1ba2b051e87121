import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {FullDocumentDiagnosticReport} from 'vscode-languageserver'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const negative = "We won't be able to see you before Friday."

let client: LspClient
let folder: string

beforeAll(async () => {
  folder = makeWorkspace()
  client = await startServer({
    folders: [folder],
    capabilities: {textDocument: {diagnostic: {dynamicRegistration: false}}, workspace: {diagnostics: {refreshSupport: true}}}
  })
})

afterAll(async () => {
  await client?.stop()
  removeWorkspaces()
})

function pull(uri: string): Promise<FullDocumentDiagnosticReport> {
  return client.connection.sendRequest('textDocument/diagnostic', {textDocument: {uri}})
}

describe('pull diagnostics', () => {
  it('registers a diagnostic provider for a client that pulls', () => {
    expect(client.initializeResult.capabilities.diagnosticProvider).toEqual({
      identifier: 'tactful',
      interFileDependencies: false,
      workspaceDiagnostics: false
    })
  })

  it('answers textDocument/diagnostic with the current text’s findings', async () => {
    const uri = uriOf(folder, 'pulled.txt')
    await client.open(uri, `Hi,\n😀 ${negative}`)
    const report = await pull(uri)
    expect(report.kind).toBe('full')
    const found = report.items.find((diagnostic) => diagnostic.code === 'negative-phrasing')
    expect(found?.range).toEqual({start: {line: 1, character: 3}, end: {line: 1, character: 44}})

    await client.change(uri, 2, [{text: 'Your parcel is on its way. Thank you for your patience.'}])
    expect((await pull(uri)).items).toEqual([])
  })

  it('does not also push to a client that pulls, and answers for unknown documents', async () => {
    expect(client.published.filter((params) => params.diagnostics.length > 0)).toEqual([])
    expect(await pull('file:///not-open.txt')).toEqual({kind: 'full', items: []})
  })

  it('asks the client to pull again when settings change', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: {tactful: {enable: false}}})
    const uri = uriOf(folder, 'pulled.txt')
    // The refresh request arrives before the next answer, as both go out in order.
    const report = await pull(uri)
    expect(client.requests.some((request) => request.method === 'workspace/diagnostic/refresh')).toBe(true)
    expect(report.items).toEqual([])
  })
})
