import path from 'node:path'
import type {Severity} from '../types.js'
import type {FileReport} from './report.js'

const commands: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

/**
 * The github format: one GitHub Actions workflow command per finding
 * (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the run shows as an
 * annotation on the pull request's diff. Files are named relative to the working folder.
 */
export function formatGithub(reports: FileReport[], {cwd}: {cwd: string}): string {
  const lines: string[] = []
  for (const report of reports) {
    const file = report.file === '<stdin>' ? undefined : path.relative(cwd, path.resolve(cwd, report.file)).split(path.sep).join('/')
    const where: Record<string, string> = file === undefined ? {} : {file}
    for (const notice of report.notices) lines.push(command('notice', where, notice))
    if (report.error) lines.push(command('error', where, report.error))
    for (const finding of report.findings) {
      const properties = {
        ...where,
        line: finding.start.line,
        col: finding.start.column,
        endLine: finding.end.line,
        endColumn: finding.end.column,
        title: `tactful(${finding.ruleId})`
      }
      lines.push(command(commands[finding.severity], properties, finding.message))
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
  return `::${name}${list.length > 0 ? ` ${list.join(',')}` : ''}::${escapeData(message)}`
}

// As @actions/core escapes them: a line break would end the command, `%` starts an escape.
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

// A property also ends at `,` and the properties at `:`.
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
