import type {Region, RegionKind} from '../../../../rules/kit/index.js'
import type {ReplyFormat} from '../format.js'
import {appendRegion, splitInline} from './inline.js'
import {
  attribution,
  fenceOpener,
  headerFieldName,
  indentation,
  initialsSignoffOffset,
  isBlank,
  isCommentLine,
  isFenceCloser,
  isGreeting,
  isHistorySeparator,
  isJingliLine,
  isListItem,
  isNameLine,
  isQuoteLine,
  isSignatureDelimiter,
  isSignatureLine,
  isSpaceCode,
  isUnderscoreRule,
  isZhiLine,
  outlookField,
  signoffKind
} from './markers.js'

export type {Region, RegionKind}

/** What `splitReply` finds in a reply. */
export interface ReplyParts {
  /** Sorted, non-overlapping, and together covering the whole text. */
  regions: Region[]
  /** The value of the `Date:` header at the top of the text (a saved email), if any; dates inside quoted history are not used. */
  date?: string
}

/** Options for `splitReply`. */
export interface SplitOptions {
  format?: ReplyFormat
}

/** Most lines a sign-off may have below it (name, title, company, phone, email, URL). */
const maxSignatureLines = 6
const maxTaglineLength = 160
/** How far below a `From:` line its `Sent:` / `Date:` line may be. */
const fromBlockReach = 4

/**
 * Split a reply into regions; never edits the text.
 *
 * The text is read line by line (CR, LF and CRLF all end a line). Whole lines
 * are classified first: top `header`s, `quote`d history (`>` lines, and
 * everything from an attribution such as `On …, Sam wrote:` or a forward
 * separator such as `-----Original Message-----` to the end), fenced (and, for
 * markdown, indented) `code`, a `greeting`, a `signoff` with the `signature`
 * below it, or `body`. Blank lines join the region above them. Body text is
 * then split around inline `code` spans, `directive` comments (`<!-- … -->`)
 * and `url`s / email addresses.
 *
 * Runs in linear time in the length of the text, whatever it holds.
 *
 * @param text
 *   The whole reply draft.
 * @param options
 *   `format: 'markdown'` also finds indented code blocks; `format: 'email'`
 *   accepts a single known header line as a header block.
 * @returns
 *   Regions that are sorted, contiguous and cover the text (none for empty
 *   text), and the `Date:` header at the top of the text, if any.
 */
export function splitReply(text: string, options: SplitOptions = {}): ReplyParts {
  if (text.length === 0) return {regions: []}
  const format = options.format ?? 'text'
  if (isSimpleLine(text, format)) {
    // As below: with nothing else to sign the reply, a line may still end in initials.
    const regions: Region[] = []
    const offset = initialsSignoffOffset(text)
    splitInline(text, 0, offset === -1 ? text.length : offset, regions)
    if (offset !== -1) appendRegion(regions, 'signature', offset, text.length)
    return {regions}
  }
  const lines = splitLines(text)
  const count = lines.text.length
  // One kind per line; null for blank lines, which take a kind at the end.
  const kinds: Array<RegionKind | null> = new Array<RegionKind | null>(count).fill(null)

  const header = findHeader(lines.text, format)
  for (let index = 0; index < header.end; index++) kinds[index] = 'header'
  const from = header.end

  const fences = findFences(lines.text, from)
  const cut = findHistory(lines.text, from, fences)
  for (let index = cut; index < count; index++) kinds[index] = 'quote'

  classifyReplyLines(lines.text, kinds, from, cut, fences.inFence, format === 'markdown')

  const signatureStart = markDelimitedSignature(lines.text, kinds, from, cut)
  markGreeting(lines.text, kinds, from, cut)
  // The last line of the reply proper: above any signature, trailing quotes and blank lines.
  let last = (signatureStart === -1 ? cut : signatureStart) - 1
  while (last >= from && (kinds[last] === null || kinds[last] === 'quote')) last--
  const signedOff = markSignoff(lines.text, kinds, from, last)

  // A Twitter-style `… ^JK` only counts when nothing else signs the reply.
  let initials: Initials | undefined
  if (!signedOff && signatureStart === -1 && last >= from && kinds[last] === 'body') {
    const offset = initialsSignoffOffset(lines.text[last])
    if (offset !== -1) {
      initials = {line: last, at: lines.start[last] + offset}
      kinds[last] = 'signature'
    }
  }

  fillBlankLines(kinds)
  const regions = toRegions(text, lines.start, kinds as RegionKind[], initials)
  return header.date === undefined ? {regions} : {regions, date: header.date}
}

