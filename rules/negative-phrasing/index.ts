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
import {clauseFrom, clauseTo, isConditional} from './clauses.js'
import {findLimits, isHedge, isNoTimeYet, type Limit, offersAlternative, viaChannel} from './structure.js'
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
    // “We don’t currently deliver …”: an adverb may stand after the negation too.
    `(?=${adverbs} (?<verb>[^ ]+)(?: (?<next>[^ ]+))?)`,
  'g'
)
// Chat replies often drop the subject: “can’t do that on my end”.
// A greeting may come first in a chat line: “hi! sadly cant swap sizes”.
const bareRefusal =
  /^(?:(?:hi|hey|hello|ok|okay)(?: [^ ]+)? [!,.] )?(?:(?:sorry|sadly|unfortunately|regrettably) )?(?:, )?(?<modal>can not|unable to)(?= (?<verb>[^ ]+)(?: (?<next>[^ ]+))?)/g
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

const pronounSubjects = new Set(['we', 'you', 'they', 'i', 'he', 'she', 'it'])
const eventVerbs = new Set([
  'receive',
  'receives',
  'received',
  'arrive',
  'arrives',
  'clear',
  'clears',
  'is',
  'are',
  'has',
  'have',
  'gets',
  'comes',
  'ships',
  'lands',
  'returns',
  'confirms',
  'pays',
  'sends',
  'opens',
  'starts',
  'begins',
  'closes',
  'ends',
  'finishes',
  'completes',
  'reaches',
  'goes'
])
const weekdays = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?$/

export default defineRule(meta, (tree, file, context) => {
  for (const sentence of sentencesWith(tree, file, phrases)) checkSentence(sentence, file)
  // Chinese sentences get their own closer look (zh.ts).
  checkChinese(tree, file, context)
})

function checkSentence(sentence: Sentence, file: Parameters<typeof report>[0]): void {
  const flagged: Array<[number, number]> = []
  const overlaps = (from: number, to = from + 1) => flagged.some(([start, end]) => from < end && start < to)

  for (const found of matchTokens(sentence, refusal)) {
    const groups = found.match.groups ?? {}
    const modal = groups.modal ?? groups.unable ?? ''
    const verb = groups.verb ?? ''
    const to = clauseTo(sentence, found.to)
    const rest = textOf(sentence, found.to, to)
    if (!isRefusal(modal, verb, groups.next, rest)) continue
    if (isConditional(sentence, found.from) || isDoubleNegative(sentence, found.from)) continue
    if (overlaps(found.from) || isNoTimeYet(sentence, found.from, to)) continue
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
    if (isHedge(sentence, from, to)) continue
    flagged.push([from, to])
    flag(sentence, file, from, to, {subjectTokens: 0, modal: ''})
  }
  // The shapes that do not put the company first: third parties, the passive, states, no means.
  for (const limit of findLimits(sentence)) {
    if (overlaps(limit.from, limit.to)) continue
    flagged.push([limit.from, limit.to])
    flag(sentence, file, limit.from, limit.to, {subjectTokens: 0, modal: ''}, limit)
  }
}

function isRefusal(modal: string, verb: string, next: string | undefined, after?: string): boolean {
  // “We can’t make any promises” is the honest hedge that broken-promises asks for.
  if (after && /(?<=^| )(?:promises?|guarantees?)(?= |$)/.test(after)) return false
  if (modal === 'do not' || modal === 'does not') return serviceVerbs.has(verb) || serviceVerbs.has(`${verb} ${next ?? ''}`)
  // “We won’t cancel your order” reassures; “we won’t refund it” refuses.
  if (modal === 'will not')
    return ((serviceVerbs.has(verb) || serviceVerbs.has(`${verb} ${next ?? ''}`)) && !reassuring.has(verb)) || verb === 'be'
  const phrase = next ? `${verb} ${next}` : verb
  if (perceptionVerbs.has(verb) || verb === 'access') return next === 'you' || viaChannel(after)
  return !courtesyVerbs.some((courtesy) => courtesy === verb || courtesy === phrase)
}

