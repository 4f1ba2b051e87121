import {
  alternation,
  defineRule,
  definePhrases,
  findPhrases,
  matchCase,
  matchTokens,
  quote,
  startsSentence,
  textOf,
  report,
  ruleMeta,
  nearby,
  sentencesOf,
  SpanSet,
  type PhraseMatch,
  type ReplyContext,
  type Sentence
} from '../kit/index.js'
import metaData from './meta.json' with {type: 'json'}
import data from './phrases.json' with {type: 'json'}
import classes from './classes.json' with {type: 'json'}
import {resolveDue} from './due.js'
import {classPhrases, findFollowUps, reportFollowUp} from './follow-up.js'
import {checkChinese, collectCommitmentsZh} from './zh.js'

const meta = ruleMeta(metaData)

interface Entry {
  phrase: string
  suggestions?: string[]
  kind?: string
  /** A vague time that is itself the promise: “It won’t be long”, “Not long now”. */
  standalone?: boolean
}

const phrases = definePhrases<Entry>(data)

// Vague spans of time, grown from their classes: “within a few days”, “over the next couple of weeks”.
const unitSuggestions: Record<string, string[]> = {
  minutes: ['within 10 minutes', 'within the hour'],
  hours: ['by 5 pm today', 'within 24 hours'],
  weeks: ['by the end of the month', 'within 3 weeks'],
  months: ['by the end of March', 'within 3 months']
}
const spans = definePhrases<Entry>(
  classes.spanLeads.flatMap((lead) =>
    classes.spanUnits.flatMap((unit) => {
      const suggestions = unitSuggestions[unit] ?? ['by Friday', 'within 3 working days']
      const counted = classes.spanCounts.map((count) => ({phrase: `${lead} ${count} ${unit}`, suggestions, kind: 'vague'}))
      // “in the coming days” needs no count; “in days” is not vague enough to flag.
      return /(?:next|coming|following)$/.test(lead) ? [...counted, {phrase: `${lead} ${unit}`, suggestions, kind: 'vague'}] : counted
    })
  )
)

// A future commitment before the vague time: “I’ll get back to you soon”, “your refund will be processed shortly”.
const future =
  /(?<=^| )(?:will|shall|going to|am [^ ]+ing|are [^ ]+ing|is [^ ]+ing|[^ ]+ should (?:hear|receive|get|see|arrive|reach|land|come|show up|appear|clear|go through|have it|be (?:back|with you|there|ready|fixed|resolved|sorted|up|working|delivered|credited|processed|refunded|restored|available to you))|expect to)(?= |$)/
// “The fix is coming soon” is a promise, not news about a product.
const promisedThing =
  /(?:^| )(?:fix|fixes|patch|update|solution|resolution|refund|replacement|repair|engineer|technician|credit|compensation|answer|reply|response|callback|voucher)(?= )/
// “You’ll be in touch in no time”: what the customer will do is not the company’s promise.
const customerActs = /(?:^| )you will (?:be in touch|be able to|be connected|contact|reach|get in touch|be back)(?= |$)/
// A condition: “if you see delivery soon, …” is not a promise.
const condition = /(?<=^| )(?:if|unless|whether)(?= )/
// Hope, wishes and goodbyes are not promises: “hope you feel better soon”, “see you soon”.
const wishes =
  /(?<=^| )(?:hope|hoping|hopefully|wish|wishing|fingers crossed|crossing (?:our|my) fingers|look forward|looking forward|see you|see more of you|have you back|welcome you back|talk|speak|get well|feel better|catch you|chat)(?= |$)/
// “Holiday Pies will be back soon”: news about a product, not a promise to this customer.
const availability =
  /(?<=^| )(?:(?:be|is|are|come|comes|coming) back|(?:bring|get) (?:[^ ]+ ){1,3}back|available|in stock|restocked|restocking|restock|coming|released|launching|launched|on (?:the )?shelves|on sale|expire|run out|end|close|reopen|open)$/
// “It can take 14 days, so you should hear soon”: the sentence names the time already.
const counted = /(?:^| )[0-9]+(?:-[0-9]+| (?:-|to) [0-9]+)? (?:business |working )?(?:days?|hours?|weeks?|minutes?)(?= |$)/
// A concrete time right after the vague one makes it checkable: “soon, within 3 to 5 working days”.
const concreteAfter =
  /^(?:, )?(?:(?:within|by|on|at|before|in) (?:[0-9]|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the next [0-9])|this (?:morning|afternoon|evening|week)|today|tonight)/
