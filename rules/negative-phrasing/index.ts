import {
  alternation,
  defineRule,
  definePhrases,
  sentencesWith,
  matchTokens,
  quote,
  report,
  ruleMeta,
  textOf,
  type Sentence
} from '../kit/index.js'
import metaData from './meta.json' with {type: 'json'}
import triggers from './phrases.json' with {type: 'json'}
import words from './words.json' with {type: 'json'}
import {checkChinese} from './zh.js'

const meta = ruleMeta(metaData)

const phrases = definePhrases(triggers)

const subject = alternation(words.companySubjects)
const adverbs = `(?: (?:${alternation(words.adverbs)}))*`
const serviceVerbs = new Set(words.serviceVerbs)
const courtesyVerbs = words.courtesyVerbs
const reassuring = new Set(words.reassuringVerbs)
// “We can’t see any order” reports what the records show; “we can’t see you until Friday” is a limit.
const perceptionVerbs = new Set(words.perceptionVerbs)

// The company as subject, then a refusal: “we can’t”, “I’m unable to”, “our team won’t be able to”, “we don’t offer”.
const refusal = new RegExp(
  `(?<=^| )(?:(?<subject>${subject})${adverbs} (?:am|are|is) (?:also )?(?<unable>not able to|unable to)` +
    `|(?<subject2>${subject})${adverbs} (?<modal>can not|will not be able to|would not be able to|will not|do not|does not|have not been able to|am not able to|are not able to))` +
    `(?= (?<verb>[^ ]+)(?: (?<next>[^ ]+))?)`,
  'g'
)
// Chat replies often drop the subject: “can’t do that on my end”.
const bareRefusal = /^(?:sorry )?(?:, )?(?<modal>can not|unable to)(?= (?<verb>[^ ]+)(?: (?<next>[^ ]+))?)/g
// No company subject, but a limit all the same.
const impersonal = new RegExp(
  [
    `(?<=^| )(?:it|that|this|which) is not (?:possible|something (?:we|i) can (?:do|offer|change|help with))`,
    `(?<=^| )(?:[^ ]+ )?(?:is|are|was|were) not possible`,
    `(?<=^| )(?:it is |that is |this is )?impossible (?:to|for (?:us|me))`,
    `(?<=^| )(?:there is |there are )?nothing (?:more |else |further )?(?:that )?(?:we|i) can (?:do|offer|change)`,
    `(?<=^| )(?:that|it|this) is not (?:something|anything) (?:we|i) (?:can|are able to|offer|do)`,
    `(?<=^| )(?:there is )?no way (?:to|(?:we|i) can|can (?:we|i)|for (?:us|me) to)`,
    `(?<=^| )(?:[^ ]+ )?(?:is|are) not (?:allowed|permitted|accepted|refundable)`,
    `(?<=^| )(?:is|are) non-refundable`
  ].join('|'),
  'g'
)

const clauseEnd = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”'])
const conjunctions = new Set(['but', 'because', 'since', 'as', 'once', 'unless', 'if', 'when', 'while', 'although', 'though', 'so', 'and', 'or', 'however', 'which', 'who'])
// “Please be advised that cancellation is not allowed”: the limit starts after “that”, but “do that” ends with it.
const clauseStarts = new Set([...conjunctions, 'that'])
const conditionals = new Set(['if', 'unless', 'whether', 'when', 'why', 'in case'])
const pronounSubjects = new Set(['we', 'you', 'they', 'i', 'he', 'she', 'it'])
const eventVerbs = new Set(['receive', 'receives', 'received', 'arrive', 'arrives', 'clear', 'clears', 'is', 'are', 'has', 'have', 'gets', 'comes', 'ships', 'lands', 'returns', 'confirms', 'pays', 'sends'])
const weekdays = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?$/

export default defineRule(meta, (tree, file, context) => {
  for (const sentence of sentencesWith(tree, file, phrases)) checkSentence(sentence, file)
  // Chinese sentences get their own closer look (zh.ts).
  checkChinese(tree, file, context)
})

