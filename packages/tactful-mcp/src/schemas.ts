import {defaultMaxSize, replyFormats, ruleIds} from 'tactful'
import {z} from 'zod'

/** The longest reply the tools take, in UTF-16 code units: the library's own limit. */
export const maxTextLength = defaultMaxSize

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

/** Whether `value` is an ISO 8601 date or date-time that names a real day. */
export function isIsoDate(value: string): boolean {
  const match = isoDate.exec(value.trim())
  if (!match || Number.isNaN(Date.parse(value))) return false
  const [year, month, day] = match.slice(1, 4).map(Number)
  // `Date` rolls 2025-02-30 over into March; a caller who wrote it made a mistake.
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const text = (description: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'Missing `text`: pass the reply draft as a string'
          : `Expected \`text\` to be the reply draft as a string, not ${describeValue(issue.input)}`
    })
    .max(maxTextLength, {error: (issue) => describeTooLong((issue.input as string).length)})
    .describe(description)

const format = z
  .enum(replyFormats as [string, ...string[]], {
    error: (issue) => `Expected \`format\` to be \`text\`, \`markdown\` or \`email\`, not ${describeValue(issue.input)}`
  })
  .optional()
  .describe(
    'How to read `text`: `text` (default), `markdown`, or `email` (a whole email, headers included). All three skip quoted history and the signature.'
  )

const filePath = z
  .string({error: (issue) => `Expected \`filePath\` to be the reply's file name, such as \`reply.eml\`, not ${describeValue(issue.input)}`})
  .optional()
  .describe(
    'The file the reply came from, when it came from one (e.g. `reply.eml`): without `format`, its name says how to read `text`, as in the CLI and the editor (`.eml` email, `.md` Markdown, else text).'
  )

/** Arguments of `lint_reply`. */
export const lintInput = {
  text: text('The reply draft to check, exactly as it would be sent to the customer.'),
  format,
  filePath,
  now: z
    .string({error: (issue) => `Expected \`now\` to be an ISO 8601 date-time string, not ${describeValue(issue.input)}`})
    .refine(isIsoDate, {
      error: (issue) => `Expected \`now\` to be an ISO 8601 date-time such as 2025-03-14T09:30:00Z, not ${JSON.stringify(issue.input)}`
    })
    .optional()
    .describe(
      'The moment the reply is written, as an ISO 8601 date-time (e.g. 2025-03-14T09:30:00Z); promises such as “by tomorrow” get their due date from it. Defaults to the email’s Date header, else the current time.'
    )
}

/** Arguments of `fix_reply`. */
export const fixInput = {
  text: text('The reply draft to fix, exactly as it would be sent to the customer.'),
  format,
  filePath
}

/** Arguments of `explain_rule`. */
export const explainInput = {
  ruleId: z
    .enum(ruleIds as [string, ...string[]], {
      error: (issue) =>
        `${issue.input === undefined ? 'Missing `ruleId`' : `Unknown rule ${describeValue(issue.input)}`}; the rules are ${ruleIds.map((id) => `\`${id}\``).join(', ')}`
    })
    .describe('The rule to explain: the `ruleId` of a finding.')
}

const point = z.object({
  line: z.number().describe('1-based line'),
  column: z.number().describe('1-based column, in UTF-16 code units'),
  offset: z.number().describe('0-based offset into `text`, in UTF-16 code units')
})

/** A finding, with exactly the fields the library gives it. */
export const finding = z.object({
  ruleId: z.string().describe('The rule that found it; `explain_rule` tells more'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().describe('What is wrong and why, in one sentence'),
  note: z.string().optional().describe('Why it matters to the customer, when the rule says'),
  actual: z.string().describe('The exact text flagged'),
  suggestions: z.array(z.string()).describe('Drop-in replacements for `actual`, best first; empty when the fix is to rephrase'),
  fixes: z
    .array(
      z.object({
        kind: z
          .enum(['replace', 'insert'])
          .describe('`replace`: put `text` in place of `actual`; `insert`: add `text` right after `actual`'),
        title: z.string().describe('What the fix does, in a few words'),
        text: z.string()
      })
    )
    .describe('The suggestions as typed fixes, in the same order'),
  glossaryTerm: z
    .string()
    .optional()
    .describe('A term the team can allow in its glossary (`glossary.allow`) so that it is no longer flagged'),
  start: point,
  end: point,
  url: z.string().describe('The rule’s documentation')
})

/** A finding plus the one thing to do about it. */
export const actionableFinding = finding.extend({
  action: z.string().describe('What to change, as one instruction: “Replace ‘…’ with ‘…’” or “Rewrite ‘…’: why”')
})

const commitment = z.object({
  text: z.string().describe('The promise, as written'),
  start: point,
  end: point,
  due: z.string().nullable().describe('ISO 8601 date-time the promise is due, or null when the reply names no date')
})

/** What `lint_reply` returns. */
export const lintOutput = z.object({
  summary: z.string().describe('One line: how many findings of each rule, or that the reply is ready to send'),
  findings: z.array(actionableFinding),
  commitments: z.array(commitment).describe('Concrete promises the reply makes; someone has to keep each one'),
  notices: z.array(z.string()).describe('Why the reply was not fully checked; empty when all went well')
})

/** What `fix_reply` returns. */
export const fixOutput = z.object({
  text: z.string().describe('The reply with every safe fix applied'),
  summary: z.string().describe('One line: how many fixes were applied and what is left to rewrite by hand'),
  applied: z.array(finding).describe('The findings that were fixed, as found in the original text'),
  remaining: z.array(actionableFinding).describe('Findings to rewrite by hand, as found in the fixed `text`')
})

/** What `explain_rule` returns. */
export const explainOutput = z.object({
  ruleId: z.string(),
  description: z.string().describe('What the rule does, in one line'),
  severity: z.enum(['error', 'warning', 'info']).describe('The default severity'),
  looksFor: z.string().describe('What the rule flags'),
  why: z.string().describe('Why it matters to the customer'),
  example: z.object({
    flagged: z.string().describe('A reply the rule flags'),
    fixed: z.string().describe('The same reply, rewritten')
  }),
  url: z.string().describe('The rule’s documentation')
})

/** Why a reply of `length` characters is refused, and what to do instead. */
export function describeTooLong(length: number): string {
  return (
    `\`text\` is ${length.toLocaleString('en-US')} characters long, over the limit of ${maxTextLength.toLocaleString('en-US')}; ` +
    'pass only the reply itself, without long quoted history or attachments'
  )
}

/** A short, safe description of a value a caller passed, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return '`null`'
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}
