import type {Root} from 'nlcst'
import {type Directive, type Region, type ReplyContext, type RuleSettings} from '../../../rules/kit/index.js'
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
    const date = new Date(header)
    if (!Number.isNaN(date.getTime())) return date
  }
  return new Date()
}

const directivePattern = /<!--\s*tactful-(disable-next-line|disable)\b([^>]*?)-->/

/** Read `<!-- tactful-disable rule-id -->` and `<!-- tactful-disable-next-line rule-id -->` comments. */
export function parseDirectives(source: string, regions: Region[]): Directive[] {
  const directives: Directive[] = []
  for (const region of regions) {
    if (region.kind !== 'directive') continue
    const match = directivePattern.exec(source.slice(region.start, region.end))
    if (!match) continue
    const ruleIds = match[2].split(/[\s,]+/).filter(Boolean)
    directives.push({ruleIds, scope: match[1] === 'disable' ? 'reply' : 'next-line', offset: region.end})
  }
  return directives
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