/**
 * Whether the text is one line that no line marker but initials can claim, so
 * that it is body up to any initials: most replies are. It must not hold a
 * line break, start with whitespace (quotes, fences and indented code may be
 * indented) or with a character that starts a quote (`>`), a fence (`` ` ``,
 * `~`), a signature delimiter or separator (`-`) or `Begin forwarded message`
 * (`b`), nor end with the colon of an attribution, nor be a greeting or a
 * closing. One line alone is never a header block in plain text or markdown,
 * nor an Outlook block or a wrapped attribution; in email it must not start
 * with a header field name.
 */
function isSimpleLine(text: string, format: string): boolean {
  if (text.indexOf('\n') !== -1 || text.indexOf('\r') !== -1) return false
  const first = text.charCodeAt(0)
  // `>`, backtick, `~`, `-`, `b`, `B`.
  if (first === 62 || first === 96 || first === 126 || first === 45 || first === 98 || first === 66 || isSpaceCode(first)) return false
  let last = text.length - 1
  while (isSpaceCode(text.charCodeAt(last))) last--
  const lastCode = text.charCodeAt(last)
  // `:` and `：`.
  if (lastCode === 58 || lastCode === 0xff1a) return false
  if (format === 'email' && headerFieldName(text) !== undefined) return false
  return !isGreeting(text) && signoffKind(text) !== 'closing'
}

/** A signature of initials that starts inside a line (`… let us know! ^JK`). */
interface Initials {
  line: number
  /** Offset of the marker; the line before it is body. */
  at: number
}

/**
 * Turn line kinds into regions: consecutive lines of one kind become one
 * region, body runs are split around inline code, directives and URLs, and
 * neighbours of the same kind are merged.
 */
function toRegions(text: string, lineStarts: number[], kinds: RegionKind[], initials: Initials | undefined): Region[] {
  const regions: Region[] = []
  let runStart = 0
  let runKind = kinds[0]
  for (let index = 0; index < kinds.length; index++) {
    if (initials && index === initials.line) {
      // The line up to the marker is body, continuing any body above it.
      if (runKind !== 'body') {
        addRun(text, regions, runKind, runStart, lineStarts[index])
        runStart = lineStarts[index]
        runKind = 'body'
      }
      addRun(text, regions, runKind, runStart, initials.at)
      runStart = initials.at
      runKind = 'signature'
    } else if (kinds[index] !== runKind) {
      addRun(text, regions, runKind, runStart, lineStarts[index])
      runStart = lineStarts[index]
      runKind = kinds[index]
    }
  }
  addRun(text, regions, runKind, runStart, text.length)
  return regions
}

/** Append a run of lines of one kind; body runs are split around inline code, directives and URLs. */
function addRun(text: string, regions: Region[], kind: RegionKind, start: number, end: number): void {
  if (kind === 'body') splitInline(text, start, end, regions)
  else appendRegion(regions, kind, start, end)
}

interface Lines {
  /** Offset where each line starts. */
  start: number[]
  /** Each line's text, without its line break. */
  text: string[]
}

/** Split on CR, LF and CRLF; a final line break does not start another line. */
function splitLines(source: string): Lines {
  const start: number[] = []
  const text: string[] = []
  let lineStart = 0
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code !== 10 && code !== 13) continue
    start.push(lineStart)
    text.push(source.slice(lineStart, index))
    if (code === 13 && source.charCodeAt(index + 1) === 10) index++
    lineStart = index + 1
  }
  if (lineStart < source.length) {
    start.push(lineStart)
    text.push(source.slice(lineStart))
  }
  return {start, text}
}

// Header names that mark an email header block, not just a line with a colon.
const addressHeaders = new Set(['from', 'to', 'subject', 'date'])
const knownHeaders = new Set([
  ...addressHeaders,
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'received',
  'return-path',
  'delivered-to'
])

/**
 * RFC 822 headers at the very top: header lines (with folded continuations)
 * up to the first blank line. Plain text needs two header lines including
 * From, To, Subject or Date; `email` format takes one known header. A block
 * with `Sent:` but no `Date:` is a pasted Outlook message, which is history.
 */
