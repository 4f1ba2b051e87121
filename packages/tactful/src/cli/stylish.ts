import {escapeControls} from './escape.js'
import type {FileReport} from './report.js'

const colors = {red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4} as const

/**
 * The stylish format, as eslint's: each file with findings or notices under its name, one line per
 * finding (`line:col  severity  message  rule-id`, in aligned columns), then the totals.
 */
export function formatStylish(reports: FileReport[], {color}: {color: boolean}): string {
  const paint = (name: keyof typeof colors, text: string) => (color ? `\u001B[${colors[name]}m${text}\u001B[0m` : text)
  const out: string[] = []
  const counts = {error: 0, warning: 0, info: 0}
  for (const report of reports) {
    if (report.findings.length === 0 && report.notices.length === 0) continue
    const rows: string[][] = []
    // The file name and the reply's words quoted in messages are untrusted: never raw to the terminal.
    for (const notice of report.notices) rows.push(['', 'notice', escapeControls(notice), ''])
    for (const finding of report.findings) {
      counts[finding.severity]++
      rows.push([
        `${finding.start.line}:${finding.start.column}`,
        finding.severity,
        escapeControls(finding.message),
        escapeControls(finding.ruleId)
      ])
    }
    // A notice is one long line; it does not set the width of the message column.
    const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.filter((row) => column < 2 || row[3]).map((row) => row[column].length)))
    out.push('', paint('underline', escapeControls(report.file)))
    for (const [where, severity, message, ruleId] of rows) {
      const painted = paint(
        severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : severity === 'info' ? 'blue' : 'dim',
        severity
      )
      const cells = [
        where.padEnd(widths[0]),
        painted + ' '.repeat(widths[1] - severity.length),
        ruleId ? message.padEnd(widths[2]) : message
      ]
      if (ruleId) cells.push(paint('dim', ruleId))
      out.push(`  ${cells.join('  ')}`.trimEnd())
    }
  }
  const total = counts.error + counts.warning + counts.info
  if (total > 0) {
    const summary = `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${counts.error} ${plural(counts.error, 'error')}, ${counts.warning} ${plural(counts.warning, 'warning')}, ${counts.info} info)`
    out.push('', paint(counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue', paint('bold', summary)))
  }
  return out.length > 0 ? `${out.join('\n')}\n` : ''
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
