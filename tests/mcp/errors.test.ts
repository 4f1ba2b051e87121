import type {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {call, startServer, textOf} from './helpers.js'

let client: Client

beforeAll(async () => {
  client = await startServer()
})

afterAll(async () => {
  await client.close()
})

// Each bad call must be a tool error with a message, and the server must answer the next call.
async function expectToolError(name: string, args: Record<string, unknown>, message: RegExp): Promise<void> {
  const result = await call(client, name, args)
  expect(result.isError).toBe(true)
  expect(textOf(result)).toMatch(message)
  const next = await call(client, 'lint_reply', {text: 'Thank you for your patience.'})
  expect(next.isError).toBeFalsy()
  expect(next.structuredContent).toMatchObject({findings: []})
}

describe('bad arguments', () => {
  it('missing text', async () => {
    await expectToolError('lint_reply', {}, /Missing `text`: pass the reply draft as a string/)
  })

  it('text that is a number', async () => {
    await expectToolError('lint_reply', {text: 42}, /Expected `text` to be the reply draft as a string, not a number/)
  })

  it('text that is null, to fix_reply', async () => {
    await expectToolError('fix_reply', {text: null}, /Expected `text` to be the reply draft as a string, not `null`/)
  })

  it('an unknown rule, naming the known ones', async () => {
    await expectToolError('explain_rule', {ruleId: 'jargn'}, /Unknown rule `jargn`; the rules are `blame-shifting`, .*`negative-phrasing`/)
  })

  it('a missing rule id', async () => {
    await expectToolError('explain_rule', {}, /Missing `ruleId`; the rules are `blame-shifting`/)
  })

  it('a `now` that is not a date', async () => {
    await expectToolError(
      'lint_reply',
      {text: 'Thanks!', now: 'next Tuesday'},
      /Expected `now` to be an ISO 8601 date-time such as .*, not "next Tuesday"/
    )
  })

  it('a `now` naming a day that does not exist', async () => {
    await expectToolError('lint_reply', {text: 'Thanks!', now: '2025-02-30'}, /Expected `now` to be an ISO 8601/)
  })

  it('an unknown format', async () => {
    await expectToolError(
      'lint_reply',
      {text: 'Thanks!', format: 'html'},
      /Expected `format` to be `text`, `markdown` or `email`, not `html`/
    )
  })

  it('2 MB of text, to either tool', async () => {
    const huge = 'Thank you for your patience. '.repeat(70_000)
    expect(huge.length).toBeGreaterThan(2_000_000)
    await expectToolError('lint_reply', {text: huge}, /`text` is 2,030,000 characters long, over the limit of 1,000,000/)
    await expectToolError('fix_reply', {text: huge}, /over the limit of 1,000,000/)
  })

  it('an unknown tool', async () => {
    await expectToolError('lint', {text: 'Thanks!'}, /lint/)
  })
})
