// Issue 12, finding 3: shapes that took super-linear time (×59 to ×123 from 100k to 1M characters).
// Speed is measured by `npm run bench -- --complexity`; this guard only tells linear growth (×10 from
// 50k to 500k characters) from quadratic (×100), with a wide margin either way.
import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'
import {adversarialText} from './arbitraries.js'

const small = 50_000
const large = 500_000
const limit = 30

// The fastest of `runs` lints: a spike of load elsewhere slows one run, not all of them.
async function fastest(text: string, runs: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await lint(text)
    best = Math.min(best, performance.now() - started)
  }
  return best
}

describe('lint time grows linearly', () => {
  it.each(['promise-capitals', 'jargon-capitals', 'definitely', 'chinese-unpunctuated', 'disable-then-jargon', 'airport-routes', 'unclosed-comments'])(
    'on %s: ten times the text takes well under a hundred times as long',
    async (shape) => {
      await lint(adversarialText(shape, 5_000))
      const ratio = (await fastest(adversarialText(shape, large), 1)) / Math.max(await fastest(adversarialText(shape, small), 3), 20)
      expect(ratio).toBeLessThan(limit)
    },
    120_000
  )
})

describe('what the linear-time changes keep', () => {
  it('still honours disable comments, per rule and per line, among thousands', async () => {
    const covered = '<!-- tactful-disable-next-line jargon -->\nKindly revert with the RMA.\n'
    const open = 'Kindly revert with the RMA.\n'
    const text = `${covered.repeat(500)}${open.repeat(3)}<!-- tactful-disable jargon -->\n${open.repeat(500)}`
    const jargon = (await lint(text)).findings.filter((finding) => finding.ruleId === 'jargon')
    // Only the three lines between the next-line comments and the reply-wide one are flagged.
    expect(new Set(jargon.map((finding) => finding.start.line))).toEqual(new Set([1001, 1002, 1003]))
  })

  it('flags each vague time once when a promise clause overlaps it', async () => {
    const {findings} = await lint('I promise we will get back to you soon, and we will call you shortly.')
    const promises = findings.filter((finding) => finding.ruleId === 'broken-promises')
    expect(promises.map((finding) => finding.actual)).toEqual(['soon', 'shortly'])
  })
})

describe('a runaway sentence', () => {
  it('is not read by the date parser, and the notice says so', async () => {
    const text = 'we will email you by friday at 5pm and '.repeat(100)
    const result = await lint(text)
    expect(result.commitments).toEqual([expect.objectContaining({due: null})])
    expect(result.notices).toEqual(['Not dated: a commitment in a sentence over 1000 characters (the date parser reads shorter ones only)'])
  })

  it('of ordinary length still gets its due date', async () => {
    const result = await lint('We will email you by Friday at 5pm.', {now: '2025-11-03T09:00:00Z'})
    expect(result.notices).toEqual([])
    expect(result.commitments.map((commitment) => commitment.due)).toEqual([new Date(2025, 10, 7, 17, 0).toISOString()])
  })
})
