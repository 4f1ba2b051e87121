// The CLI, the language server and the library read a file the same way: its name chooses the format.
import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const cli = fileURLToPath(new URL('../../packages/tactful/bin/tactful.js', import.meta.url))

// A saved reply with one header line: as plain text, “We cannot refund you” would be a finding.
const email = 'Subject: We cannot refund you\n\nHi Alex,\n\nWe cannot ship it before Friday. Your order number is 1234.\n\nSam\n'

let client: LspClient
let folder: string

beforeAll(async () => {
  folder = makeWorkspace()
  client = await startServer({folders: [folder]})
})

afterAll(async () => {
  await client?.stop()
  removeWorkspaces()
})

interface Spot {
  ruleId: string
  line: number
  character: number
}

function cliSpots(file: string): Spot[] {
  const result = spawnSync(process.execPath, [cli, '--format', 'json', file], {encoding: 'utf8'})
  expect(result.stderr).toBe('')
  const [report] = JSON.parse(result.stdout) as Array<{findings: Array<{ruleId: string; start: {line: number; column: number}}>}>
  return report.findings.map((finding) => ({ruleId: finding.ruleId, line: finding.start.line - 1, character: finding.start.column - 1}))
}

async function serverSpots(file: string, languageId: string): Promise<Spot[]> {
  const uri = uriOf(folder, path.basename(file))
  await client.open(uri, email, languageId)
  const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
  return diagnostics.map((diagnostic) => ({
    ruleId: String(diagnostic.code),
    line: diagnostic.range.start.line,
    character: diagnostic.range.start.character
  }))
}

describe('a file’s name chooses how to read it, everywhere', () => {
  it('an .eml file: the CLI and the server agree, and neither flags the Subject line', async () => {
    const file = path.join(folder, 'refund.eml')
    writeFileSync(file, email)
    const fromCli = cliSpots(file)
    const fromServer = await serverSpots(file, 'plaintext')
    expect(fromCli).toEqual(fromServer)
    expect(fromCli.map((spot) => spot.ruleId)).toEqual(['negative-phrasing', 'missing-thanks'])
    expect(fromCli.every((spot) => spot.line > 0)).toBe(true)
    const {findings} = await lint(email, {filePath: file})
    expect(findings.map((finding) => finding.ruleId)).toEqual(fromCli.map((spot) => spot.ruleId))
  })

  it('the same text in a .txt file: both read it as plain text and flag the Subject line', async () => {
    const file = path.join(folder, 'refund.txt')
    writeFileSync(file, email)
    const fromCli = cliSpots(file)
    expect(fromCli).toEqual(await serverSpots(file, 'plaintext'))
    expect(fromCli[0]).toEqual({ruleId: 'negative-phrasing', line: 0, character: 9})
  })
})
