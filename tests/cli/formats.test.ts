import {readFileSync} from 'node:fs'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {ruleList} from '../../packages/tactful/src/index.js'
import {clean, run, seed, thankless, workspace} from './helpers.js'

// The SARIF 2.1.0 schema (tests/cli/sarif/LICENSE says where it comes from). Its language-tag pattern
// is not valid under the `u` flag, so patterns are compiled without it.
// Both are CommonJS modules whose export is also their `default`.
const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(JSON.parse(readFileSync(path.join(import.meta.dirname, 'sarif/sarif-2.1.0-rtm.5.json'), 'utf8')))

function expectValidSarif(text: string) {
  const log = JSON.parse(text)
  const valid = validateSarif(log)
  expect(validateSarif.errors ?? []).toEqual([])
  expect(valid).toBe(true)
  return log
}

describe('the stylish format', () => {
  it('groups findings under each file, in aligned columns, and skips clean files', () => {
    const folder = workspace({'a.txt': seed, 'b.txt': clean, 'c.txt': thankless})
    const {stdout} = run(['a.txt', 'b.txt', 'c.txt'], {cwd: folder})
    const lines = stdout.split('\n')
    expect(lines[0]).toBe('')
    expect(lines[1]).toBe('a.txt')
    expect(lines.slice(2, 6).every((line) => /^ {2}1:\d+ +warning {2}.+ {2}[a-z-]+$/.test(line))).toBe(true)
    // Columns line up: every message, and every rule id, starts at the same place.
    expect(new Set(lines.slice(2, 6).map((line) => /^ {2}\S+ +warning {2}/.exec(line)?.[0].length)).size).toBe(1)
    expect(new Set(lines.slice(2, 6).map((line) => line.lastIndexOf('  '))).size).toBe(1)
    expect(stdout).not.toContain('b.txt')
    expect(lines[7]).toBe('c.txt')
    expect(lines[8]).toMatch(/^ {2}1:1 {2}warning {2}The reply never thanks .* {2}missing-thanks$/)
    expect(lines.slice(-3)).toEqual(['', '✖ 5 problems (0 errors, 5 warnings, 0 info)', ''])
  })

  it('prints nothing for clean replies', () => {
    expect(run([], {input: clean}).stdout).toBe('')
  })
})

describe('the compact format', () => {
  it('prints file:line:col, severity, message and rule on one line', () => {
    const folder = workspace({'c.txt': thankless})
    const {stdout} = run(['--format', 'compact', 'c.txt'], {cwd: folder})
    expect(stdout).toMatch(
      /^c\.txt:1:1 {2}warning {2}The reply never thanks the customer.* {2}missing-thanks\n\n1 problem \(0 errors, 1 warning, 0 info\)\n$/
    )
  })
})

describe('the json format', () => {
  it('keeps its shape: one object per input with its findings and commitments', () => {
    const folder = workspace({'c.txt': thankless})
    const [report] = JSON.parse(run(['--format', 'json', 'c.txt'], {cwd: folder}).stdout)
    expect(Object.keys(report)).toEqual(['file', 'findings', 'commitments'])
    expect(report.findings[0]).toMatchObject({ruleId: 'missing-thanks', severity: 'warning', start: {line: 1, column: 1, offset: 0}})
  })
})

describe('the sarif format', () => {
  it('is valid SARIF 2.1.0, with every rule and its help URI', () => {
    const folder = workspace({'replies/a.txt': seed, 'b.txt': clean})
    const {code, stdout} = run(['--format', 'sarif', 'replies/a.txt', 'b.txt'], {cwd: folder})
    expect(code).toBe(1)
    const log = expectValidSarif(stdout)
    expect(log.version).toBe('2.1.0')
    const [sarifRun] = log.runs
    expect(sarifRun.tool.driver.name).toBe('tactful')
    expect(sarifRun.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(sarifRun.tool.driver.rules.map((rule: {id: string; helpUri: string}) => [rule.id, rule.helpUri])).toEqual(
      ruleList.map((rule) => [rule.meta.id, rule.meta.url])
    )
    expect(sarifRun.tool.driver.rules[0].shortDescription.text).toBe(ruleList[0].meta.description)
    expect(sarifRun.results).toHaveLength(4)
    const [first] = sarifRun.results
    expect(first).toMatchObject({
      ruleId: 'blame-shifting',
      ruleIndex: ruleList.findIndex((rule) => rule.meta.id === 'blame-shifting'),
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'replies/a.txt', uriBaseId: '%SRCROOT%'},
            region: {
              startLine: 1,
              startColumn: 1,
              endLine: 1,
              endColumn: 19,
              charOffset: 0,
              charLength: 18,
              snippet: {text: "It's not our fault"}
            }
          }
        }
      ]
    })
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/)
    expect(sarifRun.invocations[0].executionSuccessful).toBe(true)
  })

  it('carries each finding’s fixes as SARIF fixes: a replacement, or an insertion after the flagged text', () => {
    const folder = workspace({'reply.txt': "We won't be able to see you before Friday.\n"})
    const log = expectValidSarif(run(['--format', 'sarif', 'reply.txt'], {cwd: folder}).stdout)
    const byRule = new Map(log.runs[0].results.map((result: {ruleId: string}) => [result.ruleId, result]))
    expect((byRule.get('negative-phrasing') as {fixes: unknown[]}).fixes[0]).toEqual({
      description: {text: "Replace with “We'll be able to see you on Friday”"},
      artifactChanges: [
        {
          artifactLocation: {uri: 'reply.txt', uriBaseId: '%SRCROOT%'},
          replacements: [
            {
              deletedRegion: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 42},
              insertedContent: {text: "We'll be able to see you on Friday"}
            }
          ]
        }
      ]
    })
    const thanks = (
      byRule.get('missing-thanks') as {
        fixes: Array<{artifactChanges: Array<{replacements: Array<{deletedRegion: Record<string, number>}>}>}>
      }
    ).fixes[0]
    const region = thanks.artifactChanges[0].replacements[0].deletedRegion
    expect([region.startLine, region.startColumn]).toEqual([region.endLine, region.endColumn])
  })

  it('maps info to note, and is valid for standard input, a clean run and an unreadable file', () => {
    const info = expectValidSarif(run(['--format', 'sarif', '--rule', 'missing-thanks=info'], {input: thankless}).stdout)
    expect(info.runs[0].results[0]).toMatchObject({
      level: 'note',
      locations: [{physicalLocation: {artifactLocation: {description: {text: 'standard input'}}}}]
    })
    expect(expectValidSarif(run(['--format', 'sarif'], {input: clean}).stdout).runs[0].results).toEqual([])
    const folder = workspace({'odd name #1.txt': thankless})
    const broken = run(['--format', 'sarif', 'odd name #1.txt', 'missing.txt'], {cwd: folder})
    expect(broken.code).toBe(2)
    const log = expectValidSarif(broken.stdout)
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('odd%20name%20%231.txt')
    expect(log.runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{level: 'error', message: {text: 'missing.txt: no such file'}}]
    })
  })
})

