import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {type ReplyContext, replyContext} from './context.js'
import {applyFix, insertAfter, replaceWith} from './fixes.js'
import {pointAt} from './position.js'
import {ruleUrl} from './text.js'

/** How much a finding matters; `off` turns a rule off. */
export type Severity = 'error' | 'warning' | 'info'

/** A rule setting as a user writes it. */
export type RuleSetting = Severity | 'off'

/** Who a rule is. */
export interface RuleMeta {
  /** Kebab-case; also the folder, the config key and `message.ruleId`. */
  readonly id: string
  /** One line, starts with a verb, no trailing period. */
  readonly description: string
  readonly url: string
  /** The default severity. */
  readonly severity: Severity
  /** What consumers say about the rule (hover, `explain_rule`, the README table). Every built-in rule has them. */
  readonly docs?: RuleDocs
}

/** What a rule flags and why, for people: written once, in the rule's `meta.json`. */
export interface RuleDocs {
  /** What the rule flags, in a sentence or two with typical phrases. */
  readonly looksFor: string
  /** Why it matters to the customer, grounded in the guidance. */
  readonly why: string
  /** The guidance the rule stands on, quoted from the seeds. */
  readonly guidance: ReadonlyArray<{readonly seed: string; readonly quote: string; readonly english?: string}>
  /** A reply the rule flags, and the same reply rewritten so that no rule flags it. */
  readonly example: {readonly flagged: string; readonly fixed: string}
}

/** A rule's `meta.json`: its meta without the `url`, which follows from the id. */
export type RuleMetaData = Omit<RuleMeta, 'url' | 'severity'> & {readonly severity: string}

/** Make a rule's meta from its `meta.json`: check the severity and add the `url`. */
export function ruleMeta(data: RuleMetaData): RuleMeta {
  const severity = parseSetting(data.severity, data.id)
  if (severity === 'off') throw new Error(`Expected \`info\`, \`warning\` or \`error\` as the default severity of rule \`${data.id}\`, not \`off\``)
  return {...data, url: ruleUrl(data.id), severity}
}

/** What a rule checks: it adds messages to `file`, through `report`. */
export type Check = (tree: Root, file: VFile, context: ReplyContext) => void | Promise<void>

/** A retext plugin made by `defineRule`, with its meta attached. */
export type Rule = Plugin<[(RuleSetting | {severity?: RuleSetting})?], Root> & {readonly meta: RuleMeta}

const settings = new Set(['off', 'info', 'warning', 'error'])

/** Check a rule setting, throwing an error that names the value and the choices. */
export function parseSetting(value: unknown, ruleId: string): RuleSetting {
  if (typeof value === 'string' && settings.has(value)) return value as RuleSetting
  throw new Error(`Expected \`off\`, \`info\`, \`warning\` or \`error\` for rule \`${ruleId}\`, not \`${String(value)}\``)
}

/**
 * Make a retext plugin from a rule's meta and check. The plugin applies the user's severity
 * (or `off`), stamps every message with `source`, `ruleId`, `url` and severity, honours disable
 * comments, and isolates a check that throws so the other rules still report.
 */
export function defineRule(meta: RuleMeta, check: Check): Rule {
  const plugin = function (options?: RuleSetting | {severity?: RuleSetting}) {
    const raw = typeof options === 'object' && options !== null ? options.severity : options
    const severity = parseSetting(raw ?? meta.severity, meta.id)
    if (severity === 'off') return
    // A check that returns no promise is settled at once: most replies need no awaiting at all.
    return function (tree: Root, file: VFile): Promise<void> | undefined {
      const context = replyContext(file)
      const before = file.messages.length
      const fail = (error: unknown) => {
        file.messages.length = before
        context.failures.push({ruleId: meta.id, error})
      }
      const settle = () => {
        const added = file.messages.splice(before)
        for (const message of added) {
          if (isDisabled(context, meta.id, message.place)) continue
          message.source = 'tactful'
          message.ruleId = meta.id
          message.url = meta.url
          const level = lower(severity, ceilings.get(message))
          message.fatal = level === 'error' ? true : level === 'warning' ? false : undefined
          file.messages.push(message)
        }
      }
      let pending: void | Promise<void>
      try {
        pending = check(tree, file, context)
      } catch (error) {
        fail(error)
        return undefined
      }
      if (pending instanceof Promise) return pending.then(settle, fail)
      settle()
      return undefined
    }
  } as Rule
  Object.defineProperty(plugin, 'name', {value: meta.id})
  Object.defineProperty(plugin, 'meta', {value: meta, enumerable: true})
  return plugin
}

function isDisabled(context: ReplyContext, ruleId: string, place: unknown): boolean {
  if (context.directives.length === 0) return false
  const offset = (place as {start?: {offset?: number}} | undefined)?.start?.offset ?? 0
  const line = pointAt(context.source, offset, context).line
  // The last `disable` or `enable` before the finding that names the rule (or every rule) decides.
  let disabled = false
  for (const directive of context.directives) {
    if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(ruleId)) continue
    if (directive.scope === 'next-line') {
      if (pointAt(context.source, directive.offset, context).line + 1 === line) return true
    } else if (directive.offset <= offset) disabled = directive.scope === 'reply'
  }
  return disabled
}

const ranks: Record<Severity, number> = {info: 0, warning: 1, error: 2}
// Findings a rule reported at less than its configured severity (`Report.severity`).
const ceilings = new WeakMap<object, Severity>()

function lower(severity: Severity, ceiling: Severity | undefined): Severity {
  return ceiling !== undefined && ranks[ceiling] < ranks[severity] ? ceiling : severity
}

/** What a rule reports. */
export interface Report {
  /** Offsets into the input, `[start, end)`. */
  start: number
  end: number
  /** One sentence, curly quotes, no trailing period. */
  reason: string
  /** Drop-in replacements for the flagged text, best first. */
  expected?: string[]
  /**
   * Text to add right after the flagged text, best first, when the fix adds rather than swaps (a
   * missing thank-you); used instead of `expected`, which then holds the flagged text plus each addition.
   */
  insert?: string[]
  /** The term a team can allow in its glossary so that the rule stops flagging it (jargon). */
  term?: string
  /** The longer why. */
  note?: string
  /** Whether the first suggestion can be applied without review. */
  safe?: boolean
  /** At most this severity, whatever the rule is set to: a milder form of what the rule looks for. */
  severity?: Severity
}

/** Add a message for `[start, end)`; `actual` is the text there, as typed. */
export function report(file: VFile, details: Report) {
  const context = replyContext(file)
  const start = pointAt(context.source, details.start, context)
  const end = pointAt(context.source, details.end, context)
  const message = file.message(details.reason, {place: {start, end}})
  const actual = context.source.slice(details.start, details.end)
  const fixes = details.insert ? details.insert.map(insertAfter) : (details.expected ?? []).map(replaceWith)
  message.actual = actual
  message.expected = fixes.map((fix) => applyFix(actual, fix))
  message.fixes = fixes
  if (details.note) message.note = details.note
  if (details.severity) ceilings.set(message, details.severity)
  if (details.term) message.term = details.term
  if (details.safe && message.expected.length > 0) context.safe.add(message)
  return message
}
