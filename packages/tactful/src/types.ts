import type {Fix, Point, RuleSetting, Severity} from '../../../rules/kit/index.js'
import type {ReplyFormat} from './format.js'

// Defined once, where the rules define them; the library hands them on.
export type {Fix, Point, RuleSetting, Severity} from '../../../rules/kit/index.js'
export type {ReplyFormat} from './format.js'

/** One problem in a reply, with what to write instead. */
export interface Finding {
  ruleId: string
  severity: Severity
  /** One sentence: what is wrong and why. */
  message: string
  /** Why it matters to the customer, when the rule says; longer than `message`. */
  note?: string
  /** The exact text flagged: `text.slice(start.offset, end.offset)`. */
  actual: string
  /** Drop-in replacements for `actual`, best first; empty when the fix is to rephrase. */
  suggestions: string[]
  /**
   * The same fixes, typed and titled, one per suggestion in the same order: `replace` puts `text`
   * in place of `actual`, `insert` adds `text` right after it. Apply one by its kind; show its `title`.
   */
  fixes: Fix[]
  /** A term the team can add to `glossary.allow` so that it is no longer flagged. */
  glossaryTerm?: string
  start: Point
  end: Point
  /** The rule's docs page. */
  url: string
}

/** A concrete promise made in the reply, so that someone can check it is kept. */
export interface Commitment {
  text: string
  start: Point
  end: Point
  /** ISO 8601 date-time when the promise is due, resolved against `now`; `null` when no date can be resolved. */
  due: string | null
}

/** What `lint` returns. */
export interface LintResult {
  findings: Finding[]
  commitments: Commitment[]
  /** Why the reply was not (fully) linted, e.g. it is larger than `maxSize`. Empty when all went well. */
  notices: string[]
}

/** Terms a team allows, and terms it wants flagged with a plain alternative. */
export interface Glossary {
  /** Terms never flagged as jargon (case-insensitive, literal). */
  allow?: string[]
  /** Terms always flagged as jargon, each with its plain alternatives. */
  flag?: Record<string, string[] | string>
}

/** Options for `lint` and `fix`; the same shape as a `.tactfulrc.json`. */
export interface LintOptions {
  /** Per-rule severity, or `off`. */
  rules?: Record<string, RuleSetting>
  glossary?: Glossary
  /** Everyday abbreviations to allow on top of the built-in list. */
  abbreviations?: string[]
  /** The moment commitments are resolved against; defaults to the email's `Date:` header, else the current time. */
  now?: Date | string
  /** How to read the text; all three understand quoted history and signatures. Default: from `filePath`, else `text`. */
  format?: ReplyFormat
  /** The reply's file name or path (or URI); when `format` is not given, it chooses one (`formatFromPath`). */
  filePath?: string
  /** Replies longer than this many UTF-16 code units are not linted (a notice says so). Default 1,000,000. */
  maxSize?: number
}
