// The Chinese half of the bench: its texts (labelled Chinese replies, and emails built from them)
// and what it times on them, so the cost of segmentation is known.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {unified} from 'unified'
import {importFrom, lintContender, parseAndRun} from './contenders.mjs'
import {joinReplies} from './corpus.mjs'

/** Read the `text` of every case of a JSON Lines file of Chinese replies (one `{"text": …}` a line). */
export function readChineseReplies(file) {
  let raw
  try {
    raw = readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`cannot read \`${file}\` (${error.code ?? error.message}); pass another with \`--zh <path>\``, {cause: error})
  }
  const replies = []
  const lines = raw.split('\n')
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].trim() === '') continue
    let record
    try {
      record = JSON.parse(lines[index])
    } catch (error) {
      throw new Error(`cannot read line ${index + 1} of \`${file}\` as JSON`, {cause: error})
    }
    if (typeof record?.text !== 'string') throw new Error(`expected a \`text\` string on line ${index + 1} of \`${file}\``)
    replies.push(record.text)
  }
  if (replies.length === 0) throw new Error(`found no replies in \`${file}\``)
  return replies
}

/**
 * Count characters as Unicode code points other than whitespace. Chinese puts no spaces between
 * words, so the bench counts its texts in characters, not words.
 */
export function countCharacters(text) {
  let characters = 0
  for (const character of text) if (!/\s/u.test(character)) characters++
  return characters
}

/**
 * Build `count` emails of at least `characters` characters each: replies in file order, run on with
 * no space between them (as Chinese prose is written), five to a paragraph, paragraphs separated by
 * a blank line, each email starting further on in the file and wrapping round to its start. Only
 * replies of one line are used: the others carry quoted history (`> ` lines) or a sign-off and
 * signature, and `lint()` reads nothing below those, so they would leave most of an email unlinted.
 */
export function buildChineseEmails(all, characters, count) {
  const oneLine = all.filter((reply) => !/[\r\n]/.test(reply.trim()))
  const replies = (oneLine.length > 0 ? oneLine : all).map((reply) => reply.trim())
  return joinReplies(replies, {size: characters, count, measure: countCharacters, joiner: ''})
}

/**
 * Load the Chinese contenders: the segmentation floor (tactful's parser alone), ICU's word
 * segmenter alone, and tactful. Each `run(text)` resolves to how many findings it made, except
 * ICU's, which resolves to how many segments it cut (so a bench that segments nothing shows up).
 */
export async function loadChineseContenders(root) {
  const library = path.join(root, 'packages/tactful/dist/index.js')
  const {lint, retextReply} = await importFrom(library, 'tactful (run `npm run build`)')
  if (typeof retextReply !== 'function') throw new Error(`${path.relative(root, library)} exports no \`retextReply\``)
  const floor = unified().use(retextReply).freeze()
  const segmenter = new Intl.Segmenter('zh', {granularity: 'word'})
  return [
    {id: 'floor', label: 'segmentation floor: `retextReply` parse + run, no rules', run: parseAndRun(floor)},
    {
      id: 'icu',
      label: "ICU alone: `Intl.Segmenter('zh', {granularity: 'word'})`",
      async run(text) {
        let segments = 0
        for (const _ of segmenter.segment(text)) segments++
        return segments
      }
    },
    lintContender(lint)
  ]
}
