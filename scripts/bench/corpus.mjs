// The texts the bench runs on: real replies from the corpus, and long emails built from them.
import {readFileSync} from 'node:fs'

const entities = new Map([
  ['&amp;', '&'],
  ['&gt;', '>'],
  ['&lt;', '<'],
  ['&quot;', '"'],
  ['&#39;', "'"]
])

/** Decode the HTML entities the corpus kept from its source: `&amp;`, `&gt;`, `&lt;`, `&quot;` and `&#39;`. */
export function decodeEntities(text) {
  // One pass, so `&amp;gt;` becomes `&gt;`, not `>`.
  return text.replace(/&(?:amp|gt|lt|quot|#39);/g, (entity) => entities.get(entity))
}

/** Read the first `limit` replies of a JSON Lines corpus (one `{"text": …}` a line), entities decoded. */
export function readReplies(file, limit = Infinity) {
  let raw
  try {
    raw = readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`Cannot read the corpus \`${file}\`; pass another with \`--corpus <path>\``, {cause: error})
  }
  const replies = []
  const lines = raw.split('\n')
  for (let index = 0; index < lines.length && replies.length < limit; index++) {
    if (lines[index].trim() === '') continue
    let record
    try {
      record = JSON.parse(lines[index])
    } catch (error) {
      throw new Error(`Cannot read line ${index + 1} of \`${file}\` as JSON`, {cause: error})
    }
    if (typeof record?.text !== 'string') throw new Error(`Expected a \`text\` string on line ${index + 1} of \`${file}\``)
    replies.push(decodeEntities(record.text))
  }
  if (replies.length === 0) throw new Error(`Found no replies in \`${file}\``)
  return replies
}

/**
 * Build `count` emails of at least `words` words (counted as runs of non-space) each: replies
 * in corpus order, five to a paragraph, each email starting further on in the corpus.
 */
export function buildEmails(replies, words, count) {
  return joinReplies(replies.map(withoutHandles), {size: words, count, measure: countTokens, joiner: ' '})
}

/**
 * Join replies into `count` texts of at least `size` (as `measure` counts it) each: five replies to a
 * paragraph joined by `joiner`, paragraphs separated by a blank line, each text starting further on
 * in the list and wrapping round to its start.
 */
export function joinReplies(replies, {size, count, measure, joiner}) {
  const stride = Math.max(1, Math.floor(replies.length / count))
  const emails = []
  for (let email = 0; email < count; email++) {
    const start = email * stride
    const paragraphs = []
    let paragraph = []
    let total = 0
    // Bounded: a list with too little text makes shorter texts, never an endless loop.
    for (let index = start; total < size && index < start + 50 * replies.length; index++) {
      const reply = replies[index % replies.length]
      if (reply === '') continue
      paragraph.push(reply)
      total += measure(reply)
      if (paragraph.length === 5) {
        paragraphs.push(paragraph.join(joiner))
        paragraph = []
      }
    }
    if (paragraph.length > 0) paragraphs.push(paragraph.join(joiner))
    emails.push(paragraphs.join('\n\n'))
  }
  return emails
}

/** Count runs of non-space characters. */
export function countTokens(text) {
  return text.match(/\S+/g)?.length ?? 0
}

// The leading `@123456` handles are addressing on the original platform, not prose.
function withoutHandles(reply) {
  return reply.replace(/^(?:@\w+\s*)+/, '').trim()
}