function findHeader(lines: string[], format: string): {end: number; date?: string} {
  let fields = 0
  let hasAddress = false
  let hasKnown = false
  let hasSent = false
  let date: string | undefined
  let inDate = false
  let index = 0
  for (; index < lines.length; index++) {
    const line = index === 0 && lines[0].charCodeAt(0) === 0xfeff ? lines[0].slice(1) : lines[index]
    if (isBlank(line)) break
    if (fields > 0 && (line[0] === ' ' || line[0] === '\t')) {
      if (inDate) date = `${date} ${line.trim()}`
      continue
    }
    const name = headerFieldName(line)
    if (name === undefined) return {end: 0}
    fields++
    hasAddress ||= addressHeaders.has(name)
    hasKnown ||= knownHeaders.has(name)
    hasSent ||= name === 'sent'
    inDate = name === 'date' && date === undefined
    if (inDate) date = line.slice(line.indexOf(':') + 1).trim()
  }
  const enough = format === 'email' ? fields >= 1 && hasKnown : fields >= 2 && hasAddress
  if (!enough || (hasSent && date === undefined)) return {end: 0}
  return {end: index, date}
}

interface Fences {
  /** 1 for lines of fenced code, fence lines included. */
  inFence: Uint8Array
  /** Line of an opening fence that never closes, or -1. */
  unclosed: number
}

/** Markdown fenced code blocks from line `from` on. */
function findFences(lines: string[], from: number): Fences {
  const inFence = new Uint8Array(lines.length)
  let open: {char: string; size: number} | undefined
  let openLine = -1
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]
    if (open) {
      inFence[index] = 1
      if (isFenceCloser(line, open.char, open.size)) open = undefined
      continue
    }
    if (isQuoteLine(line)) continue
    open = fenceOpener(line)
    if (open) {
      inFence[index] = 1
      openLine = index
    }
  }
  return {inFence, unclosed: open ? openLine : -1}
}

/**
 * The line where quoted history starts and runs to the end: an attribution
 * (`On … wrote:`, possibly over two lines; `Sam wrote:` above a `>` line;
 * `在 … 写道:`), a forward separator, or an Outlook / Chinese `From:` block.
 * Closed code fences are skipped; an unclosed one is searched, so it cannot
 * swallow the history below it. Returns the line count when there is none.
 */
function findHistory(lines: string[], from: number, fences: Fences): number {
  for (let index = from; index < lines.length; index++) {
    if (fences.inFence[index] === 1 && (fences.unclosed === -1 || index <= fences.unclosed)) continue
    const line = lines[index]
    if (isBlank(line) || isQuoteLine(line)) continue
    if (isHistorySeparator(line)) return index
    if (isUnderscoreRule(line)) {
      const next = nextFilled(lines, index + 1, 3)
      if (next !== -1 && outlookField(lines[next]) === 'from') return index
      continue
    }
    if (outlookField(line) === 'from') {
      if (isOutlookBlock(lines, index)) return index
      continue
    }
    const found = attribution(line)
    if (found === undefined) continue
    if (found.ending) {
      if (found.certain || found.opening || line.includes('@')) return index
      // `Sam Lee wrote:` alone could be prose; it counts when quoted lines follow.
      const next = nextFilled(lines, index + 1, 2)
      if (next !== -1 && isQuoteLine(lines[next])) return index
      continue
    }
    // An attribution wrapped over two lines: `On Tue, 4 Nov 2025, Sam Lee <` / `sam@example.com> wrote:`.
    if (!/[.!?。！？]\s*$/.test(line) && index + 1 < lines.length) {
      const second = attribution(lines[index + 1])
      if (second?.ending) return index
    }
  }
  return lines.length
}

/**
 * Whether the `From:` line at `index` heads a pasted message: a `Sent:` line
 * follows within a few lines, or a `Date:` line does and the sender has an
 * address or a `Subject:` follows too (so that `From: 9:00` / `Date: Friday`
 * in an appointment stays body).
 */
function isOutlookBlock(lines: string[], index: number): boolean {
  let date = false
  let subject = false
  const end = Math.min(lines.length, index + 1 + fromBlockReach)
  for (let next = index + 1; next < end; next++) {
    const field = outlookField(lines[next])
    if (field === 'sent') return true
    date ||= field === 'date'
    subject ||= field === 'subject'
  }
  return date && (subject || lines[index].includes('@'))
}

/** The first non-blank line among `limit` lines from `from`, or -1. */
function nextFilled(lines: string[], from: number, limit: number): number {
  const end = Math.min(lines.length, from + limit)
  for (let index = from; index < end; index++) {
    if (!isBlank(lines[index])) return index
  }
  return -1
}

