import type {VFile} from 'vfile'

/**
 * What a region of a reply is: `header` (RFC 822 headers at the top),
 * `greeting` (`Hi Dana,`), `body` (the reply itself), `quote` (quoted or
 * forwarded history), `signoff` (`Best regards,`), `signature` (what follows a
 * sign-off or a `-- ` line), `code` (fenced or inline), `url` (also email
 * addresses) and `directive` (`<!-- tactful-disable … -->` and other comments).
 * `greeting` and `body` are the lintable reply text.
 */
export type RegionKind = 'header' | 'greeting' | 'body' | 'quote' | 'signoff' | 'signature' | 'code' | 'url' | 'directive'

/** A run of the input of one kind: `[start, end)` in UTF-16 code units. */
export interface Region {
  kind: RegionKind
  start: number
  end: number
}

/** A disable comment found in the reply. */
export interface Directive {
  /** Rule ids it applies to; empty means every rule. */
  ruleIds: string[]
  /**
   * `reply`: the rest of the reply, until an `enable` for the rule; `next-line`: only the line after
   * the comment; `enable`: ends an earlier `reply` disable from here on.
   */
  scope: 'reply' | 'next-line' | 'enable'
  /** Where the comment ends; `next-line` covers the line after this offset. */
  offset: number
}

/** What the library hands the rules about one reply, on `file.data.tactful`. */
export interface ReplyContext {
  /** The original input; the parsed value may have context masked out. */
  source: string
  regions: Region[]
  directives: Directive[]
  /** Language of the reply body, e.g. `en`. */
  lang: string
  /** When commitments are resolved against. */
  now: Date
  /** Settings the rules may read (glossary, extra abbreviations). */
  settings: RuleSettings
  /** Concrete commitments found by the rules. */
  commitments: Array<{start: number; end: number; due: string | null}>
  /** What a rule did not look at closely (a runaway sentence), said once per reply. */
  notices?: string[]
  /** Rules that threw, with the error; the other rules still ran. */
  failures: Array<{ruleId: string; error: unknown}>
  /** Which messages a rule marks safe to apply without review. */
  safe: Set<object>
}

/** Settings shared with the rules. */
export interface RuleSettings {
  glossary?: {allow?: string[]; flag?: Record<string, string[] | string>}
  abbreviations?: string[]
}

// Reply text is linted; everything else is context.
const lintable = new Set(['body', 'greeting'])

declare module 'vfile' {
  interface DataMap {
    tactful: ReplyContext
  }
}

/** The reply context of a file, creating a plain one (the whole text is reply) when the file has none. */
export function replyContext(file: VFile): ReplyContext {
  let context = file.data.tactful
  if (!context) {
    const source = String(file.value ?? '')
    context = {
      source,
      regions: source.length > 0 ? [{kind: 'body', start: 0, end: source.length}] : [],
      directives: [],
      lang: 'en',
      now: new Date(),
      settings: {},
      commitments: [],
      failures: [],
      safe: new Set()
    }
    file.data.tactful = context
  }
  return context
}

/** Whether the text at `offset` is reply text a rule may flag. */
export function isReplyText(context: ReplyContext, offset: number): boolean {
  const region = regionAt(context.regions, offset)
  return region !== undefined && lintable.has(region.kind)
}

/** Whether regions of this kind are reply text (`body`, `greeting`) rather than context. */
export function isLintable(kind: string): boolean {
  return lintable.has(kind)
}

/** The region holding `offset`, found by binary search. */
export function regionAt(regions: Region[], offset: number): Region | undefined {
  let low = 0
  let high = regions.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const region = regions[middle]
    if (offset < region.start) high = middle - 1
    else if (offset >= region.end) low = middle + 1
    else return region
  }
  return undefined
}

/** The reply's own text: body and greeting regions, in order. */
export function replyRegions(context: ReplyContext): Region[] {
  return context.regions.filter((region) => lintable.has(region.kind))
}
