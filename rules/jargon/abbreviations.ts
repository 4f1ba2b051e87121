import type {ReplyContext, Sentence, Token} from '../kit/index.js'
import shortWords from './short-words.json' with {type: 'json'}

/** A candidate the reply never spells out: the abbreviation as written, and where. */
export interface Candidate {
  word: string
  start: number
  end: number
}

/** What a reply may use without spelling out: everyday, allowed and defined abbreviations, lower-cased. */
export interface Known {
  everyday: ReadonlySet<string>
  /** Defined in the reply, in capitals: “RMA”. */
  defined: ReadonlySet<string>
}

// Words of three to five letters, to tell an abbreviation (“KYC”, “FTTC”) from a word in capitals (“ASK”, “FARE”).
export const dictionary: ReadonlySet<string> = new Set<string>(shortWords.words)

/** Whether a word in capitals is an English word written loud: “FREE”, “ASK”. */
export function isWord(word: string): boolean {
  return dictionary.has(word.toLowerCase())
}

// The shapes an abbreviation takes: two to five capitals, maybe a plural “s” (“RMAs”), or three to five
// capitals and a one- or two-digit version (“SMETS1”, “IPV6”). Six capitals are booking codes (“MQFTPX”);
// two capitals and digits are flight numbers and models (“QZ508”, “PS4”).
const shape = /^(?:[A-Z]{2,5}s?|[A-Z]{3,5}\d{1,2})$/
const letters = /^[A-Z]+/

/** Whether the text could be an abbreviation at all (the cheap test before the closer look). */
export function abbreviationShape(raw: string): boolean {
  return shape.test(raw)
}

// Two capitals are read as an abbreviation only where the sentence uses them as a noun: after an article or
// a possessive (“your DD”, “an SR”). Elsewhere they are initials, states, units and sign-offs (“HI”, “TN”).
const determiners = new Set(['a', 'an', 'the', 'your', 'our', 'my', 'this', 'that', 'its', 'their', 'his', 'her'])
// Places come after these: “flights to KUL”, “at LHR”.
export const placeWords = new Set(['to', 'from', 'at', 'in', 'via', 'into', 'flight', 'flights', 'airport', 'route', 'near'])
const vowels = /[AEIOUY]/g
// Words that introduce a code (“booking ENVKQ”) and nouns that follow a name (“the SNKRS app”, “your RR account”,
// “an SD card”): what comes with them is a reference or a product, not a term to explain.
const codeWords = new Set([
  'booking',
  'reference',
  'ref',
  'code',
  'number',
  'confirmation',
  'pnr',
  'voucher',
  'order',
  'flight',
  'seat',
  'gate',
  'terminal',
  'platform',
  'room',
  'model',
  'version',
  'size',
  'colour',
  'color',
  'style',
  'sku'
])
const nameHeads = new Set([
  'app',
  'apps',
  'card',
  'cards',
  'console',
  'account',
  'accounts',
  'store',
  'desktop',
  'reference',
  'membership',
  'member',
  'members',
  'points',
  'website',
  'site',
  'page',
  'profile',
  'channel',
  'stadium',
  'arena',
  'mall',
  'station',
  'airport',
  'branch',
  'series',
  'edition',
  'plus',
  'pro',
  'max',
  'mini'
])

/**
 * All-capital abbreviations in the sentences that are neither everyday, nor allowed, nor defined in the reply,
 * nor part of a name, a route, a code or a sign-off.
 */
