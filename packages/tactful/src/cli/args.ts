import {parseArgs} from 'node:util'

/** A problem with how the CLI was called or with one of its inputs: exit 2. */
export class UsageError extends Error {}

/** The report formats, in the order the help lists them. */
export const reportFormats = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit'] as const

/** A report format. */
export type ReportFormat = (typeof reportFormats)[number]

/** What the command line asks for. */
export interface CliArgs {
  inputs: string[]
  format: ReportFormat
  outputFile?: string
  config?: string
  rules: string[]
  quiet: boolean
  /** Warnings allowed before the exit code is 1; `undefined` allows none. */
  maxWarnings?: number
  stdinFilename?: string
  ignorePath?: string
  fix: boolean
  fixDryRun: boolean
  init: boolean
  /** `--color` or `--no-color`; `undefined` when neither was given. */
  color?: boolean
  help: boolean
  version: boolean
}

interface Flag {
  type: 'string' | 'boolean'
  short?: string
  multiple?: boolean
}

const flags: Record<string, Flag> = {
  format: {type: 'string', short: 'f'},
  'output-file': {type: 'string', short: 'o'},
  config: {type: 'string', short: 'c'},
  rule: {type: 'string', multiple: true},
  quiet: {type: 'boolean', short: 'q'},
  'max-warnings': {type: 'string'},
  'stdin-filename': {type: 'string'},
  'ignore-path': {type: 'string'},
  fix: {type: 'boolean'},
  'fix-dry-run': {type: 'boolean'},
  init: {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
}

/**
 * Read the command line. Throws a `UsageError` that names the flag and the fix for an unknown flag,
 * a flag without its value, a value given to a switch, or a value out of range.
 */
export function parseCliArgs(argv: string[]): CliArgs {
  // Not strict: Node's own messages for a bad flag are terse and quote oddly; the tokens let us say more.
  const {tokens} = parseArgs({args: argv, strict: false, allowPositionals: true, tokens: true, options: flags})
  const values = new Map<string, Array<string | true>>()
  const inputs: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') inputs.push(token.value)
    if (token.kind !== 'option') continue
    const flag = Object.hasOwn(flags, token.name) ? flags[token.name] : undefined
    if (!flag) throw new UsageError(unknownFlag(token.rawName))
    const shown = token.rawName
    if (flag.type === 'boolean' && token.value !== undefined) throw new UsageError(`\`${shown}\` takes no value; drop \`=${token.value}\``)
    if (flag.type === 'string') {
      const value = token.value
      // `--format --quiet`: the next flag is not the value.
      if (value === undefined || (!token.inlineValue && isKnownFlag(value)))
        throw new UsageError(`\`${shown}\` needs a value, as in \`${shown} ${example(token.name)}\``)
    }
    const list = values.get(token.name) ?? []
    list.push(token.value ?? true)
    values.set(token.name, list)
  }
  const last = (name: string) => values.get(name)?.at(-1)
  const text = (name: string) => last(name) as string | undefined
  const on = (name: string) => last(name) === true
  const format = text('format') ?? 'stylish'
  if (!(reportFormats as readonly string[]).includes(format)) {
    throw new UsageError(
      `Expected \`--format\` to be ${reportFormats
        .map((name) => `\`${name}\``)
        .join(', ')
        .replace(/, ([^,]+)$/, ' or $1')}, not \`${format}\``
    )
  }
  const maxWarnings = text('max-warnings')
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings))
    throw new UsageError(`Expected \`--max-warnings\` to be a whole number of warnings, 0 or more, not \`${maxWarnings}\``)
  const noColor = values.has('no-color')
  return {
    inputs,
    format: format as ReportFormat,
    outputFile: text('output-file'),
    config: text('config'),
    rules: (values.get('rule') ?? []) as string[],
    quiet: on('quiet'),
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    stdinFilename: text('stdin-filename'),
    ignorePath: text('ignore-path'),
    fix: on('fix'),
    fixDryRun: on('fix-dry-run'),
    init: on('init'),
    color: noColor ? false : values.has('color') ? true : undefined,
    help: on('help'),
    version: on('version')
  }
}

function isKnownFlag(value: string): boolean {
  if (value.startsWith('--')) return Object.hasOwn(flags, value.slice(2).split('=')[0])
  return /^-[a-z]$/i.test(value) && Object.values(flags).some((flag) => flag.short === value[1])
}

function example(name: string): string {
  if (name === 'format') return 'json'
  if (name === 'rule') return '<id>=off'
  if (name === 'max-warnings') return '10'
  if (name === 'stdin-filename') return 'reply.md'
  return '<path>'
}

function unknownFlag(raw: string): string {
  const name = raw.replace(/^-+/, '')
  const near = Object.keys(flags)
    .map((flag) => ({flag, distance: editDistance(name, flag)}))
    .filter(({flag, distance}) => distance <= Math.max(1, Math.floor(flag.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0]
  const hint = near ? `; did you mean \`--${near.flag}\`?` : '.'
  return `Unknown flag \`${raw}\`${hint} Run \`tactful --help\` to see the flags`
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return previous[b.length]
}
