import {
  capitalize,
  defineRule,
  isReplyText,
  definePhrases,
  findPhrases,
  matchCase,
  phraseWords,
  quote,
  report,
  ruleMeta,
  sentencesOf,
  SpanSet,
  startsSentence,
  type ReplyContext,
  type RuleSettings,
  type Sentence
} from '../kit/index.js'
import metaData from './meta.json' with {type: 'json'}
import everyday from './everyday.json' with {type: 'json'}
import threeLetterWords from './three-letter-words.json' with {type: 'json'}
import data from './phrases.json' with {type: 'json'}
import {checkChinese} from './zh.js'

const meta = ruleMeta(metaData)

interface Entry {
  phrase: string
  suggestions: string[]
  note?: string
  /** Only in capitals: “COB” is jargon, “cob” is corn. */
  caps?: boolean
}

const phrases = definePhrases<Entry>(data)
const everydayWords = new Set<string>(everyday)
const note = 'Use language the general public understands: industry terms and abbreviations leave the customer guessing.'

// An all-capital abbreviation of three letters, maybe plural: “KYC”, “RMAs”. Longer runs of capitals
// are more often names and booking codes (“LIDL”, “MQFTPX”) than jargon; the known ones are in phrases.json.
const abbreviation = /^[A-Z]{3}s?$/
const threeCapitals = /[A-Z]{3}/
// Places come after these: “flights to KUL”, “at LHR”.
const placeWords = new Set(['to', 'from', 'at', 'in', 'via', 'into', 'flight', 'flights', 'airport', 'route', 'near'])

export default defineRule(meta, (tree, file, context) => {
  const source = context.source
  const glossary = glossaryMatches(context, context.settings)
  const matches = findPhrases(tree, file, phrases)
  const chinese = sentencesOf(tree, file).some((sentence) => sentence.lang === 'zh')
  // Only a run of three capitals can be an unknown abbreviation: most replies have none.
  const capitals = threeCapitals.test(source)
  if (glossary.length === 0 && matches.length === 0 && !chinese && !capitals) return
  const allowed = allowedWords(context.settings)
  const defined = definedAbbreviations(source, context)
  const flagged = new SpanSet()
  const add = (start: number, end: number, suggestions: string[], entryNote?: string, initial = false, asWritten = false) => {
    if (!flagged.add(start, end)) return
    const cased = asWritten ? [...suggestions] : matchCase(source.slice(start, end), suggestions)
    const fixed = withArticle(source, start, initial ? cased.map(capitalize) : cased)
    const actual = source.slice(fixed.start, end)
    const reason = fixed.expected.length > 0
      ? `${quote(actual)} is support jargon; try ${quote(fixed.expected[0])}`
      : `${quote(actual)} may be unknown to the customer; spell it out the first time`
    // The glossary wants the term, not an article the fix took along; a team's own terms are flagged whatever it allows.
    report(file, {start: fixed.start, end, reason, expected: fixed.expected, note: entryNote ?? note, term: asWritten ? undefined : source.slice(start, end)})
  }

  // A team's own alternatives are used as the team wrote them.
  for (const match of glossary) add(match.start, match.end, match.suggestions, undefined, false, true)
  // Longest first, so “as per usual” wins over “as per”.
  for (const match of [...matches].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const actual = source.slice(match.start, match.end)
    if (match.entry.caps && actual !== actual.toUpperCase()) continue
    if (allowed.has(match.entry.phrase) || defined.has(actual.toUpperCase().replace(/S$/, ''))) continue
    add(match.start, match.end, match.entry.suggestions, match.entry.note, startsSentence(match.sentence, match.from))
  }
  // Chinese sentences get their own closer look (zh.ts).
  if (chinese) checkChinese(tree, file, context, {add, allowed, defined, dictionary: englishWords})
  if (!capitals) return
  const unknown = unknownAbbreviations(sentencesOf(tree, file).filter((sentence) => sentence.lang !== 'zh'), allowed, defined, context)
  for (const token of unknown) {
    if (englishWords.has(token.word.toLowerCase())) continue
    add(token.start, token.end, [])
  }
})

interface Candidate {
  word: string
  start: number
  end: number
}

