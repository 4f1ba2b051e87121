import {describe, expect, it} from 'vitest'
import {defaultMaxSize, fix, lint} from '../../packages/tactful/src/index.js'
import {expectWellFormed} from './invariants.js'

const negative = 'We cannot refund it. '

describe('the size limit', () => {
  it('is 1,000,000 UTF-16 code units by default', () => {
    expect(defaultMaxSize).toBe(1_000_000)
  })

  it('does not lint a reply over the default limit, and says so in one notice', async () => {
    const text = negative.repeat(Math.ceil((defaultMaxSize + 1) / negative.length))
    expect(text.length).toBeGreaterThan(defaultMaxSize)
    const result = await lint(text)
    expect(result.findings).toEqual([])
    expect(result.commitments).toEqual([])
    expect(result.notices).toEqual([
      `Not linted: the reply is ${text.length} characters long, over the limit of 1000000 (set \`maxSize\` to raise it)`
    ])
  })

  it('lints a reply at the limit and refuses one a code unit over it', async () => {
    const text = negative.repeat(5)
    const at = await lint(text, {maxSize: text.length})
    expect(at.notices).toEqual([])
    expect(at.findings.map((finding) => finding.ruleId)).toContain('negative-phrasing')
    const over = await lint(`${text}!`, {maxSize: text.length})
    expect(over.findings).toEqual([])
    expect(over.notices).toHaveLength(1)
    expect(over.notices[0]).toMatch(/^Not linted: .* over the limit of 105 .*`maxSize`/)
  })

  it('counts UTF-16 code units, so an emoji counts twice', async () => {
    const over = await lint('😀😀', {maxSize: 3})
    expect(over.notices).toHaveLength(1)
    expect((await lint('😀😀', {maxSize: 4})).notices).toEqual([])
  })

  it('answers a 10 MB reply with the notice and nothing else', async () => {
    const text = `${negative}😀\u0000\r\n`.repeat(Math.ceil((10 * 1024 * 1024) / 25))
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024)
    const result = await lint(text)
    expect(result).toEqual({
      findings: [],
      commitments: [],
      notices: [expect.stringMatching(/^Not linted: the reply is \d+ characters long/)]
    })
  })

  it('leaves a reply over the limit as it is when fixing', async () => {
    const text = "We won't be able to see you before Friday. ".repeat(10)
    const result = await fix(text, {maxSize: 100})
    expect(result).toEqual({output: text, fixed: [], remaining: []})
  })

  it('rejects a limit that is not a number of characters', async () => {
    for (const maxSize of [-1, Number.NaN, Number.POSITIVE_INFINITY, '1000']) {
      await expect(lint('Thanks!', {maxSize} as never)).rejects.toThrow(
        /^Expected `maxSize` in options to be a number of characters, not `.*`$/
      )
    }
  })
})

describe('glossary terms are literal phrases, never regular expressions', () => {
  const flag = {'(a+)+$': ['the pattern'], '.*': ['anything'], '[': ['a bracket'], 'C++': ['our C library'], 'x{2}': ['two x']}

  // Each term, written in a reply, is flagged as itself.
  it.each(Object.keys(flag))('flags %s where it is written, as written', async (term) => {
    const text = `Thanks for waiting. The log shows ${term} twice.`
    const {findings} = await lint(text, {glossary: {flag}})
    const jargon = findings.filter((finding) => finding.ruleId === 'jargon')
    expect(jargon.map((finding) => finding.actual)).toEqual([term])
    expect(jargon[0].suggestions).toEqual([flag[term as keyof typeof flag][0]])
  })

  it('does not flag what the terms would match as patterns', async () => {
    const text = 'Thanks for waiting. aaaa aaa a, xx and every other word are fine.'
    const {findings} = await lint(text, {glossary: {flag}})
    expect(findings).toEqual([])
  })

  it('does not let an allowed pattern-like term allow every term', async () => {
    const {findings} = await lint('Thanks for waiting. Please raise an RMA.', {glossary: {allow: ['.*', '(.*)', '[a-z]+']}})
    expect(findings.map((finding) => finding.actual)).toEqual(['an RMA'])
  })

  it('returns for inputs that make those patterns backtrack, finding nothing that is not written', async () => {
    const inputs = [
      `Thanks. ${'a'.repeat(100_000)}!`,
      `Thanks. ${'a '.repeat(50_000)}b`,
      `Thanks. ${'('.repeat(30_000)}${'a+'.repeat(10_000)}`,
      `Thanks. ${'['.repeat(50_000)}`
    ]
    for (const text of inputs) {
      const result = await lint(text, {glossary: {flag, allow: ['(a|aa)+$', '(.*a){20}']}})
      expectWellFormed(text, result)
      for (const finding of result.findings.filter((finding) => finding.ruleId === 'jargon'))
        expect(Object.keys(flag)).toContain(finding.actual)
    }
  })
})
