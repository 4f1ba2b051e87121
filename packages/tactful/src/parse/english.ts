import type {Root, RootContent} from 'nlcst'
import retextEnglish from 'retext-english'
import {type Processor, unified} from 'unified'
import type {Node, Parent} from 'unist'

let english: Processor<Root> | undefined

/**
 * How much text retext-english parses at once, in UTF-16 code units. Its tokenizer merges tokens by
 * splicing arrays that hold the whole text (and spreading them into `push`), which is quadratic on a
 * long run of hyphenated words or `<!--`, and overflows the stack past ~120,000 joined tokens; parsed
 * a part at a time, the cost is linear in the length of the text and the stack stays shallow.
 */
export const partSize = 4096

/**
 * A paragraph (text between blank lines) longer than this is cut into parts at a line break, where a
 * sentence ends, at a space, or else anywhere; a shorter one is parsed whole. Cutting a paragraph may
 * split one of its sentences in two.
 */
export const maxParagraph = 16_384

/** The tree, and what was not read as usual, for the notices that say so. */
export interface EnglishParse {
  tree: Root
  /** Lengths of the paragraphs that were read in parts (none for ordinary text). */
  cutParagraphs: number[]
  /** Parts the parser failed on, left out of the tree: `[start, end)` and why. */
  failed: Array<{start: number; end: number; error: unknown}>
}

/**
 * Parse English text with retext-english, a part at a time: parts end after a blank line (where
 * retext-english ends every sentence anyway, so the tree is the one it gives for the whole text), and
 * only a paragraph longer than `maxParagraph` is cut inside. Text up to `partSize` is one part.
 */
export function parseEnglish(text: string): EnglishParse {
  english ??= unified().use(retextEnglish).freeze() as unknown as Processor<Root>
  const children: RootContent[] = []
  const failed: EnglishParse['failed'] = []
  // Where each paragraph that was cut starts.
  const cutStarts = new Set<number>()
  let line = 1
  let column = 1
  const boundaries = text.length > partSize ? findBoundaries(text) : {paragraphs: [], lines: [], sentences: [], spaces: []}
  for (let start = 0; start < text.length; ) {
    const {end, cut} = partEnd(text, start, boundaries)
    if (cut) cutStarts.add(lastIn(boundaries.paragraphs, -1, start) ?? 0)
    try {
      const part = english.parse(text.slice(start, end))
      shift(part, start, line, column)
      for (const child of part.children) children.push(child)
    } catch (error) {
      // One part the parser cannot read must not take the rest of the reply with it.
      failed.push({start, end, error})
    }
    // Where the next part starts: count the line breaks in this one.
    for (let index = start; index < end; index++) {
      const code = text.charCodeAt(index)
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
        line++
        column = 1
      } else column++
    }
    start = end
  }
  const end = {line, column, offset: text.length}
  const cutParagraphs = [...cutStarts].map((from) => (firstIn(boundaries.paragraphs, from, text.length) ?? text.length) - from)
  return {tree: {type: 'RootNode', children, position: {start: {line: 1, column: 1, offset: 0}, end}}, cutParagraphs, failed}
}

/** Places a part may end, in order, from exact to rough. */
interface Boundaries {
  /** After a blank line: retext-english never carries a sentence across one. */
  paragraphs: number[]
  /** After a line break. */
  lines: number[]
  /** After a space that follows `.`, `!` or `?`. */
  sentences: number[]
  /** After any whitespace. */
  spaces: number[]
}

function findBoundaries(text: string): Boundaries {
  const found: Boundaries = {paragraphs: [], lines: [], sentences: [], spaces: []}
  let breaks = 0
  for (let index = 1; index < text.length; index++) {
    const before = text.charCodeAt(index - 1)
    if (!isSpace(before)) {
      breaks = 0
      continue
    }
    if (before === 10 || (before === 13 && text.charCodeAt(index) !== 10)) breaks++
    if (isSpace(text.charCodeAt(index))) continue
    // `index` ends a run of whitespace.
    if (breaks >= 2) found.paragraphs.push(index)
    else if (breaks === 1) found.lines.push(index)
    else if (/[.!?]/.test(text[runStart(text, index) - 1] ?? '')) found.sentences.push(index)
    else found.spaces.push(index)
  }
  return found
}

function runStart(text: string, end: number): number {
  let start = end
  while (start > 0 && isSpace(text.charCodeAt(start - 1))) start--
  return start
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x2000 && code <= 0x200a)
  )
}

/** Where the part starting at `start` ends, and whether that cuts a paragraph. */
function partEnd(text: string, start: number, boundaries: Boundaries): {end: number; cut: boolean} {
  if (text.length - start <= partSize) return {end: text.length, cut: false}
  // After the last blank line in the window, or the first one after it if the paragraph is not too long…
  const exact =
    lastIn(boundaries.paragraphs, start, start + partSize) ?? firstIn(boundaries.paragraphs, start + partSize, start + maxParagraph)
  if (exact !== undefined) return {end: exact, cut: false}
  if (text.length - start <= maxParagraph) return {end: text.length, cut: false}
  // …else the paragraph is cut: at a line break, where a sentence ends, at a space, or anywhere but
  // inside a surrogate pair.
  const from = start + maxParagraph / 2
  const to = start + maxParagraph
  const rough = lastIn(boundaries.lines, from, to) ?? lastIn(boundaries.sentences, from, to) ?? lastIn(boundaries.spaces, from, to)
  if (rough !== undefined) return {end: rough, cut: true}
  const code = text.charCodeAt(to - 1)
  return {end: code >= 0xd800 && code <= 0xdbff ? to + 1 : to, cut: true}
}

// The largest value in `(low, high]` of a sorted list.
function lastIn(sorted: number[], low: number, high: number): number | undefined {
  const index = firstAbove(sorted, high) - 1
  return index >= 0 && sorted[index] > low ? sorted[index] : undefined
}

// The smallest value in `(low, high]` of a sorted list.
function firstIn(sorted: number[], low: number, high: number): number | undefined {
  const index = firstAbove(sorted, low)
  return index < sorted.length && sorted[index] <= high ? sorted[index] : undefined
}

// The index of the first value greater than `value`.
function firstAbove(sorted: number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle] <= value) low = middle + 1
    else high = middle
  }
  return low
}

interface Point {
  line: number
  column: number
  offset?: number
}

// Move the positions of a part's tree to where the part starts in the whole text. Nodes share
// point objects, so each is moved once.
function shift(tree: Root, offset: number, line: number, column: number): void {
  if (offset === 0) return
  const moved = new Set<Point>()
  const move = (point: Point | undefined) => {
    if (!point || moved.has(point)) return
    moved.add(point)
    if (point.line === 1) point.column += column - 1
    point.line += line - 1
    if (point.offset !== undefined) point.offset += offset
  }
  const stack: Node[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    move(node.position?.start as Point | undefined)
    move(node.position?.end as Point | undefined)
    const children = (node as Parent).children
    if (children) for (const child of children) stack.push(child)
  }
}
