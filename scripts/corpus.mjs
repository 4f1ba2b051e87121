// Lints a corpus of real replies to measure how often each rule fires and how fast tactful runs:
//   node scripts/corpus.mjs <replies.jsonl> [more.jsonl …] [--sample N] [--seed S] [--rule id]
//                           [--save findings.json] [--new-since findings.json]
// Each line is a JSON object with `text` (and optionally `id`, `brand`), or a thread with `turns`
// (`{role, text}`; each agent turn is linted as a reply on its own). The corpus has no labels, so the
// numbers show how noisy a rule is, not whether it is right; --sample prints findings for a person to judge.
// --save writes every finding's key (reply id, rule, offsets); --new-since counts and samples only the
// findings that such an earlier run did not have, to read what a change added.
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const library = path.join(root, 'packages/tactful/dist/index.js')
const usage =
  'Usage: node scripts/corpus.mjs <replies.jsonl> [more.jsonl …] [--sample N] [--seed S] [--rule id] [--save file] [--new-since file]'

const options = parseArgs(process.argv.slice(2))
if (!existsSync(library)) fail(`${path.relative(root, library)} is missing; run \`node scripts/build.mjs\` first`)
const {lint, ruleIds} = await import(pathToFileURL(library).href)
if (options.rule && !ruleIds.includes(options.rule)) fail(`Unknown rule \`${options.rule}\`; rules: ${ruleIds.join(', ')}`)
const rules = options.rule ? [options.rule] : ruleIds

const replies = options.files.flatMap(readReplies)
const before = options.newSince ? new Set(JSON.parse(readFileSync(options.newSince, 'utf8'))) : undefined
const keyOf = (reply, finding) => `${reply.id}|${finding.ruleId}|${finding.start.offset}|${finding.end.offset}`
const saved = []

const stats = Object.fromEntries(rules.map((rule) => [rule, {findings: [], replies: 0}]))
const notices = new Map()
const started = performance.now()
for (const reply of replies) {
  const result = await lint(reply.text)
  const fired = new Set()
  for (const finding of result.findings) {
    if (!stats[finding.ruleId]) continue
    const key = keyOf(reply, finding)
    saved.push(key)
    if (before?.has(key)) continue
    stats[finding.ruleId].findings.push({reply, finding})
    fired.add(finding.ruleId)
  }
  for (const rule of fired) stats[rule].replies++
  // A rule that throws is skipped and reported as a notice; its counts would silently read as zero otherwise.
  for (const notice of result.notices) notices.set(notice, (notices.get(notice) ?? 0) + 1)
}
const elapsed = performance.now() - started

if (options.save) writeFileSync(options.save, JSON.stringify(saved))
console.log(`Replies linted: ${replies.length}${before ? ` (counting only findings new since ${options.newSince})` : ''}`)
console.log(`Total time: ${(elapsed / 1000).toFixed(1)} s (${(elapsed / Math.max(replies.length, 1)).toFixed(2)} ms per reply)`)
console.log('')
const width = Math.max(...rules.map((rule) => rule.length))
console.log(`${'rule'.padEnd(width)}  findings  replies with one`)
for (const rule of rules) {
  const {findings, replies: hit} = stats[rule]
  const share = replies.length ? ((100 * hit) / replies.length).toFixed(1) : '0.0'
  console.log(`${rule.padEnd(width)}  ${String(findings.length).padStart(8)}  ${String(hit).padStart(6)} (${share}%)`)
}
if (notices.size > 0) {
  console.log('\nNotices:')
  for (const [notice, count] of notices) console.log(`  ${count}× ${notice}`)
}

if (options.sample > 0) {
  for (const rule of rules) {
    const picked = sample(stats[rule].findings, options.sample, mulberry32(options.seed))
    console.log(`\n== ${rule}: ${picked.length} of ${stats[rule].findings.length} findings (seed ${options.seed})`)
    for (const {reply, finding} of picked) {
      console.log(`${reply.id} | ${rule} | “${finding.actual}” | ${finding.message}`)
      const author = reply.brand ? `${reply.brand}: ` : ''
      console.log(`    ${author}${reply.text.replace(/\r?\n/g, '\n    ')}`)
    }
  }
}

function parseArgs(args) {
  const parsed = {files: [], sample: 0, seed: 1, rule: undefined, save: undefined, newSince: undefined}
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]
    if (arg === '--sample' || arg === '--seed') {
      const value = Number(args[++index])
      if (!Number.isInteger(value) || value < 0) fail(`${arg} needs a whole number\n${usage}`)
      parsed[arg.slice(2)] = value
    } else if (arg === '--rule') {
      parsed.rule = args[++index]
      if (!parsed.rule) fail(`--rule needs a rule id\n${usage}`)
    } else if (arg === '--save' || arg === '--new-since') {
      const value = args[++index]
      if (!value) fail(`${arg} needs a file\n${usage}`)
      parsed[arg === '--save' ? 'save' : 'newSince'] = value
    } else if (arg.startsWith('--')) {
      fail(usage)
    } else {
      parsed.files.push(arg)
    }
  }
  if (parsed.files.length === 0) fail(usage)
  return parsed
}

// One reply per line, or one thread per line whose agent turns are each a reply.
function readReplies(file) {
  const name = path.basename(file, '.jsonl')
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line, index) => {
      const record = JSON.parse(line)
      if (!Array.isArray(record.turns)) {
        return [{id: String(record.id ?? `${name}:${index + 1}`), brand: record.brand, text: decodeEntities(record.text)}]
      }
      const thread = record.dialog_id ?? record.session_id ?? index + 1
      const brand = record.brand_guess ?? record.company
      return record.turns.flatMap((turn, at) =>
        turn.role === 'agent' && typeof turn.text === 'string'
          ? [{id: `${name}:${thread}:${at}`, brand, text: decodeEntities(turn.text)}]
          : []
      )
    })
}

// Twitter stores these five entities escaped; the agent typed the characters, so lint those.
// One pass, so an escaped entity such as `&amp;gt;` becomes `&gt;` and not `>`.
function decodeEntities(text) {
  const entities = {'&amp;': '&', '&gt;': '>', '&lt;': '<', '&quot;': '"', '&#39;': "'"}
  return text.replace(/&(?:amp|gt|lt|quot|#39);/g, (entity) => entities[entity])
}

// Draws without replacement (partial Fisher–Yates), so the same seed gives the same findings.
function sample(items, count, random) {
  const pool = items.slice()
  const size = Math.min(count, pool.length)
  for (let index = 0; index < size; index++) {
    const other = index + Math.floor(random() * (pool.length - index))
    ;[pool[index], pool[other]] = [pool[other], pool[index]]
  }
  return pool.slice(0, size)
}

// A small seeded PRNG; Math.random cannot be seeded.
function mulberry32(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function fail(message) {
  console.error(message)
  process.exit(2)
}
