import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {ruleIds, rules} from '../../../rules/index.js'
import {findConfig, loadConfig} from './config.js'
import {type CliArgs, parseCliArgs, reportFormats, UsageError} from './cli/args.js'
import {escapeControls} from './cli/escape.js'
import {fixFile} from './cli/fix-file.js'
import {formatGithub} from './cli/github.js'
import {expandInputs, loadIgnore} from './cli/inputs.js'
import {writeStarterConfig} from './cli/init.js'
import {formatJunit} from './cli/junit.js'
import {InputTooLarge, readReply} from './cli/read.js'
import {formatCompact, formatJson, type FileReport} from './cli/report.js'
import {formatSarif} from './cli/sarif.js'
import {formatStylish} from './cli/stylish.js'
import {defaultMaxSize, lint} from './lint.js'
import {checkOptions} from './options.js'
import type {LintOptions, RuleSetting} from './types.js'

const usage = `Usage: tactful [options] [files, folders or globs…]

Lint customer-service replies. Reads standard input when no file is given, or for \`-\`.
A folder lints the replies in it (.txt, .md, .eml…); \`.tactfulignore\` (gitignore syntax) leaves files out.

Options:
  -f, --format <name>        ${reportFormats.join(', ')} (default: stylish)
  -o, --output-file <path>   write the report to a file instead of standard output
  -c, --config <path>        use this config file instead of looking for .tactfulrc.json
  --rule <id>=<severity>     set a rule to off, info, warning or error (repeatable)
  -q, --quiet                report errors only
  --max-warnings <n>         exit 1 only when there are more than n warnings (default: 0)
  --stdin-filename <name>    the name of the reply on standard input (finds its config and format)
  --ignore-path <path>       read ignore patterns from this file instead of .tactfulignore
  --fix                      apply the fixes that rules mark safe: in place, or to standard
                             output for standard input
  --fix-dry-run              print the safe fixes as a diff (with --format json: as \`output\`)
  --init                     write a starter .tactfulrc.json here
  --color, --no-color        force colours on or off (default: on for a terminal; FORCE_COLOR
                             and NO_COLOR are honoured)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no finding, or info only; 1 an error, or more warnings than --max-warnings allows;
2 usage, input or config error.
Rules: ${ruleIds.join(', ')}`

async function main(argv: string[]): Promise<number> {
  let args: CliArgs
  try {
    args = parseCliArgs(argv)
  } catch (error) {
    // A flag is echoed back: it may hold anything.
    process.stderr.write(`tactful: ${escapeControls((error as Error).message)}\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (args.version) {
    process.stdout.write(`${version()}\n`)
    return 0
  }
  const cwd = process.cwd()
  try {
    if (args.init) {
      const file = writeStarterConfig(cwd, rules)
      process.stdout.write(`Wrote ${path.relative(cwd, file)}: every rule at its default severity. Edit it to suit your team.\n`)
      return 0
    }
    const ruleFlags = parseRuleFlags(args.rules)
    const explicit = args.config ? loadConfig(args.config).options : undefined
    const ignoreRules = loadIgnore(cwd, args.ignorePath)
    const patterns = args.inputs.length > 0 ? args.inputs : ['-']
    const readsStdin = patterns.includes('-')
    if (args.stdinFilename !== undefined && !readsStdin)
      throw new UsageError('`--stdin-filename` names the reply on standard input; give no files (or `-`) with it')
    if (args.fix && args.fixDryRun) throw new UsageError('Give `--fix` or `--fix-dry-run`, not both')
    const {files, skipped} = await expandInputs(patterns, ignoreRules, cwd)
    for (const file of skipped)
      process.stderr.write(`tactful: skipped \`${escapeControls(file)}\`: \`${path.relative(cwd, ignoreRules.file ?? '')}\` ignores it\n`)
    if (files.length === 0) {
      if (skipped.length > 0) return 0
      throw new UsageError(
        `Nothing to lint: ${patterns.map((pattern) => `\`${pattern}\``).join(', ')} holds no reply file (.txt, .md, .eml…) that is not ignored`
      )
    }
    // Someone who runs a bare `tactful` in a terminal should not face a silent wait.
    if (readsStdin && process.stdin.isTTY)
      process.stderr.write(
        'tactful: reading a reply from the terminal; paste it, then press Ctrl-D (Ctrl-Z then Enter on Windows). Run `tactful --help` to lint files.\n'
      )
    const fix = args.fix ? 'write' : args.fixDryRun ? 'dry-run' : undefined
    const reports: InputReport[] = []
    for (const input of files) reports.push(await lintInput(input, {explicit, ruleFlags, fix, stdinFilename: args.stdinFilename}))
    // `tactful --fix < draft.txt > fixed.txt`: standard output carries the fixed reply, so the report goes elsewhere.
    const stdinReport = args.fix ? reports.find((report) => report.stdin) : undefined
    const fixedStdin = stdinReport?.fix
    if (fixedStdin) process.stdout.write(fixedStdin.output)
    // A reply too large to read whole cannot be printed back: fail, so that `> fixed.txt` is not taken for the fix.
    else if (stdinReport && !stdinReport.error)
      stdinReport.error = `${stdinReport.file}: not fixed, and nothing printed: ${stdinReport.notices[0] ?? 'it could not be read'}`
    const human = args.format === 'stylish' || args.format === 'compact'
    // A diff piped on stays a patch that applies; on a terminal, the reply's text in it is escaped.
    if (args.fixDryRun && human)
      for (const report of reports)
        if (report.fix) process.stdout.write(process.stdout.isTTY ? escapeLines(report.fix.diff) : report.fix.diff)
    const shown = args.quiet
      ? reports.map((report) => ({...report, findings: report.findings.filter((finding) => finding.severity === 'error')}))
      : reports
    const toStderr = stdinReport !== undefined && args.outputFile === undefined
    const color = useColor(args.color, args.outputFile === undefined && (toStderr ? process.stderr.isTTY : process.stdout.isTTY) === true)
    const output = formatReport(shown, args.format, {color, cwd})
    if (args.outputFile !== undefined) writeReport(args.outputFile, output)
    else (toStderr ? process.stderr : process.stdout).write(output)
    for (const report of reports) if (report.error) process.stderr.write(`tactful: ${escapeControls(report.error)}\n`)
    if (reports.some((report) => report.error)) return 2
    return exitCode(shown, args.maxWarnings)
  } catch (error) {
    // Config values and file names echoed in errors are untrusted too.
    process.stderr.write(`tactful: ${escapeControls((error as Error).message)}\n`)
    return 2
  }
}

function escapeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeControls(line))
    .join('\n')
}

/** A report with whether it came from standard input. */
type InputReport = FileReport & {stdin?: boolean}

interface LintSettings {
  explicit: LintOptions | undefined
  ruleFlags: Record<string, RuleSetting>
  fix: 'write' | 'dry-run' | undefined
  stdinFilename: string | undefined
}

async function lintInput(input: string, {explicit, ruleFlags, fix, stdinFilename}: LintSettings): Promise<InputReport> {
  const stdin = input === '-'
  // Standard input takes its name, its config and its format from `--stdin-filename`.
  const name = stdin ? stdinFilename : input
  const file = name ?? '<stdin>'
  try {
    const configured = explicit ?? findConfig(name ?? process.cwd())?.options ?? {}
    const options = checkOptions({...configured, rules: {...configured.rules, ...ruleFlags}}, 'the command line')
    // The file's name chooses how to read it (`.eml` as email), as in the editor.
    if (name !== undefined) options.filePath = name
    const maxSize = options.maxSize ?? defaultMaxSize
    let text: string
    try {
      text = readReply(input, {maxBytes: maxBytesFor(maxSize)})
    } catch (error) {
      if (!(error instanceof InputTooLarge)) throw error
      const notice = `Not linted: the ${stdin ? 'input' : 'file'} ${error.message}, over the limit of ${maxSize} characters (set \`maxSize\` to raise it)`
      return {file, stdin, findings: [], commitments: [], notices: [notice]}
    }
    if (fix) {
      // Standard input is never written to: `--fix` prints its fixed text instead.
      const result = await fixFile(file, text, options, stdin ? 'dry-run' : fix)
      return {file, stdin, findings: result.remaining, commitments: result.commitments, notices: result.notices, fix: result}
    }
    const result = await lint(text, options)
    return {file, stdin, ...result}
  } catch (error) {
    return {file, stdin, findings: [], commitments: [], notices: [], error: `${file}: ${(error as Error).message}`}
  }
}

