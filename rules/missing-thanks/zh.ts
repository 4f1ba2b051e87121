/**
 * missing-thanks in Chinese: 谢谢 / 感谢 / 多谢 / 感激 (不胜感激) — or English thanks — anywhere in the
 * body count; 不客气, 谢绝 and apologies do not (a reply with 不客气 answers thanks, and `channel.ts` leaves it
 * alone). A reply that ends in Chinese gets a Chinese thank-you.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {type Sentence, definePhrases, findPhrases, quote, replyContext, report} from '../kit/index.js'
import thanks from './phrases.zh.json' with {type: 'json'}

const phrases = definePhrases(thanks, 'zh')

// Words that say the customer has been kept waiting or let down, so patience is what to thank them for.
const waiting = /抱歉|道歉|歉意|对不起|不好意思|久等|延迟|延误|耽误|等待|不便|添麻烦|着急/

const endsSentence = /[。！？!?…~～]["”’）)]*$/u

/** Whether a Chinese sentence of the reply thanks the customer, or a Chinese sign-off does (“谢谢！” above the name). */
export function thankedInChinese(tree: Root, file: VFile): boolean {
  if (findPhrases(tree, file, phrases).length > 0) return true
  const {source, regions} = replyContext(file)
  return regions.some((region) => region.kind === 'signoff' && /谢谢|感谢|多谢|感激/.test(source.slice(region.start, region.end)))
}

/** Report a missing thank-you at a closing written in Chinese, suggesting a Chinese one. */
export function reportChinese(file: VFile, sentences: Sentence[], closing: {start: number; end: number}) {
  const source = file.data.tactful?.source ?? String(file.value)
  const patient = sentences.some((sentence) => waiting.test(source.slice(sentence.start, sentence.end)))
  const options = patient ? ['感谢您的耐心等待。', '感谢您的理解与支持。'] : ['感谢您的咨询。', '感谢您的耐心等待。']
  const actual = source.slice(closing.start, closing.end)
  const joiner = endsSentence.test(actual) ? '' : '。'
  return report(file, {
    start: closing.start,
    end: closing.end,
    reason: `The reply never thanks the customer; try ending with ${quote(options[0])}`,
    insert: options.map((option) => joiner + option),
    note: 'A thank-you tells the customer their time and trust were noticed.'
  })
}
