import {type Diagnostic, DiagnosticSeverity} from 'vscode-languageserver'
import type {Finding, Fix, Severity} from 'tactful'

/** What a tactful diagnostic carries for quick fixes, in `Diagnostic.data`. */
export interface DiagnosticData {
  ruleId: string
  /** The flagged text, so a quick fix can tell when the document has moved on. */
  actual: string
  /** Drop-in replacements for `actual`, best first. */
  suggestions: string[]
  /** The same fixes, typed and titled: quick fixes apply them as they say. */
  fixes: Fix[]
  /** A term the workspace glossary can allow. */
  glossaryTerm?: string
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

/**
 * Turn a finding into an LSP diagnostic: the one place this happens.
 * Both count UTF-16 code units, so positions only move from 1-based to 0-based.
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = {ruleId: finding.ruleId, actual: finding.actual, suggestions: finding.suggestions, fixes: finding.fixes}
  if (finding.glossaryTerm !== undefined) data.glossaryTerm = finding.glossaryTerm
  const diagnostic: Diagnostic = {
    range: {
      start: {line: finding.start.line - 1, character: finding.start.column - 1},
      end: {line: finding.end.line - 1, character: finding.end.column - 1}
    },
    severity: severities[finding.severity],
    source: 'tactful',
    code: finding.ruleId,
    message: finding.message,
    data
  }
  // An empty href is not a valid URI, and clients reject the whole diagnostic over it.
  if (finding.url) diagnostic.codeDescription = {href: finding.url}
  return diagnostic
}

/** Read a diagnostic's tactful data back, or `undefined` when it is not a tactful diagnostic. */
export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== 'tactful') return undefined
  const data = diagnostic.data as Partial<DiagnosticData> | undefined
  if (!data || typeof data.ruleId !== 'string' || typeof data.actual !== 'string') return undefined
  if (!Array.isArray(data.suggestions) || data.suggestions.some((suggestion) => typeof suggestion !== 'string')) return undefined
  if (!Array.isArray(data.fixes) || !data.fixes.every(isFix)) return undefined
  if (data.glossaryTerm !== undefined && typeof data.glossaryTerm !== 'string') return undefined
  const read: DiagnosticData = {ruleId: data.ruleId, actual: data.actual, suggestions: data.suggestions, fixes: data.fixes}
  if (data.glossaryTerm !== undefined) read.glossaryTerm = data.glossaryTerm
  return read
}

// Data comes back from the client: check it is what `toDiagnostic` wrote.
function isFix(value: unknown): value is Fix {
  const fix = value as Partial<Fix> | null
  return (
    typeof fix === 'object' &&
    fix !== null &&
    (fix.kind === 'replace' || fix.kind === 'insert') &&
    typeof fix.title === 'string' &&
    typeof fix.text === 'string'
  )
}