// “That doesn’t mean we can’t help”: two negatives make an offer.
function isDoubleNegative(sentence: Sentence, from: number): boolean {
  const before = sentence.tokens
    .slice(Math.max(0, from - 3), from)
    .map((token) => token.norm)
    .join(' ')
  return /(?:^| )(?:not mean|not that|not say)$/.test(before)
}

const pronouns = new Set(['it', 'that', 'this', 'there', 'which', 'nothing', 'no', 'impossible'])

function wordCount(text: string): number {
  return text ? text.split(' ').length : 0
}

function flag(
  sentence: Sentence,
  file: Parameters<typeof report>[0],
  from: number,
  to: number,
  how: {subjectTokens: number; modal: string},
  limit?: Limit
): void {
  const {tokens} = sentence
  const source = file.data.tactful?.source ?? String(file.value)
  const at = tokens[Math.min(Math.max(limit?.at ?? from, from), to - 1)].start
  // A span that starts at its subject stays as found; a clause can take a handle or a greeting along.
  const [first, last] = how.subjectTokens === 0 ? trim(sentence, source, from, to) : [from, to]
  const [start, end] = cut(source, tokens[first].start, tokens[last - 1].end, Math.max(at, tokens[first].start))
  const actual = source.slice(start, end)
  const positive = limit ? passivePositive(sentence, source, first, last, limit) : positiveForm(sentence, source, first, last, how)
  // “We can’t refund the fare, but we can move you …” already offers the way forward: a milder finding.
  const alternative = offersAlternative(sentence, first, last)
  let reason: string
  if (positive) reason = `${quote(actual)} leads with what you can’t do; try ${quote(positive)}`
  else if (alternative) reason = `${quote(actual)} comes before what you can do; lead with the alternative you offer`
  else if (limit?.kind === 'customer') reason = `${quote(actual)} tells the customer what they can’t do; say what they can do instead`
  else if (limit) reason = `${quote(actual)} tells the customer what can’t be done; say what can be done instead`
  else reason = `${quote(actual)} tells the customer what you won’t do; say what you can do instead`
  report(file, {
    start,
    end,
    reason,
    expected: positive ? [positive] : [],
    note: 'Lead with what the company can do, and when; a refusal first reads as a closed door.',
    safe: positive !== undefined,
    severity: alternative ? 'info' : undefined
  })
}

const greetings = new Set(['hi', 'hello', 'hey', 'sorry', 'yes', 'ok', 'okay', 'unfortunately', 'sadly', 'regrettably'])
const signOffs = new Set(['thanks', 'thank', 'thx', 'ty', 'regards', 'cheers', 'sorry', 'apologies'])

// A clause found by structure can run into what is not part of it in a chat reply: the “@handle” before
// it, a sign-off or the next sentence after it (“… your BIG ID. Thanks - Khairul”).
function trim(sentence: Sentence, source: string, from: number, to: number): [number, number] {
  const {tokens} = sentence
  while (from < to - 1 && (tokens[from].punctuation || greetings.has(tokens[from].norm) || /^\d+\/\d+$/.test(tokens[from].raw))) {
    from += tokens[from].norm === '@' || tokens[from].norm === '#' ? 2 : 1
  }
  if (from >= to) return [to - 1, to]
  for (let index = from + 2; index < to; index++) {
    const token = tokens[index]
    const stop = source[tokens[index - 1].end] === '.' && /^\p{Lu}/u.test(token.raw)
    if (stop || signOffs.has(token.norm) || /^[-~^]/.test(token.raw)) {
      to = index
      break
    }
  }
  while (to > from + 1 && tokens[to - 1].punctuation) to--
  return [from, to]
}

