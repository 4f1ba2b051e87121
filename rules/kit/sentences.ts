import type {Root, Sentence as SentenceNode} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {isReplyText, replyContext} from './context.js'
import {expandWord, foldWord} from './normalize.js'

/** One normalized word or punctuation mark, with its span in the input. */
export interface Token {
  /** Folded form: lower case, straight apostrophes, contractions expanded (one token per expanded word). */
  norm: string
  /** The text as typed. */
  raw: string
  start: number
  end: number
  punctuation: boolean
}

/** A sentence of the reply, as tokens and as one normalized string for closer looks. */
export interface Sentence {
  tokens: Token[]
  /** `tokens` joined by single spaces: “it is not our fault , you should …”. */
  text: string
  /** Where each token starts in `text`. */
  starts: number[]
  start: number
  end: number
}

const cache = new WeakMap<Root, Sentence[]>()

/**
 * The reply's sentences, each cut where context (quoted history, signature, code, URLs) interrupts it.
 * Computed once per tree and shared by every rule.
 */
export function sentencesOf(tree: Root, file: VFile): Sentence[] {
  let sentences = cache.get(tree)
  if (!sentences) {
    sentences = collect(tree, file)
    cache.set(tree, sentences)
  }
  return sentences
}

function collect(tree: Root, file: VFile): Sentence[] {
  const context = replyContext(file)
  const sentences: Sentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode') addSentence(sentence, context, sentences)
    }
  }
  return sentences
}

function addSentence(node: SentenceNode, context: ReturnType<typeof replyContext>, into: Sentence[]): void {
  let tokens: Token[] = []
  const flush = () => {
    if (tokens.some((token) => !token.punctuation)) into.push(makeSentence(tokens))
    tokens = []
  }
  for (const child of node.children) {
    if (child.type === 'WhiteSpaceNode' || child.type === 'SourceNode') continue
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (!isReplyText(context, start)) {
      flush()
      continue
    }
    const raw = toString(child)
    if (child.type === 'WordNode') {
      // “tier 2.” at the end of a sentence: the full stop is not part of the number.
      const word = /^[^.]+\.$/.test(raw) ? raw.slice(0, -1) : raw
      for (const norm of expandWord(foldWord(word))) tokens.push({norm, raw, start, end, punctuation: false})
    } else {
      tokens.push({norm: foldWord(raw), raw, start, end, punctuation: true})
    }
  }
  flush()
}

function makeSentence(tokens: Token[]): Sentence {
  const starts: number[] = []
  let length = 0
  for (const token of tokens) {
    starts.push(length)
    length += token.norm.length + 1
  }
  return {
    tokens,
    text: tokens.map((token) => token.norm).join(' '),
    starts,
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end
  }
}

/** A run of tokens `[from, to)` in a sentence. */
export interface TokenRange {
  from: number
  to: number
}

/**
 * Find a pattern in the sentence's normalized text and return the token ranges it covers.
 * Matches that do not begin and end on token boundaries are skipped. The pattern must have the `g` flag.
 */
export function* matchTokens(sentence: Sentence, pattern: RegExp): Generator<TokenRange & {match: RegExpExecArray}> {
  pattern.lastIndex = 0
  for (let match = pattern.exec(sentence.text); match; match = pattern.exec(sentence.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++
      continue
    }
    const from = tokenAt(sentence, match.index)
    const to = tokenAt(sentence, match.index + match[0].length + 1)
    if (from >= 0 && to >= 0) yield {from, to, match}
  }
}

// The token that starts at `index` of the text (or the end), else -1.
function tokenAt(sentence: Sentence, index: number): number {
  if (index >= sentence.text.length + 1) return sentence.tokens.length
  let low = 0
  let high = sentence.starts.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const start = sentence.starts[middle]
    if (start === index) return middle
    if (start < index) low = middle + 1
    else high = middle - 1
  }
  return -1
}

/** The input offsets `[start, end)` that a token range covers. */
export function spanOf(sentence: Sentence, range: TokenRange): {start: number; end: number} {
  return {start: sentence.tokens[range.from].start, end: sentence.tokens[range.to - 1].end}
}
