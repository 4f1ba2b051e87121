import {readdirSync} from 'node:fs'
import {lint, ruleIds} from 'tactful'
import {describe, expect, it} from 'vitest'
import {explanations, explainRule} from '../../packages/tactful-mcp/src/explanations/index.js'

const folder = new URL('../../packages/tactful-mcp/src/explanations/', import.meta.url)

describe('explain_rule data', () => {
  it('has one data file per rule, and no other', () => {
    const files = readdirSync(folder).filter((name) => name.endsWith('.json'))
    expect(files.sort()).toEqual(ruleIds.map((id) => `${id}.json`).sort())
    expect([...explanations.keys()].sort()).toEqual([...ruleIds].sort())
  })

  it.each([...ruleIds])('%s: names its rule and says what, why and how, in sentences', (ruleId) => {
    const explanation = explainRule(ruleId)
    expect(explanation.ruleId).toBe(ruleId)
    for (const field of [explanation.looksFor, explanation.why, explanation.example.flagged, explanation.example.fixed]) {
      expect(field).toMatch(/^\S.*[.!?]$/)
    }
  })

  it.each([...ruleIds])('%s: the flagged example is flagged by the rule and the fixed one is clean', async (ruleId) => {
    const {example} = explainRule(ruleId)
    const flagged = await lint(example.flagged, {now: '2025-03-14T09:30:00Z'})
    expect(flagged.findings.map((finding) => finding.ruleId)).toContain(ruleId)
    const fixed = await lint(example.fixed, {now: '2025-03-14T09:30:00Z'})
    expect(fixed.findings).toEqual([])
  })

  it('throws for an unknown rule, naming the known ones', () => {
    expect(() => explainRule('jargn')).toThrow(/Unknown rule `jargn`; the rules are `blame-shifting`, `broken-promises`/)
  })
})
