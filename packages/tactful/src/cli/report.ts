import type {Commitment, Finding} from '../types.js'
import {escapeControls} from './escape.js'
import type {FileFix} from './fix-file.js'

/** What the CLI knows about one input. */
export interface FileReport {
  file: string
  findings: Finding[]
  commitments: Commitment[]
  notices: string[]
  error?: string
  fix?: FileFix
}

/** The JSON format: one `{file, findings, commitments}` object per input (with `output`, the fixed text, under `--fix-dry-run`). */
export function formatJson(reports: FileReport[]): string {
  const out = reports.map((report) => {
    const item: Record<string, unknown> = {file: report.file, findings: report.findings, commitments: report.commitments}
    if (report.notices.length > 0) item.notices = report.notices
    if (report.error) item.error = report.error
    // As eslint's `output` under `--fix-dry-run`: the fixed text, when a fix changed it.
    if (report.fix?.changed) item.output = report.fix.output
    return item
  })
  return `${JSON.stringify(out, null, 2)}\n`
}

const colors = {red: 31, yellow: 33, blue: 34, dim: 2, bold: 1} as const

/** The compact format: one line per finding, `file:line:col  severity  message  rule-id`, then a summary. */
export function formatCompact(reports: FileReport[], {color}: {color: boolean}): string {
  const paint = (name: keyof typeof colors, text: string) => (color ? `\u001B[${colors[name]}m${text}\u001B[0m` : text)
  const lines: string[] = []
  const counts = {error: 0, warning: 0, info: 0}
  for (const report of reports) {
    // The file name and the reply's words quoted in messages are untrusted: never raw to the terminal.
    const file = escapeControls(report.file)
    for (const notice of report.notices) lines.push(`${file}  ${paint('dim', 'notice')}  ${escapeControls(notice)}`)
    for (const finding of report.findings) {
      counts[finding.severity]++
      const where = `${file}:${finding.start.line}:${finding.start.column}`
      const severity =
        finding.severity === 'error'
          ? paint('red', 'error')
          : finding.severity === 'warning'
            ? paint('yellow', 'warning')
            : paint('blue', 'info')
      lines.push(`${where}  ${severity}  ${escapeControls(finding.message)}  ${paint('dim', escapeControls(finding.ruleId))}`)
    }
  }
  const total = counts.error + counts.warning + counts.info
  if (total === 0) return lines.length > 0 ? `${lines.join('\n')}\n` : ''
  const summary = `${total} ${total === 1 ? 'problem' : 'problems'} (${counts.error} ${plural(counts.error, 'error')}, ${counts.warning} ${plural(counts.warning, 'warning')}, ${counts.info} info)`
  lines.push('', paint('bold', summary))
  return `${lines.join('\n')}\n`
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