/** Give the lines between the headers and the history their kind: code, quote or body. */
function classifyReplyLines(
  lines: string[],
  kinds: Array<RegionKind | null>,
  from: number,
  end: number,
  inFence: Uint8Array,
  markdown: boolean
): void {
  let previousBlank = true
  let previousIndentedCode = false
  let inList = false
  for (let index = from; index < end; index++) {
    const line = lines[index]
    if (inFence[index] === 1) {
      kinds[index] = 'code'
      previousBlank = false
      previousIndentedCode = false
      continue
    }
    if (isBlank(line)) {
      previousBlank = true
      continue
    }
    const indent = indentation(line)
    if (isQuoteLine(line)) {
      kinds[index] = 'quote'
      previousIndentedCode = false
    } else if (markdown && indent >= 4 && !inList && (previousBlank || previousIndentedCode)) {
      // An indented code block, unless it continues a list item.
      kinds[index] = 'code'
      previousIndentedCode = true
    } else {
      kinds[index] = 'body'
      previousIndentedCode = false
      if (isListItem(line)) inList = true
      else if (indent === 0) inList = false
    }
    previousBlank = false
  }
}

/**
 * A `-- ` line starts a signature that runs to the next quote or the history.
 * The last such line wins, so an earlier `--` used as a separator keeps the
 * text below it as body. Returns the delimiter line, or -1.
 */
function markDelimitedSignature(lines: string[], kinds: Array<RegionKind | null>, from: number, end: number): number {
  let delimiter = -1
  for (let index = end - 1; index >= from; index--) {
    if (kinds[index] === 'body' && isSignatureDelimiter(lines[index])) {
      delimiter = index
      break
    }
  }
  if (delimiter === -1) return -1
  for (let index = delimiter; index < end && kinds[index] !== 'quote'; index++) kinds[index] = 'signature'
  return delimiter
}

/** The first line with text (directive comments aside) is a greeting if it reads like one. */
function markGreeting(lines: string[], kinds: Array<RegionKind | null>, from: number, end: number): void {
  for (let index = from; index < end; index++) {
    if (kinds[index] === null) continue
    if (kinds[index] === 'body' && isCommentLine(lines[index])) continue
    if (kinds[index] === 'body' && isGreeting(lines[index])) kinds[index] = 'greeting'
    return
  }
}

/**
 * Find a sign-off (`Best regards,`, `Thanks,`, `祝好!`) that is followed only
 * by a few short signature lines up to `last`, the last line of the reply.
 * Directive comments in between are left as body. Returns whether one was found.
 */
function markSignoff(lines: string[], kinds: Array<RegionKind | null>, from: number, last: number): boolean {
  let below = 0
  let nearest = -1
  let signoff = -1
  for (let index = last; index >= from; index--) {
    const kind = kinds[index]
    if (kind === null) continue
    if (kind !== 'body') return false
    const line = lines[index]
    if (isCommentLine(line)) continue
    const found = signoffKind(line)
    if (found !== undefined) {
      if (found === 'thanks' && below === 0) return false
      if (below > 0 && !isNameLine(lines[nearest])) return false
      signoff = index
      break
    }
    // Below the name, a company tagline or a disclaimer may read as a sentence (“Thank you for ordering with us!”).
    if (below === maxSignatureLines || (!isSignatureLine(line) && line.trim().length > maxTaglineLength)) return false
    below++
    nearest = index
  }
  if (signoff === -1) return false

  kinds[signoff] = 'signoff'
  // `此致` / `敬礼` is one sign-off over two lines.
  if (isJingliLine(lines[signoff])) {
    let previous = signoff - 1
    while (previous >= from && kinds[previous] === null) previous--
    if (previous >= from && kinds[previous] === 'body' && isZhiLine(lines[previous])) kinds[previous] = 'signoff'
  }
  for (let index = signoff + 1; index <= last; index++) {
    if (kinds[index] === 'body' && !isCommentLine(lines[index])) kinds[index] = 'signature'
  }
  return true
}

/** Blank lines join the region above them; leading ones join the first region. */
function fillBlankLines(kinds: Array<RegionKind | null>): void {
  let previous: RegionKind | null = null
  for (let index = 0; index < kinds.length; index++) {
    if (kinds[index] === null) kinds[index] = previous
    else previous = kinds[index]
  }
  const first = kinds.find((kind) => kind !== null) ?? 'body'
  for (let index = 0; index < kinds.length && kinds[index] === null; index++) kinds[index] = first
}
