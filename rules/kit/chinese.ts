/**
 * What the rules' Chinese closer looks share: clauses of a sentence's joined text, and reporting a
 * span of it. Chinese has no spaces, so the closer looks read the tokens run together (`joinedText`).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {ReplyContext} from './context.js'
import {report, type Severity} from './define-rule.js'
import {languageOf} from './languages.js'
import {memo} from './memo.js'
import {type Sentence, joinedEndOffset, joinedOffset, joinedText, joinedToken} from './sentences.js'

/**
 * The one shape of a rule's Chinese closer look, which `rules/<id>/zh.ts` exports as `checkChinese`:
 * the rule's own arguments, then what the rule shares with it (`Shared`, if anything). It reports
 * through `report` and returns what the rule needs back (`Result`, if anything).
 */
export type ChineseCheck<Shared = void, Result = void> = (tree: Root, file: VFile, context: ReplyContext, shared: Shared) => Result

/** A clause: `[start, end)` in the sentence's joined text, and its text. */
export interface Clause {
  start: number
  end: number
  text: string
}

// Marks that end a clause (after folding: “，” is “,”, “！” is “!”).
const clauseMarks = new Set([
  ',',
  ';',
  ':',
  '!',
  '?',
  '。',
  '.',
  '...',
  '…',
  '~',
  '—',
  '(',
  ')',
  '“',
  '”',
  '"',
  '「',
  '」',
  '『',
  '』',
  '【',
  '】',
  '[',
  ']',
  '｡'
])

/** The clauses of a sentence, split at punctuation marks (commas, full stops, brackets, quotes). */
export function clausesOf(sentence: Sentence): Clause[] {
  return memo(sentence, 'clauses', () => splitClauses(sentence))
}

function splitClauses(sentence: Sentence): Clause[] {
  const clauses: Clause[] = []
  const joined = joinedText(sentence)
  let start = 0
  sentence.tokens.forEach((token, index) => {
    if (!token.punctuation || !clauseMarks.has(token.norm)) return
    const at = joined.starts[index]
    if (at > start) clauses.push({start, end: at, text: joined.text.slice(start, at)})
    start = at + token.norm.length
  })
  if (joined.text.length > start) clauses.push({start, end: joined.text.length, text: joined.text.slice(start)})
  return clauses
}

/**
 * Whether index `index` of the joined text starts a word: a token starts there, or only units that
 * segmenters glue on before a word come before it in its token (“也|不提供” in “也不提供”).
 */
export function startsWord(sentence: Sentence, index: number): boolean {
  const joined = joinedText(sentence)
  if (index <= 0 || index >= joined.text.length) return true
  const at = joinedToken(joined, index)
  const before = Array.from(joined.text.slice(joined.starts[at], index))
  const clitics = languageOf(sentence.lang).clitics
  return before.length === 0 || (clitics !== undefined && before.every((unit) => clitics.before.has(unit)))
}

/** Whether index `index` of the joined text ends a word: a token ends there, or only glued-on units follow in it (“感谢|您”). */
export function endsWord(sentence: Sentence, index: number): boolean {
  const joined = joinedText(sentence)
  if (index <= 0 || index >= joined.text.length) return true
  const at = joinedToken(joined, index - 1)
  const tokenEnd = joined.starts[at] + sentence.tokens[at].norm.length
  const after = Array.from(joined.text.slice(index, tokenEnd))
  const clitics = languageOf(sentence.lang).clitics
  return after.length === 0 || (clitics !== undefined && after.every((unit) => clitics.after.has(unit)))
}

/** The input offsets `[start, end)` of `[from, to)` in the sentence's joined text. */
export function joinedSpan(sentence: Sentence, from: number, to: number): {start: number; end: number} {
  const joined = joinedText(sentence)
  return {start: joinedOffset(sentence, joined, from), end: joinedEndOffset(sentence, joined, to)}
}

/** Report `[from, to)` of the sentence's joined text; the suggestions are built from the text as typed. */
export function reportJoined(
  file: VFile,
  sentence: Sentence,
  from: number,
  to: number,
  details: {reason: (actual: string) => string; expected?: (actual: string) => string[]; note?: string; safe?: boolean; severity?: Severity}
) {
  const {start, end} = joinedSpan(sentence, from, to)
  const source = file.data.tactful?.source ?? String(file.value)
  const actual = source.slice(start, end)
  return report(file, {
    start,
    end,
    reason: details.reason(actual),
    expected: details.expected?.(actual) ?? [],
    note: details.note,
    safe: details.safe,
    severity: details.severity
  })
}
