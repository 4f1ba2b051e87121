import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {pointAt, replaceWith, type ReplyContext, type RuleSettings} from '../../../rules/kit/index.js'
import {ruleIds} from '../../../rules/index.js'
import {createContext, describeUnknownDirectives, maskContext} from './context.js'
import {splitReply} from './email/split.js'
import {formatFromPath} from './format.js'
import {checkOptions} from './options.js'
import {retextReply} from './parse/index.js'
import {retextTactful} from './preset.js'
import type {Commitment, Finding, LintOptions, LintResult, Severity} from './types.js'

/** The default largest reply linted, in UTF-16 code units (about 1 MB of text). */
export const defaultMaxSize = 1_000_000

/** A finding with what only the library needs to know about it. */
export interface DetailedFinding {
  finding: Finding
  /** The rule marks the first suggestion safe to apply without review. */
  safe: boolean
}

/** What `lintDetailed` returns. */
export interface DetailedResult {
  findings: DetailedFinding[]
  commitments: Commitment[]
  notices: string[]
}

const processors = new Map<string, Processor>()

/** Lint a reply draft: findings (with suggestions) and the concrete commitments it makes. */
export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  const result = await lintDetailed(text, options)
  return {findings: result.findings.map((detailed) => detailed.finding), commitments: result.commitments, notices: result.notices}
}

/** `lint`, keeping which findings the rules mark safe to fix. */
export async function lintDetailed(text: string, options: LintOptions = {}): Promise<DetailedResult> {
  if (typeof text !== 'string') throw new TypeError(`Expected the reply as a string, not ${describe(text)}`)
  const checked = checkOptions(options, 'options')
  const maxSize = checked.maxSize ?? defaultMaxSize
  if (text.length > maxSize) {
    return {
      findings: [],
      commitments: [],
      notices: [`Not linted: the reply is ${text.length} characters long, over the limit of ${maxSize} (set \`maxSize\` to raise it)`]
    }
  }
  const parts = splitReply(text, {
    format: checked.format ?? (checked.filePath === undefined ? undefined : formatFromPath(checked.filePath))
  })
  const settings: RuleSettings = {glossary: checked.glossary, abbreviations: checked.abbreviations}
  const context = createContext(text, parts, settings, checked.now)
  const file = new VFile({value: maskContext(text, parts.regions)})
  file.data.tactful = context
  const processor = processorFor(checked.rules ?? {})
  // Messages are errors to unified; their stack traces are never read, and capturing one per finding
  // costs more than the finding itself.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let tree: Root
  try {
    tree = processor.parse(file) as Root
    await processor.run(tree, file)
  } catch (error) {
    // Each rule is isolated already; what is left (the parser, the context) must not reject either.
    return {findings: [], commitments: [], notices: [`Not linted: ${error instanceof Error ? error.message : String(error)}`]}
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  const findings = file.messages
    .map((message) => toDetailed(message, context))
    .sort((a, b) => a.finding.start.offset - b.finding.start.offset || a.finding.end.offset - b.finding.end.offset)
  const notices = [
    ...(tree.data?.notices ?? []),
    ...(context.notices ?? []),
    ...describeUnknownDirectives(context, ruleIds),
    ...context.failures.map(
      ({ruleId, error}) => `Rule \`${ruleId}\` failed and was skipped: ${error instanceof Error ? error.message : String(error)}`
    )
  ]
  return {findings, commitments: context.commitments.map((commitment) => toCommitment(commitment, context)), notices}
}

function processorFor(rules: Record<string, string>): Processor {
  // Settings in the order written find their processor without sorting; the sorted key, made only on
  // a miss, shares one processor between orders.
  let written = ''
  for (const id in rules) written += `${id}=${rules[id]};`
  let processor = processors.get(written)
  if (processor) return processor
  const key = JSON.stringify(Object.entries(rules).sort())
  processor = processors.get(key)
  if (!processor) {
    processor = unified()
      .use(retextReply)
      .use(retextTactful, {rules} as never)
      .freeze() as unknown as Processor
    processors.set(key, processor)
  }
  processors.set(written, processor)
  return processor
}

function toDetailed(message: VFileMessage, context: ReplyContext): DetailedFinding {
  const place = message.place as {start: {offset: number}; end: {offset: number}}
  const start = pointAt(context.source, place.start.offset, context)
  const end = pointAt(context.source, place.end.offset, context)
  const suggestions = [...(message.expected ?? [])]
  // A rule that sets `expected` by hand gives plain replacements.
  const fixes = message.fixes?.length === suggestions.length ? message.fixes.map((fix) => ({...fix})) : suggestions.map(replaceWith)
  const finding: Finding = {
    ruleId: message.ruleId ?? 'unknown',
    severity: toSeverity(message.fatal),
    message: message.reason,
    ...(message.note ? {note: message.note} : {}),
    actual: context.source.slice(start.offset, end.offset),
    suggestions,
    fixes,
    ...(message.term ? {glossaryTerm: message.term} : {}),
    start,
    end,
    url: message.url ?? ''
  }
  return {finding, safe: context.safe.has(message)}
}

function toSeverity(fatal: boolean | null | undefined): Severity {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'info'
}

function toCommitment(commitment: ReplyContext['commitments'][number], context: ReplyContext): Commitment {
  return {
    text: context.source.slice(commitment.start, commitment.end),
    start: pointAt(context.source, commitment.start, context),
    end: pointAt(context.source, commitment.end, context),
    due: commitment.due
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Buffer.isBuffer(value)) return 'a Buffer (decode it to a string first)'
  return `a ${typeof value}`
}
