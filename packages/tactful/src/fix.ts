import {lintDetailed} from './lint.js'
import type {Finding, LintOptions} from './types.js'

/** What `fix` returns. */
export interface FixResult {
  /** The text with every safe suggestion applied. */
  output: string
  /** Findings whose first suggestion was applied. */
  fixed: Finding[]
  /** Findings left for a person (or an agent) to rewrite, as found in `output`. */
  remaining: Finding[]
}

/**
 * Apply the first suggestion of every finding its rule marks safe, then lint the result again.
 * Overlapping fixes are applied one at a time, so no edit is lost or doubled.
 */
export async function fix(text: string, options: LintOptions = {}): Promise<FixResult> {
  let output = text
  const fixed: Finding[] = []
  // Each pass applies non-overlapping fixes; a few passes settle fixes that overlapped.
  for (let pass = 0; pass < 5; pass++) {
    const {findings} = await lintDetailed(output, options)
    const safe = findings.filter((item) => item.safe && item.finding.suggestions.length > 0).map((item) => item.finding)
    if (safe.length === 0) break
    let next = ''
    let cursor = 0
    for (const finding of safe) {
      if (finding.start.offset < cursor) continue
      next += output.slice(cursor, finding.start.offset) + finding.suggestions[0]
      cursor = finding.end.offset
      fixed.push(finding)
    }
    output = next + output.slice(cursor)
  }
  const {findings} = await lintDetailed(output, options)
  return {output, fixed, remaining: findings.map((item) => item.finding)}
}
