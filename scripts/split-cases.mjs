// Splits a rule's labelled cases into a tune set and a held-out set, half each, stratified by `kind`:
//   node scripts/split-cases.mjs <rule> <en|zh> <cases.jsonl ...>
// Reads every case of the given files (the rule's own tune and held-out files may be among them, so the
// split can be re-run), checks them, and writes rules/<rule>/cases/tune.jsonl and held-out.jsonl (or
// tune-zh.jsonl and held-out-zh.jsonl), numbering ids afresh: <rule>-tune-NNN, <rule>-held-NNN (with
// -zh- before the number for Chinese). The split is deterministic: cases are sorted by text, shuffled
// per kind with a fixed seed, then dealt alternately, so each kind is halved (an odd one out goes to the
// two sets in turn) and both sets end up the same size, give or take one.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const seed = 20261202
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [rule, lang, ...inputs] = process.argv.slice(2)
if (!rule || !['en', 'zh'].includes(lang) || inputs.length === 0) {
  console.error('Usage: node scripts/split-cases.mjs <rule> <en|zh> <cases.jsonl ...>')
  process.exit(2)
}

const cases = inputs.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
)
const problems = cases.flatMap(checkCase)
const texts = new Set()
for (const item of cases) {
  if (texts.has(item.text)) problems.push(`duplicate text: ${item.text.slice(0, 60)}`)
  texts.add(item.text)
}
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}

const random = mulberry32(seed)
const byKind = new Map()
for (const item of [...cases].sort((a, b) => compare(a.text, b.text))) {
  if (!byKind.has(item.kind)) byKind.set(item.kind, [])
  byKind.get(item.kind).push(item)
}
const tune = []
const held = []
let turn = 0
for (const kind of [...byKind.keys()].sort(compare)) {
  for (const item of shuffle(byKind.get(kind), random)) {
    ;(turn % 2 === 0 ? tune : held).push(item)
    turn++
  }
}

const suffix = lang === 'zh' ? '-zh' : ''
const infix = lang === 'zh' ? 'zh-' : ''
write(`tune${suffix}.jsonl`, tune, `${rule}-tune-${infix}`)
write(`held-out${suffix}.jsonl`, held, `${rule}-held-${infix}`)

function write(name, items, prefix) {
  const lines = items.map((item, index) => {
    const {text, expect, kind, note} = item
    const id = prefix + String(index + 1).padStart(3, '0')
    return JSON.stringify({id, lang, text, expect, kind, note})
  })
  const file = path.join(root, 'rules', rule, 'cases', name)
  writeFileSync(file, lines.join('\n') + '\n')
  const positives = items.filter((item) => item.expect.length > 0).length
  console.log(`${path.relative(root, file)}: ${items.length} cases, ${positives} with findings`)
}

function checkCase(item) {
  const where = `${item.id ?? item.text.slice(0, 40)}:`
  const problems = []
  if (item.lang !== lang) problems.push(`${where} lang is ${item.lang}, not ${lang}`)
  if (typeof item.kind !== 'string' || !item.kind) problems.push(`${where} no kind`)
  if (typeof item.note !== 'string' || !item.note) problems.push(`${where} no note`)
  for (const expected of item.expect) {
    if (expected.ruleId !== rule) problems.push(`${where} expects ${expected.ruleId}, not ${rule}`)
    const count = item.text.split(expected.actual).length - 1
    const occurrence = expected.occurrence ?? 1
    if (count === 0) problems.push(`${where} \`${expected.actual}\` is not in the text`)
    else if (count > 1 && expected.occurrence === undefined)
      problems.push(`${where} \`${expected.actual}\` occurs ${count} times; say which`)
    else if (expected.occurrence !== undefined && (count === 1 || occurrence > count))
      problems.push(`${where} occurrence ${occurrence} of \`${expected.actual}\`, which occurs ${count} times`)
  }
  return problems
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

function shuffle(items, random) {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other], copy[index]]
  }
  return copy
}

function mulberry32(value) {
  let state = value >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