function checkSentence(sentence: Sentence, file: Parameters<typeof report>[0]): void {
  const flagged: Array<[number, number]> = []
  const overlaps = (from: number) => flagged.some(([start, end]) => from >= start && from < end)

  for (const found of matchTokens(sentence, refusal)) {
    const groups = found.match.groups ?? {}
    const modal = groups.modal ?? groups.unable ?? ''
    const verb = groups.verb ?? ''
    const to = clauseTo(sentence, found.to)
    const rest = textOf(sentence, found.to, to)
    if (!isRefusal(modal, verb, groups.next, rest)) continue
    if (isConditional(sentence, found.from) || isDoubleNegative(sentence, found.from)) continue
    if (overlaps(found.from)) continue
    flagged.push([found.from, to])
    flag(sentence, file, found.from, to, {subjectTokens: wordCount(groups.subject ?? groups.subject2 ?? ''), modal})
  }
  for (const found of matchTokens(sentence, bareRefusal)) {
    const verb = found.match.groups?.verb ?? ''
    if (!isRefusal(found.match.groups?.modal ?? '', verb, found.match.groups?.next)) continue
    // “Sorry, can’t …”: start at the modal.
    let from = found.from
    while (sentence.tokens[from].norm !== 'can' && sentence.tokens[from].norm !== 'unable') from++
    if (overlaps(from)) continue
    const to = clauseTo(sentence, found.to)
    flagged.push([from, to])
    flag(sentence, file, from, to, {subjectTokens: 0, modal: ''})
  }
  for (const found of matchTokens(sentence, impersonal)) {
    if (isConditional(sentence, found.from) || overlaps(found.from)) continue
    // “Changing the delivery slot isn’t possible”: the limit is the whole clause, not its last noun.
    const from = pronouns.has(sentence.tokens[found.from].norm) ? found.from : clauseFrom(sentence, found.from)
    const to = clauseTo(sentence, found.to)
    flagged.push([from, to])
    flag(sentence, file, from, to, {subjectTokens: 0, modal: ''})
  }
}

function isRefusal(modal: string, verb: string, next: string | undefined, after?: string): boolean {
  // “We can’t make any promises” is the honest hedge that broken-promises asks for.
  if (after && /(?<=^| )(?:promises?|guarantees?)(?= |$)/.test(after)) return false
  if (modal === 'do not' || modal === 'does not') return serviceVerbs.has(verb) || serviceVerbs.has(`${verb} ${next ?? ''}`)
  // “We won’t cancel your order” reassures; “we won’t refund it” refuses.
  if (modal === 'will not') return (serviceVerbs.has(verb) && !reassuring.has(verb)) || verb === 'be'
  const phrase = next ? `${verb} ${next}` : verb
  if (perceptionVerbs.has(verb)) return next === 'you'
  return !courtesyVerbs.some((courtesy) => courtesy === verb || courtesy === phrase)
}

// “That doesn’t mean we can’t help”: two negatives make an offer.
function isDoubleNegative(sentence: Sentence, from: number): boolean {
  const before = sentence.tokens.slice(Math.max(0, from - 3), from).map((token) => token.norm).join(' ')
  return /(?:^| )(?:not mean|not that|not say)$/.test(before)
}

// “If we can’t fix it, we’ll replace it” plans for a limit rather than leading with one.
function isConditional(sentence: Sentence, from: number): boolean {
  for (let index = from - 1; index >= 0; index--) {
    const token = sentence.tokens[index]
    if (token.punctuation && token.norm !== "'") return false
    if (conditionals.has(token.norm)) return true
  }
  return false
}

const pronouns = new Set(['it', 'that', 'this', 'there', 'which', 'nothing', 'no', 'impossible'])

// The clause starts after the previous punctuation mark or joining word.
function clauseFrom(sentence: Sentence, from: number): number {
  let start = from
  while (start > 0) {
    const token = sentence.tokens[start - 1]
    if (token.punctuation ? clauseEnd.has(token.norm) : clauseStarts.has(token.norm)) break
    // “Hi Kenneth. please be advised …”: a full stop inside a word token still ends the clause.
    if (!token.punctuation && token.raw.endsWith('.') && token.raw.length > 2) break
    start--
  }
  return start
}

