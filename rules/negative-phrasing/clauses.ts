/** Clause edges and the conditions around a limit, shared by the first-person patterns and the structural look. */
import type {Sentence} from '../kit/index.js'

const clauseEnd = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”'])
const conjunctions = new Set([
  'but',
  'because',
  'since',
  'as',
  'once',
  'unless',
  'if',
  'when',
  'while',
  'although',
  'though',
  'so',
  'and',
  'or',
  'however',
  'which',
  'who'
])
// “Please be advised that cancellation is not allowed”: the limit starts after “that”, but “do that” ends with it.
const clauseStarts = new Set([...conjunctions, 'that'])
const conditionals = new Set(['if', 'unless', 'whether', 'when', 'why', 'in case'])

/** The clause starts after the previous punctuation mark or joining word. */
export function clauseFrom(sentence: Sentence, from: number): number {
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

/** The clause runs to the next punctuation mark or joining word. */
export function clauseTo(sentence: Sentence, from: number): number {
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

/** “If we can’t fix it, we’ll replace it” plans for a limit rather than leading with one. */
export function isConditional(sentence: Sentence, from: number): boolean {
  for (let index = from - 1; index >= 0; index--) {
    const token = sentence.tokens[index]
    if (token.punctuation && token.norm !== "'") return false
    if (conditionals.has(token.norm)) return true
  }
  return false
}
