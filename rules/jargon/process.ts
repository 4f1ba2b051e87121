import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {definePhrases, findPhrases, type PhraseMatch, PhraseMatcher, type Sentence} from '../kit/index.js'
import data from './classes.json' with {type: 'json'}

/** A finding of the structural layer: the span, plain alternatives (maybe none) and the kind of jargon. */
export interface ProcessFinding {
  start: number
  end: number
  suggestions: string[]
  kind: 'process' | 'corporate' | 'industry'
}

const {source: _source, plain: plainEntries, ...wordClasses} = data
type ClassName = keyof typeof wordClasses

interface ClassEntry {
  phrase: string
  cls: ClassName
}

// Classes that start a pattern. Their entries go to the shared phrase matcher: its one pass over the reply is
// the cheap test, and only sentences with one of them get the closer look below.
const triggers = new Set<string>([
  'internalTerm',
  'industryTerm',
  'termWords',
  'internalPlace',
  'internalEvent',
  'processVerb',
  'trackerNoun',
  'socialiseVerb',
  'buyInNoun',
  'actionVerb',
  'revertVerb',
  'escalateVerb',
  'pingNoun',
  'corporateWord'
])
const entries: ClassEntry[] = Object.entries(wordClasses).flatMap(([cls, phrases]) =>
  phrases.map((phrase) => ({phrase, cls: cls as ClassName}))
)
const candidates = definePhrases<ClassEntry>(entries.filter((entry) => triggers.has(entry.cls)))
// Every class, common words too (“is”, “we”), read only in the candidate sentences.
let everyClass: PhraseMatcher | undefined
const plain: Record<string, string[]> = Object.fromEntries(plainEntries.map((entry) => [entry.phrase, entry.suggestions]))

/** Where, in one sentence, each class occurs: by first token, the token after each match. */
class ClassIndex {
  private readonly at = new Map<number, Map<ClassName, number[]>>()
  readonly sentence: Sentence

  constructor(sentence: Sentence, matches: Array<PhraseMatch<ClassEntry>>) {
    this.sentence = sentence
    for (const match of matches) {
      let byClass = this.at.get(match.from)
      if (!byClass) {
        byClass = new Map()
        this.at.set(match.from, byClass)
      }
      const ends = byClass.get(match.entry.cls)
      if (ends) ends.push(match.to)
      else byClass.set(match.entry.cls, [match.to])
    }
  }

  /** The token after the longest match of the class at `from`, or -1. */
  end(cls: ClassName, from: number): number {
    const ends = this.at.get(from)?.get(cls)
    return ends ? Math.max(...ends) : -1
  }

  /** Whether a word of the class starts in `[from, to)`. */
  within(cls: ClassName, from: number, to: number): boolean {
    for (let index = Math.max(0, from); index < Math.min(to, this.sentence.tokens.length); index++)
      if (this.end(cls, index) >= 0) return true
    return false
  }

  norm(index: number): string {
    return this.sentence.tokens[index]?.norm ?? ''
  }
}

/** Jargon found from word classes and sentence structure: internal process talk, corporate jargon, industry terms. */
export function processJargon(tree: Root, file: VFile): ProcessFinding[] {
  const matches = findPhrases(tree, file, candidates)
  if (matches.length === 0) return []
  const sentences = [...new Set(matches.map((match) => match.sentence))]
  if (!everyClass) {
    everyClass = new PhraseMatcher('en')
    everyClass.add({entries, lang: 'en'})
  }
  const bySentence = new Map<Sentence, Array<PhraseMatch<ClassEntry>>>(sentences.map((sentence) => [sentence, []]))
  everyClass.run(sentences, (_, match) => bySentence.get(match.sentence)?.push(match as PhraseMatch<ClassEntry>))
  const found: ProcessFinding[] = []
  for (const [sentence, list] of bySentence) {
    const index = new ClassIndex(sentence, list)
    for (let from = 0; from < sentence.tokens.length; from++) {
      const hit = matchAt(index, from)
      if (hit) found.push(hit)
    }
  }
  return found
}

const articles = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'this'])
const passForms: Record<string, string> = {escalate: 'pass', escalated: 'passed', escalating: 'passing', escalates: 'passes'}
const replyForms: Record<string, string> = {revert: 'reply', reverts: 'replies', reverted: 'replied', reverting: 'replying'}

