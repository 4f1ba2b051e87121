/**
 * Recognisers for single lines of a reply: greetings, sign-offs, signature
 * lines, quote attributions and forward separators.
 *
 * Every function takes the text of one line without its line break. They
 * check lengths before anything else and use only anchored, non-nested
 * patterns, so that a single huge line costs linear time at worst.
 */

/** Lines longer than this are never markers (attributions, separators, headers). */
const maxMarkerLength = 300

/** Whether a UTF-16 code unit is whitespace in the sense of `\s` / `String#trim`. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** Index of the first non-whitespace character of a line, or its length. */
function firstFilled(line: string): number {
  let index = 0
  while (index < line.length && isSpaceCode(line.charCodeAt(index))) index++
  return index
}

/** Index of the last non-whitespace character of a line, or -1. */
function lastFilled(line: string): number {
  let index = line.length - 1
  while (index >= 0 && isSpaceCode(line.charCodeAt(index))) index--
  return index
}

/** A table of the ASCII characters among `chars`, in either case; other characters are left out. */
function asciiTable(chars: string[]): Uint8Array {
  const table = new Uint8Array(128)
  for (const char of chars) {
    if (char.charCodeAt(0) >= 128) continue
    table[char.toLowerCase().charCodeAt(0)] = 1
    table[char.toUpperCase().charCodeAt(0)] = 1
  }
  return table
}

/**
 * Whether a character may be one of a table's in some case: outside ASCII
 * anything may, as lower-casing turns a few such characters (`K`, `İ`) into ASCII.
 */
function mayBe(table: Uint8Array, code: number): boolean {
  return !(code < 128) || table[code] === 1
}

/** Whether a line holds nothing but whitespace. */
export function isBlank(line: string): boolean {
  for (let index = 0; index < line.length; index++) {
    if (!isSpaceCode(line.charCodeAt(index))) return false
  }
  return true
}

/** A `>` quoted line, also `>>` and `> >`. */
export function isQuoteLine(line: string): boolean {
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index)
    if (code === 62) return true
    if (code !== 32 && code !== 9) return false
  }
  return false
}

/** Whether a line is nothing but an HTML comment, such as a `<!-- tactful-disable -->` directive. */
export function isCommentLine(line: string): boolean {
  const trimmed = line.trim()
  return trimmed.startsWith('<!--') && trimmed.endsWith('-->')
}

/** The `-- ` (or `--`) line that starts a conventional signature. */
export function isSignatureDelimiter(line: string): boolean {
  return line.charCodeAt(0) === 45 && /^--[ \t]*$/.test(line)
}

/** An RFC 822 header field: a name of printable ASCII without spaces or colons, then a colon. */
const headerField = /^([\x21-\x39\x3B-\x7E]{1,76}):/

/** The lower-cased field name if the line starts a header field. */
export function headerFieldName(line: string): string | undefined {
  const match = headerField.exec(line)
  return match ? match[1].toLowerCase() : undefined
}

/** A space, backtick or tilde: a fence line cannot start with anything else. */
function mayStartFence(code: number): boolean {
  return code === 32 || code === 96 || code === 126
}

