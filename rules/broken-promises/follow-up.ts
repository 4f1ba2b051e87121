/**
 * A follow-up promised with no time at all: “someone from billing will contact you”, “we’ll keep you
 * updated”, “you’ll hear back from the claims team”, “we’ll find out what’s going on”. Recognised from
 * the shape of the clause, not from fixed sentences: a subject, a future modal (will / shall / going to),
 * then a follow-up verb from the word classes in classes.json, with the customer (or nobody) as its
 * object — and nothing in the sentence that gives a time, ties it to an event, hedges it or makes it wait
 * on the customer (“DM us and we’ll look into it”). Not a commitment with a due date: it has none.
 */
import {type PhraseMatch, type Sentence, alternation, definePhrases, nearby, quote, report, textOf} from '../kit/index.js'
import classes from './classes.json' with {type: 'json'}

/** Which part of a follow-up a class entry names. */
type Kind = 'follow-up' | 'arranged' | 'outcome' | 'hearing' | 'certainty-head' | 'certainty-adverb'

interface Entry {
  phrase: string
  kind: Kind
}

/** The word classes, registered with the shared matcher: the cheap pass that marks candidate sentences. */
export const classPhrases = definePhrases<Entry>([
  ...classes.followUps.map((phrase) => ({phrase, kind: 'follow-up' as const})),
  ...classes.followUpsPresent.map((phrase) => ({phrase, kind: 'arranged' as const})),
  ...classes.outcomes.map((phrase) => ({phrase, kind: 'outcome' as const})),
  ...classes.hearing.map((phrase) => ({phrase, kind: 'hearing' as const})),
  ...classes.certaintyHeads.map((phrase) => ({phrase, kind: 'certainty-head' as const})),
  ...classes.certaintyAdverbs.map((phrase) => ({phrase, kind: 'certainty-adverb' as const})),
  ...classes.certaintyStates.map((phrase) => ({phrase, kind: 'certainty-adverb' as const}))
])

const words = (list: readonly string[]): string => alternation(list)
const keepYou = new Set(classes.keepYou)
const withTarget = new Set(classes.withTarget)
// The future, after a subject and before the follow-up: “we will”, “someone is going to”, “and will then”.
// “Let me find out”, “I’ll look into it and get back to you” (the second verb shares the first one’s modal).
const modal =
  /(?:^| )(?<who>[^ ]+) (?:will|shall|am going to|are going to|is going to|(?<=let )me)(?: (?:also|then|now|personally|directly|definitely|certainly|surely|gladly|happily|make sure to|be sure to|be sure and|be))*(?<shared> [^,;]* and(?: then)?)?$/
