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
  type RuleSettings
} from '../kit/index.js'
import {dictionary, isLabel, unknownAbbreviations} from './abbreviations.js'
import metaData from './meta.json' with {type: 'json'}
import everyday from './everyday.json' with {type: 'json'}
import common from './common-abbreviations.json' with {type: 'json'}
import data from './phrases.json' with {type: 'json'}
import {type ProcessFinding, processJargon} from './process.js'
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
const everydayWords = new Set<string>([...everyday, ...common.words])
const note = 'Use language the general public understands: industry terms and abbreviations leave the customer guessing.'

// The customer asking what a term means.
const askedAbout = /\bwhat(?:'s| is| are| does| do)\b|\bmean(?:s|ing)?\b|\bstand for\b|是什么|什么意思|啥意思|指什么|是啥/i

// Only a run of capitals that is neither everyday nor a word can be an unknown abbreviation: most replies,
// whose capitals are “DM”, “OK” or “ID”, have none, and skip the closer look.
const capitalRun = /(?<![A-Za-z])[A-Z][A-Z0-9&]{1,6}(?:s(?![A-Za-z]))?(?![A-Za-z])/g

function hasCandidate(source: string, settings: RuleSettings): boolean {
  if (settings.abbreviations?.length) return /[A-Z][A-Z]/.test(source)
  for (const match of source.matchAll(capitalRun)) {
    const lower = match[0].toLowerCase()
    const singular = lower.replace(/s$/, '')
    if (!everydayWords.has(lower) && !dictionary.has(lower) && !everydayWords.has(singular)) return true
  }
  return false
}

export default defineRule(meta, (tree, file, context) => {
  const source = context.source
  const glossary = glossaryMatches(context, context.settings)
  const matches = findPhrases(tree, file, phrases)
  const chinese = sentencesOf(tree, file).some((sentence) => sentence.lang === 'zh')
  const capitals = hasCandidate(source, context.settings)
  const structural = processJargon(tree, file)
  if (glossary.length === 0 && matches.length === 0 && structural.length === 0 && !chinese && !capitals) return
  const allowed = allowedWords(context.settings)
  const defined = definedAbbreviations(source, context)
  const flagged = new SpanSet()
  const add = (
    start: number,
    end: number,
    suggestions: string[],
    entryNote?: string,
    initial = false,
    asWritten = false,
    kind?: ProcessFinding['kind']
  ) => {
    if (!flagged.add(start, end)) return
    const cased = asWritten ? [...suggestions] : matchCase(source.slice(start, end), suggestions)
    const fixed = withArticle(source, start, initial ? cased.map(capitalize) : cased)
    const actual = source.slice(fixed.start, end)
    const reason = kind
      ? structuralReason(kind, quote(actual), fixed.expected[0])
      : fixed.expected.length > 0
        ? `${quote(actual)} is support jargon; try ${quote(fixed.expected[0])}`
        : `${quote(actual)} may be unknown to the customer; spell it out the first time`
    // The glossary wants the term, not an article the fix took along; a team's own terms are flagged whatever it allows.
    report(file, {
      start: fixed.start,
      end,
      reason,
      expected: fixed.expected,
      note: entryNote ?? note,
      term: asWritten ? undefined : source.slice(start, end)
    })
  }

  // A team's own alternatives are used as the team wrote them.
  for (const match of glossary) add(match.start, match.end, match.suggestions, undefined, false, true)
  // Longest first, so “as per usual” wins over “as per”.
  for (const match of [...matches].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const actual = source.slice(match.start, match.end)
    if (match.entry.caps && actual !== actual.toUpperCase()) continue
    if (allowed.has(match.entry.phrase) || defined.has(actual.toUpperCase().replace(/S$/, ''))) continue
    if (/^[A-Z0-9]+$/.test(actual) && isLabel(source, match.end)) continue
    add(match.start, match.end, match.entry.suggestions, match.entry.note, startsSentence(match.sentence, match.from))
  }
  // Process talk, office jargon and industry terms, from word classes and the shape of the sentence (process.ts).
  const matchEnds = new Set(matches.map((match) => match.end))
  for (const hit of structural) {
    if (allowed.has(phraseWords(source.slice(hit.start, hit.end)).join(' '))) continue
    // “second-line resolver group”: a term right after a flagged one is part of the same name.
    // A phrase ending right before the hit, or one space or hyphen before it (a set of ends, not a scan of every match per hit).
    if (matchEnds.has(hit.start) || (matchEnds.has(hit.start - 1) && /^[\s-]$/.test(source[hit.start - 1]))) continue
    add(hit.start, hit.end, hit.suggestions, undefined, startsAt(context, hit.start), false, hit.kind)
  }
  // Chinese sentences get their own closer look (zh.ts).
  if (chinese) checkChinese(tree, file, context, {add, allowed, defined, dictionary})
  if (!capitals) return
  const known = {everyday: everydayFor(context.settings, allowed), defined}
  const unknown = unknownAbbreviations(
    sentencesOf(tree, file).filter((sentence) => sentence.lang !== 'zh'),
    known,
    context
  )
  for (const token of unknown) add(token.start, token.end, [])
})

// What a finding of the structural layer says, by kind.
function structuralReason(kind: ProcessFinding['kind'], actual: string, suggestion: string | undefined): string {
  if (suggestion !== undefined)
    return `${actual} is ${kind === 'process' ? 'internal process talk' : kind === 'industry' ? 'an industry term' : 'support jargon'}; try ${quote(suggestion)}`
  if (kind === 'process') return `${actual} is internal process talk; say what it means for the customer`
  if (kind === 'industry') return `${actual} is an industry term the customer may not know; say what it means`
  return `${actual} is office jargon; say it in plain words`
}

// Whether the offset starts a sentence: the suggestion then starts with a capital.
function startsAt(context: ReplyContext, offset: number): boolean {
  return /(?:^|[.!?]\s+|\n\s*)$/.test(context.source.slice(Math.max(0, offset - 3), offset))
}

/** Abbreviations the reply spells out: “Return Merchandise Authorization (RMA)” or “RMA (return merchandise authorization)”. */
function definedAbbreviations(source: string, context: ReplyContext): Set<string> {
  const defined = new Set<string>()
  const text = context.regions
    .filter((region) => region.kind === 'body' || region.kind === 'greeting')
    .map((region) => source.slice(region.start, region.end))
    .join('\n')
  for (const match of text.matchAll(/\(([A-Z][A-Za-z0-9&]{1,7})\)/g)) defined.add(match[1].toUpperCase().replace(/S$/, ''))
  for (const match of text.matchAll(/\b([A-Z][A-Z0-9&]{1,7})s? \((?:the |a |an )?[A-Za-z][^)]{3,}\)/g)) defined.add(match[1])
  // A term the customer used first, in the quoted message the reply answers, is theirs already, unless
  // they asked what it means (“what is an SLA?”, “SLA到底是什么?”).
  for (const region of context.regions) {
    if (region.kind !== 'quote') continue
    const quoted = source.slice(region.start, region.end)
    for (const match of quoted.matchAll(/(?<![A-Za-z])[A-Z][A-Z0-9&]{1,6}(?![A-Za-z])/g)) {
      const around = quoted.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30)
      if (!askedAbout.test(around)) defined.add(match[0])
    }
  }
  // “PBLB refers to 20 kg of baggage”, “BWAK is the code for mineral water”.
  for (const match of text.matchAll(/\b([A-Z][A-Z0-9&]{1,7})s? (?:stands for|means|refers? to|is short for|is the|are the) /g))
    defined.add(match[1])
  return defined
}

