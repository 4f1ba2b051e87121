import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {CodeAction, Diagnostic, Range} from 'vscode-languageserver'
import {lint} from '../../packages/tactful/src/index.js'
import {type LspClient, applyEdits, editsFor, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'

const greeting = '😀 您好！'
const chinese = '这不是我们的错，周五之前我们没法见您。'
const english = "We won't be able to see you before Friday."

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

interface Expected {
  code: string
  range: Range
}

/** The range of `phrase` on line `line` of `text` (0-based, UTF-16), found by searching the line itself. */
function rangeOf(text: string, line: number, phrase: string): Range {
  const character = text.split('\n')[line].indexOf(phrase)
  if (character < 0) throw new Error(`“${phrase}” is not on line ${line}`)
  return {start: {line, character}, end: {line, character: character + phrase.length}}
}

/** What the library finds in `text`, as LSP ranges: 1-based lines and columns made 0-based. */
async function libraryRanges(text: string): Promise<Expected[]> {
  const {findings} = await lint(text)
  return findings.map((finding) => ({
    code: finding.ruleId,
    range: {
      start: {line: finding.start.line - 1, character: finding.start.column - 1},
      end: {line: finding.end.line - 1, character: finding.end.column - 1}
    }
  }))
}

function published(diagnostics: Diagnostic[]): Expected[] {
  return diagnostics.map(({code, range}) => ({code: String(code), range}))
}

function byPosition(list: Expected[]): Expected[] {
  return [...list].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code)
  )
}

async function openAndWait(name: string, text: string): Promise<{uri: string; diagnostics: Diagnostic[]}> {
  const uri = uriOf(folder, name)
  await client.open(uri, text)
  const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
  return {uri, diagnostics}
}

describe('Chinese findings in the language server', () => {
  it('publishes them at exact UTF-16 ranges after an emoji and CJK, as the library finds them', async () => {
    const text = `${greeting}\n${chinese}`
    const expected: Expected[] = [
      // The reply never thanks: flagged on its last sentence, the whole of line 1.
      {code: 'missing-thanks', range: rangeOf(text, 1, chinese)},
      {code: 'blame-shifting', range: rangeOf(text, 1, '不是我们的错')},
      {code: 'negative-phrasing', range: rangeOf(text, 1, '周五之前我们没法见您')}
    ]
    expect(byPosition(await libraryRanges(text))).toEqual(byPosition(expected))
    const {diagnostics} = await openAndWait('zh.txt', text)
    expect(byPosition(published(diagnostics))).toEqual(byPosition(expected))
    const lines = text.split('\n')
    for (const diagnostic of diagnostics) {
      const {start, end} = diagnostic.range
      expect((diagnostic.data as {actual: string}).actual).toBe(lines[start.line].slice(start.character, end.character))
    }
  })

  it('counts an emoji on the same line as two code units', async () => {
    const line = `您好！😀 ${chinese}`
    const expected: Expected[] = [
      {code: 'missing-thanks', range: rangeOf(line, 0, `😀 ${chinese}`)},
      {code: 'blame-shifting', range: rangeOf(line, 0, '不是我们的错')},
      {code: 'negative-phrasing', range: rangeOf(line, 0, '周五之前我们没法见您')}
    ]
    // 您好！ is three code units, 😀 two, the space one: 不 is the seventh code unit after 这.
    expect(expected[1].range.start.character).toBe(7)
    expect(byPosition(await libraryRanges(line))).toEqual(byPosition(expected))
    const {diagnostics} = await openAndWait('zh-emoji.txt', line)
    expect(byPosition(published(diagnostics))).toEqual(byPosition(expected))
  })

  it('applying the negative-phrasing quick fix makes that diagnostic go away', async () => {
    const text = `${greeting}\n${chinese}`
    const {uri, diagnostics} = await openAndWait('zh-fix.txt', text)
    const negative = diagnostics.find((diagnostic) => diagnostic.code === 'negative-phrasing')!
    expect(negative.range).toEqual(rangeOf(text, 1, '周五之前我们没法见您'))
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: negative.range,
      context: {diagnostics: [negative], only: ['quickfix']}
    })
    const replace = actions.find((action) => action.title === 'Replace with “周五我们可以见您”')
    expect(replace).toMatchObject({kind: 'quickfix', isPreferred: true, diagnostics: [negative]})
    const next = applyEdits(text, editsFor(replace!.edit!, uri))
    expect(next).toBe(`${greeting}\n这不是我们的错，周五我们可以见您。`)
    await client.change(uri, 2, [{text: next}])
    const after = await client.waitForDiagnostics(uri, {version: 2})
    expect(after.diagnostics.filter((diagnostic) => diagnostic.code === 'negative-phrasing')).toEqual([])
    expect(byPosition(published(after.diagnostics))).toEqual(
      byPosition([
        {code: 'missing-thanks', range: rangeOf(next, 1, '这不是我们的错，周五我们可以见您。')},
        {code: 'blame-shifting', range: rangeOf(next, 1, '不是我们的错')}
      ])
    )
  })

  it('gives both languages’ findings at exact ranges in a mixed Chinese and English reply', async () => {
    const text = `${chinese}\n${english}`
    const expected: Expected[] = [
      {code: 'blame-shifting', range: rangeOf(text, 0, '不是我们的错')},
      {code: 'negative-phrasing', range: rangeOf(text, 0, '周五之前我们没法见您')},
      {code: 'negative-phrasing', range: rangeOf(text, 1, "We won't be able to see you before Friday")},
      // The reply never thanks: flagged on its last sentence, the English line.
      {code: 'missing-thanks', range: rangeOf(text, 1, english)}
    ]
    expect(byPosition(await libraryRanges(text))).toEqual(byPosition(expected))
    const {diagnostics} = await openAndWait('mixed.txt', text)
    expect(byPosition(published(diagnostics))).toEqual(byPosition(expected))
    const suggestions = diagnostics
      .filter((diagnostic) => diagnostic.code === 'negative-phrasing')
      .sort((a, b) => a.range.start.line - b.range.start.line)
      .map((diagnostic) => (diagnostic.data as {suggestions: string[]}).suggestions[0])
    expect(suggestions).toEqual(['周五我们可以见您', "We'll be able to see you on Friday"])
  })
})