// Words that only strengthen a vague time go with it, so the suggestion drops none: “very soon”, “sometime soon”.
const intensifiers = new Set(classes.intensifiers)
// Only a promise about the future is a guarantee: “I promise it will arrive”, not “I promise I’m a real person”.
const futureAfter = /(?<=^| )(?:will|shall|going to|by|within|tomorrow|today|tonight|again)(?= |$)/

/** A certainty the agent cannot back: the pattern and how to say it honestly. */
interface Certainty {
  pattern: RegExp
  reason: (actual: string) => string
  expected?: (actual: string) => string[]
  /** Only when the rest of the sentence speaks of the future. */
  needsFuture?: boolean
  /** The promise runs on to the end of its clause. */
  wholeClause?: boolean
  /** Only when the sentence before the certainty speaks of the future. */
  futureBefore?: boolean
  /** Only when what follows is an outcome, not the agent's own effort (“rest assured we’re looking into it”). */
  outcome?: boolean
}

const certainties: Certainty[] = [
  {
    // “I promise”, “we guarantee”, “I can assure you” — but not “I can’t promise”.
    pattern:
      /(?<=^| )(?:(?:i|we) (?:can |do |personally |absolutely |hereby )?(?:promise|guarantee|assure you)|you have (?:my|our) word|i give you my word)(?= |$)/g,
    reason: (actual) => `${quote(actual)} promises what may be outside your control; say what you will do and by when`,
    expected: (actual) => matchCase(actual, [/^we/i.test(actual) ? 'we expect' : 'I expect']),
    wholeClause: true,
    needsFuture: true
  },
  {
    // “guaranteed to arrive by Friday”.
    // Not a warranty: “guaranteed for five years”.
    pattern:
      /(?<=^| )(?:is |are |it is |it will be )?guaranteed (?:to|by|for(?! (?:a|an|one|two|three|four|five|six|ten|twelve|[0-9]+|life|the lifetime) )|that)(?= |$)/g,
    reason: (actual) => `${quote(actual)} is a guarantee nobody can check in advance; give the expected date instead`,
    expected: (actual) => (actual.toLowerCase().startsWith('guaranteed to') ? ['expected to'] : [])
  },
  {
    // “I’m 100% sure”, “100% guaranteed”.
    pattern: /(?<=^| )(?:i am |we are |is |are )?100 % (?:sure|certain|guaranteed|confident|positive|safe|secure|covered|fine)(?= |$)/g,
    reason: (actual) => `${quote(actual)} is certainty you can’t back; say what you expect and why`,
    expected: (actual) =>
      /^(?:is|are) /i.test(actual)
        ? []
        : matchCase(actual, [
            actual.toLowerCase().startsWith('we') ? 'we expect' : actual.toLowerCase().startsWith('i') ? 'I expect' : 'expected'
          ])
  },
  {
    // “This will never happen again”, “it won’t happen again”, “will not be cancelled again”.
    pattern:
      /(?<=^| )(?:(?:this|that|it|[^ ]+) )?(?:will|shall) (?:never|not) (?:happen|occur|be (?!charged |charge |billed |affected |asked |required |needed )[^ ]+|(?!charge |bill |need |have to )[^ ]+) again(?= |$)|(?<=^| )(?:never|not) (?:let )?(?:this|that|it) happen again(?= |$)|(?<=^| )nothing (?:like (?:this|that) |of the sort |similar )?(?:will|shall) (?:ever )?happen(?: [^ ]+){0,4} again(?= |$)/g,
    reason: (actual) => `${quote(actual)} is a promise nobody can keep; say what you have changed so it is less likely`,
    expected: () => []
  },
  {
    // “Nothing can go wrong there”, “there is no way it will be late”.
    pattern:
      /(?<=^| )(?:nothing (?:can|will|could) (?:possibly )?go wrong|there is no way (?:it|this|that|they|he|she) (?:will|could|can)(?: not)? [^ ]+|no chance (?:it|this|that) will [^ ]+)(?: there| with (?:it|this|that))?(?= |$)/g,
    reason: (actual) => `${quote(actual)} is certainty you can’t back; say what you expect and why`,
    expected: () => []
  },
  {
    // “It won’t come back, I guarantee it”: the guarantee after the promise.
    pattern: /(?<=^| )(?:i|we) (?:can )?(?:promise|guarantee|assure you)(?: you)?(?: that| it| this| of that| of it)?(?= [.!]|$)/g,
    reason: (actual) => `${quote(actual)} promises what may be outside your control; say what you will do and by when`,
    expected: () => [],
    futureBefore: true
  },
  {
    // “Rest assured the refund will reach you by Monday”, “without a doubt the update will fix it”.
    pattern: new RegExp(`(?<=^| )(?:${alternation(classes.certaintyHeads)})(?: that)?(?= |$)`, 'g'),
    reason: (actual) => `${quote(actual)} is certainty about what you don’t control; say what you expect and why`,
    // “You can count on the hotel having …” does not read with “we expect”.
    expected: (actual) => (/(?:count|rely) on/i.test(actual) ? [] : /^i\b/i.test(actual) ? ['I expect'] : matchCase(actual, ['we expect'])),
    wholeClause: true,
    needsFuture: true,
    outcome: true
  }
]

