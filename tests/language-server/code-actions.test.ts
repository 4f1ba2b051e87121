import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {CodeAction, Diagnostic} from 'vscode-languageserver'
import {fix} from '../../packages/tactful/src/index.js'
import {type LspClient, applyEdits, editsFor, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const negative = "We won't be able to see you before Friday."

let client: LspClient
let folder: string

beforeAll(async () => {
  folder = makeWorkspace()
  client = await startServer({folders: [folder], capabilities: {window: {showDocument: {support: true}}}})
})

afterAll(async () => {
  await client?.stop()
  removeWorkspaces()
})

async function openAndWait(name: string, text: string, ruleId: string): Promise<{uri: string; diagnostic: Diagnostic}> {
  const uri = uriOf(folder, name)
  await client.open(uri, text)
  const {diagnostics} = await client.waitForDiagnostics(uri, {
    version: 1,
    where: (params) => params.diagnostics.some((item) => item.code === ruleId)
  })
  return {uri, diagnostic: diagnostics.find((item) => item.code === ruleId) as Diagnostic}
}

function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: {uri},
    range: diagnostic.range,
    context: {diagnostics: [diagnostic], only: ['quickfix']}
  })
}

// Apply the action's edit in the test, as the editor would, and send the result back as a full change.
async function applyAction(
  uri: string,
  text: string,
  action: CodeAction,
  version: number
): Promise<{text: string; diagnostics: Diagnostic[]}> {
  const next = applyEdits(text, editsFor(action.edit!, uri))
  await client.change(uri, version, [{text: next}])
  const {diagnostics} = await client.waitForDiagnostics(uri, {version})
  return {text: next, diagnostics}
}

describe('quick fixes', () => {
  it('offers “Replace with” per suggestion, the first preferred, each linked to its diagnostic', async () => {
    const {uri, diagnostic} = await openAndWait('replace.txt', `Hi Sam,\n\n${negative}`, 'negative-phrasing')
    const actions = await actionsFor(uri, diagnostic)
    const replaces = actions.filter((action) => action.title.startsWith('Replace with'))
    expect(replaces[0]).toMatchObject({
      title: "Replace with “We'll be able to see you on Friday”",
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [diagnostic]
    })
    expect(replaces.slice(1).every((action) => !action.isPreferred)).toBe(true)
    expect(actions.map((action) => action.title)).toEqual(
      expect.arrayContaining(['Ignore this in this reply', 'Show documentation for negative-phrasing'])
    )
    for (const action of actions) expect(action.diagnostics).toEqual([diagnostic])
  })

  it('applying the replacement makes the diagnostic go away', async () => {
    const text = `Hi Sam,\n\n${negative}`
    const {uri, diagnostic} = await openAndWait('apply.txt', text, 'negative-phrasing')
    const [preferred] = (await actionsFor(uri, diagnostic)).filter((action) => action.isPreferred)
    const after = await applyAction(uri, text, preferred, 2)
    expect(after.text).toBe("Hi Sam,\n\nWe'll be able to see you on Friday.")
    expect(after.diagnostics.filter((item) => item.code === 'negative-phrasing')).toEqual([])
  })

  it('titles the missing-thanks fix by the sentence it adds, and applying it thanks the customer', async () => {
    const text = 'Your parcel is on its way.'
    const {uri, diagnostic} = await openAndWait('thanks.txt', text, 'missing-thanks')
    const actions = await actionsFor(uri, diagnostic)
    const [preferred] = actions.filter((action) => action.isPreferred)
    expect(preferred.title).toBe('Add “Thank you for getting in touch.”')
    // The finding's fix is an insertion after the closing sentence, not a rewrite of it.
    expect(editsFor(preferred.edit!, uri)).toEqual([
      {range: {start: diagnostic.range.end, end: diagnostic.range.end}, newText: ' Thank you for getting in touch.'}
    ])
    const after = await applyAction(uri, text, preferred, 2)
    expect(after.text).toBe('Your parcel is on its way. Thank you for getting in touch.')
    expect(after.diagnostics).toEqual([])
  })

  it('“Ignore this in this reply” adds a disable comment above the line, keeping its indentation', async () => {
    const text = `Hi Sam,\n\n  ${negative} Thank you for your patience.`
    const {uri, diagnostic} = await openAndWait('ignore.md', text, 'negative-phrasing')
    const ignore = (await actionsFor(uri, diagnostic)).find((action) => action.title === 'Ignore this in this reply')!
    const after = await applyAction(uri, text, ignore, 2)
    expect(after.text).toBe(`Hi Sam,\n\n  <!-- tactful-disable-next-line negative-phrasing -->\n  ${negative} Thank you for your patience.`)
    expect(after.diagnostics).toEqual([])
  })

  it('keeps the document’s line endings in the ignore comment', async () => {
    const text = `Hi Sam,\r\n${negative}`
    const {uri, diagnostic} = await openAndWait('crlf.txt', text, 'negative-phrasing')
    const ignore = (await actionsFor(uri, diagnostic)).find((action) => action.title === 'Ignore this in this reply')!
    expect(editsFor(ignore.edit!, uri)).toEqual([
      {
        range: {start: {line: 1, character: 0}, end: {line: 1, character: 0}},
        newText: '<!-- tactful-disable-next-line negative-phrasing -->\r\n'
      }
    ])
  })

  it('“Show documentation” asks the client to open the rule’s page', async () => {
    const {uri, diagnostic} = await openAndWait('docs.txt', negative, 'negative-phrasing')
    const docs = (await actionsFor(uri, diagnostic)).find((action) => action.title === 'Show documentation for negative-phrasing')!
    expect(docs.command?.command).toBe('tactful.showDocumentation')
    await client.connection.sendRequest('workspace/executeCommand', docs.command)
    expect(client.requests.find((request) => request.method === 'window/showDocument')?.params).toEqual({
      uri: diagnostic.codeDescription!.href,
      external: true
    })
  })

  it('offers nothing for a diagnostic whose text has since changed', async () => {
    const {uri, diagnostic} = await openAndWait('stale.txt', negative, 'negative-phrasing')
    await client.change(uri, 2, [{text: 'Something else entirely.'}])
    await client.waitForDiagnostics(uri, {version: 2})
    expect(await actionsFor(uri, diagnostic)).toEqual([])
  })

  it('offers the jargon glossary command', async () => {
    const {uri, diagnostic} = await openAndWait('jargon.txt', 'Please request an RMA before sending it back.', 'jargon')
    const add = (await actionsFor(uri, diagnostic)).find((action) => action.command?.command === 'tactful.addToGlossary')
    expect(add).toMatchObject({title: 'Add ‘RMA’ to the workspace glossary', kind: 'quickfix', command: {arguments: [uri, 'RMA']}})
  })

  it('offers the glossary command for any jargon phrase, with the term as written', async () => {
    const {uri, diagnostic} = await openAndWait('kindly.txt', 'Kindly revert with your order number.', 'jargon')
    const actions = await actionsFor(uri, diagnostic)
    expect(actions.find((action) => action.command?.command === 'tactful.addToGlossary')?.title).toBe(
      'Add ‘Kindly revert’ to the workspace glossary'
    )
    expect(actions.filter((action) => action.title.startsWith('Replace with')).map((action) => action.title)).toEqual([
      'Replace with “Please reply”'
    ])
  })
})

