// Issue 12, finding 7: the language server's add-to-glossary wrote `.tactfulrc.json` beside a document
// outside every workspace folder, wrote through a `.tactfulrc.json` symlink, and took a 5 MB term.
import {existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {addToGlossary, maxTermLength} from '../../packages/language-server/src/add-to-glossary.js'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const command = 'tactful.addToGlossary'
const running: LspClient[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((client) => client.stop()))
  removeWorkspaces()
})

async function start(folder: string): Promise<LspClient> {
  const client = await startServer({folders: [folder]})
  running.push(client)
  return client
}

describe('add-to-glossary writes only a plain file in a workspace folder holding the document', () => {
  it('refuses a document outside every workspace folder, and writes nothing beside it', async () => {
    const workspace = makeWorkspace()
    const outside = makeWorkspace()
    const client = await start(workspace)
    const uri = uriOf(outside, 'reply.txt')
    await client.open(uri, 'Please raise an RMA.')
    await client.connection.sendRequest('workspace/executeCommand', {command, arguments: [uri, 'RMA']})
    const message = await client.waitForMessage((params) => params.message.includes('not in a workspace folder'))
    expect(message.type).toBe(1)
    expect(readdirSync(outside)).toEqual([])
    expect(existsSync(path.join(workspace, '.tactfulrc.json'))).toBe(false)
  })

  it('does not write through a .tactfulrc.json that is a symbolic link', async () => {
    const workspace = makeWorkspace()
    const elsewhere = makeWorkspace()
    const target = path.join(elsewhere, 'victim.json')
    writeFileSync(target, '{}\n')
    symlinkSync(target, path.join(workspace, '.tactfulrc.json'))
    const client = await start(workspace)
    const uri = uriOf(workspace, 'reply.txt')
    await client.open(uri, 'Please raise an RMA.')
    await client.connection.sendRequest('workspace/executeCommand', {command, arguments: [uri, 'RMA']})
    const message = await client.waitForMessage((params) => params.message.includes('is a symbolic link'))
    expect(message.type).toBe(1)
    expect(readFileSync(target, 'utf8')).toBe('{}\n')
  })

  it('refuses a 5 MB term with a short message, and writes nothing', async () => {
    const workspace = makeWorkspace()
    const client = await start(workspace)
    const uri = uriOf(workspace, 'reply.txt')
    await client.open(uri, 'Please raise an RMA.')
    const term = 'A'.repeat(5 * 1024 * 1024)
    await client.connection.sendRequest('workspace/executeCommand', {command, arguments: [uri, term]})
    const message = await client.waitForMessage((params) => params.message.includes('terms are at most'))
    expect(message.message).toBe(`Cannot add a term of ${term.length} characters to the glossary; terms are at most ${maxTermLength}`)
    expect(existsSync(path.join(workspace, '.tactfulrc.json'))).toBe(false)
  })

  it('refuses a dangling symlink too, rather than create the file it names', () => {
    const workspace = makeWorkspace()
    const elsewhere = makeWorkspace()
    symlinkSync(path.join(elsewhere, 'created.json'), path.join(workspace, '.tactfulrc.json'))
    expect(() => addToGlossary(workspace, 'RMA')).toThrow(/is a symbolic link/)
    expect(readdirSync(elsewhere)).toEqual([])
  })

  it('still adds a term of the longest length', () => {
    const workspace = makeWorkspace()
    const term = 'x'.repeat(maxTermLength)
    expect(addToGlossary(workspace, term)).toMatchObject({created: true, unchanged: false})
    expect(JSON.parse(readFileSync(path.join(workspace, '.tactfulrc.json'), 'utf8'))).toEqual({glossary: {allow: [term]}})
  })
})