/** A markdown fence opener (three or more backticks or tildes): its character and length. */
export function fenceOpener(line: string): {char: string; size: number} | undefined {
  if (!mayStartFence(line.charCodeAt(0))) return undefined
  const match = /^ {0,3}(`{3,}|~{3,})/.exec(line)
  if (!match) return undefined
  const char = match[1][0]
  // CommonMark: the info string of a backtick fence cannot hold a backtick (it would be inline code).
  if (char === '`' && line.indexOf('`', match[0].length) !== -1) return undefined
  return {char, size: match[1].length}
}

/** Whether a line closes a fence opened with `size` times `char`. */
export function isFenceCloser(line: string, char: string, size: number): boolean {
  if (!mayStartFence(line.charCodeAt(0))) return false
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
  return match !== null && match[1][0] === char && match[1].length >= size
}

/** A markdown list item (`- x`, `* x`, `+ x`, `1. x`, `1) x`). */
export function isListItem(line: string): boolean {
  const first = line.charCodeAt(0)
  // A space, `-`, `*`, `+` or a digit.
  if (first !== 32 && first !== 45 && first !== 42 && first !== 43 && !(first >= 48 && first <= 57)) return false
  return /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(line)
}

/** Columns of leading indentation, with a tab counting as four. */
export function indentation(line: string): number {
  let columns = 0
  for (let index = 0; index < line.length; index++) {
    const char = line[index]
    if (char === ' ') columns++
    else if (char === '\t') columns += 4 - (columns % 4)
    else break
  }
  return columns
}

const separator = /^-{2,}\s*(?:original message|forwarded message|原始邮件|转发邮件)\s*-{2,}$/i
const beginForwarded = /^begin forwarded message\s*:?$/i

/**
 * A line that on its own introduces quoted or forwarded history:
 * `-----Original Message-----`, `---------- Forwarded message ---------`,
 * `-----原始邮件-----` and `Begin forwarded message:`.
 */
export function isHistorySeparator(line: string): boolean {
  if (line.length > maxMarkerLength) return false
  const first = line.charCodeAt(firstFilled(line))
  // `-` or `b` / `B`.
  if (first !== 45 && first !== 98 && first !== 66) return false
  const trimmed = line.trim()
  return separator.test(trimmed) || beginForwarded.test(trimmed)
}

/** Outlook's rule of underscores above a `From:` block. */
export function isUnderscoreRule(line: string): boolean {
  return line.length <= maxMarkerLength && line.charCodeAt(firstFilled(line)) === 95 && /^_{10,}$/.test(line.trim())
}

/** Markdown emphasis around header names, as in `**From:** Sam`. */
function stripEmphasis(line: string): string {
  return line.trim().replace(/^[*_]+/, '')
}

/** A header line of an Outlook-style quoted message. */
export type OutlookField = 'from' | 'sent' | 'date' | 'subject'

const outlookFields: Record<string, OutlookField> = {
  from: 'from',
  发件人: 'from',
  sent: 'sent',
  发送时间: 'sent',
  date: 'date',
  时间: 'date',
  日期: 'date',
  subject: 'subject',
  主题: 'subject'
}

// What such a line may start with: emphasis or a field name.
const outlookInitials = asciiTable(['*', '_', ...Object.keys(outlookFields).map((name) => name[0])])

/** Which Outlook-style header (`From:`, `Sent:`, `Date:`, `Subject:`, `发件人:` …) a line starts with, if any. */
export function outlookField(line: string): OutlookField | undefined {
  if (line.length > maxMarkerLength || !mayBe(outlookInitials, line.charCodeAt(firstFilled(line)))) return undefined
  const match = /^(from|sent|date|subject|发件人|发送时间|时间|日期|主题)[ \t]*[:：]/i.exec(stripEmphasis(line))
  return match ? outlookFields[match[1].toLowerCase()] : undefined
}

// Attribution lines end with one of these; the Chinese ones are distinctive enough alone.
const attributionEndings = ['wrote:', 'a écrit :', 'a écrit:', 'schrieb:', 'escribió:', 'ha scritto:']
const cjkAttributionEndings = ['写道:', '写道：', '寫道:', '寫道：']
// ...and usually start with one of these (`On Tue, 4 Nov 2025, Sam wrote:`).
const attributionStarts = ['on ', 'le ', 'am ', 'el ', 'il ', '在']

const attributionFinals = asciiTable([...attributionEndings, ...cjkAttributionEndings].map((ending) => ending[ending.length - 1]))
const attributionInitials = asciiTable(attributionStarts.map((start) => start[0]))

/** How a line relates to a quote attribution such as `On …, Sam <sam@example.com> wrote:`. */
export interface Attribution {
  /** The line ends like an attribution (`wrote:`, `写道:`). */
  ending: boolean
  /** The ending alone proves it (the Chinese forms). */
  certain: boolean
  /** The line starts like an attribution (`On `, `在`). */
  opening: boolean
}

/** Classify a line as (part of) a quote attribution; undefined when it is neither start nor end of one. */
export function attribution(line: string): Attribution | undefined {
  if (line.length > maxMarkerLength) return undefined
  // Most lines neither end nor start like one; tell them apart without copying the line.
  if (!mayBe(attributionFinals, line.charCodeAt(lastFilled(line))) && !mayBe(attributionInitials, line.charCodeAt(firstFilled(line))))
    return undefined
  const trimmed = line.trim()
  const lower = trimmed.toLowerCase()
  const certain = cjkAttributionEndings.some((ending) => trimmed.endsWith(ending))
  const ending = certain || attributionEndings.some((ending) => lower.endsWith(ending))
  const opening = attributionStarts.some((start) => lower.startsWith(start))
  if (!ending && !opening) return undefined
  return {ending, certain, opening}
}

// Greetings: a salutation, then at most a few words.
const greetingWords = [
  'good afternoon',
  'good evening',
  'good morning',
  'good day',
  'greetings',
  'bonjour',
  'hello',
  'howdy',
  'hallo',
  'hiya',
  'hola',
  'ciao',
  'dear',
  'hey',
  'hi'
]
// Lower-case words that still address the reader (`Hi there`, `Dear valued customer`).
const addressWords = new Set([
  'again',
  'all',
  'and',
  'both',
  'customer',
  'everybody',
  'everyone',
  'folks',
  'friend',
  'friends',
  'madam',
  'sir',
  'team',
  'there',
  'valued',
  'you'
])
const cjkGreetingStarts = ['尊敬的', '亲爱的']
const cjkGreetingEnds = ['您好', '你好', '大家好', '早上好', '上午好', '下午好', '晚上好']
// What a greeting starts with, unless it ends in one of the Chinese endings.
const greetingInitials = asciiTable([...greetingWords, ...cjkGreetingStarts, '亲'].map((word) => word[0]))

/** An opening line such as `Hi Dana,`, `Hello Mr. Ortiz,`, `Hey there!`, `您好,` or `尊敬的客户:`. */
export function isGreeting(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed.length === 0 || trimmed.length > 60) return false
  // Most lines start like no greeting; tell them apart before the closer look.
  if (!mayBe(greetingInitials, trimmed.charCodeAt(0)) && !cjkGreetingEnds.some((end) => trimmed.includes(end))) return false
  const punctuation = /[,!:，！：~～]+$/.exec(trimmed)
  const core = punctuation ? trimmed.slice(0, punctuation.index).trimEnd() : trimmed

  if (core === '亲' || core === '亲爱的') return true
  for (const start of cjkGreetingStarts) {
    if (core.startsWith(start) && core.length > start.length && core.length <= start.length + 12) return true
  }
  if (core.length <= 12 && cjkGreetingEnds.some((end) => core.endsWith(end))) return true

  const lower = core.toLowerCase()
  const word = greetingWords.find((candidate) => lower.startsWith(candidate))
  if (word === undefined) return false
  const rest = core.slice(word.length)
  // `Hiring`, `Hey2`: the salutation must be a whole word.
  if (/^[\p{L}\p{N}]/u.test(rest)) return false
  const address = rest.replace(/^[\s,]+/, '')
  const words = address === '' ? [] : address.split(/\s+/)
  if (word === 'dear' && words.length === 0) return false
  // Without closing punctuation a longer line is more likely a sentence (`Hello, your order shipped`).
  if (words.length > (punctuation ? 4 : 3)) return false
  if (/[.?？。]$/.test(address)) return false
  // The rest addresses someone: names are capitalised; `Hey, good news!` is not a greeting.
  return words.every((word) => !/^\p{Ll}/u.test(word) || addressWords.has(word.toLowerCase().replace(/[^\p{L}]+$/u, '')))
}

// Closings that stand alone, compared after lower-casing and dropping trailing punctuation.
const closings = new Set([
  'best',
  'best regards',
  'best wishes',
  'kind regards',
  'kindest regards',
  'warm regards',
  'warmest regards',
  'regards',
  'with best regards',
  'with kind regards',
  'all the best',
  'cheers',
  'sincerely',
  'sincerely yours',
  'yours sincerely',
  'yours truly',
  'yours faithfully',
  'respectfully',
  'warmly',
  'talk soon',
  'speak soon',
  'take care',
  '此致',
  '敬礼',
  '此致敬礼',
  '此致 敬礼',
  '祝好',
  '顺祝商祺',
  '顺颂商祺',
  '顺颂时祺',
  '祝商祺'
])

// Thanks are often just the last sentence of the reply, so they only count when a name follows.
const thanks = new Set([
  'thanks',
  'thank you',
  'many thanks',
  'thanks again',
  'thank you again',
  'thanks so much',
  'thank you so much',
  'thanks a lot',
  'with thanks',
  '谢谢',
  '谢谢您',
  '多谢',
  '感谢',
  '非常感谢'
])

/** The kind of closing line: `closing` may end the text, `thanks` needs a name after it. */
export type SignoffKind = 'closing' | 'thanks'

/** Normalised form of a short line: lower case, single spaces, no trailing `,` `!` `.`. */
function closingKey(line: string): string | undefined {
  const trimmed = line.trim()
  if (trimmed.length === 0 || trimmed.length > 40) return undefined
  return trimmed
    .replace(/[,!.，！。]+$/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
}

/** Whether a line is a sign-off such as `Best regards,` or `祝好!`, and of which kind. */
export function signoffKind(line: string): SignoffKind | undefined {
  const key = closingKey(line)
  if (key === undefined) return undefined
  if (closings.has(key)) return 'closing'
  if (thanks.has(key)) return 'thanks'
  return undefined
}

/** `此致`, which pairs with a following `敬礼` line. */
export function isZhiLine(line: string): boolean {
  return closingKey(line) === '此致'
}

/** `敬礼`, the second line of `此致 / 敬礼`. */
export function isJingliLine(line: string): boolean {
  return closingKey(line) === '敬礼'
}

// Trailing words that end in a period without ending a sentence.
const abbreviations = new Set(['inc.', 'ltd.', 'co.', 'corp.', 'llc.', 'plc.', 'gmbh.', 'jr.', 'sr.', 'esq.', 'phd.'])

function endsSentence(trimmed: string, words: string[]): boolean {
  if (/[?？]$/.test(trimmed)) return true
  if (!/[.!。！]$/.test(trimmed) || words.length < 3) return false
  return !abbreviations.has(words[words.length - 1].toLowerCase())
}

/** A single URL or email address, as found on signature lines. */
function isContactToken(trimmed: string): boolean {
  return trimmed.length <= 200 && !/\s/.test(trimmed) && (trimmed.includes('@') || trimmed.includes('://') || /^www\./i.test(trimmed))
}

/** A short line that may belong to a signature block: a name, title, company, phone number, email or URL. */
export function isSignatureLine(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed.length === 0) return false
  if (isContactToken(trimmed)) return true
  if (trimmed.length > 60) return false
  const words = trimmed.split(/\s+/)
  return words.length <= 8 && !endsSentence(trimmed, words)
}

/** The first line after a sign-off: stricter than other signature lines, as it is usually a name. */
export function isNameLine(line: string): boolean {
  const trimmed = line.trim()
  if (isContactToken(trimmed)) return true
  if (trimmed.length === 0 || trimmed.length > 40) return false
  const words = trimmed.split(/\s+/)
  if (words.length > 5 || /[?？!！。]$/.test(trimmed)) return false
  // A period may end an initial (`Sam L.`) or a company (`Acme Inc.`), not a sentence.
  if (trimmed.endsWith('.')) {
    const last = words[words.length - 1].toLowerCase()
    if (!abbreviations.has(last) && !/^\p{L}\.$/u.test(last)) return false
  }
  // Chinese has no spaces: a long unbroken run is a sentence, not a name.
  return words.length > 1 || trimmed.length <= 12 || !/[\u3400-\u9fff]/.test(trimmed)
}

const initialsMarkers = '^-/*~'

/**
 * Offset of a Twitter-style sign-off at the end of the line (`… let us know! ^JK`,
 * `… -Becky`, `… /AY`), or -1. The marker must follow whitespace (or start the
 * line) and be followed by one name-like token: letters only, a capital first,
 * at most 12 letters.
 */
export function initialsSignoffOffset(line: string): number {
  let end = line.length
  while (end > 0 && isSpaceCode(line.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && !isSpaceCode(line.charCodeAt(start - 1)) && end - start <= 13) start--
  if (start > 0 && !isSpaceCode(line.charCodeAt(start - 1))) return -1
  if (end - start < 2 || !initialsMarkers.includes(line[start])) return -1
  return /^\p{Lu}\p{L}{0,11}$/u.test(line.slice(start + 1, end)) ? start : -1
}
