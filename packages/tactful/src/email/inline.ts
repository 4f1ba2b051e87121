/**
 * Inline regions inside a run of body text: code spans, HTML comments
 * (directives), URLs and email addresses. Everything else stays `body`.
 *
 * One forward pass stops only at the few characters that can mark something
 * (a backtick, `<`, `@`, the `:` or `.` of a URL scheme). Each is checked in
 * constant time or, when it does start a region, with work that the pass then
 * skips over. Backtick closers are found through per-length lists and comment
 * closers with one search to the end of the run that is never repeated in
 * vain, so a run of any size is split in linear time.
 */

import {isSpaceCode} from './markers.js'
import type {Region, RegionKind} from '../../../../rules/kit/index.js'

/**
 * Append a region of `[start, end)`, merging it into the last one when that is
 * of the same kind and ends where it starts; empty ranges are dropped.
 */
export function appendRegion(regions: Region[], kind: RegionKind, start: number, end: number): void {
  if (end <= start) return
  const previous = regions.length === 0 ? undefined : regions[regions.length - 1]
  if (previous !== undefined && previous.kind === kind && previous.end === start) previous.end = end
  else regions.push({kind, start, end})
}

const backtick = 96
const lessThan = 60
const atSign = 64
const colon = 58
const dot = 46

// What an ASCII character may mark, so that the pass tests each character against one table.
const marksNothing = 0
const marksCode = 1
const marksComment = 2
const marksEmail = 3
// Every URL scheme holds exactly one `:` or `.`, a few letters after its start
// (`https://`, `http://`, `ftp://`, `mailto:`, `www.`, `t.co/`), and only letters
// before it; such a character is far rarer than the letters a scheme starts with.
const marksScheme = 4