// The everyday abbreviations, with the team's own and the glossary's allowed terms added.
function everydayFor(settings: RuleSettings, allowed: Set<string>): ReadonlySet<string> {
  const extra = settings.abbreviations ?? []
  if (extra.length === 0 && allowed.size === 0) return everydayWords
  return new Set([...everydayWords, ...extra.map((word) => word.toLowerCase()), ...allowed])
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
        return {
          term: folded,
          suggestions: typeof plain === 'string' ? [plain] : plain,
          wordStart: wordCharacter.test(folded[0] ?? ''),
          wordEnd: wordCharacter.test(folded.at(-1) ?? '')
        }
      })
      .filter((entry) => entry.term.length > 0)
    glossaryCache.set(flag, terms)
  }
  if (terms.length === 0) return found
  const text = lowerSameLength(context.source)
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

// Lower-case, keeping each character's length so that offsets stay those of the input: “İ” lower-cases
// to “i” and a combining dot, and is read as “i”.
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower
  let folded = ''
  for (const character of text) {
    const folding = character.toLowerCase()
    folded += folding.length === character.length ? folding : folding.slice(0, character.length)
  }
  return folded
}

// “an RMA” → “a return authorization”: take the article in when the replacement needs the other one.
function withArticle(source: string, start: number, expected: string[]): {start: number; expected: string[]} {
  const before = /(^|[^\p{L}])(an?) $/iu.exec(source.slice(Math.max(0, start - 4), start))
  if (!before || expected.length === 0) return {start, expected}
  const article = before[2]
  const needsAn = (text: string) => /^[aeiou]/i.test(text) && !/^(?:u[nr]i|eu|one)/i.test(text)
  const fix = (text: string) => {
    const right = needsAn(text) ? 'an' : 'a'
    return right === article.toLowerCase() ? undefined : article[0] === 'A' ? right[0].toUpperCase() + right.slice(1) : right
  }
  if (!expected.some((text) => fix(text) !== undefined)) return {start, expected}
  return {start: start - article.length - 1, expected: expected.map((text) => `${fix(text) ?? article} ${text}`)}
}
