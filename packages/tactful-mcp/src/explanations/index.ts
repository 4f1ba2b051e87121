import {ruleList, type Severity} from 'tactful'

/** A rule explained, from its meta (`rules/<id>/meta.json`). */
export interface Explanation {
  ruleId: string
  /** What the rule flags. */
  looksFor: string
  /** Why it matters, grounded in customer-service guidance. */
  why: string
  example: {flagged: string; fixed: string}
  /** The rule's one-line description. */
  description: string
  /** The default severity. */
  severity: Severity
  /** The rule's documentation. */
  url: string
}

/** Explain the rule `ruleId`. Throws an error naming the known rules when there is no such rule. */
export function explainRule(ruleId: string): Explanation {
  const rule = ruleList.find((candidate) => candidate.meta.id === ruleId)
  const docs = rule?.meta.docs
  if (!rule || !docs) {
    const known = ruleList.map((candidate) => `\`${candidate.meta.id}\``).join(', ')
    throw new Error(`Unknown rule \`${ruleId}\`; the rules are ${known}`)
  }
  const {meta} = rule
  return {
    ruleId: meta.id,
    looksFor: docs.looksFor,
    why: docs.why,
    example: {flagged: docs.example.flagged, fixed: docs.example.fixed},
    description: meta.description,
    severity: meta.severity,
    url: meta.url
  }
}
