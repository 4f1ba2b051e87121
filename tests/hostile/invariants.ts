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
  for (const finding of result.findings) {
    const {start, end} = finding
    const where = `${finding.ruleId} ${JSON.stringify(finding.actual)} at ${start.offset}-${end.offset}`
    expect(start.offset, where).toBeGreaterThanOrEqual(0)
    expect(start.offset, where).toBeLessThanOrEqual(end.offset)
    expect(end.offset, where).toBeLessThanOrEqual(text.length)
    expect(start, where).toEqual(pointOf(text, start.offset))
    expect(end, where).toEqual(pointOf(text, end.offset))
    expect(finding.actual, where).toBe(text.slice(start.offset, end.offset))
    const region = regions.find((candidate) => candidate.start <= start.offset && start.offset < candidate.end)
    expect(region && lintable.has(region.kind) ? region.kind : `${region?.kind ?? 'no'} region`, where).toMatch(/^(body|greeting)$/)
    expect(Array.isArray(finding.suggestions), where).toBe(true)
    for (const suggestion of finding.suggestions) expect(typeof suggestion, where).toBe('string')
    expect(['error', 'warning', 'info'], where).toContain(finding.severity)
    expect(typeof finding.message, where).toBe('string')
  }
  for (const commitment of result.commitments) {
    const {start, end} = commitment
    expect(start.offset).toBeLessThanOrEqual(end.offset)
    expect(start).toEqual(pointOf(text, start.offset))
    expect(end).toEqual(pointOf(text, end.offset))
    expect(commitment.text).toBe(text.slice(start.offset, end.offset))
  }
}
