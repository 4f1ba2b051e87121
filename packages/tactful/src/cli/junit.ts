import type {Finding} from '../types.js'
import type {FileReport} from './report.js'

/**
 * The junit format: a test suite per input and a test case per finding, as CI servers read test
 * results. Errors and warnings are failures; info findings pass, with their message as output; an
 * input that could not be read is an error; a clean input is one passing case.
 */
export function formatJunit(reports: FileReport[]): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  let errors = 0
  for (const report of reports) {
    const cases: string[] = []
    const file = attribute(report.file)
    let suiteFailures = 0
    for (const finding of report.findings) {
      const name = attribute(`${finding.ruleId} at ${finding.start.line}:${finding.start.column}`)
      const detail = text(describe(finding))
      if (finding.severity === 'info') {
        cases.push(`    <testcase name="${name}" classname="${file}" time="0">\n      <system-out>${detail}</system-out>\n    </testcase>`)
        continue
      }
      suiteFailures++
      cases.push(
        `    <testcase name="${name}" classname="${file}" time="0">\n      <failure type="${finding.severity}" message="${attribute(finding.message)}">${detail}</failure>\n    </testcase>`
      )
    }
    const notices = report.notices.map((notice) => text(notice)).join('\n')
    if (report.error)
      cases.push(
        `    <testcase name="read" classname="${file}" time="0">\n      <error message="${attribute(report.error)}"/>\n    </testcase>`
      )
    else if (cases.length === 0)
      cases.push(
        `    <testcase name="tactful" classname="${file}" time="0"${notices ? `>\n      <system-out>${notices}</system-out>\n    </testcase>` : '/>'}`
      )
    const suiteErrors = report.error ? 1 : 0
    tests += cases.length
    failures += suiteFailures
    errors += suiteErrors
    suites.push(
      `  <testsuite name="${file}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" time="0">\n${cases.join('\n')}\n  </testsuite>`
    )
  }
  const body = suites.length > 0 ? `\n${suites.join('\n')}\n` : '\n'
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tactful" tests="${tests}" failures="${failures}" errors="${errors}">${body}</testsuites>\n`
}

function describe(finding: Finding): string {
  const severity = finding.severity[0].toUpperCase() + finding.severity.slice(1)
  return `line ${finding.start.line}, col ${finding.start.column}, ${severity} - ${finding.message} (${finding.ruleId})`
}

// Characters XML 1.0 cannot hold at all (most controls, lone surrogates) are shown as escapes.
const unrepresentable =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it finds.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function text(value: string): string {
  return value
    .replace(unrepresentable, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

function attribute(value: string): string {
  // A line break in an attribute would be read back as a space.
  return text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;')
}
