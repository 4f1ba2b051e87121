import {defineRule, definePhrases, findPhrases, isReplyText, quote, report, ruleUrl, sentencesOf} from '../kit/index.js'
import thanks from './phrases.json' with {type: 'json'}

const meta = {
  id: 'missing-thanks',
  description: 'Flag a reply that never thanks the customer',
  url: ruleUrl('missing-thanks'),
  severity: 'warning'
} as const

const phrases = definePhrases(thanks)

// Words that say the customer has been kept waiting or let down, so patience is what to thank them for.
const waiting = new Set(['sorry', 'apologise', 'apologize', 'apologies', 'apology', 'delay', 'delayed', 'wait', 'waiting', 'inconvenience', 'frustration', 'frustrating'])

const endsSentence = /[.!?…。！？]["”’)]*$/u

export default defineRule(meta, (tree, file, context) => {
  if (findPhrases(tree, file, phrases).length > 0) return
  if (thanksInSignoff(context.source, context.regions)) return
  const sentences = sentencesOf(tree, file)
  const closing = sentences[sentences.length - 1]
  if (!closing || !isReplyText(context, closing.start)) return
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
    expected: options.map((option) => actual + joiner + option),
    note: 'A thank-you tells the customer their time and trust were noticed.'
  })
})

// “Thanks,” above the name is still thanks; a slogan in the signature block is not.
function thanksInSignoff(source: string, regions: Array<{kind: string; start: number; end: number}>): boolean {
  return regions.some(
    (region) => region.kind === 'signoff' && /\b(thanks|thank you|many thanks|thx|cheers and thanks)\b/i.test(source.slice(region.start, region.end))
  )
}
