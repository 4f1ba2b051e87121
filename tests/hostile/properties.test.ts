// Property tests over hostile text. `npm test` runs a few hundred cases; `npm run fuzz` sets
// FUZZ_RUNS (and FUZZ_REPORT, a file to write the counts to) to run many more.
import {writeFileSync} from 'node:fs'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {fix, lint, splitReply} from '../../packages/tactful/src/index.js'
import {lintDetailed} from '../../packages/tactful/src/lint.js'
import {adversarial, format, hostileText, largeText} from './arbitraries.js'
import {expectWellFormed} from './invariants.js'

const total = Number(process.env.FUZZ_RUNS ?? 600)
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
// Lint is cheap, fix lints several times over, large replies take a while each.
const runs = {
  lint: Math.round(total * 0.7),
  fix: Math.round(total * 0.3) - 2 * Math.max(3, Math.round(total / 10_000)),
  large: Math.max(3, Math.round(total / 10_000)),
  adversarial: Math.max(3, Math.round(total / 10_000))
}
// A generous ceiling: a hang fails the test instead of stalling the run.
const timeout = 30_000 + total * 40
const counts: Record<string, number> = {}
const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1)
const started = performance.now()

afterAll(() => {
  if (!process.env.FUZZ_REPORT) return
  writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({counts, ms: performance.now() - started}))
})

// The notices of what the library bounds on purpose: anything else is a rule that failed.
const bounded = /^(?:Read in parts|Not dated): /

// Context regions: what fixing must never touch.
function contextOf(text: string, options: {format?: 'text' | 'markdown' | 'email'}): string[] {
  return splitReply(text, options)
    .regions.filter((region) => region.kind !== 'body' && region.kind !== 'greeting')
    .map((region) => text.slice(region.start, region.end))
}

describe('lint on hostile text', () => {
  it(
    'never throws, is deterministic, and every finding lies in the reply with consistent positions',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileText, format, async (text, textFormat) => {
          count('lint')
          const options = textFormat === undefined ? {} : {format: textFormat}
          const first = await lint(text, options)
          expectWellFormed(text, first, options)
          // A notice here means a rule threw on this text and was skipped.
          expect(first.notices).toEqual([])
          expect(await lint(text, options)).toEqual(first)
        }),
        {numRuns: runs.lint, seed}
      )
    },
    timeout
  )

  it(
    'copes with large replies (10k to 100k characters)',
    async () => {
      await fc.assert(
        fc.asyncProperty(largeText, async (text) => {
          count('large')
          const result = await lint(text)
          expectWellFormed(text, result)
          // A paragraph over 16,384 characters is read in parts, a runaway sentence is not dated, and
          // each says so; no rule may fail.
          for (const notice of result.notices) expect(notice).toMatch(bounded)
        }),
        {numRuns: runs.large, seed}
      )
    },
    timeout
  )

  it(
    'copes with adversarial runs (joined words, capitals, comments, unpunctuated Chinese) in a reply',
    async () => {
      await fc.assert(
        fc.asyncProperty(adversarial, format, async (text, textFormat) => {
          count('adversarial')
          const options = textFormat === undefined ? {} : {format: textFormat}
          const result = await lint(text, options)
          expectWellFormed(text, result, options)
          for (const notice of result.notices) expect(notice).toMatch(bounded)
        }),
        {numRuns: runs.adversarial, seed}
      )
    },
    timeout
  )
})

describe('fix on hostile text', () => {
  it(
    'never throws, keeps context, leaves nothing safe to fix and is idempotent',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileText, format, async (text, textFormat) => {
          count('fix')
          const options = textFormat === undefined ? {} : {format: textFormat}
          const once = await fix(text, options)
          expect(typeof once.output).toBe('string')
          expectWellFormed(once.output, {findings: once.remaining, commitments: [], notices: []}, options)
          for (const context of contextOf(text, options)) expect(once.output).toContain(context)
          const unsafe = (await lintDetailed(once.output, options)).findings.filter(
            (item) => item.safe && item.finding.suggestions.length > 0
          )
          expect(unsafe.map((item) => item.finding)).toEqual([])
          expect((await fix(once.output, options)).output).toBe(once.output)
        }),
        {numRuns: runs.fix, seed}
      )
    },
    timeout
  )
})
