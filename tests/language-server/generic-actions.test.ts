// The server formats what a finding says and never names a rule: these findings come from a rule
// the server has never heard of, and get the same actions as any other.
import {PassThrough} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {StreamMessageReader, StreamMessageWriter, createMessageConnection} from 'vscode-jsonrpc/node'
import {createConnection} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {Finding} from '../../packages/tactful/src/index.js'
import {quickFixes} from '../../packages/language-server/src/code-actions.js'
import {createServer} from '../../packages/language-server/src/server.js'
import {toDiagnostic} from '../../packages/language-server/src/to-diagnostic.js'

const text = 'Your parcel left today'
const finding: Finding = {
  ruleId: 'made-up-rule',
  severity: 'info',
  message: 'Say when it arrives',
  note: 'Customers plan around the arrival.',
  actual: 'Your parcel left today',
  suggestions: ['Your parcel left today and arrives Friday', 'Your parcel is on its way'],
  fixes: [
    {kind: 'insert', title: 'Say “and arrives Friday”', text: ' and arrives Friday'},
    {kind: 'replace', title: 'Rewrite as “Your parcel is on its way”', text: 'Your parcel is on its way'}
  ],
  glossaryTerm: 'parcel',
  start: {line: 1, column: 1, offset: 0},
  end: {line: 1, column: 23, offset: 22},
  url: 'https://example.com/made-up-rule'
}

describe('quick fixes for any rule', () => {
  const document = TextDocument.create('file:///work/reply.txt', 'plaintext', 1, text)
  const diagnostic = toDiagnostic(finding)

  it('apply each fix as its kind says, under its own title, the first preferred', () => {
    const actions = quickFixes(document, [diagnostic], {documentChanges: false, showDocument: true, glossary: true})
    expect(actions.map((action) => action.title)).toEqual([
      'Say “and arrives Friday”',
      'Rewrite as “Your parcel is on its way”',
      'Ignore this in this reply',
      'Add ‘parcel’ to the workspace glossary',
      'Show documentation for made-up-rule'
    ])
    const end = {line: 0, character: 22}
    expect(actions[0]).toMatchObject({
      isPreferred: true,
      edit: {changes: {[document.uri]: [{range: {start: end, end}, newText: ' and arrives Friday'}]}}
    })
    expect(actions[1]).toMatchObject({
      isPreferred: false,
      edit: {changes: {[document.uri]: [{range: diagnostic.range, newText: 'Your parcel is on its way'}]}}
    })
    expect(actions[2].edit?.changes?.[document.uri]?.[0].newText).toBe('<!-- tactful-disable-next-line made-up-rule -->\n')
    expect(actions[3].command).toMatchObject({command: 'tactful.addToGlossary', arguments: [document.uri, 'parcel']})
  })

  it('offer no glossary action for a finding without a term, nor without a workspace', () => {
    const {glossaryTerm: _, ...termless} = finding
    const titles = (support: {glossary: boolean}, item: Finding) =>
      quickFixes(document, [toDiagnostic(item)], {documentChanges: false, showDocument: false, ...support}).map((action) => action.title)
    expect(titles({glossary: true}, termless)).not.toContain('Add ‘parcel’ to the workspace glossary')
    expect(titles({glossary: false}, finding)).not.toContain('Add ‘parcel’ to the workspace glossary')
  })

  it('skip data a client mangled', () => {
    const mangled = {...diagnostic, data: {...(diagnostic.data as object), fixes: [{kind: 'delete', title: 'x', text: ''}]}}
    expect(quickFixes(document, [mangled], {documentChanges: false, showDocument: true, glossary: true})).toEqual([])
  })
})

describe('createServer', () => {
  // Importing the module connects nothing; each call serves its own connection with its own state.
  function serve() {
    const toServer = new PassThrough()
    const fromServer = new PassThrough()
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer))
    createServer(connection)
    connection.listen()
    const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer))
    client.listen()
    return {client, connection}
  }

  it('serves two connections in one process, each knowing only its own documents', async () => {
    const first = serve()
    const second = serve()
    try {
      for (const {client} of [first, second]) {
        const result = await client.sendRequest('initialize', {processId: null, rootUri: null, capabilities: {}})
        expect(result).toMatchObject({serverInfo: {name: 'tactful-language-server'}})
        await client.sendNotification('initialized', {})
      }
      const published = new Promise<{uri: string; diagnostics: unknown[]}>((resolve) =>
        first.client.onNotification('textDocument/publishDiagnostics', resolve)
      )
      await first.client.sendNotification('textDocument/didOpen', {
        textDocument: {uri: 'file:///a/reply.txt', languageId: 'plaintext', version: 1, text: "We won't be able to see you before Friday."}
      })
      expect((await published).diagnostics.length).toBeGreaterThan(0)
      const hover = (client: typeof first.client) =>
        client.sendRequest('textDocument/hover', {textDocument: {uri: 'file:///a/reply.txt'}, position: {line: 0, character: 3}})
      expect(await hover(first.client)).toMatchObject({contents: {kind: 'markdown'}})
      expect(await hover(second.client)).toBeNull()
    } finally {
      for (const {client, connection} of [first, second]) {
        client.dispose()
        connection.dispose()
      }
    }
  })
})
