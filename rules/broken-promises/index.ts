import {
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
  sentencesOf,
  type PhraseMatch,
  type ReplyContext,
  type Sentence
} from '../kit/index.js'
import metaData from './meta.json' with {type: 'json'}
import data from './phrases.json' with {type: 'json'}
import {resolveDue} from './due.js'
import {checkChinese, collectCommitmentsZh} from './zh.js'

const meta = ruleMeta(metaData)

interface Entry {
  phrase: string
  suggestions?: string[]
  kind?: string
}

const phrases = definePhrases<Entry>(data)

// A future commitment before the vague time: “I’ll get back to you soon”, “your refund will be processed shortly”.
const future = /(?<=^| )(?:will|shall|going to|am [^ ]+ing|are [^ ]+ing|is [^ ]+ing)(?= )/
// Hope, wishes and goodbyes are not promises: “hope you feel better soon”, “see you soon”.
const wishes = /(?<=^| )(?:hope|hoping|hopefully|wish|wishing|fingers crossed|crossing (?:our|my) fingers|look forward|looking forward|see you|see more of you|have you back|welcome you back|talk|speak|get well|feel better|catch you|chat)(?= |$)/
// “Holiday Pies will be back soon”: news about a product, not a promise to this customer.
const availability = /(?<=^| )(?:back|available|in stock|restocked|coming|released|launching|launched|on (?:the )?shelves|on sale)$/
// A concrete time right after the vague one makes it checkable: “soon, within 3 to 5 working days”.
const concreteAfter = /^(?:, )?(?:within|by|on|at|before|in) (?:[0-9]|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the next [0-9])/
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
}

const certainties: Certainty[] = [
  {
    // “I promise”, “we guarantee”, “I can assure you” — but not “I can’t promise”.
    pattern: /(?<=^| )(?:(?:i|we) (?:can |do |personally |absolutely |hereby )?(?:promise|guarantee|assure you)|you have (?:my|our) word|i give you my word)(?= |$)/g,
    reason: (actual) => `${quote(actual)} promises what may be outside your control; say what you will do and by when`,
    expected: (actual) => matchCase(actual, [/^we/i.test(actual) ? 'we expect' : 'I expect']),
    wholeClause: true,
    needsFuture: true
  },
  {
    // “guaranteed to arrive by Friday”.
    pattern: /(?<=^| )(?:is |are |it is |it will be )?guaranteed (?:to|by|for|that)(?= |$)/g,
    reason: (actual) => `${quote(actual)} is a guarantee nobody can check in advance; give the expected date instead`,
    expected: (actual) => (actual.toLowerCase().startsWith('guaranteed to') ? ['expected to'] : [])
  },
  {
    // “I’m 100% sure”, “100% guaranteed”.
    pattern: /(?<=^| )(?:i am |we are )?100 % (?:sure|certain|guaranteed|confident|positive)(?= |$)/g,
    reason: (actual) => `${quote(actual)} is certainty you can’t back; say what you expect and why`,
    expected: (actual) => matchCase(actual, [actual.toLowerCase().startsWith('we') ? 'we expect' : actual.toLowerCase().startsWith('i') ? 'I expect' : 'expected'])
  },
  {
    // “This will never happen again”, “it won’t happen again”, “will not be cancelled again”.
    pattern: /(?<=^| )(?:(?:this|that|it|[^ ]+) )?(?:will|shall) (?:never|not) (?:happen|occur|be (?!charged |charge |billed |affected |asked |required |needed )[^ ]+|(?!charge |bill |need |have to )[^ ]+) again(?= |$)|(?<=^| )(?:never|not) (?:let )?(?:this|that|it) happen again(?= |$)/g,
    reason: (actual) => `${quote(actual)} is a promise nobody can keep; say what you have changed so it is less likely`,
    expected: () => []
  }
]

// “Your sofa will definitely arrive tomorrow”: certainty about what the company does not control.
const definitely = /(?<=^| )(?<who>[^ ]+) (?:will|is going to|are going to) (?:definitely|certainly|surely|absolutely|100 %)(?! not)(?= (?:arrive|reach|ship|work|land|be(?! worth)|get (?:there|to|delivered|fixed|sorted|resolved)|come|turn up|go (?:through|out)|clear|appear|show up|deliver)(?: |$))/g
const agents = new Set(['i', 'we', 'team'])

