import {readFileSync, statSync} from 'node:fs'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {glob, isDynamicPattern} from 'tinyglobby'
import {ruleIds} from '../../../rules/index.js'
import {findConfig, loadConfig} from './config.js'
import {fixFile, type FileFix} from './cli/fix-file.js'
import {InputTooLarge, readReply} from './cli/read.js'
import {formatJson, formatStylish, type FileReport} from './cli/report.js'
import {defaultMaxSize, lint} from './lint.js'
import {checkOptions} from './options.js'
import type {LintOptions, RuleSetting} from './types.js'

const usage = `Usage: tactful [options] [files or globs…]

Lint customer-service replies. Reads standard input when no file is given, or for \`-\`.

Options:
  --format <stylish|json>   output format (default: stylish)
  --config <path>           use this config file instead of looking for .tactfulrc.json
  --rule <id>=<severity>    set a rule to off, info, warning or error (repeatable)
  --fix                     apply the fixes that rules mark safe, in place
  --fix-dry-run             print the safe fixes as a diff instead of writing them
  --color, --no-color       force colours on or off (default: on for a terminal)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no finding, 1 findings, 2 usage, input or config error.
Rules: ${ruleIds.join(', ')}`

/** A problem with how the CLI was called or with one of its inputs. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', default: 'stylish'},
        config: {type: 'string'},
        rule: {type: 'string', multiple: true, default: []},
        fix: {type: 'boolean', default: false},
        'fix-dry-run': {type: 'boolean', default: false},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    process.stderr.write(`tactful: ${(error as Error).message}\n\n${usage}\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`)
    return 0
  }
  try {
    if (values.format !== 'stylish' && values.format !== 'json') throw new UsageError(`Expected \`--format\` to be \`stylish\` or \`json\`, not \`${values.format}\``)
    const ruleFlags = parseRuleFlags(values.rule ?? [])
    const explicit = values.config ? loadConfig(values.config).options : undefined
    const inputs = await expandInputs(positionals.length > 0 ? positionals : ['-'])
    const color = values['no-color'] ? false : values.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR)
    const reports: FileReport[] = []
    const fixes: FileFix[] = []
    for (const input of inputs) {
      const report = await lintInput(input, explicit, ruleFlags, values.fix || values['fix-dry-run'] ? (values.fix ? 'write' : 'dry-run') : undefined)
      reports.push(report)
      if (report.fix) fixes.push(report.fix)
    }
    if (values['fix-dry-run']) for (const fix of fixes) process.stdout.write(fix.diff)
    process.stdout.write(values.format === 'json' ? formatJson(reports) : formatStylish(reports, {color}))
    for (const report of reports) if (report.error) process.stderr.write(`tactful: ${report.error}\n`)
    if (reports.some((report) => report.error)) return 2
    return reports.some((report) => report.findings.length > 0) ? 1 : 0
  } catch (error) {
    process.stderr.write(`tactful: ${(error as Error).message}\n`)
    return 2
  }
}

async function lintInput(input: string, explicit: LintOptions | undefined, ruleFlags: Record<string, RuleSetting>, fix: 'write' | 'dry-run' | undefined): Promise<FileReport> {
  const file = input === '-' ? '<stdin>' : input
  try {
    const configured = explicit ?? (input === '-' ? findConfig(process.cwd())?.options : findConfig(input)?.options) ?? {}
    const options = checkOptions({...configured, rules: {...configured.rules, ...ruleFlags}}, 'the command line')
    // The file's name chooses how to read it (`.eml` as email), as in the editor.
    if (input !== '-') options.filePath = input
    const maxSize = options.maxSize ?? defaultMaxSize
    let text: string
    try {
      text = readReply(input, {maxBytes: maxBytesFor(maxSize)})
    } catch (error) {
      if (!(error instanceof InputTooLarge)) throw error
      const notice = `Not linted: the ${input === '-' ? 'input' : 'file'} ${error.message}, over the limit of ${maxSize} characters (set \`maxSize\` to raise it)`
      return {file, findings: [], commitments: [], notices: [notice]}
    }
    if (fix && input !== '-') {
      const result = await fixFile(input, text, options, fix)
      return {file, findings: result.remaining, commitments: result.commitments, notices: result.notices, fix: result}
    }
    const result = await lint(text, options)
    return {file, ...result}
  } catch (error) {
    return {file, findings: [], commitments: [], notices: [], error: `${file}: ${(error as Error).message}`}
  }
}

// n bytes of UTF-8 decode to at least (n - 3) / 3 UTF-16 code units (a byte order mark is 3 bytes and
// decodes to none), so an input past this many bytes is over `maxSize`: no need to read all of it.
function maxBytesFor(maxSize: number): number {
  return 3 * maxSize + 3
}

function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const rules: Record<string, string> = {}
  for (const flag of flags) {
    const [id, setting, ...rest] = flag.split('=')
    if (!id || setting === undefined || rest.length > 0) throw new UsageError(`Expected \`--rule <id>=<off|info|warning|error>\`, not \`${flag}\``)
    rules[id.trim()] = setting.trim()
  }
  return checkOptions({rules}, 'the command line').rules ?? {}
}

async function expandInputs(patterns: string[]): Promise<string[]> {
  const inputs: string[] = []
  for (const pattern of patterns) {
    if (pattern === '-' || !isDynamicPattern(pattern)) {
      inputs.push(pattern)
      continue
    }
    const matches = await glob(pattern, {dot: false, onlyFiles: true, ignore: ['**/node_modules/**']})
    if (matches.length === 0) throw new UsageError(`No files match \`${pattern}\``)
    inputs.push(...matches.sort())
  }
  return inputs
}

function version(): string {
  try {
    const manifest = new URL('../package.json', import.meta.url)
    if (statSync(manifest).isFile()) return (JSON.parse(readFileSync(manifest, 'utf8')) as {version: string}).version
  } catch {
    // Fall through: the version is informative only.
  }
  return 'unknown'
}

// `tactful … | head` closes the pipe early: stop quietly rather than crash on the next write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  process.stderr.write(`tactful: cannot write the report: ${error.message}\n`)
  process.exit(2)
})

process.exitCode = await main(process.argv.slice(2))