// “Your sofa will definitely arrive tomorrow”: certainty about what the company does not control.
// Certainty words and verbs are word classes (classes.json): the outcomes the agent can’t be sure of, and the
// verbs that are the customer’s taste or the agent’s own effort (“you’ll definitely love it”, “we’ll certainly pass it on”).
const sure = alternation(classes.certaintyAdverbs)
const definitely = new RegExp(
  `(?<=^| )(?<who>[^ ]+) (?:(?:will|is going to|are going to) (?:${sure})|(?:${sure}) (?:will|is going to|are going to)|(?:is|are) (?:${sure}) going to|(?:is|are) (?:certain|sure|bound) to)(?! not| never)(?= [^ ]+)`,
  'g'
)
const outcomeVerb = new RegExp(
  `^(?:(?:(?:be|get|have) )?(?:it |this |that |them |your [^ ]+ |the [^ ]+ )?(?:${alternation(classes.outcomeVerbs)})|(?:make (?:absolutely |100 % |doubly )?sure|ensure)(?: that)? (?:the|your|it|they|he|she|this|that)(?: [^ ]+)? (?:turns? up|arrives?|shows? up|gets? there|gets? to you|reach(?:es)? you|is there|are there|is ready|are ready|works?|is fixed|is delivered|is on time))(?= |$)`
)
// A certainty after the promise it is about: “it will leave on time for sure”, “…, come what may”.
const tails = new RegExp(`(?<=^| )(?:${alternation(classes.certaintyTails)})(?= [.!,;]|$)`, 'g')
const preference = new RegExp(`^(?:${alternation(classes.preferences)})(?= |$)`)
// “Rest assured your feedback will be passed on”: the agent’s own effort, in the passive.
const ownEffort = new RegExp(`^(?:be |get |have been )?(?:${alternation(classes.ownEffort)})(?= |$)`)
const agents = new Set(['i', 'we', 'team'])

/** Whether a clause after a certainty says an outcome will happen, not that the agent will make an effort. */
function promisesOutcome(rest: string): boolean {
  // “You can count on the hotel having your room ready”: something else doing it.
  if (/(?:^| )(?:not|never|no)(?= |$)/.test(rest)) return false
  if (/^(?:that )?(?:the|your|it|this|that|them|him|her)(?: [^ ]+){0,3}? (?!(?:some|any|no|every)thing )[^ ]+ing(?= )/.test(rest))
    return !ownEffort.test(rest.replace(/^.*? ([^ ]+ing) /, '$1 '))
  const found = /(?:^| )(?<who>[^ ]+) (?:will|shall|is going to|are going to)(?: not| never)? (?<verb>.*)$/.exec(rest)
  if (!found?.groups) return false
  const {who, verb} = found.groups
  if (agents.has(who) || who === 'you') return outcomeVerb.test(verb) && !preference.test(verb)
  return !preference.test(verb) && !ownEffort.test(verb)
}

