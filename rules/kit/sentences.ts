import type {Root, Sentence as SentenceNode} from 'nlcst'
import type {VFile} from 'vfile'
import {isLintable, type Region, type ReplyContext, replyContext} from './context.js'
import {type Language, languageOf} from './languages.js'
import {memo} from './memo.js'

/** One normalized word or punctuation mark, with its span in the input. */
export interface Token {
  /** Folded form: lower case, straight apostrophes, half-width forms, contractions expanded (one token per expanded word). */
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
  /** Language code of the paragraph the sentence is in, e.g. `en`, `zh`. */
  lang: string
}

declare module 'unist' {
  interface Data {
    /** Language code of the text under the node, set by the parser per paragraph (`en`, `zh`). */
    lang?: string
  }
}

/**
 * The reply's sentences, each cut where context (quoted history, signature, code, URLs) interrupts it.
 * Computed once per tree and shared by every rule.
 */
export function sentencesOf(tree: Root, file: VFile): Sentence[] {
  return memo(tree, 'sentences', () => collect(tree, file))
}

function collect(tree: Root, file: VFile): Sentence[] {
  const context = replyContext(file)
  const sentences: Sentence[] = []
  const cursor = {index: 0}
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    // The parser marks each paragraph with its language; a tree from elsewhere is in the reply's.
    const language = languageOf(paragraph.data?.lang ?? tree.data?.lang ?? context.lang)
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode') addSentence(sentence, context, language, sentences, cursor)
    }
  }
  return sentences
}

// Every rule reads these for every reply, so they are built in one forward pass: the region of each
// token is found by moving a cursor along the regions, not by searching them again per token.
function addSentence(node: SentenceNode, context: ReplyContext, language: Language, into: Sentence[], cursor: {index: number}): void {
  const {source, regions} = context
  let tokens: Token[] = []
  let words = 0
  for (const child of node.children) {
    if (child.type === 'WhiteSpaceNode' || child.type === 'SourceNode') continue
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (!inReply(regions, start, cursor)) {
      if (words > 0) into.push(new ReplySentence(tokens, language.code))
      tokens = []
      words = 0
      continue
    }
    // The input itself, not the tree's copy: cheaper, and the same text.
    const raw = source.slice(start, end)
    if (child.type === 'WordNode') {
      // “tier 2.” at the end of a sentence: the full stop is not part of the number.
      const trimmed = raw.length > 1 && raw.indexOf('.') === raw.length - 1
      const word = trimmed ? raw.slice(0, -1) : raw
      const wordEnd = trimmed ? end - 1 : end
      for (const norm of language.foldWord(word)) {
        tokens.push({norm, raw: word, start, end: wordEnd, punctuation: false})
        words++
      }
    } else {
      tokens.push({norm: language.foldMark(raw), raw, start, end, punctuation: true})
    }
  }
  if (words > 0) into.push(new ReplySentence(tokens, language.code))
}

// Whether `offset` is in reply text; `cursor` remembers the region of the last offset asked about.
function inReply(regions: Region[], offset: number, cursor: {index: number}): boolean {
  let index = cursor.index
  if (index >= regions.length || regions[index].start > offset) {
    // Offsets went back (a tree from elsewhere): search from the start.
    index = 0
  }
  while (index < regions.length && regions[index].end <= offset) index++
  cursor.index = index
  const region = regions[index]
  return region !== undefined && region.start <= offset && isLintable(region.kind)
}

// The joined text and where each token starts in it are read only for sentences a rule looks at
// closely, so they are made on first use.
class ReplySentence implements Sentence {
  readonly tokens: Token[]
  readonly start: number
  readonly end: number
  readonly lang: string
  private joined: string | undefined
  private offsets: number[] | undefined

  constructor(tokens: Token[], lang: string) {
    this.tokens = tokens
    this.start = tokens[0].start
    this.end = tokens[tokens.length - 1].end
    this.lang = lang
  }

  get text(): string {
    this.joined ??= this.tokens.map((token) => token.norm).join(' ')
    return this.joined
  }

