import {
  alternation,
  defineRule,
  definePhrases,
  sentencesOf,
  sentencesWith,
  startsSentence,
  matchTokens,
  quote,
  report,
  ruleMeta,
  type Sentence
} from '../kit/index.js'
import metaData from './meta.json' with {type: 'json'}
import triggers from './phrases.json' with {type: 'json'}
import classes from './classes.json' with {type: 'json'}
import words from './words.json' with {type: 'json'}
import {cues, markParties, opens, refuses, shapes} from './shapes.js'
import {checkChinese} from './zh.js'

const meta = ruleMeta(metaData)

// The cheap pass: the rule's trigger phrases for the kinds below, and the cue words of every shape (shapes.ts).
const phrases = definePhrases(triggers)
const shapeCues = definePhrases(cues.map((phrase) => ({phrase})))

const at = '(?<=^| )'
const thirdParty = `(?:the |your |their |our |that |this )?(?:${alternation([...new Set([...words.thirdParties, ...classes['parties.thirdParties']])])})`

/** A kind of blame, the pattern that finds it, and how to talk about it. */
interface Kind {
  pattern: RegExp
  reason: (actual: string) => string
  /** Extend the span to the whole clause before the match (“The system made an error, not us”). */
  fromClauseStart?: boolean
  /** Extend the span to the end of the clause after the match. */
  toClauseEnd?: boolean
  expected?: (actual: string) => string[]
  /** Only when the sentence also refuses something (policy as the reason for a refusal). */
  needsRefusal?: boolean
  /** A closer look at the match’s named groups. */
  accept?: (groups: Record<string, string | undefined>) => boolean
}

// Past participles that say what the customer did; “received”, “been”, “gotten” describe what happened to them.
const notReproach = new Set([
  'received',
  'recieved',
  'recived',
  'receieved',
  'receved',
  'been',
  'had',
  'gotten',
  'got',
  'heard',
  'seen',
  'noticed',
  'known',
  'loved',
  'enjoyed',
  'felt',
  'thought',
  'wondered',
  'asked'
])
const irregularParticiples = new Set([
  'done',
  'read',
  'sent',
  'chosen',
  'written',
  'taken',
  'given',
  'made',
  'brought',
  'bought',
  'put',
  'set',
  'paid',
  'left',
  'kept',
  'told',
  'run',
  'shown',
  'worn',
  'broken',
  'dropped',
  'forgotten',
  'let',
  'gone',
  'come',
  'spoken',
  'understood',
  'misread',
  'mistyped'
])

function isReproach(participle: string): boolean {
  if (notReproach.has(participle)) return false
  return irregularParticiples.has(participle) || /[a-z]ed$/.test(participle)
}

