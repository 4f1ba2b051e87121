import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {type ReplyContext, replyContext} from './context.js'
import {applyFix, insertAfter, replaceWith} from './fixes.js'
import {memo} from './memo.js'
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
  if (severity === 'off')
    throw new Error(`Expected \`info\`, \`warning\` or \`error\` as the default severity of rule \`${data.id}\`, not \`off\``)
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
  throw new Error(`Expected \`off\`, \`info\`, \`warning\` or \`error\` for rule \`${ruleId}\`, not ${describeSetting(value)}`)
}

// The value as the user wrote it, never by calling its own `toString` (`{"toString": 1}` has none that works).
function describeSetting(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return `\`${String(value)}\``
  let json: string | undefined
  try {
    json = JSON.stringify(value)
  } catch {
    // A value JSON cannot write (from code, not from a config file) is described by its kind alone.
  }
  const shown = json === undefined ? '' : `: \`${json.length > 80 ? `${json.slice(0, 80)}…` : json}\``
  if (Array.isArray(value)) {
    const hint =
      value.length === 1 && typeof value[0] === 'string' && settings.has(value[0]) ? ` (write \`"${value[0]}"\`, without the brackets)` : ''
    return `a list${shown}${hint}`
  }
  return `${typeof value === 'object' ? 'an object' : `a ${typeof value}`}${shown}`
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
  // Read once per reply, not once per finding: thousands of comments and findings stay linear.
  const {toggles, lines} = memo(context, 'disabled', () => readDirectives(context))
  const offset = (place as {start?: {offset?: number}} | undefined)?.start?.offset ?? 0
  // The last `disable` or `enable` before the finding that names the rule (or every rule) decides.
  const all = lastBefore(toggles.get(''), offset)
  const own = lastBefore(toggles.get(ruleId), offset)
  const last = all && own ? (own.order > all.order ? own : all) : (all ?? own)
  if (last?.disabled) return true
  if (lines.size === 0) return false
  const line = pointAt(context.source, offset, context).line
  return lines.get('')?.has(line) === true || lines.get(ruleId)?.has(line) === true
}

interface Toggle {
  offset: number
  order: number
  disabled: boolean
}

// Per rule id (`''` for every rule): the disables and enables in reply order, and the lines `disable-next-line` covers.
function readDirectives(context: ReplyContext): {toggles: Map<string, Toggle[]>; lines: Map<string, Set<number>>} {
  const toggles = new Map<string, Toggle[]>()
  const lines = new Map<string, Set<number>>()
  context.directives.forEach((directive, order) => {
    for (const id of directive.ruleIds.length > 0 ? directive.ruleIds : ['']) {
      if (directive.scope === 'next-line') {
        let covered = lines.get(id)
        if (!covered) lines.set(id, (covered = new Set()))
        covered.add(pointAt(context.source, directive.offset, context).line + 1)
      } else {
        let list = toggles.get(id)
        if (!list) toggles.set(id, (list = []))
        list.push({offset: directive.offset, order, disabled: directive.scope === 'reply'})
      }
    }
  })
  for (const list of toggles.values()) list.sort((a, b) => a.offset - b.offset || a.order - b.order)
  return {toggles, lines}
}

/** The last toggle at or before `offset`, by binary search. */
function lastBefore(list: Toggle[] | undefined, offset: number): Toggle | undefined {
  if (!list) return undefined
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle].offset <= offset) low = middle + 1
    else high = middle
  }
  return low > 0 ? list[low - 1] : undefined
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