describe('fix all', () => {
  it('“Fix all safe findings” replaces the text with what fix() gives', async () => {
    const text = `Hi Sam,\n\n${negative}\n`
    const {uri, diagnostic} = await openAndWait('fix-all.txt', text, 'negative-phrasing')
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll']}
    })
    expect(actions).toHaveLength(1)
    expect(actions[0]).toMatchObject({title: 'Fix all safe findings', kind: 'source.fixAll.tactful'})
    const edits = editsFor(actions[0].edit!, uri)
    expect(edits).toHaveLength(1)
    const {output} = await fix(text)
    expect(applyEdits(text, edits)).toBe(output)
    const after = await applyAction(uri, text, actions[0], 2)
    expect(after.diagnostics.find((item) => item.code === diagnostic.code)).toBeUndefined()
  })

  it('offers no fix-all when nothing is safe to fix', async () => {
    const {uri} = await openAndWait('nothing-safe.txt', 'Your parcel is on its way.', 'missing-thanks')
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll.tactful']}
    })
    expect(actions).toEqual([])
  })

  it('sends versioned edits to clients that take them', async () => {
    const versioned = await startServer({folders: [folder], capabilities: {workspace: {workspaceEdit: {documentChanges: true}}}})
    try {
      const uri = uriOf(folder, 'versioned.txt')
      await versioned.open(uri, negative, 'plaintext', 7)
      const {diagnostics} = await versioned.waitForDiagnostics(uri, {version: 7})
      const diagnostic = diagnostics.find((item) => item.code === 'negative-phrasing')!
      const actions: CodeAction[] = await versioned.connection.sendRequest('textDocument/codeAction', {
        textDocument: {uri},
        range: diagnostic.range,
        context: {diagnostics: [diagnostic]}
      })
      expect(actions.find((action) => action.isPreferred)?.edit).toEqual({
        documentChanges: [
          {textDocument: {uri, version: 7}, edits: [{range: diagnostic.range, newText: "We'll be able to see you on Friday"}]}
        ]
      })
      // No `window.showDocument` support: no docs action.
      expect(actions.some((action) => action.title.startsWith('Show documentation'))).toBe(false)
    } finally {
      await versioned.stop()
    }
  })
})