export default defineRule(meta, (tree, file, context) => {
  const matches = findPhrases(tree, file, phrases)
  const sentences = new Set<Sentence>()
  const flagged = new Map<Sentence, Array<[number, number]>>()
  const add = (sentence: Sentence, from: number, to: number): boolean => {
    const list = flagged.get(sentence) ?? []
    if (list.some(([start, end]) => from < end && start < to)) return false
    list.push([from, to])
    flagged.set(sentence, list)
    return true
  }
  for (const match of matches) {
    sentences.add(match.sentence)
    if (match.entry.kind === 'vague') checkVague(match, file, add)
  }
  for (const sentence of sentences) {
    for (const certainty of certainties) {
      for (const found of matchTokens(sentence, certainty.pattern)) {
        if (certainty.needsFuture && !futureAfter.test(textOf(sentence, found.to, sentence.tokens.length))) continue
        // “I can assure you it won’t happen again” is one promise: take in the rest of the clause.
        const to = certainty.wholeClause ? clauseEnd(sentence, found.to) : found.to
        if (!add(sentence, found.from, to)) continue
        const {start, end} = span(sentence, found.from, to)
        const head = context.source.slice(start, span(sentence, found.from, found.to).end)
        const rest = context.source.slice(start + head.length, end)
        const actual = head + rest
        const expected = (certainty.expected?.(head) ?? []).map((replacement) => replacement + rest)
        report(file, {start, end, reason: certainty.reason(actual), expected, note})
      }
    }
    for (const found of matchTokens(sentence, definitely)) {
      if (agents.has(found.match.groups?.who ?? '')) continue
      const from = found.from + 1
      if (!add(sentence, from, found.to)) continue
      const {start, end} = span(sentence, from, found.to)
      const actual = context.source.slice(start, end)
      report(file, {
        start,
        end,
        reason: `${quote(actual)} is certainty about what you don’t control; say what you expect`,
        expected: [actual.toLowerCase().startsWith('will') ? matchCase(actual, ['should'])[0] : matchCase(actual, ['is expected to'])[0]],
        note
      })
    }
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

function checkVague(match: PhraseMatch<Entry>, file: Parameters<typeof report>[0], add: (sentence: Sentence, from: number, to: number) => boolean): void {
  const {sentence} = match
  const {tokens} = sentence
  if (tokens[tokens.length - 1]?.norm === '?') return
  // “as soon as it ships” names an event, not a vague time; “as soon as possible” is its own entry.
  if (match.entry.phrase === 'soon' && tokens[match.from - 1]?.norm === 'as' && tokens[match.to]?.norm === 'as') return
  const before = clauseText(sentence, match.from)
  const lead = textOf(sentence, 0, match.from, 'end')
  // “Shortly, a member of our team will call you”: the time leads the sentence.
  const after = textOf(sentence, match.to, tokens.length)
  const leading = startsSentence(sentence, match.from) && future.test(after)
  if ((!future.test(before) && !leading) || wishes.test(lead) || availability.test(before)) return
  if (concreteAfter.test(after)) return
  if (!add(sentence, match.from, match.to)) return
  const source = file.data.tactful?.source ?? String(file.value)
  const actual = source.slice(match.start, match.end)
  const expected = matchCase(actual, match.entry.suggestions ?? [])
  report(file, {
    start: match.start,
    end: match.end,
    reason: `${quote(actual)} gives the customer no time to hold you to; name one, such as ${quote(expected[0] ?? 'by 5 pm today')}`,
    expected,
    note
  })
}

// The words of the clause before token `to`, back to the last clause break.
function clauseText(sentence: Sentence, to: number): string {
  let from = to
  while (from > 0) {
    const token = sentence.tokens[from - 1]
    if (token.punctuation && [',', ';', ':', '.', '!', '?', '—', '–'].includes(token.norm) && !isAside(sentence, from - 1)) break
    from--
  }
  return textOf(sentence, from, to, 'end')
}

// “I’ll get this sorted, Priya, soon”: a comma before a name or “please” does not end the clause.
function isAside(sentence: Sentence, index: number): boolean {
  const next = sentence.tokens[index + 1]
  return sentence.tokens[index].norm === ',' && next !== undefined && ['please', 'and'].includes(next.norm)
}

function clauseEnd(sentence: Sentence, from: number): number {
  let to = from
  while (to < sentence.tokens.length && !(sentence.tokens[to].punctuation && [',', ';', ':', '.', '!', '?'].includes(sentence.tokens[to].norm))) to++
  return to
}

function span(sentence: Sentence, from: number, to: number): {start: number; end: number} {
  return {start: sentence.tokens[from].start, end: sentence.tokens[to - 1].end}
}

// A first-person promise of an action: “I’ll email you”, “we will ship”, “the technician will visit”.
const commitment = /(?<=^| )(?:i|we|our [^ ]+|the [^ ]+|a [^ ]+|someone|somebody|[^ ]+) (?:will|shall|am going to|are going to|is going to)(?: (?:also|then|now|personally|just))? (?!not |never |be able to |need |have to )[^ ]+/
const timeWord =
  /(?<=^| )(?:today|tonight|tomorrow|morning|afternoon|evening|noon|midday|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|within|hours?|minutes?|days?|weeks?|am|pm|[0-9]+(?::[0-9]+)?(?:am|pm|st|nd|rd|th)|[0-9]+:[0-9]+)(?= |$)/

function collectCommitments(sentences: Sentence[], context: ReplyContext, flagged: Map<Sentence, Array<[number, number]>>): Promise<void> | undefined {
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
  return (async () => {
    for (const {start, end} of spans) {
      const due = await resolveDue(context.source.slice(start, end), context.now)
      context.commitments.push({start, end, due: due ?? null})
    }
  })()
}