  get starts(): number[] {
    if (!this.offsets) {
      const starts: number[] = []
      let length = 0
      for (const token of this.tokens) {
        starts.push(length)
        length += token.norm.length + 1
      }
      this.offsets = starts
    }
    return this.offsets
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

/** A sentence's tokens run together without separators, for languages written without spaces. */
export interface JoinedText {
  /** The normalized tokens, joined: “这不是我们的错,”. */
  text: string
  /** Where each token starts in `text`. */
  starts: number[]
}

/** The sentence's normalized tokens run together, computed once per sentence. */
export function joinedText(sentence: Sentence): JoinedText {
  return memo(sentence, 'joined', () => {
    const starts: number[] = []
    let text = ''
    for (const token of sentence.tokens) {
      starts.push(text.length)
      text += token.norm
    }
    return {text, starts}
  })
}

/** A match in a sentence's joined text, as input offsets and as the tokens it touches. */
export interface JoinedMatch extends TokenRange {
  match: RegExpExecArray
  /** Input offsets of the match itself, `[start, end)`. */
  start: number
  end: number
  /** The match starts at the start of a token. */
  startsWord: boolean
  /** The match ends at the end of a token. */
  endsWord: boolean
}

/**
 * Find a pattern in the sentence's joined text (see `joinedText`). Every match is reported, with the
 * token range it touches and whether it starts and ends on word boundaries, for the caller to judge.
 * The pattern must have the `g` flag.
 */
export function* matchJoined(sentence: Sentence, pattern: RegExp): Generator<JoinedMatch> {
  const joined = joinedText(sentence)
  pattern.lastIndex = 0
  for (let match = pattern.exec(joined.text); match; match = pattern.exec(joined.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++
      continue
    }
    const first = joinedToken(joined, match.index)
    const endIndex = match.index + match[0].length
    const last = joinedToken(joined, endIndex - 1)
    yield {
      match,
      from: first,
      to: last + 1,
      start: joinedOffset(sentence, joined, match.index),
      end: joinedEndOffset(sentence, joined, endIndex),
      startsWord: joined.starts[first] === match.index,
      endsWord: (joined.starts[last + 1] ?? joined.text.length) === endIndex
    }
  }
}

/** The token holding index `index` of the joined text. */
export function joinedToken(joined: JoinedText, index: number): number {
  let low = 0
  let high = joined.starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (joined.starts[middle] <= index) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * The input offset of index `index` of the joined text. Inside a token whose folded form has the
 * length it was typed with, the offset is exact; otherwise it is the token's start (or end, at its end).
 */
export function joinedOffset(sentence: Sentence, joined: JoinedText, index: number): number {
  if (sentence.tokens.length === 0) return sentence.start
  if (index >= joined.text.length) return sentence.tokens[sentence.tokens.length - 1].end
  const at = joinedToken(joined, index)
  const token = sentence.tokens[at]
  const inside = index - joined.starts[at]
  if (inside === 0) return token.start
  return token.norm.length === token.end - token.start ? token.start + inside : token.end
}

/** The input offset just after the character before index `index` of the joined text (the end of a match). */
export function joinedEndOffset(sentence: Sentence, joined: JoinedText, index: number): number {
  if (index <= 0 || sentence.tokens.length === 0) return sentence.start
  const at = joinedToken(joined, index - 1)
  const token = sentence.tokens[at]
  const tokenEnd = joined.starts[at] + token.norm.length
  if (index >= tokenEnd) return token.end
  return token.norm.length === token.end - token.start ? token.start + (index - joined.starts[at]) : token.end
}

/** How far a rule looks around a match, in tokens: a clause, never a runaway sentence of thousands of words. */
export const nearby = 40

/** The normalized text of tokens `[from, to)`, at most `nearby` tokens from the side nearer the match. */
export function textOf(sentence: Sentence, from: number, to: number, keep: 'start' | 'end' = 'start'): string {
  let start = Math.max(0, from)
  let end = Math.min(sentence.tokens.length, to)
  if (end - start > nearby) {
    if (keep === 'start') end = start + nearby
    else start = end - nearby
  }
  if (end <= start) return ''
  const last = sentence.starts[end - 1] + sentence.tokens[end - 1].norm.length
  return sentence.text.slice(sentence.starts[start], last)
}

/** Whether only punctuation comes before token `index` in its sentence. */
export function startsSentence(sentence: Sentence, index: number): boolean {
  for (let before = 0; before < index; before++) if (!sentence.tokens[before].punctuation) return false
  return true
}
