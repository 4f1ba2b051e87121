import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import type {CodeAction, ConfigurationItem, Diagnostic, PublishDiagnosticsParams} from 'vscode-languageserver'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const jargonReply = 'Please request an RMA before sending it back.'
const negative = "We won't be able to see you before Friday."

const running: LspClient[] = []

async function start(...args: Parameters<typeof startServer>): Promise<LspClient> {
  const client = await startServer(...args)
  running.push(client)
  return client
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((client) => client.stop()))
  removeWorkspaces()
})

const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code)

describe('.tactfulrc.json', () => {
  it('a glossary that allows “RMA” removes the jargon finding', async () => {
    const folder = makeWorkspace()
    const client = await start({folders: [folder]})
    const flagged = uriOf(folder, 'before.txt')
    await client.open(flagged, jargonReply)
    expect(codes(await client.waitForDiagnostics(flagged, {version: 1, where: (params) => codes(params).includes('jargon')}))).toContain(
      'jargon'
    )

    writeFileSync(path.join(folder, '.tactfulrc.json'), JSON.stringify({glossary: {allow: ['RMA']}}))
    const allowed = uriOf(folder, 'after.txt')
    await client.open(allowed, jargonReply)
    const {diagnostics} = await client.waitForDiagnostics(allowed, {version: 1})
    expect(diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('jargon')
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('missing-thanks')
  })

  it('re-lints open documents when a watched config file changes', async () => {
    const folder = makeWorkspace()
    const client = await start({folders: [folder], capabilities: {workspace: {didChangeWatchedFiles: {dynamicRegistration: true}}}})
    const uri = uriOf(folder, 'watched.txt')
    await client.open(uri, negative)
    await client.waitForDiagnostics(uri, {version: 1, where: (params) => codes(params).includes('missing-thanks')})
    const registration = client.requests.find((request) => request.method === 'client/registerCapability')
    expect(JSON.stringify(registration?.params)).toContain('**/.tactfulrc.json')

    const rc = path.join(folder, '.tactfulrc.json')
    writeFileSync(rc, JSON.stringify({rules: {'missing-thanks': 'off'}}))
    const since = client.mark()
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type: 1}]})
    const after = await client.waitForDiagnostics(uri, {since})
    expect(codes(after)).not.toContain('missing-thanks')
    expect(after.version).toBe(1)
  })
})

describe('tactful.addToGlossary', () => {
  async function addRma(folder: string, client: LspClient): Promise<{uri: string; since: number}> {
    const uri = uriOf(folder, 'reply.txt')
    await client.open(uri, jargonReply)
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1, where: (params) => codes(params).includes('jargon')})
    const diagnostic = diagnostics.find((item) => item.code === 'jargon') as Diagnostic
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [diagnostic]}
    })
    const add = actions.find((action) => action.command?.command === 'tactful.addToGlossary')!
    const since = client.mark()
    await client.connection.sendRequest('workspace/executeCommand', add.command)
    return {uri, since}
  }

  it('creates the workspace config and the finding goes away', async () => {
    const folder = makeWorkspace()
    const client = await start({folders: [folder]})
    const {uri, since} = await addRma(folder, client)
    expect(JSON.parse(readFileSync(path.join(folder, '.tactfulrc.json'), 'utf8'))).toEqual({glossary: {allow: ['RMA']}})
    expect(codes(await client.waitForDiagnostics(uri, {since}))).not.toContain('jargon')
  })

  it('merges into an existing config, keeping every other key and value', async () => {
    const folder = makeWorkspace()
    const existing = {
      rules: {'negative-phrasing': 'error'},
      glossary: {allow: ['SKU'], flag: {ETA: ['expected delivery date']}},
      abbreviations: ['FAQ']
    }
    writeFileSync(path.join(folder, '.tactfulrc.json'), JSON.stringify(existing, null, '\t') + '\n')
    const client = await start({folders: [folder]})
    const {uri, since} = await addRma(folder, client)
    const text = readFileSync(path.join(folder, '.tactfulrc.json'), 'utf8')
    expect(JSON.parse(text)).toEqual({...existing, glossary: {allow: ['SKU', 'RMA'], flag: existing.glossary.flag}})
    expect(text).toContain('\n\t"rules"')
    expect(codes(await client.waitForDiagnostics(uri, {since}))).not.toContain('jargon')
  })

  it('refuses to overwrite a broken config, with a clear message', async () => {
    const folder = makeWorkspace()
    const client = await start({folders: [folder]})
    const uri = uriOf(folder, 'reply.txt')
    await client.open(uri, jargonReply)
    await client.waitForDiagnostics(uri, {version: 1})
    const rc = path.join(folder, '.tactfulrc.json')
    writeFileSync(rc, '{"glossary": {')
    await client.connection.sendRequest('workspace/executeCommand', {command: 'tactful.addToGlossary', arguments: [uri, 'RMA']})
    const message = await client.waitForMessage((params) => params.message.includes('not valid JSON'))
    expect(message.type).toBe(1)
    expect(message.message).toContain(rc)
    expect(readFileSync(rc, 'utf8')).toBe('{"glossary": {')
  })
})

