import type {Paragraph, Punctuation, Root, Sentence, SentenceContent, Symbol as SymbolNode, WhiteSpace, Word} from 'nlcst'
import type {Position} from 'unist'
import {pointAt} from '../../../../rules/kit/index.js'
import {segmentChinese} from './segment.js'

// One piece of a line: Chinese characters, a run of other letters and digits (“Wi-Fi”, “iOS”, “17.2”),
// whitespace, an emoji (with its modifiers and joiners), or a single mark.
const piece = new RegExp(
  [
    '(?<han>\\p{Script=Han}+)',
    "(?<word>(?:(?!\\p{Script=Han})[\\p{L}\\p{N}\\p{M}])+(?:['’.\\-](?:(?!\\p{Script=Han})[\\p{L}\\p{N}\\p{M}])+)*)",
    '(?<space>\\s+)',
    '(?<emoji>(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator})(?:\\uFE0F|\\u20E3|[\\u{1F3FB}-\\u{1F3FF}]|\\p{Regional_Indicator}|\\u200D(?:\\p{Extended_Pictographic}|\\uFE0F)?)*)',
    '(?<mark>[\\s\\S])'
  ].join('|'),
  'gu'
)

// Marks that end a sentence, and closing quotes and brackets that stay with it.
const terminal = new Set(['。', '！', '？', '!', '?', '…', '.', '｡', '︒'])
const closing = new Set(['”', '’', '"', "'", '」', '』', '）', ')', '】', '》', '〉', ']', '］'])

/**
 * Parse Chinese text into an nlcst tree of the shape retext-english gives: a RootNode of
 * ParagraphNodes (runs of non-blank lines), each of SentenceNodes (ended by 。！？…, or by the end of
 * a line), each of WordNodes, PunctuationNodes, SymbolNodes and WhiteSpaceNodes. Chinese characters
 * are split into words by the segmenter; Latin words and numbers inside them stay whole. Every node
 * has its position in `text` (UTF-16 offsets, 1-based lines and columns).
 */
export function parseChinese(text: string): Root {
  const owner = {}
  const position = (start: number, end: number): Position => ({start: pointAt(text, start, owner), end: pointAt(text, end, owner)})
  const root: Root = {type: 'RootNode', children: [], position: position(0, text.length)}
  let paragraph: Paragraph | undefined
  let sentence: Sentence | undefined
  let pendingSpace: WhiteSpace | undefined
  // The sentence has ended on a terminal mark; closing quotes may still join it.
  let ended = false

  const closeSentence = () => {
    if (sentence && paragraph) {
      const last = sentence.children[sentence.children.length - 1]
      sentence.position = position(sentence.children[0].position!.start.offset!, last.position!.end.offset!)
      paragraph.children.push(sentence)
    }
    sentence = undefined
    ended = false
  }
  const closeParagraph = () => {
    closeSentence()
    if (paragraph && paragraph.children.length > 0) {
      const first = paragraph.children[0]
      const last = paragraph.children[paragraph.children.length - 1]
      paragraph.position = position(first.position!.start.offset!, last.position!.end.offset!)
      root.children.push(paragraph)
    }
    paragraph = undefined
  }
  const addSpace = (node: WhiteSpace) => {
    if (pendingSpace) {
      pendingSpace.value += node.value
      pendingSpace.position = position(pendingSpace.position!.start.offset!, node.position!.end.offset!)
    } else pendingSpace = node
  }
  const flushSpace = (inside: boolean) => {
    if (!pendingSpace) return
    if (inside && sentence) sentence.children.push(pendingSpace)
    else if (paragraph && paragraph.children.length > 0) paragraph.children.push(pendingSpace)
    else root.children.push(pendingSpace)
    pendingSpace = undefined
  }
  const add = (node: SentenceContent) => {
    if (ended && !(node.type === 'PunctuationNode' && (closing.has(node.value) || terminal.has(node.value)))) closeSentence()
    paragraph ??= {type: 'ParagraphNode', children: []}
    if (sentence) flushSpace(true)
    else {
      flushSpace(false)
      sentence = {type: 'SentenceNode', children: []}
    }
    sentence.children.push(node)
  }

  piece.lastIndex = 0
  for (let match = piece.exec(text); match; match = piece.exec(text)) {
    const value = match[0]
    const start = match.index
    const end = start + value.length
    const groups = match.groups ?? {}
    if (groups.space !== undefined) {
      const breaks = (value.match(/\r\n|\r|\n/g) ?? []).length
      // A line break ends the sentence; a blank line ends the paragraph.
      if (breaks > 0) closeSentence()
      if (breaks > 1) {
        flushSpace(false)
        closeParagraph()
      }
      addSpace({type: 'WhiteSpaceNode', value, position: position(start, end)})
    } else if (groups.han !== undefined) {
      let offset = start
      for (const segment of segmentChinese(value)) {
        add(word(segment, position(offset, offset + segment.length)))
        offset += segment.length
      }
    } else if (groups.word !== undefined) {
      add(word(value, position(start, end)))
    } else if (groups.emoji !== undefined || !/\p{P}/u.test(value)) {
      add({type: 'SymbolNode', value, position: position(start, end)} satisfies SymbolNode)
    } else {
      add({type: 'PunctuationNode', value, position: position(start, end)} satisfies Punctuation)
      // “17.2” is one word; a full stop between Chinese characters or at the end ends the sentence.
      if (terminal.has(value)) ended = true
    }
  }
  closeParagraph()
  flushSpace(false)
  return root
}

function word(value: string, position: Position): Word {
  return {type: 'WordNode', children: [{type: 'TextNode', value, position}], position}
}
