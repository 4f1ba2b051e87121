// What must hold for any result of `lint`, whatever the input.
import {expect} from 'vitest'
import {type LintOptions, type LintResult, type Point, splitReply} from '../../packages/tactful/src/index.js'

/**
 * The 1-based line and column of `offset`, counted independently of the library: `\r\n`, `\r` and
 * `\n` end a line, columns count UTF-16 code units. An offset inside a `\r\n` is still on the line it ends.
 */
export function pointOf(text: string, offset: number): Point {
  const {lines, starts} = lineTable(text)
  return {line: lines[offset], column: offset - starts[offset] + 1, offset}
}

let table: {text: string; lines: Int32Array; starts: Int32Array} | undefined

// The line and line start of every offset, counted once per text: a reply with thousands of
// findings would otherwise be counted from the top for each one.
function lineTable(text: string): {lines: Int32Array; starts: Int32Array} {
  if (table?.text === text) return table
  const lines = new Int32Array(text.length + 1)
  const starts = new Int32Array(text.length + 1)
  let line = 1
  let lineStart = 0
  for (let index = 0; index <= text.length; ) {
    lines[index] = line
    starts[index] = lineStart
    if (index === text.length) break
    const code = text.charCodeAt(index)
    if (code === 13 && text.charCodeAt(index + 1) === 10) {
      // Between the CR and the LF of one line break is still the line before it.
      lines[index + 1] = line
      starts[index + 1] = lineStart
      line++
      lineStart = index + 2
      index += 2
      continue
    }
    if (code === 10 || code === 13) {
      line++
      lineStart = index + 1
    }
    index++
  }
  table = {text, lines, starts}
  return table
}

// Only the reply itself is linted; headers, quoted history, the signature and code are context.
const lintable = new Set(['body', 'greeting'])

/** Check every finding and commitment of `result` against `text`; fails the test with the details. */
export function expectWellFormed(text: string, result: LintResult, options: LintOptions = {}): void {
  expect(Array.isArray(result.findings)).toBe(true)
  expect(Array.isArray(result.commitments)).toBe(true)
  expect(result.notices.every((notice) => typeof notice === 'string')).toBe(true)
  if (result.findings.length === 0 && result.commitments.length === 0) return
  const {regions} = splitReply(text, {format: options.format})
  // Checked with plain comparisons, and only what is wrong goes to `expect`: a reply with 50,000
  // findings would otherwise spend half a minute in the matchers.
  const problems: string[] = []
  const same = (a: Point, b: Point) => a.line === b.line && a.column === b.column && a.offset === b.offset && Object.keys(a).length === 3
  for (const finding of result.findings) {
    const {start, end} = finding
    const where = `${finding.ruleId} ${JSON.stringify(finding.actual)} at ${start.offset}-${end.offset}`
    const wrong = (what: string) => problems.push(`${where}: ${what}`)
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length)) {
      wrong('offsets out of order or out of the text')
      continue
    }
    if (!same(start, pointOf(text, start.offset)))
      wrong(`start ${JSON.stringify(start)} is not ${JSON.stringify(pointOf(text, start.offset))}`)
    if (!same(end, pointOf(text, end.offset))) wrong(`end ${JSON.stringify(end)} is not ${JSON.stringify(pointOf(text, end.offset))}`)
    if (finding.actual !== text.slice(start.offset, end.offset))
      wrong(`actual is not the text there, ${JSON.stringify(text.slice(start.offset, end.offset))}`)
    const region = regionHolding(regions, start.offset)
    if (!region || !lintable.has(region.kind)) wrong(`in ${region?.kind ?? 'no'} region`)
    if (!Array.isArray(finding.suggestions) || finding.suggestions.some((suggestion) => typeof suggestion !== 'string'))
      wrong('suggestions are not strings')
    if (!['error', 'warning', 'info'].includes(finding.severity)) wrong(`severity ${JSON.stringify(finding.severity)}`)
    if (typeof finding.message !== 'string') wrong('message is not a string')
  }
  for (const commitment of result.commitments) {
    const {start, end} = commitment
    const where = `commitment ${JSON.stringify(commitment.text)} at ${start.offset}-${end.offset}`
    if (!(start.offset <= end.offset)) problems.push(`${where}: offsets out of order`)
    else {
      if (!same(start, pointOf(text, start.offset))) problems.push(`${where}: start is not ${JSON.stringify(pointOf(text, start.offset))}`)
      if (!same(end, pointOf(text, end.offset))) problems.push(`${where}: end is not ${JSON.stringify(pointOf(text, end.offset))}`)
      if (commitment.text !== text.slice(start.offset, end.offset)) problems.push(`${where}: text is not the text there`)
    }
  }
  expect(problems.slice(0, 20)).toEqual([])
}

// The region holding `offset`, by binary search (regions are in order and do not overlap).
function regionHolding(regions: Array<{kind: string; start: number; end: number}>, offset: number) {
  let low = 0
  let high = regions.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (offset < regions[middle].start) high = middle - 1
    else if (offset >= regions[middle].end) low = middle + 1
    else return regions[middle]
  }
  return undefined
}
