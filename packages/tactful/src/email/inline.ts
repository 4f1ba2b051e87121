/**
 * Inline regions inside a run of body text: code spans, HTML comments
 * (directives), URLs and email addresses. Everything else stays `body`.
 *
 * All scans move forward only (backtick closers are found through per-length
 * lists, comment closers with one `indexOf` that is never repeated in vain),
 * so a run of any size is split in linear time.
 */

import {isSpaceCode} from './markers.js'

/** The kinds this module hands out. */
export type InlineKind = 'body' | 'code' | 'url' | 'directive'

/** Receives the pieces of a run in order; they cover it without gaps. */
export type Emit = (kind: InlineKind, start: number, end: number) => void

const backtick = 96
const lessThan = 60

/**
 * Split `text[start, end)`, which is body text, into body, code, directive and url pieces.
 */
export function splitInline(text: string, start: number, end: number, emit: Emit): void {
  const spans = findBacktickRuns(text, start, end)
  let plainStart = start
  let index = start
  // Once a `<!--` has no `-->` before `end`, no later one has either.
  let commentsPossible = true

  while (index < end) {
    const code = text.charCodeAt(index)
    if (code === backtick) {
      // The scan only stops at the first backtick of a run, so this is a whole run.
      let runEnd = index + 1
      while (runEnd < end && text.charCodeAt(runEnd) === backtick) runEnd++
      const closer = spans.closerFor(index, runEnd - index)
      if (closer === undefined) {
        // An unmatched run is literal text (CommonMark).
        index = runEnd
        continue
      }
      splitPlain(text, plainStart, index, emit)
      emit('code', index, closer)
      index = closer
      plainStart = index
      continue
    }
    if (code === lessThan && commentsPossible && text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4)
      if (close !== -1 && close + 3 <= end) {
        splitPlain(text, plainStart, index, emit)
        emit('directive', index, close + 3)
        index = close + 3
        plainStart = index
        continue
      }
      commentsPossible = false
    }
    index++
  }
  splitPlain(text, plainStart, end, emit)
}

/**
 * Index the backtick runs of `text[start, end)` to find the closer of an opener:
 * the next run of the same length in the same paragraph (code spans never cross
 * a blank line). Openers must be asked about in increasing order.
 */
function findBacktickRuns(text: string, start: number, end: number) {
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
    /** End of the code span opened by the `size` backticks at `at`, if it closes. */
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

/** Split text without code or comments into body, URLs and email addresses. */
function splitPlain(text: string, start: number, end: number, emit: Emit): void {
  let bodyStart = start
  let index = start
  while (index < end) {
    if (isSpaceCode(text.charCodeAt(index))) {
      index++
      continue
    }
    let tokenEnd = index + 1
    while (tokenEnd < end && !isSpaceCode(text.charCodeAt(tokenEnd))) tokenEnd++
    let position = index
    let lastEnd = index
    while (position < tokenEnd) {
      const url = urlAt(text, position, tokenEnd)
      const found = url ?? (text.charCodeAt(position) === 64 ? emailAround(text, position, lastEnd, tokenEnd) : undefined)
      if (found) {
        if (found.start > bodyStart) emit('body', bodyStart, found.start)
        emit('url', found.start, found.end)
        bodyStart = found.end
        lastEnd = found.end
        position = found.end
      } else {
        position++
      }
    }
    index = tokenEnd
  }
  if (end > bodyStart) emit('body', bodyStart, end)
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

const schemes = ['https://', 'http://', 'ftp://', 'mailto:', 'www.', 't.co/']

/** A URL starting exactly at `at` and ending before `limit`, if there is one. */
function urlAt(text: string, at: number, limit: number): Span | undefined {
  const first = text.charCodeAt(at) | 0x20
  // Cheap filter: every scheme starts with h, f, m, w or t.
  if (first !== 104 && first !== 102 && first !== 109 && first !== 119 && first !== 116) return undefined
  if (at > 0 && isAsciiAlphanumeric(text.charCodeAt(at - 1))) return undefined
  const head = text.slice(at, at + 8).toLowerCase()
  const scheme = schemes.find((candidate) => head.startsWith(candidate))
  if (scheme === undefined) return undefined

  // Check what follows the scheme before scanning on, so that a failed candidate costs constant time.
  const after = text.slice(at + scheme.length, Math.min(limit, at + scheme.length + 256))
  const valid =
    scheme === 'www.' ? /^[\w-]+\.[a-z]/i.test(after) : scheme === 'mailto:' ? isLocalPartCode(after.charCodeAt(0)) : /^[\p{L}\p{N}]/u.test(after)
  if (!valid) return undefined

  let end = at + scheme.length
  let opened = 0
  let closed = 0
  while (end < limit) {
    const code = text.charCodeAt(end)
    // Quotes, angle brackets and backticks are not URL characters; CJK text and
    // punctuation often follow a URL without a space.
    if (code === 34 || code === 60 || code === 62 || code === backtick || code >= 0x2000) break
    if (code === 40) opened++
    else if (code === 41) closed++
    end++
  }
  // Trailing punctuation ends the sentence, not the URL; a `)` only belongs to the URL when it closes a `(` in it.
  while (end > at + scheme.length + 1) {
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

/** The email address around the `@` at `at`, not reaching back before `floor` nor past `limit`. */
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
