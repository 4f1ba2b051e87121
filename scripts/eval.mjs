// Scores tactful on a labelled set (see ../shared/eval/README.md):
//   npm run eval -- ../shared/eval/dev.jsonl [--show] [--rule id ...]
// Runs the CLI once over one file per case, then prints precision, recall and F1 per rule.
// `--rule id` scores that rule alone (repeatable): for a rule's own sets in rules/<id>/cases/, which
// label only that rule.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The rules the CLI runs, from the built library (the rules index, generated from the rules' meta).
const {ruleIds: allRules} = await import(pathToFileURL(path.join(root, 'packages/tactful/dist/index.js')).href)
const args = process.argv.slice(2)
const show = args.includes('--show')
const chosen = args.flatMap((arg, index) => (args[index - 1] === '--rule' ? [arg] : []))
const set = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--rule')
const usage = 'Usage: npm run eval -- <cases.jsonl> [--show] [--rule id ...]'
if (!set) {
  console.error(usage)
  process.exit(2)
}
const unknown = chosen.filter((rule) => !allRules.includes(rule))
if (unknown.length > 0) {
  console.error(`Unknown rule \`${unknown[0]}\`; rules: ${allRules.join(', ')}\n${usage}`)
  process.exit(2)
}
const rules = chosen.length > 0 ? chosen : allRules

const cases = readFileSync(set, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line))
const folder = mkdtempSync(path.join(tmpdir(), 'tactful-eval-'))
try {
  const files = cases.map((item) => {
    const file = path.join(folder, `${item.id}.txt`)
    writeFileSync(file, item.text)
    return file
  })
  const output = runCli(files)
  const byId = new Map(JSON.parse(output).map((report) => [path.basename(report.file, '.txt'), report.findings]))
  const stats = Object.fromEntries(rules.map((rule) => [rule, {expected: 0, found: 0, tp: 0}]))
  let falseAlarmCases = 0
  const problems = []
  for (const item of cases) {
    const findings = (byId.get(item.id) ?? []).filter((finding) => rules.includes(finding.ruleId))
    const expect = item.expect.filter((expectation) => rules.includes(expectation.ruleId))
    const {matched, unmatchedFindings, unmatchedExpected} = score({...item, expect}, findings)
    for (const expectation of expect) stats[expectation.ruleId].expected++
    for (const finding of findings) stats[finding.ruleId].found++
    for (const pair of matched) stats[pair.ruleId].tp++
    if (expect.length === 0 && findings.length > 0) falseAlarmCases++
    for (const finding of unmatchedFindings) problems.push(`FP ${item.id} ${finding.ruleId} “${finding.actual}”`)
    for (const expectation of unmatchedExpected) problems.push(`FN ${item.id} ${expectation.ruleId} “${expectation.actual ?? ''}”`)
  }
  printTable(stats, cases, falseAlarmCases)
  if (show) console.log(`\n${problems.join('\n')}`)
} finally {
  rmSync(folder, {recursive: true, force: true})
}

function runCli(files) {
  const cli = path.join(root, 'packages/tactful/bin/tactful.js')
  try {
    return execFileSync(process.execPath, [cli, '--format', 'json', ...files], {encoding: 'utf8', maxBuffer: 1 << 28})
  } catch (error) {
    // Exit code 1 means findings, which is the normal case here.
    if (error.status === 1) return error.stdout
    throw error
  }
}

// The largest one-to-one matching between findings and expectations (rules 2–4 of the scoring).
function score(item, findings) {
  const spans = item.expect.map((expectation) => {
    if (expectation.ruleId === 'missing-thanks' || expectation.actual === undefined) return undefined
    let index = -1
    for (let n = 0; n < (expectation.occurrence ?? 1); n++) index = item.text.indexOf(expectation.actual, index + 1)
    return [index, index + expectation.actual.length]
  })
  const candidates = item.expect.map((expectation, e) =>
    findings.flatMap((finding, f) => {
      if (finding.ruleId !== expectation.ruleId) return []
      if (!spans[e]) return [f]
      const start = finding.start.offset
      const end = Math.max(finding.end.offset, start + 1)
      return start < spans[e][1] && spans[e][0] < end ? [f] : []
    })
  )
  const owner = new Array(findings.length).fill(-1)
  const augment = (e, seen) => {
    for (const f of candidates[e]) {
      if (seen.has(f)) continue
      seen.add(f)
      if (owner[f] === -1 || augment(owner[f], seen)) {
        owner[f] = e
        return true
      }
    }
    return false
  }
  for (let e = 0; e < item.expect.length; e++) augment(e, new Set())
  const matched = []
  const matchedExpectations = new Set()
  owner.forEach((e, f) => {
    if (e >= 0) {
      matched.push({ruleId: findings[f].ruleId})
      matchedExpectations.add(e)
    }
  })
  return {
    matched,
    unmatchedFindings: findings.filter((_, f) => owner[f] === -1),
    unmatchedExpected: item.expect.filter((_, e) => !matchedExpectations.has(e))
  }
}

function printTable(stats, cases, falseAlarmCases) {
  const ratio = (a, b) => (b === 0 ? 0 : a / b)
  const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))
  const rows = [['rule', 'expected', 'found', 'TP', 'precision', 'recall', 'F1']]
  const total = {expected: 0, found: 0, tp: 0}
  for (const rule of rules) {
    const {expected, found, tp} = stats[rule]
    total.expected += expected
    total.found += found
    total.tp += tp
    const p = ratio(tp, found)
    const r = ratio(tp, expected)
    rows.push([rule, expected, found, tp, p.toFixed(3), r.toFixed(3), f1(p, r).toFixed(3)])
  }
  const p = ratio(total.tp, total.found)
  const r = ratio(total.tp, total.expected)
  rows.push(['overall (micro)', total.expected, total.found, total.tp, p.toFixed(3), r.toFixed(3), f1(p, r).toFixed(3)])
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)))
  const line = (row) =>
    `| ${row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join(' | ')} |`
  console.log(line(rows[0]))
  console.log(`|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`)
  for (const row of rows.slice(1)) console.log(line(row))
  const clean = cases.filter((item) => !item.expect.some((expectation) => rules.includes(expectation.ruleId))).length
  console.log(`\n${cases.length} cases; false-alarm cases: ${falseAlarmCases} of ${clean} clean`)
}
