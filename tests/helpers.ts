import {type Finding, type LintOptions, lint, ruleIds} from '../packages/tactful/src/index.js'
import type {Rule} from '../rules/kit/index.js'

/**
 * Lint `text` with one rule (every other rule off) through the library, so quoted history and
 * the signature are context as they are for users. Returns that rule's findings.
 */
export async function lintMessages(rule: Rule, text: string, options: LintOptions = {}): Promise<Finding[]> {
  const {id} = rule.meta
  const rules = Object.fromEntries(ruleIds.filter((other) => other !== id).map((other) => [other, 'off' as const]))
  const {findings} = await lint(text, {...options, rules: {...rules, ...options.rules}})
  return findings.filter((finding) => finding.ruleId === id)
}

/** One rule's findings as `line:column-line:column ruleId “actual”`. */
export async function lintLines(rule: Rule, text: string, options: LintOptions = {}): Promise<string[]> {
  return (await lintMessages(rule, text, options)).map((finding) => `${span(finding)} ${finding.ruleId} “${finding.actual}”`)
}

/** A finding as a fixture line: `line:column-line:column ruleId message`. */
export function fixtureLine(finding: Finding): string {
  return `${span(finding)} ${finding.ruleId} ${finding.message}`
}

function span(finding: Finding): string {
  return `${finding.start.line}:${finding.start.column}-${finding.end.line}:${finding.end.column}`
}