const kinds: Kind[] = [
  {
    // “The warehouse packed the wrong item, not me”, “That’s the courier’s fault, not ours”.
    pattern:
      /(?<=^| ), not (?:us|me|ours|mine|our (?:team|fault|doing|side|end|app|system|website|site|service|servers?|network|product|software|platform|warehouse|store|staff)|on us|(?:with|by|from|on) (?:us|me)|my (?:fault|doing))(?= |$)/g,
    reason: (actual) => `${quote(actual)} points the finger elsewhere; the customer only needs it put right`,
    fromClauseStart: true
  },
  {
    // “It’s not our fault”, “not my department”, “we are not responsible for …”.
    pattern: new RegExp(
      `${at}(?:(?:it|that|this) is |(?:it|that|this) was )?(?:not|never|no fault of) (?:(?:really|actually|exactly) )?(?:(?:our|my) (?:${alternation(words.disowned)})|ours|mine)(?= |$)` +
        `|${at}(?:we|i|our company|the company|our team) (?:(?:are|am|is|were|was) not|can not be|will not be) (?:held )?(?:responsible|accountable|liable)(?: for)?` +
        `|${at}(?:we|i|our company|the company|our team) (?:are|am|is|were|was) not (?:really |actually )?(?:to blame|at fault)`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} disowns the problem; own it and say what you will do`,
    toClauseEnd: true
  },
  {
    // “You should have checked”, “you must have typed”, “you failed to enter”.
    pattern:
      /(?<=^| )you (?:really |clearly |obviously |evidently |simply |probably |just )?(?:(?:should have|should not have|ought to have|must have)(?= (?<participle>[^ ]+))|(?:failed to|neglected to|forgot to|(?:did not|never) (?:follow|read|check|use))(?= [^ ]+))/g,
    reason: (actual) => `${quote(actual)} puts the fault on the customer; say what happened and what you will do`,
    toClauseEnd: true,
    // “You should have received”, “you must have been worried”: an expectation or sympathy, not a reproach.
    accept: (groups) => groups.participle === undefined || isReproach(groups.participle)
  },
  {
    // “If you had followed the setup guide, …”: blame as a condition.
    // Only the counterfactual (“…, it would have worked”); “if you had signed up, …” often means “if you have”.
    // An FAQ’s conditional (“…, you would have received the pack”) names a benefit, not a reproach.
    pattern:
      /(?<=^| )(?<!(?:check|see|know|ask|wonder|wondering|asking|checking) )if (?:only )?you (?:had|would have|would) (?<participle>[^ ]+)(?= .*(?:would|could|might) (?:not |never )?(?:have|need|be|happen))(?!.*(?:would|will) have (?:already )?(?:received|got|gotten|been sent|been given|been emailed|been notified|been able to|had) )/g,
    reason: (actual) => `${quote(actual)} implies the customer caused this; say what will fix it`,
    toClauseEnd: true,
    accept: (groups) => groups.participle !== undefined && isReproach(groups.participle)
  },
  {
    // “You should read the instructions”, “you should use it correctly”.
    pattern: new RegExp(
      `${at}you (?:should|need to|have to|must) (?:read|use|follow|check|review|look at)(?: (?:it|them|the product|the item))?` +
        `(?: (?:(?:the|our|your) (?:${alternation(words.instructions)})|correctly|properly|carefully|as directed|as intended))(?= |$)`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} lectures the customer; offer the help instead`,
    toClauseEnd: true
  },
  {
    // “That’s the courier’s fault”, “it’s really their fault”, “the fault of the bank”.
    pattern: new RegExp(
      `${at}(?:(?:it|that|this) is (?:really |actually |all )?)?(?:(?!(?:not|no) )(?:[^ ]+'s|their|his|her|the ${thirdParty}'s) (?:fault|problem|responsibility)|fault of ${thirdParty})(?= |$)` +
        `|${at}(?:that|this|it) (?:is|would be|will be|sounds like|seems like|looks like) (?:really |actually |more |probably |ultimately )?(?:a question|an issue|a matter|a problem|one|something) for ${thirdParty}(?= |$)`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} shifts the blame to someone else; own the problem for the customer`,
    toClauseEnd: true
  },
  {
    // “it’s your own fault”, “an error on your part”.
    pattern:
      /(?<=^| )(?:that|this|it) is (?:really |all )?on you(?= [,.;:!?]| for| since| because|$)|(?<=^| )(?<!(?:^| )(?:not|never|no) )(?:(?:it|that|this) (?:is|was) )?(?:all )?(?<!(?:^| )(?:not|never|no|hardly) )your (?:own )?(?:fault|mistake)(?= |$)|(?<=^| )(?:error|mistake|fault) on your (?:part|end|side)(?= |$)|(?<=^| )(?:user|operator|customer) error(?= |$)/g,
    reason: (actual) => `${quote(actual)} blames the customer; describe what happened without fault`
  },
  {
    // “The delay is down to the courier”, “that one’s on the carrier”.
    pattern: new RegExp(
      `${at}(?:is|was|are|were) (?:all )?(?:down to|on|because of|caused by|the fault of) ${thirdParty}(?= [,.;:!?]|$)`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} hands the blame to a third party; own the problem for the customer`,
    fromClauseStart: true
  },
  {
    // “Take it up with the manufacturer.”
    pattern: new RegExp(`${at}take (?:it|this|that) up with (?:them|${thirdParty}|the [^ ]+|your [^ ]+|[^ ]+)(?: directly)?(?= |$)`, 'g'),
    reason: (actual) => `${quote(actual)} sends the customer away; offer to contact them yourself`
  },
  {
    // “As I already said”, “per my last email”.
    pattern:
      /(?<=^| )(?:i (?:have |had )?(?:already )?(?:told|explained to|informed) you(?: (?:this|that|it))? (?:twice|already|before|earlier|previously|several times|multiple times|more than once)|(?:as|like) (?:i|we) (?:have )?(?:already|previously) (?:said|stated|mentioned|explained|told you)|(?:as|like) i (?:said|told you)|as (?:already|previously) (?:stated|said|explained)|(?:as )?per my (?:last|previous|earlier) (?:email|e-mail|message|reply|response|note))(?= |$)/g,
    reason: (actual) => `${quote(actual)} sounds impatient with the customer; try ${quote('To recap')}`,
    expected: (actual) => (/^(?:as|like|per)\b/i.test(actual) ? ['To recap'] : [])
  },
  {
    // “It’s company policy” as the reason for a refusal; a link to “our policy” is no excuse.
    pattern:
      /(?<=^| )(?:(?:(?:it|that|this) is|because (?:it is|of)|due to|(?:as )?per|under|against) (?:our |company |the company's |store |strict )*(?:company )?policy|(?:our |company )?polic(?:y|ies) (?:does not|do not|will not) (?:allow|permit|let))(?= |$)/g,
    reason: (actual) => `${quote(actual)} hides behind policy; explain the reason, or what you can offer instead`,
    needsRefusal: true
  }
]

const excuse = new RegExp(`${at}(?:${alternation(words.excuses)})(?= |$)`)
const cause = new RegExp(`${at}(?:${alternation(words.causes)})(?= |$)`)
const clauseEnd = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”', '«', '»'])
const joiners = new Set(['but', 'and', 'because', 'since', 'although', 'though', 'however', 'while', 'so'])

export default defineRule(meta, (tree, file, context) => {
  // Each sentence is looked at once, in order, by the kinds if a trigger is in it and by the shapes if a cue is.
  const triggered = new Set(sentencesWith(tree, file, phrases))
  const cued = new Set(sentencesWith(tree, file, shapeCues))
  for (const sentence of sentencesOf(tree, file)) {
    const byKinds = triggered.has(sentence)
    const byShapes = cued.has(sentence)
    if (byKinds || byShapes) checkSentence(sentence, file, byKinds, byShapes)
  }
  // Chinese sentences get their own closer look (zh.ts).
  checkChinese(tree, file, context)
})

function checkSentence(sentence: Sentence, file: Parameters<typeof report>[0], byKinds: boolean, byShapes: boolean): void {
  const flagged: Array<[number, number]> = []
  const add = (from: number, to: number, reason: string, expected?: (actual: string) => string[]) => {
    if (flagged.some(([start, end]) => from < end && start < to)) return
    flagged.push([from, to])
    const start = sentence.tokens[from].start
    const end = sentence.tokens[to - 1].end
    const source = file.data.tactful?.source ?? String(file.value)
    const actual = source.slice(start, end)
    report(file, {
      start,
      end,
      reason: reason.replace('%s', actual),
      expected: expected?.(actual) ?? [],
      note: 'Own the problem: say sorry, say what you will do, and leave out whose fault it was.'
    })
  }

  if (byKinds) checkKinds(sentence, add)
  if (byShapes) checkShapes(sentence, add, flagged)
}

type Add = (from: number, to: number, reason: string, expected?: (actual: string) => string[]) => void

function checkKinds(sentence: Sentence, add: Add): void {
  const excuseAt = sentence.text.search(excuse)
  if (excuseAt >= 0) {
    const causeMatch = cause.exec(sentence.text.slice(excuseAt))
    if (causeMatch) {
      const from = clauseFrom(sentence, tokenIndex(sentence, excuseAt))
      const to = clauseTo(sentence, tokenIndex(sentence, excuseAt + causeMatch.index + causeMatch[0].length + 1), true)
      if (to > from) add(from, to, `${quote('%s')} is an excuse; the customer needs an apology and a fix`)
    }
  }

  const question = sentence.tokens[sentence.tokens.length - 1]?.norm === '?'
  for (const kind of kinds) {
    if (kind.needsRefusal && !refuses(sentence.text)) continue
    for (const found of matchTokens(sentence, kind.pattern)) {
      if (kind.accept && (question || !kind.accept(found.match.groups ?? {}))) continue
      const from = kind.fromClauseStart ? clauseFrom(sentence, found.from, true) : found.from
      const to = kind.toClauseEnd ? clauseTo(sentence, found.to, false) : found.to
      add(from, to, kind.reason('%s'), kind.expected)
    }
  }
}

// The shapes of blame, from word classes (shapes.ts); each only where its gate words are.
function checkShapes(sentence: Sentence, add: Add, flagged: ReadonlyArray<[number, number]>): void {
  const words = new Set<string>()
  for (const token of sentence.tokens) {
    words.add(token.norm)
    if (token.norm.endsWith("'s")) words.add(token.norm.slice(0, -2))
  }
  let marked: Sentence | undefined
  for (const shape of shapes) {
    if (!opens(shape, words)) continue
    const view = shape.marked ? (marked ??= markParties(sentence)) : sentence
    if (shape.needsRefusal && !refuses(sentence.text)) continue
    if (shape.alone && flagged.length > 0) continue
    for (const found of matchTokens(view, shape.pattern)) {
      if (shape.notInQuestion && asks(sentence, found.to)) continue
      if (shape.confirm && !shape.confirm(view, found.match, found.from, found.to)) continue
      const to = shape.toClauseEnd ? clauseTo(sentence, found.to, false) : found.to
      // A rewrite such as “To recap” drops in only where the sentence starts.
      add(found.from, to, shape.reason('%s'), startsSentence(sentence, found.from) ? shape.expected : undefined)
    }
  }
}

// Whether the clause around token `from` asks a question: the next full stop, exclamation or question
// mark is a question mark, and no new sentence starts on the way (“… here :( Can we have the number?”).
function asks(sentence: Sentence, from: number): boolean {
  for (let index = from; index < sentence.tokens.length; index++) {
    const token = sentence.tokens[index]
    if (token.punctuation) {
      if (token.norm === '?') return true
      if (token.norm === '.' || token.norm === '!') return false
      const next = sentence.tokens[index + 1]
      if (next && !next.punctuation && /^\p{Lu}/u.test(next.raw) && next.raw !== 'I') return false
    }
  }
  return false
}

function tokenIndex(sentence: Sentence, charIndex: number): number {
  let index = 0
  while (index + 1 < sentence.starts.length && sentence.starts[index + 1] <= charIndex) index++
  return index
}

// Back to the start of the clause; with `wide`, commas inside it do not end it (“The system made an error, not us”).
function clauseFrom(sentence: Sentence, from: number, wide = false): number {
  let start = from
  if (wide) {
    while (start > 0 && sentence.tokens[start].norm === ',') start--
  }
  while (start > 0) {
    const token = sentence.tokens[start - 1]
    if (token.punctuation ? clauseEnd.has(token.norm) : joiners.has(token.norm) && start !== from) break
    start--
  }
  return start
}

// On to the end of the clause; with `sentence`, through commas and joining words to the end of the sentence.
function clauseTo(sentence: Sentence, from: number, wholeSentence: boolean): number {
  let to = Math.max(from, 0)
  while (to < sentence.tokens.length) {
    const token = sentence.tokens[to]
    if (token.punctuation && (wholeSentence ? ['.', '!', '?', ';'].includes(token.norm) : clauseEnd.has(token.norm))) break
    if (!wholeSentence && !token.punctuation && (joiners.has(token.norm) || token.norm === 'that' || token.norm === 'because')) break
    to++
  }
  while (to < sentence.tokens.length && to > 0 && sentence.tokens[to].start === sentence.tokens[to - 1].start) to++
  return to
}
