/** Wrap text in curly quotes for a message. */
export function quote(text: string): string {
  return `“${text}”`
}

/** Give each suggestion the capitalisation of `actual`: all capitals, a capital first letter, or as written. */
export function matchCase(actual: string, suggestions: readonly string[]): string[] {
  const letters = actual.replace(/[^\p{L}]/gu, '')
  // An all-capital abbreviation (“RMA”) is replaced by plain words in their own case.
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return [...suggestions]
  // “L2”, “KB article”: a leading abbreviation says nothing about the case of plain words.
  const firstWord = actual.split(/\s+/)[0]
  if (/^[\p{Lu}\d&]{2,}$/u.test(firstWord)) return [...suggestions]
  const first = actual.match(/\p{L}/u)?.[0]
  if (first && first !== first.toLowerCase()) return suggestions.map(capitalize)
  return [...suggestions]
}

/** Upper-case the first letter. */
export function capitalize(text: string): string {
  return text.replace(/\p{L}/u, (letter) => letter.toUpperCase())
}

/** The docs page of a rule. */
export function ruleUrl(id: string): string {
  return `https://github.com/tactful-dev/tactful/blob/main/rules/${id}/README.md`
}

/**
 * A regular-expression alternation of literal phrases from the rules' own word lists, longest first
 * (never user input: glossary terms are matched by plain search).
 */
export function alternation(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
}
