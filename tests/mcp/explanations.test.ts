import {lint, ruleIds, ruleList} from 'tactful'
import {describe, expect, it} from 'vitest'
import {explainRule} from '../../packages/tactful-mcp/src/explanations/index.js'

describe('explain_rule data', () => {
  // The explanations are the rules' own meta (rules/<id>/meta.json), not a copy kept beside the server.
  it.each([...ruleIds])('%s: explains the rule from its meta', (ruleId) => {
    const {meta} = ruleList.find((rule) => rule.meta.id === ruleId)!
    expect(explainRule(ruleId)).toEqual({
      ruleId,
      looksFor: meta.docs?.looksFor,
      why: meta.docs?.why,
      example: meta.docs?.example,
      description: meta.description,
      severity: meta.severity,
      url: meta.url
    })
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