// The patterns, longest first where two could start at one token.
function matchAt(index: ClassIndex, from: number): ProcessFinding | undefined {
  const {sentence} = index
  const tokens = sentence.tokens
  const span = (to: number, suggestions: string[], kind: ProcessFinding['kind']): ProcessFinding => ({
    start: tokens[from].start,
    end: tokens[to - 1].end,
    suggestions,
    kind
  })
  const text = (start: number, end: number) =>
    tokens
      .slice(start, end)
      .map((token) => token.raw)
      .join(' ')

  // “get buy-in from the stakeholders”: one finding for the whole request.
  const buyIn = index.end('buyInNoun', from)
  if (buyIn >= 0) {
    const source = index.norm(buyIn) === 'from' ? index.end('stakeholders', buyIn + 1) : -1
    const start = ['get', 'getting', 'need', 'needs', 'have', 'got'].includes(index.norm(from - 1)) ? from - 1 : from
    if (source >= 0) return {start: tokens[start].start, end: tokens[source - 1].end, suggestions: [], kind: 'corporate'}
  }

  // “sent to QA”, “pushed to prod”, “routed to the workflow for manual adjudication”, “passed to the back office”.
  const verb = index.end('handoverVerb', from)
  if (verb >= 0) {
    for (let link = verb; link <= verb + 3 && link < tokens.length; link++) {
      if (!['to', 'into', 'with', 'onto'].includes(index.norm(link))) continue
      const at = articles.has(index.norm(link + 1)) ? link + 2 : link + 1
      const place = Math.max(index.end('internalPlace', at), index.end('internalPlace', link + 1))
      if (place < 0) break
      // “… for manual adjudication”: the purpose is part of the process talk.
      const purpose =
        index.norm(place) === 'for'
          ? Math.max(index.end('internalEvent', place + 1), index.end('internalTerm', place + 1), index.end('internalPlace', place + 1))
          : -1
      return span(purpose >= 0 ? purpose : place, [], 'process')
    }
  }

  // “pending the post-incident review”, “until the change freeze is over”, “awaiting QA sign-off”.
  const wait = index.end('waitWord', from)
  if (wait >= 0) {
    const at = articles.has(index.norm(wait)) ? wait + 1 : wait
    const event = Math.max(index.end('internalEvent', at), index.end('internalTerm', at))
    if (event >= 0) return span(event, [], 'process')
  }

  // “logged as a defect against the release”, “raised a P2”, “opened a Jira”.
  if (
    ['logged', 'raised', 'filed', 'recorded', 'tagged', 'marked', 'opened', 'created', 'classed', 'classified'].includes(index.norm(from))
  ) {
    // “logged it as a defect”, “raised your report as a P2”: the object may come between.
    let as = from + 1
    while (as < from + 4 && index.norm(as) !== 'as') as++
    const at = index.norm(as) === 'as' ? as + 1 : from + 1
    const tracker = index.end('trackerNoun', at)
    if (tracker >= 0) {
      const tail = index.end('trackerTail', tracker)
      return span(tail >= 0 ? tail : tracker, [], 'process')
    }
  }

  // “your case was merged”, “the ticket has been re-queued”: a request that went through an internal step.
  const step = index.end('processVerb', from)
  if (step >= 0 && index.within('be', from - 3, from) && index.within('caseNoun', from - 8, from - 1)) {
    const by = index.norm(step) === 'by' ? (articles.has(index.norm(step + 1)) ? step + 2 : step + 1) : -1
    const agent = by >= 0 ? Math.max(index.end('internalPlace', by), index.end('internalTerm', by)) : -1
    return span(agent >= 0 ? agent : step, [], 'process')
  }

  // “actioned by the back office”, “it's been triaged”, “the stakeholders”.
  const word = index.end('termWords', from)
  if (word >= 0) {
    const by = index.norm(word) === 'by' ? (articles.has(index.norm(word + 1)) ? word + 2 : word + 1) : -1
    const agent = by >= 0 ? Math.max(index.end('internalPlace', by), index.end('internalTerm', by)) : -1
    if (agent >= 0) return span(agent, [], 'process')
    return span(word, plain[text(from, word).toLowerCase()] ?? [], 'corporate')
  }

  // “We'll action your refund”: “action” as a verb.
  const action = index.end('actionVerb', from)
  if (
    action >= 0 &&
    ['will', 'to', 'can', 'could', 'please', 'we', 'i', 'be', 'and', 'shall', 'would'].includes(index.norm(from - 1)) &&
    index.end('actionObject', action) >= 0
  ) {
    return span(action, [index.norm(from) === 'actioning' ? 'processing' : 'process'], 'corporate')
  }

  // “revert back to you”, “revert with your documents”: revert meaning reply.
  const revert = index.end('revertVerb', from)
  // “can't be reverted back”, “points have reverted back to your account”: undone, not answered.
  const undone = ['be', 'been', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'being', 'get', 'got'].includes(index.norm(from - 1))
  if (revert >= 0 && !undone && index.end('revertLink', revert) >= 0) {
    return span(revert, [replyForms[index.norm(from)] ?? 'reply'], 'corporate')
  }

  // “We've escalated your concern to the relevant team.”
  const escalate = index.end('escalateVerb', from)
  // “Have you escalated your concern?”: the customer's own step, in the customer's words.
  if (escalate >= 0 && !tokens.slice(Math.max(0, from - 3), from).some((token) => token.norm === 'you')) {
    const object = index.end('escalateObject', escalate)
    if (object >= 0) {
      const tail = index.end('escalateTail', object)
      const pass = passForms[index.norm(from)]
      const suggestions = pass ? [`${pass} ${text(escalate, object)} to a specialist`] : []
      return span(tail >= 0 ? tail : object, suggestions, 'process')
    }
  }

  // Corporate words in the sense that makes them jargon.
  const corporate = corporateAt(index, from)
  if (corporate) return corporate

  // Terms that are jargon wherever they stand: “change freeze”, “hotfix”, “out-of-network”. Not a name
  // (“the AJ11 Retro”) nor a reference the customer holds (“your service request number”).
  for (const cls of ['internalTerm', 'industryTerm'] as const) {
    const term = index.end(cls, from)
    if (term < 0) continue
    const named = /^[A-Z]/.test(tokens[from].raw) && from > firstWord(sentence)
    if (named || ['number', 'no', 'id', 'reference', 'ref'].includes(index.norm(term))) return undefined
    return span(term, plain[text(from, term).toLowerCase()] ?? [], cls === 'internalTerm' ? 'process' : 'industry')
  }
  return undefined
}

