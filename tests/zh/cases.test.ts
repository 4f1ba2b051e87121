import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {type Finding, lint, ruleIds} from '../../packages/tactful/src/index.js'

/** A labelled Chinese reply, in the format of the evaluation sets. */
interface Case {
  id: string
  text: string
  expect: Array<{ruleId: string; actual?: string; occurrence?: number}>
  note: string
}

const cases: Case[] = readFileSync(new URL('cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Case)

// Each expectation is met by a finding of its rule that overlaps its span; no finding is left over.
function unmatched(item: Case, findings: Finding[]): {missed: string[]; extra: string[]} {
  const left = [...findings]
  const missed: string[] = []
  for (const expectation of item.expect) {
    let start = -1
    for (let n = 0; n < (expectation.occurrence ?? 1); n++) start = item.text.indexOf(expectation.actual ?? '', start + 1)
    const end = start + (expectation.actual?.length ?? 0)
    const index = left.findIndex(
      (finding) =>
        finding.ruleId === expectation.ruleId &&
        (expectation.actual === undefined || (finding.start.offset < end && start < Math.max(finding.end.offset, finding.start.offset + 1)))
    )
    if (index < 0) missed.push(`${expectation.ruleId} “${expectation.actual ?? ''}”`)
    else left.splice(index, 1)
  }
  return {missed, extra: left.map((finding) => `${finding.ruleId} “${finding.actual}”`)}
}

describe('Chinese replies', () => {
  it('has at least ten cases written for each rule, flagged and left alone', () => {
    for (const rule of ruleIds) {
      const flagged = cases.filter((item) => item.expect.some((expectation) => expectation.ruleId === rule)).length
      expect(flagged, rule).toBeGreaterThanOrEqual(rule === 'missing-thanks' ? 6 : 10)
    }
    expect(cases.filter((item) => item.expect.length === 0).length).toBeGreaterThanOrEqual(30)
  })

  it('labels only rules that exist', () => {
    const labelled = new Set(cases.flatMap((item) => item.expect.map((expectation) => expectation.ruleId)))
    expect([...labelled].filter((rule) => !ruleIds.includes(rule))).toEqual([])
  })

  it.each(cases.map((item) => [item.id, item.note, item] as const))('%s: %s', async (_id, _note, item) => {
    const {findings} = await lint(item.text)
    expect(unmatched(item, findings)).toEqual({missed: [], extra: []})
  })
})
