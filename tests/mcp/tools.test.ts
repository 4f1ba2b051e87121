import {readFileSync} from 'node:fs'
import type {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {ruleIds} from 'tactful'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {call, startServer, textOf} from './helpers.js'

const negative = "Thanks for your message. We won't be able to see you before Friday."
const blaming = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do."
const clean = 'Thank you for getting in touch. Your refund of $25 was issued today.'

let client: Client

beforeAll(async () => {
  client = await startServer()
})

afterAll(async () => {
  await client.close()
})

describe('tactful-mcp server', () => {
  it('names itself tactful, with the package version', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../../packages/tactful-mcp/package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(client.getServerVersion()).toMatchObject({name: 'tactful', version: packageJson.version})
  })

  it('lists three tools, each described and with an input and output schema', async () => {
    const {tools} = await client.listTools()
    expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_rule', 'fix_reply', 'lint_reply'])
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(40)
      expect(tool.inputSchema.type).toBe('object')
      expect(tool.outputSchema?.type).toBe('object')
      expect(tool.annotations?.readOnlyHint).toBe(true)
    }
    const lintReply = tools.find((tool) => tool.name === 'lint_reply')!
    expect(lintReply.inputSchema.required).toEqual(['text'])
    // `filePath` joined: the library reads `.eml` as email, as the CLI and the editor do.
    expect(Object.keys(lintReply.inputSchema.properties ?? {}).sort()).toEqual(['filePath', 'format', 'now', 'text'])
    const explain = tools.find((tool) => tool.name === 'explain_rule')!
    expect((explain.inputSchema.properties as Record<string, {enum?: string[]}>).ruleId.enum).toEqual([...ruleIds])
  })
})

describe('lint_reply', () => {
  it('finds negative phrasing, with the library’s fields and an action to take', async () => {
    const result = await call(client, 'lint_reply', {text: negative})
    expect(result.isError).toBeFalsy()
    const {findings, summary, commitments, notices} = result.structuredContent as {
      findings: Array<Record<string, unknown>>
      summary: string
      commitments: unknown[]
      notices: string[]
    }
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      ruleId: 'negative-phrasing',
      severity: 'warning',
      actual: "We won't be able to see you before Friday",
      suggestions: ["We'll be able to see you on Friday"],
      start: {line: 1, column: 26, offset: 25},
      end: {line: 1, column: 67, offset: 66},
      url: expect.stringContaining('negative-phrasing'),
      action: "Replace ‘We won't be able to see you before Friday’ with ‘We'll be able to see you on Friday’"
    })
    // The library's finding gained `note` and typed `fixes`.
    expect(Object.keys(findings[0]).sort()).toEqual([
      'action',
      'actual',
      'end',
      'fixes',
      'message',
      'note',
      'ruleId',
      'severity',
      'start',
      'suggestions',
      'url'
    ])
    expect(summary).toBe('1 finding: 1 negative-phrasing')
    expect(commitments).toEqual([])
    expect(notices).toEqual([])
    const text = textOf(result)
    expect(text).toContain('1 finding: 1 negative-phrasing')
    expect(text).toContain("Action: Replace ‘We won't be able to see you before Friday’ with ‘We'll be able to see you on Friday’")
  })

  it('finds blame, negative phrasing and the missing thanks, and asks for a rewrite where there is no drop-in', async () => {
    const result = await call(client, 'lint_reply', {text: blaming})
    const {findings, summary} = result.structuredContent as {
      findings: Array<{ruleId: string; action: string; suggestions: string[]}>
      summary: string
    }
    const rules = new Set(findings.map((finding) => finding.ruleId))
    expect([...rules]).toEqual(expect.arrayContaining(['blame-shifting', 'negative-phrasing', 'missing-thanks']))
    expect(summary).toMatch(new RegExp(`^${findings.length} findings: .*blame-shifting.*`))
    expect(summary).toContain('1 missing-thanks')
    const blame = findings.find((finding) => finding.ruleId === 'blame-shifting' && finding.suggestions.length === 0)!
    expect(blame.action).toMatch(/^Rewrite ‘It's not our fault’: /)
    const thanks = findings.find((finding) => finding.ruleId === 'missing-thanks')!
    expect(thanks.action).toMatch(/^Replace ‘There's nothing we can do\.’ with ‘There's nothing we can do\. Thank/)
  })

  it('says a clean reply is ready to send', async () => {
    const result = await call(client, 'lint_reply', {text: clean, format: 'text', now: '2025-03-14T09:30:00Z'})
    expect(result.isError).toBeFalsy()
    expect(result.structuredContent).toMatchObject({findings: [], summary: 'No findings: the reply is ready to send'})
    expect(textOf(result)).toBe('No findings: the reply is ready to send')
  })

  it('lists the commitments the reply makes, with when they are due', async () => {
    const text = "Thanks for your patience. I'll email you the courier's delivery date by 5 pm today."
    const result = await call(client, 'lint_reply', {text, now: '2025-03-14T09:30:00Z'})
    const {findings, commitments} = result.structuredContent as {
      findings: unknown[]
      commitments: Array<{text: string; due: string | null}>
    }
    expect(findings).toEqual([])
    expect(commitments).toHaveLength(1)
    expect(commitments[0].text).toContain('by 5 pm today')
    expect(commitments[0].due).toMatch(/^2025-03-1[45]T/)
    expect(textOf(result)).toContain('Commitments (promises in the reply that someone has to keep):')
  })

  it('reads an email, skipping quoted history', async () => {
    const email = ['Thank you for your email. Your new card is on its way.', '', "> We won't be able to see you before Friday."].join('\n')
    const result = await call(client, 'lint_reply', {text: email, format: 'email'})
    expect(result.structuredContent).toMatchObject({findings: []})
  })

  it('reads a reply as email when its file name says so, as the CLI and the editor do', async () => {
    const email = 'Subject: We cannot refund you\n\nHi Alex,\n\nYour parcel is on its way. Thanks!\n'
    const asText = await call(client, 'lint_reply', {text: email})
    expect((asText.structuredContent as {findings: Array<{actual: string}>}).findings.map((finding) => finding.actual)).toEqual([
      'We cannot refund you'
    ])
    const asEmail = await call(client, 'lint_reply', {text: email, filePath: 'replies/refund.eml'})
    expect(asEmail.structuredContent).toMatchObject({findings: []})
    const fixed = await call(client, 'fix_reply', {text: email, filePath: 'replies/refund.eml'})
    expect(fixed.structuredContent).toMatchObject({text: email, applied: [], remaining: []})
  })

  it('passes on why a finding matters, its typed fixes and the glossary term', async () => {
    const result = await call(client, 'lint_reply', {text: 'Please request an RMA before sending it back. Thanks!'})
    const [finding] = (result.structuredContent as {findings: Array<Record<string, unknown>>}).findings
    expect(finding).toMatchObject({
      actual: 'an RMA',
      note: expect.stringContaining('permission to send the item back'),
      fixes: [{kind: 'replace', title: 'Replace with “a return authorization”', text: 'a return authorization'}],
      glossaryTerm: 'RMA'
    })
    expect(textOf(result)).toContain(`   Why: ${finding.note as string}`)
  })

  it('handles an empty reply', async () => {
    const result = await call(client, 'lint_reply', {text: ''})
    expect(result.isError).toBeFalsy()
    expect(result.structuredContent).toMatchObject({findings: []})
  })
})

