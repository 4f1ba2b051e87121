import {type Hover, MarkupKind, type Position} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {type Finding, ruleList} from 'tactful'

const descriptions = new Map(ruleList.map((rule) => [rule.meta.id, rule.meta.description]))
// Why each rule matters to the customer, from its meta; the findings say what is wrong, not why that hurts.
const whyItMatters = new Map(ruleList.flatMap((rule) => (rule.meta.docs ? [[rule.meta.id, rule.meta.docs.why] as const] : [])))

/** Explain the findings under `position`: rule id, message, why it matters and the suggestions. */
export function hoverFor(document: TextDocument, findings: Finding[], position: Position, markdown: boolean): Hover | null {
  const offset = document.offsetAt(position)
  // The narrowest first: a phrase says more than the whole closing sentence around it.
  const under = findings
    .filter((finding) => finding.start.offset <= offset && offset <= finding.end.offset)
    .sort((a, b) => a.end.offset - a.start.offset - (b.end.offset - b.start.offset))
  if (under.length === 0) return null
  const first = under[0]
  return {
    contents: {
      kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText,
      value: under.map((finding) => (markdown ? explainMarkdown(finding) : explainText(finding))).join(markdown ? '\n\n---\n\n' : '\n\n')
    },
    range: {start: document.positionAt(first.start.offset), end: document.positionAt(first.end.offset)}
  }
}

function explainMarkdown(finding: Finding): string {
  const description = descriptions.get(finding.ruleId)
  const parts = [`**tactful · ${escape(finding.ruleId)}**${description ? `: ${escape(description)}` : ''}`, escape(finding.message)]
  const why = whyItMatters.get(finding.ruleId)
  if (why) parts.push(`*Why it matters:* ${escape(why)}`)
  if (finding.suggestions.length > 0)
    parts.push(['Suggestions:', ...finding.suggestions.map((suggestion) => `- “${escape(suggestion)}”`)].join('\n'))
  if (finding.url) parts.push(`[Documentation for ${escape(finding.ruleId)}](${finding.url})`)
  return parts.join('\n\n')
}

function explainText(finding: Finding): string {
  const description = descriptions.get(finding.ruleId)
  const parts = [`tactful · ${finding.ruleId}${description ? `: ${description}` : ''}`, finding.message]
  const why = whyItMatters.get(finding.ruleId)
  if (why) parts.push(`Why it matters: ${why}`)
  if (finding.suggestions.length > 0)
    parts.push(['Suggestions:', ...finding.suggestions.map((suggestion) => `- “${suggestion}”`)].join('\n'))
  if (finding.url) parts.push(finding.url)
  return parts.join('\n\n')
}

// Reply text is shown as written, not read as Markdown.
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&')
}
