import type {Paragraph, Root, RootContent} from 'nlcst'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {pointAt} from '../../../../rules/kit/index.js'
import {parseChinese} from './chinese.js'
import {detectLanguages} from './detect.js'
import {maxParagraph, parseEnglish} from './english.js'

/** Parses text of one language into an nlcst tree whose positions are offsets into that text. */
export type LanguageParser = (text: string) => Root

declare module 'unist' {
  interface Data {
    /** What the parser could not read as usual, said once per reply (on the root). */
    notices?: string[]
  }
}

/** Parsers by language code; a reply is parsed by those of the languages it is written in. */
export const parsers = new Map<string, LanguageParser>([
  ['en', englishTree],
  ['zh', parseChinese]
])

function englishTree(text: string): Root {
  const {tree, cutParagraphs, failed} = parseEnglish(text)
  const notices: string[] = []
  if (cutParagraphs.length > 0) {
    const longest = cutParagraphs.reduce((most, length) => Math.max(most, length), 0)
    const which =
      cutParagraphs.length === 1
        ? `a paragraph of ${longest} characters is`
        : `${cutParagraphs.length} paragraphs of up to ${longest} characters are`
    notices.push(`Read in parts: ${which} longer than ${maxParagraph}; a sentence that runs across two parts is checked as two`)
  }
  for (const {start, end, error} of failed) {
    notices.push(
      `Not checked: characters ${start} to ${end} could not be parsed (${error instanceof Error ? error.message : String(error)})`
    )
  }
  if (notices.length > 0) tree.data = {...tree.data, notices}
  return tree
}

/**
 * Parse a reply written in one language or several: the language of each line is detected, each
 * language's lines are parsed by its parser on the whole text with the other lines blanked (so that
 * offsets need no shifting), and the paragraphs are merged in order. Each paragraph's `data.lang`
 * names its language; the root's names the reply's main one.
 */
export function parseReply(text: string): Root {
  const {lang, blocks} = detectLanguages(text)
  const langs = [...new Set(blocks.map((block) => block.lang))].filter((code) => parsers.has(code))
  if (langs.length <= 1) {
    const only = langs[0] ?? lang
    const tree = parserOf(only)(text)
    for (const child of tree.children) if (child.type === 'ParagraphNode') child.data = {...child.data, lang: only}
    tree.data = {...tree.data, lang}
    return tree
  }
  const paragraphs: Paragraph[] = []
  const notices: string[] = []
  for (const code of langs) {
    let masked = ''
    for (const block of blocks) {
      const slice = text.slice(block.start, block.end)
      masked += block.lang === code ? slice : slice.replace(/[^\r\n]/g, ' ')
    }
    const tree = parserOf(code)(masked)
    if (tree.data?.notices) notices.push(...tree.data.notices)
    for (const child of tree.children) {
      if (child.type !== 'ParagraphNode') continue
      child.data = {...child.data, lang: code}
      paragraphs.push(child)
    }
  }
  paragraphs.sort((a, b) => a.position!.start.offset! - b.position!.start.offset!)
  const owner = {}
  const children: RootContent[] = []
  let at = 0
  const space = (end: number) => {
    if (end <= at) return
    children.push({
      type: 'WhiteSpaceNode',
      value: text.slice(at, end),
      position: {start: pointAt(text, at, owner), end: pointAt(text, end, owner)}
    })
  }
  for (const paragraph of paragraphs) {
    space(paragraph.position!.start.offset!)
    children.push(paragraph)
    at = paragraph.position!.end.offset!
  }
  space(text.length)
  return {
    type: 'RootNode',
    children,
    data: notices.length > 0 ? {lang, notices} : {lang},
    position: {start: pointAt(text, 0, owner), end: pointAt(text, text.length, owner)}
  }
}

function parserOf(code: string): LanguageParser {
  return parsers.get(code) ?? parsers.get('en')!
}

/**
 * A unified parser plugin: parse replies in any language tactful reads (English and Chinese today),
 * each paragraph by the parser of its language. Use it in place of retext-english.
 */
export function retextReply(this: Processor) {
  this.parser = (document: string, file: VFile) => {
    const tree = parseReply(document)
    if (file.data.tactful && tree.data?.lang) file.data.tactful.lang = tree.data.lang
    return tree
  }
}