function formatReport(reports: FileReport[], format: CliArgs['format'], {color, cwd}: {color: boolean; cwd: string}): string {
  switch (format) {
    case 'json':
      return formatJson(reports)
    case 'sarif':
      return formatSarif(reports, {rules, version: version(), cwd})
    case 'github':
      return formatGithub(reports, {cwd})
    case 'junit':
      return formatJunit(reports)
    case 'compact':
      return formatCompact(reports, {color})
    default:
      return formatStylish(reports, {color})
  }
}

// As eslint: errors fail the run; warnings fail it past the budget (none by default); info never does.
function exitCode(reports: FileReport[], maxWarnings = 0): number {
  let errors = 0
  let warnings = 0
  for (const report of reports) {
    for (const finding of report.findings) {
      if (finding.severity === 'error') errors++
      else if (finding.severity === 'warning') warnings++
    }
  }
  if (errors > 0) return 1
  if (warnings > maxWarnings) {
    if (maxWarnings > 0) process.stderr.write(`tactful: ${warnings} warnings, more than \`--max-warnings ${maxWarnings}\` allows\n`)
    return 1
  }
  return 0
}

/** Whether to colour human output: the flags first, then `FORCE_COLOR` and `NO_COLOR`, then whether it goes to a terminal. */
function useColor(flag: boolean | undefined, terminal: boolean): boolean {
  if (flag !== undefined) return flag
  const force = process.env.FORCE_COLOR
  // As supports-color reads it: set, even empty, means on, except `0` and `false`.
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (process.env.NO_COLOR) return false
  return terminal && process.env.TERM !== 'dumb'
}

function writeReport(file: string, output: string): void {
  try {
    mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
    writeFileSync(file, output)
  } catch (error) {
    throw new Error(`Cannot write the report to \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error
    })
  }
}

// n bytes of UTF-8 decode to at least (n - 3) / 3 UTF-16 code units (a byte order mark is 3 bytes and
// decodes to none), so an input past this many bytes is over `maxSize`: no need to read all of it.
function maxBytesFor(maxSize: number): number {
  return 3 * maxSize + 3
}

function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const settings: Record<string, string> = {}
  for (const flag of flags) {
    const [id, setting, ...rest] = flag.split('=')
    if (!id || setting === undefined || rest.length > 0)
      throw new UsageError(`Expected \`--rule <id>=<off|info|warning|error>\`, not \`${flag}\``)
    settings[id.trim()] = setting.trim()
  }
  return checkOptions({rules: settings}, 'the command line').rules ?? {}
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