// The clause runs to the next punctuation mark or joining word.
function clauseTo(sentence: Sentence, from: number): number {
  let to = from
  while (to < sentence.tokens.length) {
    const token = sentence.tokens[to]
    if (token.punctuation ? clauseEnd.has(token.norm) : conjunctions.has(token.norm)) break
    to++
  }
  // Several expanded tokens can share one word (“won’t” → will not): never end inside a word.
  while (to < sentence.tokens.length && to > 0 && sentence.tokens[to].start === sentence.tokens[to - 1].start) to++
  return to
}

function wordCount(text: string): number {
  return text ? text.split(' ').length : 0
}

function flag(sentence: Sentence, file: Parameters<typeof report>[0], from: number, to: number, how: {subjectTokens: number; modal: string}): void {
  const {tokens} = sentence
  const start = tokens[from].start
  const end = tokens[to - 1].end
  const source = file.data.tactful?.source ?? String(file.value)
  const actual = source.slice(start, end)
  const positive = positiveForm(sentence, source, from, to, how)
  const reason = positive
    ? `${quote(actual)} leads with what you can’t do; try ${quote(positive)}`
    : `${quote(actual)} tells the customer what you won’t do; say what you can do instead`
  report(file, {
    start,
    end,
    reason,
    expected: positive ? [positive] : [],
    note: 'Lead with what the company can do, and when; a refusal first reads as a closed door.',
    safe: positive !== undefined
  })
}

/**
 * “We won’t be able to see you before Friday” → “We’ll be able to see you on Friday”: a limit with a
 * time says the same as the time it becomes possible. Returns undefined when the clause has no such form.
 */
function positiveForm(sentence: Sentence, source: string, from: number, to: number, how: {subjectTokens: number; modal: string}): string | undefined {
  if (how.subjectTokens === 0 || !how.modal) return undefined
  const {tokens} = sentence
  const limit = tokens.findIndex((token, index) => index >= from && index < to && (token.norm === 'before' || token.norm === 'until' || token.norm === 'till'))
  if (limit < 0 || limit + 1 >= to) return undefined
  // Find the verb: the first word after the modal phrase (“able to”, “unable to”, “can not”).
  let verb = from + how.subjectTokens
  while (verb < limit && !['to', 'not'].includes(tokens[verb].norm)) verb++
  if (tokens[verb]?.norm === 'not' && tokens[verb - 1]?.norm === 'can') verb++
  else {
    while (verb < limit && tokens[verb].norm !== 'to') verb++
    verb++
  }
  if (verb >= limit) return undefined
  const subjectEnd = tokens[from + how.subjectTokens - 1].end
  const subjectText = source.slice(tokens[from].start, subjectEnd)
  const modalRaw = source.slice(subjectEnd, tokens[verb].start)
  const contracted = /['’]/.test(modalRaw)
  const pronoun = /^(?:we|i|they)$/i.test(subjectText)
  let affirmative: string
  if (how.modal === 'can not') affirmative = `${subjectText} can `
  else if (contracted && pronoun) affirmative = `${subjectText}’ll be able to `.replace('’', modalRaw.includes("'") ? "'" : '’')
  else affirmative = `${subjectText} will be able to `
  const middle = source.slice(tokens[verb].start, tokens[limit].start)
  const when = source.slice(tokens[limit + 1].start, tokens[to - 1].end)
  const first = tokens[limit + 1].norm
  // “until we receive the item” is an event: it becomes “once we receive the item”.
  const rest = tokens.slice(limit + 1, to).map((token) => token.norm)
  const event = pronounSubjects.has(first) || rest.some((word) => eventVerbs.has(word))
  const preposition = event ? 'once ' : weekdays.test(first) ? 'on ' : first === 'next' || first === 'this' || first === 'tomorrow' ? '' : 'from '
  return `${affirmative}${middle}${preposition}${when}`
}