// “booking.Booked … account.Therefore link cannot be done.Thanks-Emir”: sentences glued at a full stop
// end the span on either side of where the limit was found.
function cut(source: string, start: number, end: number, at: number): [number, number] {
  const glue = /[\p{Ll}\d](?:\.[-~^\p{Lu}]|-(?=Thank))/gu
  const text = source.slice(start, end)
  let from = start
  let to = end
  for (const match of text.matchAll(glue)) {
    const offset = start + match.index + 1
    if (offset <= at) from = offset + (source[offset] === '.' ? 1 : 0)
    else {
      to = offset
      break
    }
  }
  return [from, to]
}

// The positive of a negative auxiliary, for a limit with a time: “can’t … until” → “can … once”.
const affirmatives = new Map([
  ['can not', 'can '],
  ['will not', 'will '],
  ['will not be able to', 'will be able to '],
  ['are unable to', 'are able to '],
  ['is unable to', 'is able to '],
  ['is not able to', 'is able to '],
  ['are not able to', 'are able to ']
])

/**
 * “Your order can’t be shipped until payment clears” → “Your order can be shipped once payment clears”;
 * “You won’t be able to edit it until you begin” → “You will be able to edit it once you begin”.
 */
function passivePositive(sentence: Sentence, source: string, from: number, to: number, limit: Limit): string | undefined {
  const {negation} = limit
  if (!negation) return undefined
  const {tokens} = sentence
  const auxiliary = tokens
    .slice(negation.from, negation.to)
    .map((token) => token.norm)
    .join(' ')
  if (!affirmatives.has(auxiliary) || negation.from === from) return undefined
  const limitAt = tokens.findIndex(
    (token, index) => index >= negation.to && index < to && (token.norm === 'until' || token.norm === 'till' || token.norm === 'before')
  )
  if (limitAt < 0 || limitAt + 1 >= to) return undefined
  // “you’re unable to”: the subject and the auxiliary share one word.
  const glued = tokens[negation.from].start === tokens[from].start
  if (glued && !auxiliary.startsWith('are')) return undefined
  const subject = glued ? `${tokens[from].raw} ` : source.slice(tokens[from].start, tokens[negation.from].start)
  const affirmative = glued ? 'able to ' : affirmatives.get(auxiliary)
  const middle = source.slice(tokens[negation.to].start, tokens[limitAt].start)
  return `${subject}${affirmative}${middle}${whenFrom(sentence, source, limitAt, to)}`
}

/**
 * “We won’t be able to see you before Friday” → “We’ll be able to see you on Friday”: a limit with a
 * time says the same as the time it becomes possible. Returns undefined when the clause has no such form.
 */
function positiveForm(
  sentence: Sentence,
  source: string,
  from: number,
  to: number,
  how: {subjectTokens: number; modal: string}
): string | undefined {
  if (how.subjectTokens === 0 || !how.modal) return undefined
  const {tokens} = sentence
  const limit = tokens.findIndex(
    (token, index) => index >= from && index < to && (token.norm === 'before' || token.norm === 'until' || token.norm === 'till')
  )
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
  return `${affirmative}${middle}${whenFrom(sentence, source, limit, to)}`
}

// “before Friday” → “on Friday”; “until we receive the item” is an event: “once we receive the item”.
function whenFrom(sentence: Sentence, source: string, limit: number, to: number): string {
  const {tokens} = sentence
  const when = source.slice(tokens[limit + 1].start, tokens[to - 1].end)
  const first = tokens[limit + 1].norm
  const rest = tokens.slice(limit + 1, to).map((token) => token.norm)
  const event = pronounSubjects.has(first) || rest.some((word) => eventVerbs.has(word))
  const preposition = event
    ? 'once '
    : weekdays.test(first)
      ? 'on '
      : first === 'next' || first === 'this' || first === 'tomorrow'
        ? ''
        : 'from '
  return `${preposition}${when}`
}
