/**
 * Word normalization shared by the phrase data and the text: case, apostrophes and dashes
 * are folded, and contractions are expanded so that “can’t”, “cannot” and “can not” read alike.
 */

const apostrophes = /[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g
const dashes = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g

/** Fold case, apostrophes and dashes of one word. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase()
  // Most words are plain ASCII with no backtick: nothing to fold.
  return isPlain(lower) ? lower : lower.replace(apostrophes, "'").replace(dashes, '-')
}

function isPlain(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code > 0x7f || code === 0x60) return false
  }
  return true
}

/**
 * Fold a word or mark of text written in full-width forms (Chinese, Japanese): full-width Latin,
 * digits and punctuation become their half-width forms (NFKC: “ＳＬＡ” → “sla”, “，” → “,”), then as `foldWord`.
 */
export function foldWide(word: string): string {
  return foldWord(word.normalize('NFKC'))
}

// Negative contractions whose stem changes.
const irregular = new Map<string, string[]>([
  ["can't", ['can', 'not']],
  ['cannot', ['can', 'not']],
  ['cant', ['can', 'not']],
  ["won't", ['will', 'not']],
  ['wont', ['will', 'not']],
  ["shan't", ['shall', 'not']],
  ["ain't", ['is', 'not']],
  ["let's", ['let', 'us']],
  ['gonna', ['going', 'to']],
  ['wanna', ['want', 'to']]
])

// Chat spellings without the apostrophe, which customers and agents write all the time.
const bareNegatives = new Set([
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'havent',
  'hasnt',
  'hadnt',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'mustnt'
])

// Only after these does “’s” mean “is”; elsewhere it is a possessive (“the courier’s”).
const isAfter = new Set([
  'it',
  'that',
  'there',
  'here',
  'what',
  'who',
  'he',
  'she',
  'where',
  'how',
  'this',
  'one',
  'everything',
  'nothing',
  'something'
])

const suffixes = new Map<string, string>([
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'m", 'am'],
  ["'d", 'would']
])

/**
 * Expand one folded word into the words it stands for.
 * “we’re” → [we, are]; “don’t” → [do, not]; “courier’s” stays as it is.
 */
export function expandWord(folded: string): string[] {
  const apostrophe = folded.lastIndexOf("'")
  // Most words: no apostrophe, and not ending as a bare negative (“dont”) or “gonna” does.
  const last = folded.charCodeAt(folded.length - 1)
  if (apostrophe === -1 && last !== 116 && last !== 97) return [folded]
  const known = irregular.get(folded)
  if (known) return [...known]
  if (apostrophe === -1) return bareNegatives.has(folded) ? [folded.slice(0, -2), 'not'] : [folded]
  if (folded.endsWith("n't") && folded.length > 3) return [folded.slice(0, -3), 'not']
  if (apostrophe > 0) {
    const stem = folded.slice(0, apostrophe)
    const suffix = folded.slice(apostrophe)
    const full = suffixes.get(suffix)
    if (full) return [stem, full]
    if (suffix === "'s" && isAfter.has(stem)) return [stem, 'is']
  }
  return [folded]
}

/** Normalize a phrase as written in the data into its words. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => expandWord(foldWord(word)))
}
