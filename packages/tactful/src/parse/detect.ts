/** A run of whole lines of one language: `[start, end)` in UTF-16 code units. */
export interface LanguageBlock {
  lang: string
  start: number
  end: number
}

const han = /\p{Script=Han}/gu
const latinWord = /(?:(?!\p{Script=Han})\p{L})+/gu
const hasHan = /\p{Script=Han}/u

/**
 * The language a line reads as: `zh` when it has at least as many Chinese characters as other words
 * (a Chinese sentence often holds an English product name or abbreviation), `en` when it has words
 * but fewer Chinese characters, and undefined when it has no letters at all (numbers, emoji, blanks).
 */
export function lineLanguage(line: string): string | undefined {
  const chinese = line.match(han)?.length ?? 0
  const words = line.match(latinWord)?.length ?? 0
  if (chinese === 0 && words === 0) return undefined
  return chinese >= words ? 'zh' : 'en'
}

/**
 * Detect the language of each line of `text` and group the lines into blocks, in order, that cover
 * the text. A line without letters takes the language of the line above it in its paragraph, or of the
 * one below, or the reply's main language. Also returns the main language: the one with the most text.
 */
export function detectLanguages(text: string): {lang: string; blocks: LanguageBlock[]} {
  // Without a Chinese character every line with letters reads as English and every other line takes
  // its neighbours' language: one block. One native scan settles most replies.
  if (!hasHan.test(text)) return {lang: 'en', blocks: text.length === 0 ? [] : [{lang: 'en', start: 0, end: text.length}]}
  const lines: Array<{start: number; end: number; lang: string | undefined; weight: number; blank: boolean}> = []
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g
  for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
    const line = match[0]
    const lang = lineLanguage(line)
    // A Chinese word is one to two characters: weigh characters against words as such.
    const weight = (line.match(han)?.length ?? 0) / 1.5 + (line.match(latinWord)?.length ?? 0)
    lines.push({start: match.index, end: match.index + line.length, lang, weight, blank: line.trim() === ''})
    if (line.length === 0) break
  }
  const totals = new Map<string, number>()
  for (const line of lines) if (line.lang) totals.set(line.lang, (totals.get(line.lang) ?? 0) + line.weight)
  const main = (totals.get('zh') ?? 0) > (totals.get('en') ?? 0) ? 'zh' : 'en'
  // Fill lines without letters from their paragraph: the line above, else the line below.
  let previous: string | undefined
  for (const line of lines) {
    if (line.blank) previous = undefined
    else if (line.lang) previous = line.lang
    else line.lang = previous
  }
  let following: string | undefined
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]
    if (line.blank) following = undefined
    else if (line.lang) following = line.lang
    line.lang ??= following ?? main
  }
  const blocks: LanguageBlock[] = []
  for (const line of lines) {
    const last = blocks[blocks.length - 1]
    // Blank lines join the block above them.
    if (last && (line.blank || last.lang === line.lang)) last.end = line.end
    else blocks.push({lang: line.lang ?? main, start: line.start, end: line.end})
  }
  return {lang: main, blocks}
}