describe('the github format', () => {
  it('prints one workflow command per finding, with its range and rule', () => {
    const folder = workspace({'replies/a.txt': seed})
    const {code, stdout} = run(['--format', 'github', path.join(folder, 'replies/a.txt')], {cwd: folder})
    expect(code).toBe(1)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe(
      "::warning file=replies/a.txt,line=1,col=1,endLine=1,endColumn=19,title=tactful(blame-shifting)::“It's not our fault” disowns the problem; own it and say what you will do"
    )
  })

  it('escapes what would end a property or the message, and maps severities', () => {
    const folder = workspace({
      '.tactfulrc.json': JSON.stringify({rules: {jargon: 'error', 'missing-thanks': 'info'}, glossary: {flag: {'100%': ['fully']}}}),
      'a,b:c\nd.txt': 'We are 100% sure.\n'
    })
    const {stdout} = run(['--format', 'github', 'a,b:c\nd.txt'], {cwd: folder})
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toContain(
      '::error file=a%2Cb%3Ac%0Ad.txt,line=1,col=8,endLine=1,endColumn=12,title=tactful(jargon)::“100%25” is support jargon; try “fully”'
    )
    expect(
      lines.some((line) => line.startsWith('::notice file=a%2Cb%3Ac%0Ad.txt,') && line.includes('title=tactful(missing-thanks)::'))
    ).toBe(true)
  })
})

describe('the junit format', () => {
  it('is well-formed XML: a suite per file, failures for warnings and errors, a passing case for a clean file', () => {
    const folder = workspace({'a & <b>.txt': seed, 'clean.txt': clean, 'info.txt': thankless})
    const {code, stdout} = run(['--format', 'junit', '--rule', 'blame-shifting=error', 'a & <b>.txt', 'clean.txt', '-', 'missing.txt'], {
      cwd: folder,
      input: 'Your seat is \u0001 14C.\n'
    })
    expect(code).toBe(2)
    expect(XMLValidator.validate(stdout)).toBe(true)
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testsuite' || name === 'testcase'
    }).parse(stdout)
    const suites = xml.testsuites.testsuite
    expect(suites.map((suite: {name: string}) => suite.name)).toEqual(['a & <b>.txt', 'clean.txt', '<stdin>', 'missing.txt'])
    expect(suites[0]).toMatchObject({tests: '4', failures: '4', errors: '0'})
    expect(suites[0].testcase[0].failure).toMatchObject({
      type: 'error',
      message: "“It's not our fault” disowns the problem; own it and say what you will do"
    })
    expect(suites[0].testcase[0].failure['#text']).toBe(
      "line 1, col 1, Error - “It's not our fault” disowns the problem; own it and say what you will do (blame-shifting)"
    )
    expect(suites[1]).toMatchObject({tests: '1', failures: '0', errors: '0', testcase: [{name: 'tactful', classname: 'clean.txt'}]})
    expect(suites[3]).toMatchObject({tests: '1', failures: '0', errors: '1'})
    expect(xml.testsuites).toMatchObject({tests: '7', failures: '5', errors: '1'})
  })

  it('passes info findings, with their message as output', () => {
    const {code, stdout} = run(['--format', 'junit', '--rule', 'missing-thanks=info'], {input: thankless})
    expect(code).toBe(0)
    expect(stdout).toContain('<system-out>line 1, col 1, Info - The reply never thanks')
    expect(stdout).not.toContain('<failure')
  })
})