export default defineRule(meta, (tree, file, context) => {
  const matches = findPhrases(tree, file, phrases)
  const sentences = new Set<Sentence>()
  const flagged = new Map<Sentence, SpanSet>()
  const add = (sentence: Sentence, from: number, to: number): boolean => {
    let spans = flagged.get(sentence)
    if (!spans) flagged.set(sentence, (spans = new SpanSet()))
    return spans.add(from, to)
  }
  const classMatches = findPhrases(tree, file, classPhrases)
  // “It can take 7-10 business days. You should hear back soon.”: a sentence beside it counts the days.
  const all = sentencesOf(tree, file)
  const counts = (sentence: Sentence): boolean => {
    const index = all.indexOf(sentence)
    return [all[index - 1], all[index + 1]].some((near) => near !== undefined && counted.test(near.text))
  }
  // Longest first where two start together, so “at the earliest opportunity” is flagged whole.
  const vague = [...matches, ...findPhrases(tree, file, spans)].sort((a, b) => a.start - b.start || b.end - a.end)
  for (const match of vague) {
    sentences.add(match.sentence)
    if (match.entry.kind === 'vague') checkVague(match, file, add, counts)
  }
  // The sentences with a word of certainty from the classes: only these are read for one after the promise.
  const certain = new Set<Sentence>()
  for (const match of classMatches) {
    sentences.add(match.sentence)
    if (match.entry.kind === 'certainty-adverb') certain.add(match.sentence)
  }
  for (const sentence of sentences) {
    for (const certainty of certainties) {
      for (const found of matchTokens(sentence, certainty.pattern)) {
        // “Rest assured, your luggage will …”: the comma after the certainty does not end what it is sure of.
        const after = sentence.tokens[found.to]?.norm === ',' ? found.to + 1 : found.to
        const clause = textOf(sentence, after, clauseEnd(sentence, after))
        if (certainty.needsFuture && !futureAfter.test(textOf(sentence, found.to, sentence.tokens.length))) continue
        if (certainty.futureBefore && !futureAfter.test(textOf(sentence, 0, found.from, 'end'))) continue
        if (certainty.outcome && !promisesOutcome(clause)) continue
        // “I can assure you it won’t happen again” is one promise: take in the rest of the clause.
        const to = certainty.wholeClause ? clauseEnd(sentence, after) : found.to
        if (!add(sentence, found.from, to)) continue
        const {start, end} = span(sentence, found.from, to)
        const head = context.source.slice(start, span(sentence, found.from, found.to).end)
        // “Without fail, the courier will …” → “We expect the courier will …”.
        const rest = context.source.slice(start + head.length, end).replace(/^,\s*/, ' ')
        const actual = context.source.slice(start, end)
        const expected = (certainty.expected?.(head) ?? []).map((replacement) => replacement + rest)
        report(file, {start, end, reason: certainty.reason(actual), expected, note})
      }
    }
    for (const found of certain.has(sentence) ? matchTokens(sentence, tails) : []) {
      // The clause the certainty closes: back to its start, or past one comma when it stands alone after it.
      let from = clauseStartOf(sentence, found.from)
      if (from === found.from && from > 0) from = clauseStartOf(sentence, from - 1)
      while (from < found.from && sentence.tokens[from].punctuation) from++
      const promise = textOf(sentence, from, found.from)
      if (!promisesOutcome(promise.replace(/ ,$/, '')) || !add(sentence, from, found.to)) continue
      const {start, end} = span(sentence, from, found.to)
      const actual = context.source.slice(start, end)
      // “Your boiler will pass with no issues at all” → “Your boiler should pass”.
      const head = context.source.slice(start, sentence.tokens[found.from].start).replace(/[\s,]+$/, '')
      const modals = head.match(/\bwill\b|['’]ll\b/g) ?? []
      // Not for the agent’s own promise: “we should make sure …” would change what it says.
      const expected =
        modals.length === 1 && !/^(?:i|we)\b/i.test(head) ? [head.replace(/\bwill\b/, 'should').replace(/['’]ll\b/, ' should')] : []
      report(file, {start, end, reason: `${quote(actual)} is certainty about what you don’t control; say what you expect`, expected, note})
    }
    for (const found of matchTokens(sentence, definitely)) {
      const who = found.match.groups?.who ?? ''
      const verb = textOf(sentence, found.to, sentence.tokens.length)
      // The agent’s certainty about its own deed is a commitment; about an outcome it is not in its hands.
      if (agents.has(who) ? !outcomeVerb.test(verb) : preference.test(verb) || ownEffort.test(verb)) continue
      const from = found.from + 1
      if (!add(sentence, from, found.to)) continue
      const {start, end} = span(sentence, from, found.to)
      const actual = context.source.slice(start, end)
      report(file, {
        start,
        end,
        reason: `${quote(actual)} is certainty about what you don’t control; say what you expect`,
        expected: [
          /^(?:is|are) going to/i.test(actual) ? actual.replace(/going to .*$/i, 'expected to') : matchCase(actual, ['should'])[0]
        ],
        note
      })
    }
  }
  // A follow-up with no time at all: “we’ll keep you posted”.
  for (const followUp of findFollowUps(classMatches, all, context.source, flagged)) {
    if (counts(followUp.sentence) || !add(followUp.sentence, followUp.from, followUp.to)) continue
    reportFollowUp(file, context.source, followUp, note)
  }
  // Chinese sentences get their own closer look (zh.ts).
  const flaggedZh = checkChinese(tree, file, context)
  // The date parser is only awaited when a sentence makes a concrete commitment.
  const english = collectCommitments([...sentences], context, flagged)
  const chinese = collectCommitmentsZh(sentencesOf(tree, file), context, flaggedZh)
  if (!english || !chinese) return english ?? chinese
  // A reply in both languages lists its commitments in the order they are written.
  return Promise.all([english, chinese]).then(() => void context.commitments.sort((a, b) => a.start - b.start))
})

const note = '“If you can’t keep a promise, then don’t make it”: give a time the customer can hold you to.'

function checkVague(
  match: PhraseMatch<Entry>,
  file: Parameters<typeof report>[0],
  add: (sentence: Sentence, from: number, to: number) => boolean,
  counts: (sentence: Sentence) => boolean
): void {
  const {sentence} = match
  const {tokens} = sentence
  if (tokens[tokens.length - 1]?.norm === '?') return
  // “as soon as it ships” names an event, not a vague time; “as soon as possible” is its own entry.
  if (match.entry.phrase === 'soon' && tokens[match.from - 1]?.norm === 'as' && tokens[match.to]?.norm === 'as') return
  // “later this week” and “later than” are not vague; “later today” is its own entry.
  // “macOS 10.5.7 or later” is a version.
  if (
    match.entry.phrase === 'later' &&
    (/^(?:this|that|today|tonight|than|in|on|version|versions|model|models)$/.test(tokens[match.to]?.norm ?? '') ||
      /^(?:or|and)$/.test(tokens[match.from - 1]?.norm ?? ''))
  )
    return
  let from = match.from
  while (from > 0 && intensifiers.has(tokens[from - 1].norm)) from--
  if (from > 0 && tokens[from - 1].norm === 'some' && tokens[from].norm === 'time') from--
  let to = match.to
  // “sometime soon”, “soon enough”: the words after the vague time go with it.
  while (/^(?:soon|shortly|enough)$/.test(tokens[to]?.norm ?? '')) to++
  // “at their soonest possible time” is one vague time.
  if (match.entry.phrase === 'soonest') {
    if (from > 0 && /^(?:the|their|our|my)$/.test(tokens[from - 1].norm)) from--
    if (from > 0 && tokens[from - 1].norm === 'at') from--
    if (tokens[to]?.norm === 'possible') to++
    if (/^(?:time|opportunity)$/.test(tokens[to]?.norm ?? '')) to++
  }
  const before = clauseText(sentence, from)
  const lead = textOf(sentence, 0, from, 'end')
  // “Shortly, a member of our team will call you”: the time leads the sentence.
  const after = textOf(sentence, to, tokens.length)
  // “Shortly, you’ll …”, “— in the next little while you’ll …”: the time leads its sentence or clause.
  const leading = (startsSentence(sentence, from) || before === '') && future.test(after)
  const news = (availability.test(before) && !promisedThing.test(before)) || customerActs.test(before)
  if ((!future.test(before) && !leading && !match.entry.standalone) || wishes.test(lead) || news || condition.test(before)) return
  if (concreteAfter.test(after) || counted.test(sentence.text) || counts(sentence)) return
  if (!add(sentence, from, to)) return
  const source = file.data.tactful?.source ?? String(file.value)
  const start = tokens[from].start
  const end = tokens[to - 1].end
  const actual = source.slice(start, end)
  // “We’ll urgently look into it”: a time does not go between the modal and the verb.
  const midVerb = /^(?:will|shall|to|would|be)$/.test(tokens[from - 1]?.norm ?? '') && tokens[to] !== undefined && !tokens[to].punctuation
  const expected = midVerb ? [] : matchCase(actual, match.entry.suggestions ?? [])
  report(file, {
    start,
    end,
    reason: `${quote(actual)} gives the customer no time to hold you to; name one, such as ${quote(expected[0] ?? match.entry.suggestions?.[0] ?? 'by 5 pm today')}`,
    expected,
    note
  })
}

// The words of the clause before token `to`, back to the last clause break; no further back than
// `textOf` keeps, so that a runaway clause is not read again for each match in it.
function clauseText(sentence: Sentence, to: number): string {
  let from = to
  while (from > 0 && to - from < nearby) {
    const token = sentence.tokens[from - 1]
    if (token.punctuation && [',', ';', ':', '.', '!', '?', '-', '--'].includes(token.norm) && !isAside(sentence, from - 1)) break
    from--
  }
  return textOf(sentence, from, to, 'end')
}

// Where the clause holding token `index` starts.
function clauseStartOf(sentence: Sentence, index: number): number {
  let from = index
  while (
    from > 0 &&
    !(sentence.tokens[from - 1].punctuation && [',', ';', ':', '.', '!', '?', '-', '--'].includes(sentence.tokens[from - 1].norm))
  )
    from--
  return from
}

// “I’ll get this sorted, Priya, soon”: a comma before a name or “please” does not end the clause.
function isAside(sentence: Sentence, index: number): boolean {
  const next = sentence.tokens[index + 1]
  return sentence.tokens[index].norm === ',' && next !== undefined && ['please', 'and'].includes(next.norm)
}

// A clause runs to its end, but a runaway one (no real clause is this long) stops here.
const longestClause = 200

function clauseEnd(sentence: Sentence, from: number): number {
  let to = from
  while (
    to < sentence.tokens.length &&
    to - from < longestClause &&
    !(sentence.tokens[to].punctuation && [',', ';', ':', '.', '!', '?'].includes(sentence.tokens[to].norm))
  )
    to++
  return to
}

function span(sentence: Sentence, from: number, to: number): {start: number; end: number} {
  return {start: sentence.tokens[from].start, end: sentence.tokens[to - 1].end}
}

// A first-person promise of an action: “I’ll email you”, “we will ship”, “the technician will visit”.
const commitment =
  /(?<=^| )(?:i|we|our [^ ]+|the [^ ]+|a [^ ]+|someone|somebody|[^ ]+) (?:will|shall|am going to|are going to|is going to)(?: (?:also|then|now|personally|just))? (?!not |never |be able to |need |have to )[^ ]+/
const timeWord =
  /(?<=^| )(?:today|tonight|tomorrow|morning|afternoon|evening|noon|midday|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|within|hours?|minutes?|days?|weeks?|am|pm|[0-9]+(?::[0-9]+)?(?:am|pm|st|nd|rd|th)|[0-9]+:[0-9]+)(?= |$)/

// The date parser reads a sentence of a few hundred characters in a millisecond, a runaway one in seconds.
const longestDated = 1000

function collectCommitments(
  sentences: Sentence[],
  context: ReplyContext,
  flagged: ReadonlyMap<Sentence, unknown>
): Promise<void> | undefined {
  const spans: Array<{start: number; end: number}> = []
  for (const sentence of sentences) {
    if (flagged.has(sentence) || sentence.tokens[sentence.tokens.length - 1]?.norm === '?') continue
    const found = commitment.exec(sentence.text)
    if (!found || wishes.test(sentence.text) || !timeWord.test(sentence.text.slice(found.index))) continue
    let last = sentence.tokens.length
    while (last > 1 && sentence.tokens[last - 1].punctuation) last--
    spans.push({start: sentence.tokens[0].start, end: sentence.tokens[last - 1].end})
  }
  if (spans.length === 0) return undefined
  const long = spans.filter(({start, end}) => end - start > longestDated).length
  if (long > 0) {
    const which = long === 1 ? 'a commitment in a sentence' : `${long} commitments in sentences`
    const notice = `Not dated: ${which} over ${longestDated} characters (the date parser reads shorter ones only)`
    ;(context.notices ??= []).push(notice)
  }
  return (async () => {
    for (const {start, end} of spans) {
      const due = end - start > longestDated ? undefined : await resolveDue(context.source.slice(start, end), context.now)
      context.commitments.push({start, end, due: due ?? null})
    }
  })()
}