describe('fix_reply', () => {
  it('applies the safe fix and reports nothing left', async () => {
    const result = await call(client, 'fix_reply', {text: negative})
    expect(result.isError).toBeFalsy()
    const report = result.structuredContent as {text: string; applied: Array<{ruleId: string}>; remaining: unknown[]; summary: string}
    expect(report.text).toBe("Thanks for your message. We'll be able to see you on Friday.")
    expect(report.text).toContain('on Friday')
    expect(report.text).not.toMatch(/won't .*before/)
    expect(report.applied.map((finding) => finding.ruleId)).toEqual(['negative-phrasing'])
    expect(report.remaining).toEqual([])
    expect(report.summary).toBe('Applied 1 fix; no findings remain: the reply is ready to send')
    expect(textOf(result)).toContain("We'll be able to see you on Friday.")
  })

  it('leaves what needs a person, each with its action', async () => {
    const result = await call(client, 'fix_reply', {text: blaming})
    const report = result.structuredContent as {text: string; remaining: Array<{ruleId: string; action: string}>; summary: string}
    expect(report.remaining.map((finding) => finding.ruleId)).toContain('blame-shifting')
    for (const finding of report.remaining) expect(finding.action).toMatch(/^(Replace|Rewrite) ‘/)
    expect(report.summary).toMatch(/^No safe fixes to apply; \d+ findings left to rewrite by hand: .*\d blame-shifting/)
    expect(textOf(result)).toContain('Still to rewrite by hand:')
  })
})

describe('explain_rule', () => {
  it.each([...ruleIds])('explains %s', async (ruleId) => {
    const result = await call(client, 'explain_rule', {ruleId})
    expect(result.isError).toBeFalsy()
    const explanation = result.structuredContent as {
      ruleId: string
      looksFor: string
      why: string
      example: {flagged: string; fixed: string}
      url: string
    }
    expect(explanation.ruleId).toBe(ruleId)
    expect(explanation.looksFor.length).toBeGreaterThan(20)
    expect(explanation.why.length).toBeGreaterThan(20)
    expect(explanation.example.flagged).not.toBe(explanation.example.fixed)
    expect(explanation.url).toMatch(new RegExp(`/rules/${ruleId}/README\\.md$`))
    expect(textOf(result)).toContain(`Docs: ${explanation.url}`)
  })
})