export function unknownAbbreviations(sentences: Sentence[], known: Known, context: ReplyContext): Candidate[] {
  const found: Candidate[] = []
  const seen = new Set<string>()
  for (const sentence of sentences) {
    const tokens = sentence.tokens
    // An expanded contraction repeats its token; only the first copy counts.
    const words = tokens.filter(
      (token, index) => !token.punctuation && tokens[index - 1]?.start !== token.start && /\p{L}/u.test(token.raw)
    )
    const capitals = words.filter((token) => /^[A-Z0-9&'-]{2,}$/.test(token.raw) && /[A-Z]/.test(token.raw))
    // A sentence in capitals is shouting, not abbreviations; a sentence in another language is not ours to judge.
    if (capitals.length * 2 >= words.length && words.length > 1) continue
    if (capitals.length > 0 && isForeign(words)) continue
    tokens.forEach((token, index) => {
      if (token.punctuation || !shape.test(token.raw) || tokens[index - 1]?.start === token.start) return
      const candidate = token.raw.replace(/s$/, '')
      // Spelled out or not, the first use is the one to fix.
      if (seen.has(candidate)) return
      const stem = letters.exec(candidate)?.[0] ?? candidate
      if (isKnown(candidate, token.raw, stem, known)) return
      if (isWord(candidate) || isWord(token.raw)) return
      if (notAbbreviation(sentence, index, candidate, context)) return
      seen.add(candidate)
      found.push({word: candidate, start: token.start, end: token.end})
    })
  }
  return found
}

function isKnown(candidate: string, raw: string, stem: string, known: Known): boolean {
  const lower = candidate.toLowerCase()
  return (
    known.everyday.has(lower) ||
    known.everyday.has(raw.toLowerCase()) ||
    known.everyday.has(stem.toLowerCase()) ||
    known.defined.has(candidate)
  )
}

// Names, codes, places and sign-offs that look like abbreviations.
function notAbbreviation(sentence: Sentence, index: number, candidate: string, context: ReplyContext): boolean {
  const tokens = sentence.tokens
  const token = tokens[index]
  const before = previousWord(tokens, index)
  const after = nextWord(tokens, index)
  // Handles, hashtags, sign-off initials, file names, quoted codes and labels: “@RBC”, “#NRC”, “^JKL”, “–SLM”,
  // “@___WRAY___”, “/AU”, “"GCCOQ3"”, “RR#”.
  const touching = context.source[token.start - 1] ?? ' '
  const following = context.source.slice(token.end, token.end + 2)
  if ('@#^/*~-–—=_"“‘\''.includes(touching) || '_@#"”’'.includes(following[0] ?? ' ') || /^\.\w/.test(following)) return true
  // Capitals beside a word in capitals are shouting: “THIS IS NOT A BOARDING PASS”.
  if (isLoud(before) || isLoud(after)) return true
  // A code or a name, by the word before or after it: “booking ENVKQ”, “the SNKRS app”, “your RR account”.
  if ((before && codeWords.has(before.norm)) || (after && nameHeads.has(after.norm))) return true
  // A quoted label or a name the reply treats as one: “ONT Reset”, “NHS App”, “Ring Video Doorbell”.
  const stopped = after !== undefined && context.source.slice(token.end, after.start).includes('.')
  if (isNamePart(before, sentence) || (!stopped && isNamePart(after, sentence))) return true
  if (before && placeWords.has(before.norm) && /^[A-Z]{3}$/.test(candidate)) return true
  if (isRoute(sentence, index)) return true
  // A bare name as the subject of its clause: “NUS is unavailable as a discount”, “… but BHIM is not ours”.
  if (isBareSubject(tokens, index, before, after, sentence)) return true
  const letterCount = (letters.exec(candidate)?.[0] ?? '').length
  // Two capitals: only as a noun after an article or possessive, and not a sign-off at the end of the reply.
  if (letterCount === 2 && candidate.length === 2) return !isDeterminer(before)
  // A model or a size after a word: “CAT6”, “PIXEL2”.
  if (candidate.length > letterCount && dictionary.has(candidate.slice(0, letterCount).toLowerCase())) return true
  // Four or five letters pronounced as a word are names (“NOMI”, “ROLO”); abbreviations are consonant runs (“FNOL”, “FTTC”).
  if (letterCount >= 4 && (candidate.slice(0, letterCount).match(vowels)?.length ?? 0) > 1 && !/\d/.test(candidate)) return true
  return false
}

// A word in capitals that is an English word, or “I” and “A”, written loud.
function isLoud(token: Token | undefined): boolean {
  return token !== undefined && /^[A-Z]+$/.test(token.raw) && (token.raw.length === 1 || dictionary.has(token.norm))
}

/**
 * Whether capitals at `[start, end)` start a name or a label in title case: “ONT Reset”, “NHS App”.
 * For abbreviations that are on the jargon list too; “RMA request” is still jargon.
 */
export function isLabel(source: string, end: number): boolean {
  const next = /^ ([A-Z][a-z]+)/.exec(source.slice(end, end + 12))
  return next !== null && !calendar.has(next[1].toLowerCase())
}

// Capitalised without being names: “by COB Friday”, “EOD Monday”.
const calendar = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'today',
  'tomorrow',
  'tonight'
])

