import type {Commitment, Finding} from 'tactful'
import type {ActionableFinding} from './describe.js'
import type {Explanation} from './explanations/index.js'

/** What `lint_reply` returns as structured content. */
export interface LintReport {
  summary: string
  findings: ActionableFinding[]
  commitments: Commitment[]
  notices: string[]
}

/** What `fix_reply` returns as structured content. */
export interface FixReport {
  text: string
  summary: string
  applied: Finding[]
  remaining: ActionableFinding[]
}

/** Render a lint report as readable text: the summary, then each finding with its action. */
export function renderLint(report: LintReport): string {
  const lines = [report.summary]
  if (report.findings.length > 0) lines.push('', ...renderFindings(report.findings))
  if (report.commitments.length > 0) {
    lines.push('', 'Commitments (promises in the reply that someone has to keep):')
    for (const commitment of report.commitments) {
      lines.push(`- “${commitment.text}” (${at(commitment)}), due ${commitment.due ?? 'at no stated time'}`)
    }
  }
  if (report.notices.length > 0) lines.push('', 'Notices:', ...report.notices.map((notice) => `- ${notice}`))
  return lines.join('\n')
}

/** Render a fix report as readable text: the summary, the fixed reply, what was applied and what is left. */
export function renderFix(report: FixReport): string {
  const lines = [report.summary, '', 'Fixed reply:', report.text]
  if (report.applied.length > 0) {
    lines.push('', 'Applied:')
    for (const finding of report.applied) lines.push(`- ${finding.ruleId}: “${finding.actual}” → “${finding.suggestions[0] ?? ''}”`)
  }
  if (report.remaining.length > 0) lines.push('', 'Still to rewrite by hand:', ...renderFindings(report.remaining))
  return lines.join('\n')
}

/** Render a rule's explanation as readable text. */
export function renderExplanation(explanation: Explanation): string {
  return [
    `${explanation.ruleId}: ${explanation.description} (default severity: ${explanation.severity})`,
    '',
    `Looks for: ${explanation.looksFor}`,
    `Why: ${explanation.why}`,
    '',
    `Flagged: ${explanation.example.flagged}`,
    `Fixed:   ${explanation.example.fixed}`,
    '',
    `Docs: ${explanation.url}`
  ].join('\n')
}

function renderFindings(findings: readonly ActionableFinding[]): string[] {
  return findings.flatMap((finding, index) => [
    // A "Rewrite" action already carries the message.
    `${index + 1}. ${finding.ruleId} (${finding.severity}) at ${at(finding)}${finding.suggestions.length > 0 ? `: ${finding.message}` : ''}`,
    `   Action: ${finding.action}`,
    ...(finding.note ? [`   Why: ${finding.note}`] : []),
    `   Docs: ${finding.url}`
  ])
}

function at(span: {start: {line: number; column: number}}): string {
  return `line ${span.start.line}, column ${span.start.column}`
}