const marks = new Uint8Array(128)
marks[backtick] = marksCode
marks[lessThan] = marksComment
marks[atSign] = marksEmail
marks[colon] = marksScheme
marks[dot] = marksScheme
// The same characters, for a native search.
const markPattern = /[`<@:.]/g

/**
 * Split `text[start, end)`, which is body text, into body, code, directive and
 * url regions, appended in order to `regions`.
 */
export function splitInline(text: string, start: number, end: number, regions: Region[]): void {
  let spans: BacktickRuns | undefined
  let bodyStart = start
  let index = start
  // Once a `<!--` has no `-->` before `end`, no later one has either.
  let commentsPossible = true

  while (index < end) {
    index = nextMark(text, index, end)
    if (index === end) break
    const mark = marks[text.charCodeAt(index)]
    if (mark === marksCode) {
      // The pass only stops at the first backtick of a run, so this is a whole run.
      let runEnd = index + 1
      while (runEnd < end && text.charCodeAt(runEnd) === backtick) runEnd++
      spans ??= findBacktickRuns(text, start, end)
      const closer = spans.closerFor(index, runEnd - index)
      if (closer === undefined) {
        // An unmatched run is literal text (CommonMark).
        index = runEnd
        continue
      }
      if (index > bodyStart) appendRegion(regions, 'body', bodyStart, index)
      appendRegion(regions, 'code', index, closer)
      index = closer
      bodyStart = index
      continue
    }
    if (mark === marksComment) {
      if (commentsPossible && text.startsWith('<!--', index)) {
        const close = commentClose(text, index + 4, end)
        if (close !== -1) {
          if (index > bodyStart) appendRegion(regions, 'body', bodyStart, index)
          appendRegion(regions, 'directive', index, close + 3)
          index = close + 3
          bodyStart = index
          continue
        }
        commentsPossible = false
      }
      index++
      continue
    }
    // A scheme is all letters up to its `:` or `.`, so no mark lies between its
    // start and this one: its start is reached in order. What lies before
    // `bodyStart` already belongs to a region. URLs and addresses stop at
    // whitespace, backticks and `<`, so they stay inside their token and never
    // reach into the next code span or comment.
    const found = mark === marksScheme ? urlThrough(text, index, bodyStart, end) : emailAround(text, index, bodyStart, end)
    if (found === undefined) {
      index++
      continue
    }
    if (found.start > bodyStart) appendRegion(regions, 'body', bodyStart, found.start)
    appendRegion(regions, 'url', found.start, found.end)
    index = found.end
    bodyStart = index
  }
  if (end > bodyStart) appendRegion(regions, 'body', bodyStart, end)
}

/** The first character at or after `from` that the table marks, or `end`. */
function nextMark(text: string, from: number, end: number): number {
  // The native search is faster, but it must not search past `end` run after run.
  if (end === text.length) {
    markPattern.lastIndex = from
    return markPattern.test(text) ? markPattern.lastIndex - 1 : end
  }
  for (let index = from; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code < 128 && marks[code] !== marksNothing) return index
  }
  return end
}

/**
 * Where the first `-->` inside `text[from, end)` starts, or -1. The search
 * stops at `end`, so that the runs of a text never search its rest again and again.
 */
function commentClose(text: string, from: number, end: number): number {
  for (let index = from; index + 3 <= end; index++) {
    if (text.charCodeAt(index) === 45 && text.charCodeAt(index + 1) === 45 && text.charCodeAt(index + 2) === 62) return index
  }
  return -1
}

interface BacktickRuns {
  /** End of the code span opened by the `size` backticks at `at`, if it closes. */
  closerFor(at: number, size: number): number | undefined
}

/**
 * Index the backtick runs of `text[start, end)` to find the closer of an opener:
 * the next run of the same length in the same paragraph (code spans never cross
 * a blank line). Openers must be asked about in increasing order.
 */
function findBacktickRuns(text: string, start: number, end: number): BacktickRuns {
  const startsByLength = new Map<number, number[]>()
  // Starts of blank lines, where paragraphs end.
  const breaks: number[] = []
  let lineStart = start
  let lineBlank = true

  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === backtick) {
      let runEnd = index + 1
      while (runEnd < end && text.charCodeAt(runEnd) === backtick) runEnd++
      const starts = startsByLength.get(runEnd - index)
      if (starts) starts.push(index)
      else startsByLength.set(runEnd - index, [index])
      lineBlank = false
      index = runEnd - 1
    } else if (code === 10 || code === 13) {
      if (lineBlank) breaks.push(lineStart)
      if (code === 13 && index + 1 < end && text.charCodeAt(index + 1) === 10) index++
      lineStart = index + 1
      lineBlank = true
    } else if (!isSpaceCode(code)) {
      lineBlank = false
    }
  }

  const cursors = new Map<number, number>()
  let breakIndex = 0

  return {
    closerFor(at: number, size: number): number | undefined {
      while (breakIndex < breaks.length && breaks[breakIndex] <= at) breakIndex++
      const paragraphEnd = breakIndex < breaks.length ? breaks[breakIndex] : end
      const starts = startsByLength.get(size)
      if (!starts) return undefined
      let cursor = cursors.get(size) ?? 0
      while (cursor < starts.length && starts[cursor] <= at) cursor++
      cursors.set(size, cursor)
      if (cursor === starts.length || starts[cursor] >= paragraphEnd) return undefined
      return starts[cursor] + size
    }
  }
}

/** A range of the text, `[start, end)`. */
interface Span {
  start: number
  end: number
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** Whether `text` holds `lower` at `at`, ASCII letters in either case. */
function startsWithAt(text: string, at: number, lower: string): boolean {
  for (let offset = 0; offset < lower.length; offset++) {
    const code = text.charCodeAt(at + offset)
    const expected = lower.charCodeAt(offset)
    if (code !== expected && !(expected >= 97 && expected <= 122 && code === expected - 32)) return false
  }
  return true
}

/**
 * The URL whose scheme has its `:` or `.` at `key`, starting at or after `floor`
 * and ending before `limit`, if there is one; earlier starts first, as a
 * scan from the left would find them.
 */
function urlThrough(text: string, key: number, floor: number, limit: number): Span | undefined {
  if (text.charCodeAt(key) === colon) {
    return (
      urlAt(text, key - 6, 'mailto:', floor, limit) ??
      urlAt(text, key - 5, 'https://', floor, limit) ??
      urlAt(text, key - 4, 'http://', floor, limit) ??
      urlAt(text, key - 3, 'ftp://', floor, limit)
    )
  }
  return urlAt(text, key - 3, 'www.', floor, limit) ?? urlAt(text, key - 1, 't.co/', floor, limit)
}

const letterOrNumber = /[\p{L}\p{N}]/uy
const wwwHost = /^[\w-]+\.[a-z]/i

/**
 * A URL with `scheme` starting exactly at `at` and ending before `limit`, if there is one.
 * It ends at whitespace, so `limit` may be the end of the run rather than of the token.
 */
function urlAt(text: string, at: number, scheme: string, floor: number, limit: number): Span | undefined {
  if (at < floor || (at > 0 && isAsciiAlphanumeric(text.charCodeAt(at - 1))) || !startsWithAt(text, at, scheme)) return undefined

  // Check what follows the scheme before scanning on, so that a failed candidate costs constant time.
  const rest = at + scheme.length
  if (rest >= limit) return undefined
  let valid: boolean
  if (scheme === 'www.') {
    valid = wwwHost.test(text.slice(rest, Math.min(limit, rest + 256)))
  } else if (scheme === 'mailto:') {
    valid = isLocalPartCode(text.charCodeAt(rest))
  } else {
    letterOrNumber.lastIndex = rest
    valid = letterOrNumber.test(text)
  }
  if (!valid) return undefined

  let end = rest
  let opened = 0
  let closed = 0
  while (end < limit) {
    const code = text.charCodeAt(end)
    // Whitespace ends the token; quotes, angle brackets and backticks are not URL
    // characters; CJK text and punctuation often follow a URL without a space.
    if (code === 34 || code === 60 || code === 62 || code === backtick || code >= 0x2000 || isSpaceCode(code)) break
    if (code === 40) opened++
    else if (code === 41) closed++
    end++
  }
  // Trailing punctuation ends the sentence, not the URL; a `)` only belongs to the URL when it closes a `(` in it.
  while (end > rest + 1) {
    const char = text[end - 1]
    if (".,;:!?'*_]}".includes(char)) end--
    else if (char === ')' && closed > opened) {
      closed--
      end--
    } else break
  }
  return {start: at, end}
}

function isLocalPartCode(code: number): boolean {
  // A-Z a-z 0-9 . _ % + -
  return isAsciiAlphanumeric(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45
}

function isDomainCode(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 46 || code === 45
}

/**
 * The email address around the `@` at `at`, not reaching back before `floor` nor past `limit`.
 * Neither part holds whitespace, so the address stays inside its token.
 */
function emailAround(text: string, at: number, floor: number, limit: number): Span | undefined {
  let start = at
  while (start > floor && isLocalPartCode(text.charCodeAt(start - 1))) start--
  while (start < at && text.charCodeAt(start) === 46) start++
  if (start === at) return undefined
  let end = at + 1
  while (end < limit && isDomainCode(text.charCodeAt(end))) end++
  while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--
  if (end === at + 1) return undefined
  const domain = text.slice(at + 1, end)
  const dot = domain.lastIndexOf('.')
  // A top-level domain of letters after at least one label: `example.com`, not `localhost` or `v1.2`.
  return dot > 0 && /^[a-z]{2,}$/i.test(domain.slice(dot + 1)) ? {start, end} : undefined
}
