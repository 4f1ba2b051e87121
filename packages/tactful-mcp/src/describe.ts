import type {Finding} from 'tactful'

/** A finding plus the one thing to do about it. */
export type ActionableFinding = Finding & {action: string}

/**
 * Say what to do about a finding in one instruction: "Replace ‘…’ with ‘…’" when the rule offers
 * a replacement (further ones follow in brackets), else "Rewrite ‘…’: <message>".
 */
export function describeAction(finding: Finding): string {
  const [best, ...others] = finding.suggestions
  if (best === undefined) return `Rewrite ${quote(finding.actual)}: ${finding.message}`
  const alternatives = others.length > 0 ? ` (or ${others.map(quote).join(', or ')})` : ''
  return `Replace ${quote(finding.actual)} with ${quote(best)}${alternatives}`
}

/** Add its `action` to each finding, keeping the library's fields as they are. */
export function withActions(findings: readonly Finding[]): ActionableFinding[] {
  return findings.map((finding) => ({...finding, action: describeAction(finding)}))
}

/** Count findings per rule, in order of first appearance: "2 <rule id>, 1 <rule id>". */
export function countByRule(findings: readonly Finding[]): string {
  const counts = new Map<string, number>()
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1)
  return [...counts].map(([ruleId, count]) => `${count} ${ruleId}`).join(', ')
}

/** One line on a lint result, for an agent deciding whether to send the reply. */
export function summarizeLint(findings: readonly Finding[], notices: readonly string[]): string {
  if (findings.length > 0) return `${plural(findings.length, 'finding')}: ${countByRule(findings)}`
  // A reply that was not (fully) checked is not known to be ready.
  if (notices.length > 0) return `No findings, but the reply was not fully checked: ${notices.join('; ')}`
  return 'No findings: the reply is ready to send'
}

/** One line on a fix result: what was applied and what is left to rewrite. */
export function summarizeFix(applied: readonly Finding[], remaining: readonly Finding[]): string {
  const done = applied.length === 0 ? 'No safe fixes to apply' : `Applied ${plural(applied.length, 'fix', 'fixes')}`
  if (remaining.length === 0) return `${done}; no findings remain: the reply is ready to send`
  return `${done}; ${plural(remaining.length, 'finding')} left to rewrite by hand: ${countByRule(remaining)}`
}

/** Quote text for an action line, with single curly quotes so the text's own “double” quotes stay readable. */
export function quote(text: string): string {
  return `‘${text}’`
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
