import {ruleList, type Severity} from 'tactful'
import blameShifting from './blame-shifting.json' with {type: 'json'}
import brokenPromises from './broken-promises.json' with {type: 'json'}
import jargon from './jargon.json' with {type: 'json'}
import missingThanks from './missing-thanks.json' with {type: 'json'}
import negativePhrasing from './negative-phrasing.json' with {type: 'json'}

/** What a rule's data file says about it: one `<ruleId>.json` beside this module per rule. */
export interface ExplanationData {
  ruleId: string
  /** What the rule flags. */
  looksFor: string
  /** Why it matters, grounded in customer-service guidance. */
  why: string
  example: {flagged: string; fixed: string}
}

/** A rule explained, with what the library says about it. */
export interface Explanation extends ExplanationData {
  /** The rule's one-line description. */
  description: string
  /** The default severity. */
  severity: Severity
  /** The rule's documentation. */
  url: string
}

/** Every rule's explanation data, by rule id. */
export const explanations: ReadonlyMap<string, ExplanationData> = new Map(
  [blameShifting, brokenPromises, jargon, missingThanks, negativePhrasing].map((data) => [data.ruleId, data])
)

/** Explain the rule `ruleId`. Throws an error naming the known rules when there is no such rule. */
export function explainRule(ruleId: string): Explanation {
  const rule = ruleList.find((candidate) => candidate.meta.id === ruleId)
  const data = explanations.get(ruleId)
  if (!rule || !data) {
    const known = ruleList.map((candidate) => `\`${candidate.meta.id}\``).join(', ')
    throw new Error(`Unknown rule \`${ruleId}\`; the rules are ${known}`)
  }
  return {...data, description: rule.meta.description, severity: rule.meta.severity, url: rule.meta.url}
}
