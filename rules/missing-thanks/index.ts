import {alternation, defineRule, definePhrases, findPhrases, isReplyText, quote, report, ruleMeta, type Sentence, sentencesOf} from '../kit/index.js'
import metaData from './meta.json' with {type: 'json'}
import thanks from './phrases.json' with {type: 'json'}
import {reportChinese, thankedInChinese} from './zh.js'

const meta = ruleMeta(metaData)

const phrases = definePhrases(thanks)

// Words that say the customer has been kept waiting or let down, so patience is what to thank them for.
const waiting = new Set(['sorry', 'apologise', 'apologize', 'apologies', 'apology', 'delay', 'delayed', 'wait', 'waiting', 'inconvenience', 'frustration', 'frustrating'])

const endsSentence = /[.!?…。！？]["”’)]*$/u

// How words of thanks start, in chat spellings too.
const thanksStems = ['thank', 'thnx', 'thx', 'thks', 'tks', 'thanx', 'tysm', 'apprecia', 'grateful', 'gratitude']
// Thanks glued to other text: “Thanks-Sha”, “Thankss!”, “1:Thanks”; not “Thanksgiving”.
// Also glued behind a full stop with no space, as tweets often are: “…confirmed.Thanks-Emir”.
const stems = new RegExp(`(?:^|[^a-z])(?!thanksgiving)(?:${alternation(thanksStems)})`)
// Replies in other languages thank in their own words; tactful should not cry wolf on them.
// (The Latin-script ones are phrase data; these are read from words outside ASCII.)
const otherThanks = /спасибо|ありがとう|感謝|감사|谢谢|感谢|多谢|感激|cảm ơn/iu
// Only words starting with these letters can be thanks, so most words skip the pattern.
const thanksInitials = new Set(['t', 'a', 'g', '1', '2', '3', '4', '5', '6', '7', '8', '9'])

// Whether any word of the text could be thanks (as `isThanks` reads words): one scan of the text
// spares looking at every word of the ~80% of replies that never thank.
function mayThank(text: string): boolean {
  return anyStem.test(text) || otherThanks.test(text) || shortThanks.test(text)
}

const anyStem = new RegExp(alternation(thanksStems), 'iu')
// “TY” and “Ty” are thanks (“ty” is too often something else); also found in “Type”, which is fine
// for a test that only rules words out.
const shortThanks = /TY|Ty|tY/

function isThanks(token: Sentence['tokens'][number]): boolean {
  if (token.punctuation) return false
  const {norm} = token
  if (norm.charCodeAt(0) > 127) return otherThanks.test(norm)
  if (!thanksInitials.has(norm[0]) && !norm.includes('.')) return false
  return stems.test(norm) || (norm === 'ty' && token.raw !== 'ty')
}

export default defineRule(meta, (tree, file, context) => {
  if (findPhrases(tree, file, phrases).length > 0 || thankedInChinese(tree, file)) return
  if (thanksInSignoff(context.source, context.regions)) return
  const sentences = sentencesOf(tree, file)
  if (mayThank(context.source) && sentences.some((sentence) => sentence.tokens.some(isThanks))) return
  const last = sentences.findLast((sentence) => !isNameOnly(sentence)) ?? sentences[sentences.length - 1]
  if (!last || !isReplyText(context, last.start)) return
  const closing = {start: afterHandles(last), end: last.end}
  if (last.lang === 'zh') return void reportChinese(file, sentences, closing)
  const patient = sentences.some((sentence) => sentence.tokens.some((token) => waiting.has(token.norm)))
  const options = patient
    ? ['Thank you for your patience.', 'Thank you for getting in touch.']
    : ['Thank you for getting in touch.', 'Thank you for your patience.']
  const actual = context.source.slice(closing.start, closing.end)
  const joiner = endsSentence.test(actual) ? ' ' : '. '
  report(file, {
    start: closing.start,
    end: closing.end,
    reason: `The reply never thanks the customer; try ending with ${quote(options[0])}`,
    insert: options.map((option) => joiner + option),
    note: 'A thank-you tells the customer their time and trust were noticed.'
  })
})

// “Jo” or “- Jo” on its own line after the reply is a name, not the closing sentence.
function isNameOnly(sentence: Sentence): boolean {
  const words = sentence.tokens.filter((token) => !token.punctuation)
  if (words.length === 0 || words.length > 2) return false
  if (sentence.tokens.some((token) => token.punctuation && /[.!?。！？]/.test(token.raw))) return false
  return words.every((token) => /^\p{Lu}/u.test(token.raw))
}

// A tweet starts with the customer’s handle (“@207353 Great choice!”): the closing sentence starts after it.
function afterHandles(sentence: Sentence): number {
  let index = 0
  while (index + 1 < sentence.tokens.length && sentence.tokens[index].raw === '@') index += 2
  return sentence.tokens[Math.min(index, sentence.tokens.length - 1)].start
}

// “Thanks,” above the name is still thanks; a slogan in the signature block is not.
function thanksInSignoff(source: string, regions: Array<{kind: string; start: number; end: number}>): boolean {
  return regions.some(
    (region) => region.kind === 'signoff' && /\b(thanks|thank you|many thanks|thx|cheers and thanks)\b/i.test(source.slice(region.start, region.end))
  )
}
