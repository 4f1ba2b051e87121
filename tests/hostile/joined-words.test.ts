// Issue 12, finding 1: long joined words overflowed the parser's stack (`children.push(...tokens)`),
// and the throw made `lint()` and `fix()` reject, losing every finding in the reply.
import {afterEach, describe, expect, it} from 'vitest'
import {fix, lint} from '../../packages/tactful/src/index.js'
import {parsers} from '../../packages/tactful/src/parse/index.js'
import {type LspClient, makeWorkspace, removeWorkspaces, startServer, uriOf} from '../helpers-lsp.js'
import {expectWellFormed} from './invariants.js'

const negative = "We won't be able to see you before Friday."

describe('long joined words', () => {
  it.each(['a-', 'a.', "a'", 'a@'])('lints %j × 63,000 without overflowing the stack', async (unit) => {
    const text = unit.repeat(63_000)
    const result = await lint(text)
    expectWellFormed(text, result)
  })

  it('keeps a real finding in the same reply', async () => {
    const text = `${negative}\n\n${'a-'.repeat(63_000)}\n\n${negative}`
    const result = await lint(text)
    expectWellFormed(text, result)
    const negatives = result.findings.filter((finding) => finding.ruleId === 'negative-phrasing')
    expect(negatives.map((finding) => finding.start.line)).toEqual([1, 5])
  })

  it('fixes such a reply instead of rejecting', async () => {
    const text = `${negative} ${'a-'.repeat(63_000)}`
    const result = await fix(text)
    expect(result.output.endsWith('a-'.repeat(63_000))).toBe(true)
    expect(result.fixed.map((finding) => finding.ruleId)).toContain('negative-phrasing')
  })

  it('says so when a paragraph too long to read whole is read in parts', async () => {
    const text = 'Thanks for waiting. '.repeat(2000)
    const {notices} = await lint(text)
    expect(notices).toEqual([
      expect.stringMatching(
        /^Read in parts: a paragraph of 40000 characters is longer than 16384; a sentence that runs across two parts is checked as two$/
      )
    ])
  })

  it('reads paragraphs between blank lines as one text would be read, without a notice', async () => {
    const paragraph = 'Thanks for waiting, we will call you soon. Kindly revert with the RMA.'
    const text = Array.from({length: 200}, () => paragraph).join('\n\n')
    const whole = await lint(paragraph)
    const result = await lint(text)
    expect(result.notices).toEqual([])
    expect(result.findings).toHaveLength(whole.findings.length * 200)
    expect(result.findings.slice(-whole.findings.length).map((finding) => finding.message)).toEqual(
      whole.findings.map((finding) => finding.message)
    )
  })
})

describe('a parser that fails', () => {
  it('makes lint() and fix() say so in a notice instead of rejecting', async () => {
    const english = parsers.get('en')!
    parsers.set('en', () => {
      throw new RangeError('Maximum call stack size exceeded')
    })
    try {
      const linted = await lint(negative)
      expect(linted).toEqual({findings: [], commitments: [], notices: ['Not linted: Maximum call stack size exceeded']})
      const fixed = await fix(negative)
      expect(fixed).toEqual({output: negative, fixed: [], remaining: []})
    } finally {
      parsers.set('en', english)
    }
  })
})

describe('the language server on long joined words', () => {
  const running: LspClient[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((client) => client.stop()))
    removeWorkspaces()
  })

  it('keeps the diagnostics of a document that holds them', async () => {
    const folder = makeWorkspace()
    const client = await startServer({folders: [folder]})
    running.push(client)
    const uri = uriOf(folder, 'joined.txt')
    await client.open(uri, `${negative}\n\n${'a-'.repeat(63_000)}`)
    const {diagnostics} = await client.waitForDiagnostics(uri, {version: 1})
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toContainEqual(['negative-phrasing', 0])
  })
})