// “I’ll make sure someone calls you back”: the promise is the agent’s, the follow-up someone else’s.
const arranged = new RegExp(
  `(?:^| )(?<who>[^ ]+) (?:will|shall|am going to|are going to|is going to)(?: (?:also|personally|definitely|certainly|absolutely))* (?:${words(classes.arrangers)})(?: (?:that|for))?(?: [^ ]+){1,3}$`
)
// Waiting on an outcome is no time: “we’ll post here once it’s resolved”, “we’ll update you when we know more”.
const emptyEvents = new RegExp(`(?:^| )(?:${words(classes.emptyEvents)})(?= |$)`, 'g')
const customerObject = new RegExp(`^(?:with|to) (?:${words(classes.customer)})(?: |$)`)
const objects = new RegExp(`^(?:${words(classes.objects)})(?= |$)`)
// A time anywhere in the sentence makes the promise checkable (it is a commitment, or a vague time the rule flags).
const times = new RegExp(
  `(?:^| )(?:${words(classes.times)}|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|noon|midday|midnight|hours?|minutes?|days?|weeks?|months?|[0-9]+ (?:am|pm)|[0-9]+(?:am|pm|st|nd|rd|th)|[0-9]+(?::[0-9]+)+|[0-9]{1,2}\\/[0-9]{1,2}\\/[0-9]{2,4}|[0-9]{1,2} \\/ [0-9]{1,2} \\/ [0-9]{2,4}|soon|shortly|later|asap|promptly|eventually)(?= |$)`
)
// Tied to an event or a condition: “once the warehouse confirms”, “if anything changes”.
const events = new RegExp(`(?:^| )(?:${words(classes.events)})(?= |$)`)
const hopes = new RegExp(`(?:^| )(?:${words(classes.hopes)})(?= |$)`)
// An offer that waits on the customer: “DM us and we’ll look into it”, “could you send us … ? We’ll follow up”.
const requestVerb = `(?:${words(classes.requests)})(?= |$)`
const request = new RegExp(
  `^(?:(?:${words(classes.requestLeads)}) )*${requestVerb}|(?:^| )(?:please|kindly|pls|plz)(?: [^ ]+)? ${requestVerb}`
)
// “Let us know if you need anything else”, “tweet us if you need more help”: an invitation, not a step first.
const invitation =
  /^(?:(?:please|just|and|also|so) )*(?:let (?:us|me) know (?:if|should|when|whether|how)|feel free|do not hesitate|(?:reach out|get in touch|contact us|dm us|message us|tweet us|reply|give us a shout|shout) (?:if|should|anytime|any time|again|whenever))(?= |$)/
const openQuestion = /(?:^| )(?:anything else|any other|any more|any further)(?= |$)/
// What may come before a sentence’s first word in a post: “@123456”, “(2/2)”, “1:”.
const preamble = /^(?:(?:@ [^ ]+|[0-9]+ \/ [0-9]+|[0-9]+ :|[0-9]+|[(),:.!-]) )*/
const subjects = new Set(classes.subjects)

/** Where a follow-up with no time was found: a token range of the sentence, and what to suggest. */
export interface FollowUp {
  sentence: Sentence
  from: number
  to: number
  kind: Kind
  /** Where the time goes in the suggestion, as a token index: after the span, or instead of “keep you updated”. */
  keepFrom?: number
  /** It waits on an outcome (“once it’s resolved”): a time added to it would not read well. */
  onOutcome?: boolean
}

/**
 * The follow-ups with no time in `matches` (from `classPhrases`). `sentences` are all the reply's
 * sentences, in order, to see whether one near asks the customer to do something first; `source` is the input;
 * `flagged` the token ranges already flagged per sentence (a vague time there is the finding already).
 */
export function findFollowUps(
  matches: Array<PhraseMatch<Entry>>,
  sentences: readonly Sentence[],
  source: string,
  flagged: ReadonlyMap<Sentence, {overlaps(start: number, end: number): boolean}> = new Map()
): FollowUp[] {
  const bySentence = new Map<Sentence, FollowUp>()
  // A request or a question anywhere before, or in the next two sentences (“We’ll look into it. Can you DM us
  // your booking reference?”), makes the follow-up an offer that waits on the customer. Read only when a
  // follow-up is found, and once per reply.
  let asking: boolean[] | undefined
  const waits = (sentence: Sentence): boolean => {
    const index = sentences.indexOf(sentence)
    asking ??= sentences.map(asks)
    return asking.slice(0, index + 3).includes(true) || continues(sentence, index)
  }
  for (const match of matches) {
    if (match.entry.kind === 'certainty-head' || match.entry.kind === 'certainty-adverb') continue
    const {sentence} = match
    const found = readFollowUp(match, source, flagged.get(sentence))
    if (!found || waits(sentence)) continue
    const previous = bySentence.get(sentence)
    // One finding a sentence: “we’ll look into it and get back to you” gets its time at the follow-up.
    if (!previous || (previous.kind === 'outcome' && found.kind !== 'outcome')) bySentence.set(sentence, found)
  }
  return [...bySentence.values()]
}