// The index of the sentence's first word, after handles and numbers: “@1234 Retro …”.
function firstWord(sentence: Sentence): number {
  const at = sentence.tokens.findIndex(
    (token, index) => !token.punctuation && /\p{L}/u.test(token.raw) && sentence.tokens[index - 1]?.raw !== '@'
  )
  return Math.max(at, 0)
}

function corporateAt(index: ClassIndex, from: number): ProcessFinding | undefined {
  const {sentence} = index
  const tokens = sentence.tokens
  const norm = index.norm(from)
  const one = (suggestions: string[]): ProcessFinding => ({
    start: tokens[from].start,
    end: tokens[from].end,
    suggestions,
    kind: 'corporate'
  })
  // “I don't have the bandwidth”: a person's time, not a line's capacity.
  if (
    norm === 'bandwidth' &&
    index.within('personSubject', from - 6, from) &&
    index.within('haveVerb', from - 3, from) &&
    !sentence.tokens.some((_, at) => index.end('networkWords', at) >= 0)
  ) {
    return one(['time'])
  }
  // “so we're all aligned”, “aligned on the date”: agreement, not position.
  if (
    norm === 'aligned' &&
    (index.within('personSubject', from - 4, from) || index.end('alignLink', from + 1) >= 0) &&
    index.within('alignBe', from - 2, from)
  ) {
    return one(['agreed'])
  }
  // “a quick ping”, “I'll ping the team”: a message, not a network test.
  const ping = index.end('pingNoun', from)
  if (ping >= 0 && !['of', 'test', 'time', 'rate', 'spike', 'spikes', 'times'].includes(index.norm(ping))) {
    const start = tokens[from].norm === 'a' || tokens[from].norm === 'another' ? from + 1 : from
    return {start: tokens[start].start, end: tokens[ping - 1].end, suggestions: [], kind: 'corporate'}
  }
  const team = (at: number) =>
    tokens
      .slice(at, at + 4)
      .some((token) => ['team', 'teams', 'colleague', 'colleagues', 'manager', 'department', 'engineer', 'engineers'].includes(token.norm))
  if (
    (norm === 'ping' || norm === 'pinged' || norm === 'pinging') &&
    (index.end('person', from + 1) >= 0 || (articles.has(index.norm(from + 1)) && team(from + 1)))
  ) {
    return one([{ping: 'message', pinged: 'messaged', pinging: 'messaging'}[norm]])
  }
  // “socialise the new pricing”: share a plan inside a company.
  const socialise = index.end('socialiseVerb', from)
  if (socialise >= 0 && index.norm(socialise) !== 'with' && !['and', 'or'].includes(index.norm(socialise))) {
    return one(plain[norm] ?? [])
  }
  // “the ops sync”, “a quick sync”, “sync up”: a meeting, not a device.
  if (
    norm === 'sync' &&
    (index.norm(from + 1) === 'up' ||
      (index.end('meetingAdjective', from - 1) === from &&
        !['your', 'the', 'it', 'this', 'my', 'with', 'to'].includes(index.norm(from + 1))))
  ) {
    const start = index.norm(from + 1) === 'up' ? from : from - 1
    return {
      start: tokens[start].start,
      end: tokens[index.norm(from + 1) === 'up' ? from + 1 : from].end,
      suggestions: [],
      kind: 'corporate'
    }
  }
  // “Please advise if …”: asking the customer to tell us; not advising someone (“kindly advise the recipient”).
  if ((norm === 'please' || norm === 'kindly') && index.norm(from + 1) === 'advise') {
    const next = tokens[from + 2]
    if (!next || next.punctuation || ['if', 'whether', 'what', 'when', 'which', 'how', 'where', 'who', 'why'].includes(next.norm)) {
      return {start: tokens[from].start, end: tokens[from + 1].end, suggestions: ['please let us know'], kind: 'corporate'}
    }
  }
  // “the canary failed”, “a canary release”.
  if (norm === 'canary' && index.end('releaseNoun', from + 1) >= 0) {
    return {start: tokens[from].start, end: tokens[from + 1].end, suggestions: [], kind: 'process'}
  }
  return undefined
}