describe('client settings', () => {
  it('asks workspace/configuration per document, and its rules win', async () => {
    const folder = makeWorkspace()
    writeFileSync(path.join(folder, '.tactfulrc.json'), JSON.stringify({rules: {'missing-thanks': 'error'}}))
    const asked: ConfigurationItem[] = []
    const client = await start({
      folders: [folder],
      capabilities: {workspace: {configuration: true}},
      configuration: (items) => {
        asked.push(...items)
        return items.map(() => ({enable: true, rules: {'missing-thanks': 'off', 'negative-phrasing': 'info'}}))
      }
    })
    const uri = uriOf(folder, 'configured.txt')
    await client.open(uri, negative)
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['negative-phrasing', 3]])
    expect(asked).toEqual([{scopeUri: uri, section: 'tactful'}])
  })

  it('refreshes on workspace/didChangeConfiguration', async () => {
    const folder = makeWorkspace()
    let settings: unknown = {}
    const client = await start({
      folders: [folder],
      capabilities: {workspace: {configuration: true}},
      configuration: (items) => items.map(() => settings)
    })
    const uri = uriOf(folder, 'refresh.txt')
    await client.open(uri, negative)
    expect(
      codes(await client.waitForDiagnostics(uri, {version: 1, where: (params) => codes(params).includes('missing-thanks')}))
    ).toContain('missing-thanks')
    settings = {rules: {'missing-thanks': 'off'}}
    const since = client.mark()
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    expect(codes(await client.waitForDiagnostics(uri, {since}))).not.toContain('missing-thanks')
  })

  it('takes pushed settings from clients without workspace/configuration', async () => {
    const folder = makeWorkspace()
    const client = await start({folders: [folder]})
    const uri = uriOf(folder, 'pushed.txt')
    await client.open(uri, negative)
    await client.waitForDiagnostics(uri, {version: 1})
    const since = client.mark()
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: {tactful: {enable: false}}})
    expect((await client.waitForDiagnostics(uri, {since})).diagnostics).toEqual([])
  })

  it('lints only the languages in tactful.languages', async () => {
    const folder = makeWorkspace()
    const client = await start({
      folders: [folder],
      capabilities: {workspace: {configuration: true}},
      configuration: (items) => items.map(() => ({languages: ['gitcommit']}))
    })
    const commit = uriOf(folder, 'COMMIT_EDITMSG')
    const plain = uriOf(folder, 'plain.txt')
    await client.open(commit, negative, 'gitcommit')
    await client.open(plain, negative, 'plaintext')
    expect(codes(await client.waitForDiagnostics(commit, {version: 1}))).toContain('negative-phrasing')
    expect((await client.waitForDiagnostics(plain, {version: 1})).diagnostics).toEqual([])
  })

  it('reports bad settings once, clearly, and publishes an empty report', async () => {
    const folder = makeWorkspace()
    const client = await start({
      folders: [folder],
      capabilities: {workspace: {configuration: true}},
      configuration: (items) => items.map(() => ({rules: {'missing-thanks': 'loud'}}))
    })
    const uri = uriOf(folder, 'bad-settings.txt')
    await client.open(uri, negative)
    expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics).toEqual([])
    await client.change(uri, 2, [{text: `${negative} `}])
    await client.waitForDiagnostics(uri, {version: 2})
    const errors = client.messages.filter((message) => message.type === 1)
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toContain('`loud`')
  })
})
