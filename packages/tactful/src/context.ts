import type {Root} from 'nlcst'
import {type Directive, pointAt, type Region, type ReplyContext, type RuleSettings} from '../../../rules/kit/index.js'
import type {VFile} from 'vfile'
import {type ReplyParts, splitReply} from './email/split.js'
import type {ReplyFormat} from './format.js'

/** Everything the rules get to know about a reply besides its tree. */
export function createContext(source: string, parts: ReplyParts, settings: RuleSettings, now?: Date | string): ReplyContext {
  return {
    source,
    regions: parts.regions,
    directives: parseDirectives(source, parts.regions),
    lang: 'en',
    now: resolveNow(now, parts.date),
    settings,
    commitments: [],
    failures: [],
    safe: new Set()
  }
}

function resolveNow(now: Date | string | undefined, header: string | undefined): Date {
  if (now !== undefined) {
    const date = now instanceof Date ? now : new Date(now)
    if (Number.isNaN(date.getTime())) throw new Error(`Expected \`now\` to be a date, not \`${String(now)}\``)
    return date
  }
  if (header) {
    // A header is the sender's word: a date outside years 1900 to 9999 is a typo or a trap, not now.
    const date = new Date(header)
    const year = date.getUTCFullYear()
    if (year >= 1900 && year <= 9999) return date
  }
  return new Date()
}

const directivePattern = /<!--\s*tactful-(disable-next-line|disable|enable)\b([^>]*?)-->/
const scopes = {disable: 'reply', 'disable-next-line': 'next-line', enable: 'enable'} as const

/**
 * Read `<!-- tactful-disable rule-id -->`, `<!-- tactful-disable-next-line rule-id -->` and
 * `<!-- tactful-enable rule-id -->` comments. As in eslint, ` -- ` starts a reason, which is not a rule id.
 */
export function parseDirectives(source: string, regions: Region[]): Directive[] {
  const directives: Directive[] = []
  for (const region of regions) {
    if (region.kind !== 'directive') continue
    const match = directivePattern.exec(source.slice(region.start, region.end))
    if (!match) continue
    const ruleIds = match[2]
      .split(/(?:^|\s)--(?:\s|$)/)[0]
      .split(/[\s,]+/)
      .filter(Boolean)
    directives.push({ruleIds, scope: scopes[match[1] as keyof typeof scopes], offset: region.end})
  }
  return directives
}

/**
 * A notice for each rule id in a directive that names no rule (`<!-- tactful-disable jargn -->`),
 * which would otherwise leave the rule on without a word.
 */
export function describeUnknownDirectives(context: ReplyContext, known: readonly string[]): string[] {
  const notices: string[] = []
  for (const directive of context.directives) {
    const comment =
      directive.scope === 'reply' ? 'tactful-disable' : directive.scope === 'enable' ? 'tactful-enable' : 'tactful-disable-next-line'
    for (const id of directive.ruleIds) {
      if (known.includes(id)) continue
      const line = pointAt(context.source, directive.offset, context).line
      notices.push(
        `Unknown rule \`${id}\` in a \`${comment}\` comment on line ${line}; the rules are ${known.map((rule) => `\`${rule}\``).join(', ')}`
      )
    }
  }
  return notices
}

// Context is replaced by spaces, so that positions stay those of the input while the parser sees only the reply.
const lintable = new Set(['body', 'greeting'])

/** The text the parser sees: the input with everything but the reply blanked out (line breaks kept). */
export function maskContext(source: string, regions: Region[]): string {
  if (regions.every((region) => lintable.has(region.kind))) return source
  let masked = ''
  for (const region of regions) {
    const text = source.slice(region.start, region.end)
    masked += lintable.has(region.kind) ? text : blank(text)
  }
  return masked
}

// Most context (a URL, a handle, a one-line signature) has no line break: one run of spaces will do.
function blank(text: string): string {
  if (!/[\r\n]/.test(text)) return ' '.repeat(text.length)
  return text.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length))
}

/** A unified plugin that gives a file its reply context when nothing else has (for the retext preset). */
export function tactfulContext(options: {settings?: RuleSettings; now?: Date | string; format?: ReplyFormat} = {}) {
  return function (_tree: Root, file: VFile) {
    if (file.data.tactful) return
    const source = String(file.value ?? '')
    file.data.tactful = createContext(source, splitReply(source, {format: options.format}), options.settings ?? {}, options.now)
  }
}
