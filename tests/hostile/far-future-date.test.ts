// Issue 12, finding 9: a `Date:` header in the year 275760 made broken-promises throw “Invalid time value”.
import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'

const body = 'Hi Sam,\n\nI guarantee it will arrive. We will refund you within 3 working days.\n我们会在24小时内联系您。\n'

function email(date: string): string {
  return `From: Sam <sam@example.com>\nTo: support@example.com\nSubject: Refund\nDate: ${date}\n\n${body}`
}

describe('a far-future date', () => {
  it('in the Date: header is not taken as now, and broken-promises still reports', async () => {
    const result = await lint(email('Sat, 13 Sep 275760 00:00:00 +0000'), {format: 'email'})
    expect(result.notices).toEqual([])
    expect(result.findings.map((finding) => finding.ruleId)).toContain('broken-promises')
    expect(result.commitments).toHaveLength(2)
    // Resolved against the clock, not the header: due within a few days of today.
    for (const {due} of result.commitments) expect(Math.abs(Date.parse(due!) - Date.now())).toBeLessThan(10 * 86_400_000)
  })

  it('given as now leaves commitments without a due date instead of failing', async () => {
    const result = await lint(body, {now: new Date(8.64e15)})
    expect(result.notices).toEqual([])
    expect(result.findings.map((finding) => finding.ruleId)).toContain('broken-promises')
    expect(result.commitments.map((commitment) => commitment.due)).toEqual([null, null])
  })

  it('in a header within the years 1900 to 9999 is still read as now', async () => {
    const result = await lint(email('Mon, 3 Nov 2025 09:00:00 +0000'), {format: 'email'})
    expect(result.commitments[0].due).toBe('2025-11-06T23:59:59.000Z')
  })
})
