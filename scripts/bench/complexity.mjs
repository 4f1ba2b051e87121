// The complexity bench: lint 10k, 100k and 1M characters of each adversarial shape (tests/hostile/
// arbitraries.ts: `adversarialUnits`) and of the fuzz generators' replies, and report how time grows
// from 100k to 1M. Linear is ×10; the target is ×15 at most for every shape.
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import {build} from 'esbuild'
import fc from 'fast-check'

/** Sizes linted, in UTF-16 code units. */
export const sizes = [10_000, 100_000, 1_000_000]

/** The largest growth from 100k to 1M characters that still counts as linear. */
export const maxRatio = 15

// Each size is timed a few times, after a garbage collection, and the fastest run counts: on a
// shared machine the others are slowed by whatever else runs, not by the shape.
const runsPerSize = [3, 3, 2]
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc')

/**
 * Time `lint()` on every shape at every size; `onProgress` hears of each. Returns one row per shape:
 * `{id, ms: [per size], findings, notices, ratio}`.
 */
export async function measureComplexity({root, onProgress}) {
  const {lint} = await import(pathToFileURL(path.join(root, 'packages/tactful/dist/index.js')).href)
  const arbitraries = await loadArbitraries(root)
  const shapes = [
    ...arbitraries.adversarialUnits.map(({id}) => ({id, text: (size) => arbitraries.adversarialText(id, size)})),
    {id: 'fuzz-replies', text: (size) => joinedReplies(arbitraries, size)},
    {id: 'fuzz-large', text: (size) => repeatedReply(arbitraries, size)}
  ]
  // A first small lint loads the rules and the date parser, so the 10k column times lint alone.
  await lint('We will call you tomorrow at 5pm. Thanks!')
  const rows = []
  for (const shape of shapes) {
    const row = {id: shape.id, ms: [], findings: 0, notices: []}
    for (const [index, size] of sizes.entries()) {
      const text = shape.text(size)
      let ms = Number.POSITIVE_INFINITY
      let result
      for (let run = 0; run < runsPerSize[index]; run++) {
        collectGarbage()
        const started = performance.now()
        result = await lint(text)
        ms = Math.min(ms, performance.now() - started)
      }
      row.ms.push(ms)
      row.findings = result.findings.length
      row.notices = result.notices
      onProgress(`complexity: ${shape.id} at ${size.toLocaleString('en')} characters, ${Math.round(ms).toLocaleString('en')} ms`)
    }
    row.ratio = row.ms[2] / row.ms[1]
    rows.push(row)
  }
  return {sizes, maxRatio, rows}
}

/** The rows as a Markdown table, with each shape's 100k→1M ratio against the target. */
export function formatComplexity({sizes, maxRatio, rows}) {
  const head = sizes.map((size) => `${size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`} ms`)
  const lines = [
    `### Complexity: ms to lint each shape, and growth from 100k to 1M characters (linear ×10, target ≤ ×${maxRatio})`,
    '',
    `Fastest of ${runsPerSize.join(', ')} runs at ${sizes.map((size) => size.toLocaleString('en')).join(', ')} characters, each after a garbage collection.`,
    '',
    `| shape | ${head.join(' | ')} | 100k→1M | findings at 1M | target |`,
    `| --- | ${head.map(() => '---:').join(' | ')} | ---: | ---: | --- |`
  ]
  for (const row of rows) {
    const ms = row.ms.map((value) => Math.round(value).toLocaleString('en'))
    lines.push(
      `| ${row.id} | ${ms.join(' | ')} | ×${row.ratio.toFixed(1)} | ${row.findings.toLocaleString('en')} | ${row.ratio <= maxRatio ? 'met' : 'missed'} |`
    )
  }
  const notices = [...new Set(rows.flatMap((row) => row.notices.map((notice) => notice.replace(/\d[\d,]*/g, '#'))))]
  if (notices.length > 0) lines.push('', `Notices at 1M (numbers masked): ${notices.map((notice) => `“${notice}”`).join('; ')}`)
  return lines.join('\n')
}

// tests/hostile/arbitraries.ts, bundled for Node with the folder it reads fixtures from.
async function loadArbitraries(root) {
  const folder = path.join(root, 'tests/hostile')
  const outfile = path.join(root, '.bench/arbitraries.mjs')
  mkdirSync(path.dirname(outfile), {recursive: true})
  await build({
    entryPoints: [path.join(folder, 'arbitraries.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    // One fast-check for the generators and the sampling.
    external: ['fast-check'],
    define: {'import.meta.dirname': JSON.stringify(folder)}
  })
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`)
}

// The fuzz generators' replies, seeded, joined by blank lines until the text is `size` long.
function joinedReplies({reply}, size) {
  const samples = fc.sample(reply, {numRuns: 2000, seed: 12})
  let text = ''
  for (let index = 0; text.length < size; index++) text += `${samples[index % samples.length]}\n\n`
  return text.slice(0, size)
}

// One fuzz reply repeated, as the property test's `largeText` builds them.
function repeatedReply({reply}, size) {
  const text = fc.sample(reply, {numRuns: 200, seed: 12}).find((sample) => sample.length > 500) ?? 'Thanks! '
  return text.repeat(Math.ceil(size / text.length)).slice(0, size)
}