// Function words of the other languages support teams answer in, that English does not use: “notre SAV”.
const foreignWords = new Set([
  'le',
  'les',
  'notre',
  'votre',
  'vous',
  'nous',
  'avez',
  'une',
  'des',
  'du',
  'pour',
  'avec',
  'el',
  'los',
  'las',
  'por',
  'para',
  'usted',
  'nuestro',
  'nuestra',
  'der',
  'das',
  'und',
  'ihre',
  'ist',
  'nicht',
  'mit',
  'het',
  'een',
  'niet',
  'di',
  'che',
  'sono',
  'não',
  'você',
  'seu',
  'sua',
  'par',
  'merci',
  'bonjour',
  'cordialement',
  'hola',
  'gracias',
  'danke',
  'bitte'
])

const accented = /[àâçéèêëîïôûùüÿñãõ]/

function isForeign(words: Token[]): boolean {
  let count = 0
  for (const word of words) if ((foreignWords.has(word.norm) || accented.test(word.norm)) && ++count >= 2) return true
  return false
}

// The sentence's first word, after any handles, numbers and marks: “@1234 The MRP …”.
function firstWord(sentence: Sentence): Token | undefined {
  const tokens = sentence.tokens
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.punctuation || !/\p{L}/u.test(token.raw) || tokens[index - 1]?.raw === '@') continue
    return token
  }
  return undefined
}

const clauseStarts = new Set([
  'but',
  'and',
  'so',
  'while',
  'because',
  'as',
  'since',
  'although',
  'though',
  'unfortunately',
  'currently',
  'sadly'
])
const subjectVerbs = new Set(['is', 'was', 'has', 'helps', 'does', 'offers', 'provides', 'supports', 'runs', 'owns', 'makes'])

function isBareSubject(tokens: Token[], index: number, before: Token | undefined, after: Token | undefined, sentence: Sentence): boolean {
  if (!after || !subjectVerbs.has(after.norm)) return false
  if (tokens[index] === firstWord(sentence)) return true
  const previous = tokens[index - 1]
  return (previous?.punctuation === true && previous.norm === ',') || (before !== undefined && clauseStarts.has(before.norm))
}

function isDeterminer(token: Token | undefined): boolean {
  return token !== undefined && determiners.has(token.norm) && token.raw !== token.raw.toUpperCase()
}

function previousWord(tokens: Token[], index: number): Token | undefined {
  const token = tokens[index - 1]
  return token && !token.punctuation ? token : undefined
}

function nextWord(tokens: Token[], index: number): Token | undefined {
  let next = index + 1
  while (tokens[next]?.start === tokens[index].start) next++
  const token = tokens[next]
  return token && !token.punctuation ? token : undefined
}

// A capitalised word next to the abbreviation, not at the start of the sentence: the two make a name.
function isNamePart(token: Token | undefined, sentence: Sentence): boolean {
  if (!token || token === firstWord(sentence)) return false
  return /^[A-Z][a-z]/.test(token.raw) && !calendar.has(token.norm)
}

// “KUL-BKK”, “LHR to JFK”: airport codes in a route are the customer’s own itinerary.
function isRoute(sentence: Sentence, index: number): boolean {
  for (const offset of [-2, -1, 1, 2]) {
    const other = sentence.tokens[index + offset]
    if (
      other &&
      /^[A-Z]{3}$/.test(other.raw) &&
      (Math.abs(offset) === 2 ? ['-', 'to', '>', '→', '/'].includes(sentence.tokens[index + offset / 2].norm) : true)
    ) {
      return Math.abs(offset) === 2 || /^[A-Z]{3}$/.test(sentence.tokens[index].raw)
    }
  }
  return false
}
