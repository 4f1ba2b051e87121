import {
  alternation,
  defineRule,
  definePhrases,
  findPhrases,
  isReplyText,
  quote,
  type Region,
  report,
  ruleMeta,
  type Sentence,
  sentencesOf
} from '../kit/index.js'
import {answersThanks, closingOf, continuesInNextPart, cutClosing, isBroadcast, isLaterPart, joinerFor, type Span} from './channel.js'
import metaData from './meta.json' with {type: 'json'}
import thanks from './phrases.json' with {type: 'json'}
import {meansUnderstanding} from './understanding.js'
import {reportChinese, thankedInChinese} from './zh.js'

const meta = ruleMeta(metaData)

const phrases = definePhrases(thanks)

// Words that say the customer has been kept waiting or let down, so patience is what to thank them for.
const waiting = new Set([
  'sorry',
  'apologise',
  'apologize',
  'apologies',
  'apology',
  'delay',
  'delayed',
  'wait',
  'waiting',
  'inconvenience',
  'frustration',
  'frustrating'
])

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
  const found = findPhrases(tree, file, phrases).some((match) => !meansUnderstanding(match.sentence, match.from))
  if (found || thankedInChinese(tree, file)) return
  if (thanksInSignoff(context.source, context.regions)) return
  const sentences = sentencesOf(tree, file)
  if (
    mayThank(context.source) &&
    sentences.some((sentence) => sentence.tokens.some((token, index) => isThanks(token) && !meansUnderstanding(sentence, index)))
  )
    return
  if (sentences.length === 0) return
  const reply = replySpan(context.regions, context.source)
  if (!reply || !isReplyText(context, sentences[sentences.length - 1].start)) return
  // A turn that answers thanks, a later part of a numbered reply and a broadcast need no thanks of their own.
  if (answersThanks(sentences, context.source, context.regions) || isLaterPart(context.source, reply)) return
  if (isBroadcast(sentences, context.source, context.regions)) return
  const continued = continuesInNextPart(context.source, reply)
  const closing = closingOf(sentences, context.source, reply, continued)
  if (!closing) {
    // Part 1 that stops mid-sentence: still no thanks, but nothing reads well added after it.
    const cut = continued ? cutClosing(sentences, context.source) : undefined
    if (cut)
      report(file, {
        ...cut,
        reason: 'The reply never thanks the customer; thank them in this part or the last one',
        note: 'A thank-you tells the customer their time and trust were noticed.'
      })
    return
  }
  const lang = sentences.findLast((sentence) => sentence.start <= closing.start)?.lang
  if (lang === 'zh') return void reportChinese(file, sentences, closing)
  // “Can't wait to see you” is eagerness, not a wait.
  const patient = sentences.some((sentence) =>
    sentence.tokens.some((token, index) => waiting.has(token.norm) && sentence.tokens[index - 1]?.norm !== 'not')
  )
  const options = patient
    ? ['Thank you for your patience.', 'Thank you for getting in touch.']
    : ['Thank you for getting in touch.', 'Thank you for your patience.']
  const joiner = joinerFor(context.source.slice(closing.start, closing.end))
  report(file, {
    start: closing.start,
    end: closing.end,
    reason: `The reply never thanks the customer; try ending with ${quote(options[0])}`,
    insert: options.map((option) => joiner + option),
    note: 'A thank-you tells the customer their time and trust were noticed.'
  })
})

// The reply's own text, links included: from its first line to where the quoted history, sign-off or
// signature starts.
function replySpan(regions: Region[], source: string): Span | undefined {
  const first = regions.findIndex((region) => region.kind === 'body' || region.kind === 'greeting')
  if (first < 0) return undefined
  let end = regions[first].end
  for (const region of regions.slice(first + 1)) {
    if (region.kind !== 'body' && region.kind !== 'greeting' && region.kind !== 'url' && region.kind !== 'code') break
    end = region.end
  }
  return {start: regions[first].start, end: Math.min(end, source.length)}
}

// “Thanks,” above the name is still thanks; a slogan in the signature block is not.
function thanksInSignoff(source: string, regions: Array<{kind: string; start: number; end: number}>): boolean {
  return regions.some(
    (region) =>
      region.kind === 'signoff' && /\b(thanks|thank you|many thanks|thx|cheers and thanks)\b/i.test(source.slice(region.start, region.end))
  )
}