function readFollowUp(
  match: PhraseMatch<Entry>,
  source: string,
  flagged: {overlaps(start: number, end: number): boolean} | undefined
): FollowUp | undefined {
  const {sentence, entry} = match
  const {tokens, text} = sentence
  const waiting = text.replace(emptyEvents, ' ')
  if (tokens.at(-1)?.norm === '?' || events.test(waiting.replace(/ once (?:more|again)/g, ''))) return undefined
  // A time in the follow-up’s own clause, or in a short clause next to it (“Shortly, we’ll …”, “…, by Friday”).
  let first = clauseStart(sentence, match.from, source)
  let last = clauseEnd(sentence, match.to, source, true)
  if (first > 0 && first - clauseStart(sentence, first - 1, source) <= 6) first = clauseStart(sentence, first - 1, source)
  if (last < tokens.length && clauseEnd(sentence, last + 1, source, true) - last <= 6) last = clauseEnd(sentence, last + 1, source, true)
  if (times.test(textOf(sentence, first, last)) || flagged?.overlaps(first, last) === true) return undefined
  let from = Math.max(clauseStart(sentence, match.from, source), match.from - nearby)
  const lead = textOf(sentence, from, match.from, 'end')
  const found = (entry.kind === 'arranged' ? arranged : modal).exec(lead)
  if (!found || hopes.test(lead)) return undefined
  const who = found.groups?.who ?? ''
  // In “we’ll look into it and get back to you” the span is the follow-up itself.
  const shared = found.groups?.shared !== undefined
  // “You’ll hear back from us”; but “you will get in touch” is the customer acting.
  if ((entry.kind === 'hearing') !== (who === 'you' || who === 'u')) return undefined
  // “… here: https://… and we’ll look into it”: the request went with the link.
  const clause = clauseStart(sentence, match.from)
  if (tokens[clause]?.norm === 'and' && clause > 0 && /:\/\/|www\./.test(source.slice(tokens[clause - 1].end, tokens[clause].start)))
    return undefined
  if (/(?::\/\/|www\.)\S*\s+(?:and|&)\s/.test(source.slice(tokens[clause].start, tokens[match.from].start))) return undefined
  let to = match.to
  const after = textOf(sentence, to, tokens.length)
  // “We’ll email you the label” hands something over; “someone will email you” follows up.
  if (
    /^(?:email|message|text) you$/.test(entry.phrase) &&
    /^(?:a|an|the|your|this|that|it|them|these|those|details|instructions)(?= |$)/.test(after)
  )
    return undefined
  if (withTarget.has(entry.phrase) && /^(?:with|to) /.test(after) && !customerObject.test(after) && !objects.test(after)) return undefined
  // “follow up with you”, “reply there”, “get back to you with an update”: the object goes with the verb.
  for (let rest = after, round = 0; round < 2; round++) {
    const object = objects.exec(rest)
    if (!object) break
    to += object[0].split(' ').length
    rest = rest.slice(object[0].length + 1)
  }
  // The span starts at a pronoun subject (“We’ll keep you posted”), else at the modal (“… team will contact you”).
  const whoAt = from + tokenCount(lead.slice(0, found.index + (found[0].startsWith(' ') ? 1 : 0)))
  from = shared ? match.from : subjects.has(who) && who !== 'who' ? whoAt : whoAt + 1
  return {sentence, from, to, kind: entry.kind, keepFrom: keepYou.has(entry.phrase) ? match.from : undefined, onOutcome: waiting !== text}
}

