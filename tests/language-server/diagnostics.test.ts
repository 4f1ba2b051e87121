import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Diagnostic} from 'vscode-languageserver'
import {lint} from '../../packages/tactful/src/index.js'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const negative = "We won't be able to see you before Friday."

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

function byRule(params: {diagnostics: Diagnostic[]}, ruleId: string): Diagnostic[] {
  return params.diagnostics.filter((diagnostic) => diagnostic.code === ruleId)
}

describe('initialize', () => {
  it('advertises incremental sync, code actions, hover and the commands, and no pull provider to a push-only client', () => {
    const {capabilities} = client.initializeResult
    expect(capabilities.textDocumentSync).toMatchObject({openClose: true, change: 2})
    expect(capabilities.codeActionProvider).toEqual({codeActionKinds: ['quickfix', 'source.fixAll.tactful']})
    expect(capabilities.hoverProvider).toBe(true)
    expect(capabilities.executeCommandProvider).toEqual({commands: ['tactful.addToGlossary', 'tactful.showDocumentation']})
    expect(capabilities.diagnosticProvider).toBeUndefined()
  })
})

describe('push diagnostics', () => {
  it('publishes a finding with its exact range, severity, source, code, docs link and data', async () => {
    const uri = uriOf(folder, 'negative.txt')
    const text = `Hello Sam,\n\n${negative}`
    await client.open(uri, text)
    const {diagnostics, version} = await client.waitForDiagnostics(uri, {version: 1})
    expect(version).toBe(1)
    const [diagnostic] = byRule({diagnostics}, 'negative-phrasing')
    expect(diagnostic).toEqual({
      range: {start: {line: 2, character: 0}, end: {line: 2, character: 41}},
      severity: 2,
      source: 'tactful',
      code: 'negative-phrasing',
      codeDescription: {href: expect.stringContaining('negative-phrasing')},
      message: expect.stringContaining('We won'),
      // The finding's typed fixes ride along, so quick fixes apply them as they say.
      data: {
        ruleId: 'negative-phrasing',
        actual: "We won't be able to see you before Friday",
        suggestions: expect.arrayContaining(["We'll be able to see you on Friday"]),
        fixes: expect.arrayContaining([
          {kind: 'replace', title: "Replace with “We'll be able to see you on Friday”", text: "We'll be able to see you on Friday"}
        ])
      }
    })
    expect(byRule({diagnostics}, 'missing-thanks')).toHaveLength(1)
  })

  it('counts UTF-16 code units: an emoji before the finding is two', async () => {
    const uri = uriOf(folder, 'emoji.txt')
    await client.open(uri, `Hi there,\n😀 ${negative}`)
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
    expect(byRule({diagnostics}, 'negative-phrasing')[0].range).toEqual({start: {line: 1, character: 3}, end: {line: 1, character: 44}})
  })

  it('places a finding on the line after CJK text', async () => {
    const uri = uriOf(folder, 'cjk.txt')
    await client.open(uri, '您好，感谢您的来信。\n😀 It’s not our fault that the product arrived defective.')
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
    const [blame] = byRule({diagnostics}, 'blame-shifting')
    expect(blame.range.start).toEqual({line: 1, character: 3})
    expect((blame.data as {actual: string}).actual).toMatch(/not our fault$/)
  })

  it('matches what the library finds, finding for finding', async () => {
    const uri = uriOf(folder, 'same.md')
    const text = `# Your return\n\n😀 ${negative}\n\nPlease request an RMA before sending it back. It's not our fault that the product arrived defective.\n`
    await client.open(uri, text, 'markdown')
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
    const {findings} = await lint(text, {format: 'markdown'})
    expect(
      diagnostics.map((diagnostic) => [
        diagnostic.code,
        diagnostic.range.start.line + 1,
        diagnostic.range.start.character + 1,
        diagnostic.message
      ])
    ).toEqual(findings.map((finding) => [finding.ruleId, finding.start.line, finding.start.column, finding.message]))
  })

  it('updates on a full-text change', async () => {
    const uri = uriOf(folder, 'full.txt')
    await client.open(uri, negative)
    await client.waitForDiagnostics(uri, {version: 1, where: (params) => byRule(params, 'negative-phrasing').length === 1})
    await client.change(uri, 2, [{text: 'Your parcel is on its way. Thank you for your patience.'}])
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 2})
    expect(diagnostics).toEqual([])
  })

  it('updates on an incremental change, and the latest text wins', async () => {
    const uri = uriOf(folder, 'incremental.txt')
    await client.open(uri, 'Your parcel is on its way. Thank you for your patience.')
    expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics).toEqual([])
    // Typed as a burst: whatever was published on the way, the last report is of the last text.
    await client.change(uri, 2, [{range: {start: {line: 0, character: 27}, end: {line: 0, character: 27}}, rangeLength: 0, text: 'X '}])
    await client.change(uri, 3, [
      {range: {start: {line: 0, character: 27}, end: {line: 0, character: 29}}, rangeLength: 2, text: `${negative} `}
    ])
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 3})
    expect(byRule({diagnostics}, 'negative-phrasing')[0].range).toEqual({start: {line: 0, character: 27}, end: {line: 0, character: 68}})
    expect(
      client.published
        .filter((params) => params.uri === uri)
        .map((params) => params.version)
        .at(-1)
    ).toBe(3)
  })

  it('clears diagnostics when the document closes', async () => {
    const uri = uriOf(folder, 'closing.txt')
    await client.open(uri, negative)
    await client.waitForDiagnostics(uri, {version: 1})
    const since = client.mark()
    await client.close(uri)
    const cleared = await client.waitForDiagnostics(uri, {since})
    expect(cleared.diagnostics).toEqual([])
  })

  it('gives nothing for quoted history or the signature', async () => {
    const uri = uriOf(folder, 'quoted.txt')
    const text = [
      'Thank you for your patience, your parcel is on its way.',
      '',
      'Best,',
      'Sam',
      '',
      'On Mon, 3 Jun 2024 at 09:14, Alex <alex@example.com> wrote:',
      `> ${negative}`,
      "> It's not our fault that the product arrived defective.",
      '> Please request an RMA before sending it back.'
    ].join('\n')
    await client.open(uri, text)
    expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics).toEqual([])
  })

  it('lints .eml files as email whatever their language id', async () => {
    const uri = uriOf(folder, 'reply.eml')
    const text = `From: Sam <sam@example.com>\nTo: Alex <alex@example.com>\nSubject: Your return\n\n${negative}\n`
    await client.open(uri, text, 'email')
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
    const {findings} = await lint(text, {format: 'email'})
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(findings.map((finding) => finding.ruleId))
    expect(byRule({diagnostics}, 'negative-phrasing')[0].range.start).toEqual({line: 4, character: 0})
  })

  it('leaves documents in other languages alone', async () => {
    const uri = uriOf(folder, 'script.ts')
    await client.open(uri, `// ${negative}`, 'typescript')
    expect((await client.waitForDiagnostics(uri, {version: 1})).diagnostics).toEqual([])
  })
})

describe('hover', () => {
  it('explains the finding under the cursor in Markdown', async () => {
    const uri = uriOf(folder, 'hover.txt')
    await client.open(uri, `Hi,\n${negative}`)
    await client.waitForDiagnostics(uri, {version: 1})
    const hover = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 1, character: 5}})
    expect(hover).toMatchObject({contents: {kind: 'markdown'}, range: {start: {line: 1, character: 0}, end: {line: 1, character: 41}}})
    const {value} = (hover as {contents: {value: string}}).contents
    expect(value).toContain('**tactful · negative-phrasing**')
    expect(value).toContain('Why it matters')
    expect(value).toContain("- “We'll be able to see you on Friday”")
    expect(value).toContain('[Documentation for negative-phrasing](https://')
  })

  it('returns null away from any finding', async () => {
    const uri = uriOf(folder, 'hover-none.txt')
    await client.open(uri, 'Your parcel is on its way. Thank you for your patience.')
    await client.waitForDiagnostics(uri, {version: 1})
    expect(await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 3}})).toBeNull()
  })
})