// All-capital words that are neither everyday, nor allowed, nor defined in the reply.
function unknownAbbreviations(sentences: Sentence[], allowed: Set<string>, defined: Set<string>, context: ReplyContext): Candidate[] {
  const extra = new Set((context.settings.abbreviations ?? []).map((word) => word.toLowerCase()))
  const found: Candidate[] = []
  for (const sentence of sentences) {
    const words = sentence.tokens.filter((token, index) => !token.punctuation && sentence.tokens[index - 1]?.start !== token.start)
    const capitals = words.filter((token) => /^[A-Z0-9&'-]{2,}$/.test(token.raw) && /[A-Z]/.test(token.raw))
    // A sentence in capitals is shouting, not abbreviations.
    if (capitals.length * 2 >= words.length && words.length > 1) continue
    sentence.tokens.forEach((token, index) => {
      if (token.punctuation || !abbreviation.test(token.raw) || sentence.tokens[index - 1]?.start === token.start) return
      const singular = token.raw.replace(/s$/, '')
      const lower = singular.toLowerCase()
      if (everydayWords.has(lower) || everydayWords.has(token.raw.toLowerCase()) || extra.has(lower) || allowed.has(lower) || defined.has(singular)) return
      const before = sentence.tokens[index - 1]
      // Handles, hashtags and sign-off initials: “@RBC”, “#NRC”, “^JKL”, “–SLM”, “@___WRAY___”.
      const touching = context.source[token.start - 1] ?? ' '
      if ('@#^/*~-–—=_'.includes(touching) || context.source[token.end] === '_') return
      if (before && placeWords.has(before.norm)) return
      if (isRoute(sentence, index)) return
      found.push({word: singular, start: token.start, end: token.end})
    })
  }
  return found
}

// “KUL-BKK”, “LHR to JFK”: airport codes in a route are the customer’s own itinerary.
function isRoute(sentence: Sentence, index: number): boolean {
  for (const offset of [-2, -1, 1, 2]) {
    const other = sentence.tokens[index + offset]
    if (other && /^[A-Z]{3}$/.test(other.raw) && (Math.abs(offset) === 2 ? ['-', 'to', '>', '→', '/'].includes(sentence.tokens[index + offset / 2].norm) : true)) {
      return Math.abs(offset) === 2 || /^[A-Z]{3}$/.test(sentence.tokens[index].raw)
    }
  }
  return false
}

/** Abbreviations the reply spells out: “Return Merchandise Authorization (RMA)” or “RMA (return merchandise authorization)”. */
function definedAbbreviations(source: string, context: ReplyContext): Set<string> {
  const defined = new Set<string>()
  const text = context.regions.filter((region) => region.kind === 'body' || region.kind === 'greeting').map((region) => source.slice(region.start, region.end)).join('\n')
  for (const match of text.matchAll(/\(([A-Z][A-Za-z0-9&]{1,7})\)/g)) defined.add(match[1].toUpperCase().replace(/S$/, ''))
  for (const match of text.matchAll(/\b([A-Z][A-Z0-9&]{1,7})s? \((?:the |a |an )?[A-Za-z][^)]{3,}\)/g)) defined.add(match[1])
  return defined
}

// Keyed by the glossary itself, which outlives the settings object around it.
const allowedCache = new WeakMap<object, Set<string>>()
const noWords = new Set<string>()

// Glossary terms the team allows, normalized as phrase data is.
function allowedWords(settings: RuleSettings): Set<string> {
  const glossary = settings.glossary
  if (!glossary?.allow?.length) return noWords
  let allowed = allowedCache.get(glossary)
  if (!allowed) {
    allowed = new Set(glossary.allow.map((term) => phraseWords(term).join(' ')))
    allowedCache.set(glossary, allowed)
  }
  return allowed
}

interface GlossaryTerm {
  /** Lower-cased, as written. */
  term: string
  suggestions: string[]
  /** Whether the term starts and ends with a letter or digit, and so must stand as a whole word. */
  wordStart: boolean
  wordEnd: boolean
}

const glossaryCache = new WeakMap<object, GlossaryTerm[]>()
// Words are delimited in scripts that put spaces between them; Chinese has none, so any character may border a term.
const wordCharacter = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u

// Terms the team wants flagged: literal text found by plain search (never a regular expression), so
// “C++” or “(a+)+$” is flagged as written and cannot make the search backtrack.
function glossaryMatches(context: ReplyContext, settings: RuleSettings) {
  const found: Array<{start: number; end: number; suggestions: string[]}> = []
  const flag = settings.glossary?.flag
  if (!flag) return found
  let terms = glossaryCache.get(flag)
  if (!terms) {
    terms = Object.entries(flag)
      .map(([term, plain]) => {
        const folded = term.trim().toLowerCase()
        return {term: folded, suggestions: typeof plain === 'string' ? [plain] : plain, wordStart: wordCharacter.test(folded[0] ?? ''), wordEnd: wordCharacter.test(folded.at(-1) ?? '')}
      })
      .filter((entry) => entry.term.length > 0)
    glossaryCache.set(flag, terms)
  }
  if (terms.length === 0) return found
  const text = context.source.toLowerCase()
  // Lower-casing keeps UTF-16 length for almost all text; where it does not, offsets would drift, so skip.
  if (text.length !== context.source.length) return found
  for (const entry of terms) {
    for (let start = text.indexOf(entry.term); start >= 0; start = text.indexOf(entry.term, start + 1)) {
      const end = start + entry.term.length
      if (entry.wordStart && wordCharacter.test(text[start - 1] ?? '')) continue
      if (entry.wordEnd && wordCharacter.test(text[end] ?? '')) continue
      if (!isReplyText(context, start) || !isReplyText(context, end - 1)) continue
      found.push({start, end, suggestions: entry.suggestions})
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end)
}

// “an RMA” → “a return authorization”: take the article in when the replacement needs the other one.
function withArticle(source: string, start: number, expected: string[]): {start: number; expected: string[]} {
  const before = /(^|[^\p{L}])(an?) $/iu.exec(source.slice(Math.max(0, start - 4), start))
  if (!before || expected.length === 0) return {start, expected}
  const article = before[2]
  const needsAn = (text: string) => /^[aeiou]/i.test(text) && !/^(?:u[nr]i|eu|one)/i.test(text)
  const fix = (text: string) => {
    const right = needsAn(text) ? 'an' : 'a'
    return right === article.toLowerCase() ? undefined : (article[0] === 'A' ? right[0].toUpperCase() + right.slice(1) : right)
  }
  if (!expected.some((text) => fix(text) !== undefined)) return {start, expected}
  return {start: start - article.length - 1, expected: expected.map((text) => `${fix(text) ?? article} ${text}`)}
}

// Words of three letters, to tell an abbreviation (“KYC”) from a word in capitals (“ASK”).
// Only three-letter capitals are read as unknown abbreviations, so this short list is the whole dictionary needed.
const englishWords = new Set<string>(threeLetterWords.words)