/** Report a follow-up: what it lacks, and the same words with a time added. */
export function reportFollowUp(file: Parameters<typeof report>[0], source: string, followUp: FollowUp, note: string): void {
  const {sentence, from, kind, keepFrom, onOutcome} = followUp
  const start = sentence.tokens[from].start
  let to = followUp.to
  // “We’ll find out what’s going on with the delivery”: the outcome runs to the end of its clause, when that is short.
  let expected: string[]
  if (kind === 'outcome') {
    const end = clauseEnd(sentence, to)
    if (end - to <= 8) to = end
    const actual = source.slice(start, sentence.tokens[to - 1].end)
    expected = end - followUp.to <= 8 ? [`${actual} and update you by 5 pm today`, `${actual} and update you by Friday`] : []
  } else if (keepFrom !== undefined) {
    // “We’ll keep you updated” → “We’ll update you by 5 pm today”.
    const head = source.slice(start, sentence.tokens[keepFrom].start)
    expected = [`${head}update you by 5 pm today`, `${head}update you by Friday`]
  } else {
    const actual = source.slice(start, sentence.tokens[to - 1].end)
    expected = [`${actual} by 5 pm today`, `${actual} within 2 working days`]
  }
  const end = sentence.tokens[to - 1].end
  const actual = source.slice(start, end)
  if (onOutcome) expected = []
  const reason =
    kind === 'outcome' || onOutcome
      ? `${quote(actual)} leaves the customer waiting with no time; say when they will hear from you, such as ${quote('by 5 pm today')}`
      : `${quote(actual)} promises a follow-up with no time to hold you to; add one, such as ${quote('by 5 pm today')}`
  report(file, {start, end, reason, expected, note})
}

const breaks = new Set([',', ';', ':', '.', '!', '?', '-', '--', '(', ')'])

// Whether a clause ends before token `index`: a mark that ends one, or (with the input) a line break.
function breaksBefore(sentence: Sentence, index: number, source?: string): boolean {
  const previous = sentence.tokens[index - 1]
  if (previous.punctuation && breaks.has(previous.norm)) return true
  return source?.slice(previous.end, sentence.tokens[index].start).includes('\n') === true
}

// Where the clause holding token `index` starts.
function clauseStart(sentence: Sentence, index: number, source?: string): number {
  let from = index
  while (from > 0 && !breaksBefore(sentence, from, source)) from--
  return from
}

// Where the words after `from` end: at the next mark of any kind, or (`clause`) where the clause ends.
function clauseEnd(sentence: Sentence, from: number, source?: string, clause = false): number {
  let to = from
  while (to < sentence.tokens.length && !(clause ? to > from && breaksBefore(sentence, to, source) : sentence.tokens[to].punctuation)) to++
  return to
}

// Where each clause of the sentence starts.
function clauseStarts(sentence: Sentence): number[] {
  const starts = [0]
  sentence.tokens.forEach((token, index) => {
    if (token.punctuation && breaks.has(token.norm)) starts.push(index + 1)
  })
  return starts.filter((start) => start < sentence.tokens.length)
}

// Whether a sentence asks the customer for something: a request in any clause, or a question.
// (“Send us your details and we’ll follow up”: the request and the promise may share a sentence.)
function asks(sentence: Sentence): boolean {
  // “Anything else we can help with?” is an invitation, not a step first.
  if (sentence.tokens.at(-1)?.norm === '?' && !openQuestion.test(sentence.text)) return true
  // Not after “and”: in “we’ll chase the courier and keep you posted” the second verb is no request.
  return clauseStarts(sentence).some((from) => {
    const clause = withoutPreamble(textOf(sentence, from, sentence.tokens.length))
    return request.test(clause) && !invitation.test(clause)
  })
}

// “… here: https://… and we’ll be in touch”: the link cut the sentence, and the request is in the part before
// it; a post that starts in lower case (“address, along with your booking reference and we’ll call you”)
// goes on from an earlier post, which may have asked.
function continues(sentence: Sentence, index: number): boolean {
  if (/^(?:and|&)(?: |$)/.test(withoutPreamble(sentence.text))) return true
  if (index > 0) return false
  const first = sentence.tokens.find((token) => !token.punctuation && /^\p{L}/u.test(token.raw))
  return first !== undefined && /^\p{Ll}/u.test(first.raw)
}

function withoutPreamble(text: string): string {
  return text.replace(preamble, '')
}

function tokenCount(text: string): number {
  return text.trim() === '' ? 0 : text.trim().split(' ').length
}
