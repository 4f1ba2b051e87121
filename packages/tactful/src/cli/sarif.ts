import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Rule} from '../../../../rules/kit/index.js'
import type {Finding, Fix, Severity} from '../types.js'
import type {FileReport} from './report.js'

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

/** Where the report is written from, and what wrote it. */
export interface SarifContext {
  rules: readonly Rule[]
  version: string
  /** Files are named relative to this folder (`%SRCROOT%`), as code scanning expects. */
  cwd: string
}

/**
 * The SARIF 2.1.0 format: one run, every rule with its description and help URI, one result per
 * finding (columns in UTF-16 code units, as SARIF's default), notices and read errors as tool
 * execution notifications.
 */
export function formatSarif(reports: FileReport[], {rules, version, cwd}: SarifContext): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]))
  const results: unknown[] = []
  const notifications: unknown[] = []
  for (const report of reports) {
    const artifactLocation = artifactFor(report.file, cwd)
    for (const finding of report.findings) {
      const index = ruleIndex.get(finding.ruleId)
      results.push({
        ruleId: finding.ruleId,
        ...(index === undefined ? {} : {ruleIndex: index}),
        level: levels[finding.severity],
        message: {text: finding.message},
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: finding.start.line,
                startColumn: finding.start.column,
                endLine: finding.end.line,
                endColumn: finding.end.column,
                charOffset: finding.start.offset,
                charLength: finding.end.offset - finding.start.offset,
                snippet: {text: finding.actual}
              }
            }
          }
        ],
        ...(finding.fixes.length > 0 && report.file !== '<stdin>'
          ? {fixes: finding.fixes.map((fix) => toSarifFix(fix, finding, artifactLocation))}
          : {})
      })
    }
    const locations = [{physicalLocation: {artifactLocation}}]
    for (const notice of report.notices) notifications.push({level: 'note', message: {text: notice}, locations})
    if (report.error) notifications.push({level: 'error', message: {text: report.error}, locations})
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tactful',
            version,
            informationUri: 'https://github.com/tactful-dev/tactful',
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: {text: rule.meta.description},
              ...(rule.meta.docs ? {fullDescription: {text: rule.meta.docs.looksFor}, help: {text: rule.meta.docs.why}} : {}),
              helpUri: rule.meta.url,
              defaultConfiguration: {level: levels[rule.meta.severity]}
            }))
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}`}},
        columnKind: 'utf16CodeUnits',
        invocations: [{executionSuccessful: !reports.some((report) => report.error), toolExecutionNotifications: notifications}],
        results
      }
    ]
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

// Standard input has no address; a file is named relative to `%SRCROOT%` when it lies under it.
function artifactFor(file: string, cwd: string): Record<string, unknown> {
  if (file === '<stdin>') return {description: {text: 'standard input'}}
  const absolute = path.resolve(cwd, file)
  const relative = path.relative(cwd, absolute)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return {uri: pathToFileURL(absolute).href}
  return {uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'}
}

// A fix replaces the flagged text, or (an insert) adds after it: an empty region at its end.
function toSarifFix(fix: Fix, finding: Finding, artifactLocation: Record<string, unknown>): unknown {
  const from = fix.kind === 'insert' ? finding.end : finding.start
  const deletedRegion = {startLine: from.line, startColumn: from.column, endLine: finding.end.line, endColumn: finding.end.column}
  return {
    description: {text: fix.title},
    artifactChanges: [{artifactLocation, replacements: [{deletedRegion, insertedContent: {text: fix.text}}]}]
  }
}
