// Runs the property tests of tests/hostile/properties.test.ts on many more cases than `npm test`:
// 100,000 by default, split over parallel shards with different seeds.
//
//   npm run fuzz                      100,000 cases
//   npm run fuzz -- --runs 20000      fewer
//   npm run fuzz -- --seed 42         reproducible (shard n uses seed + n)
//
// Prints how many cases ran and how long it took; exits non-zero when a property fails,
// after vitest has printed the counterexample and the seed to replay it with.
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs')
const suite = 'tests/hostile/properties.test.ts'

const {values} = parseArgs({
  options: {
    runs: {type: 'string', default: '100000'},
    seed: {type: 'string'},
    shards: {type: 'string', default: String(Math.min(4, availableParallelism()))}
  }
})
const runs = Number(values.runs)
const shards = Number(values.shards)
if (!Number.isInteger(runs) || runs < 1) throw new Error(`Expected \`--runs\` to be a positive whole number, not \`${values.runs}\``)
if (!Number.isInteger(shards) || shards < 1)
  throw new Error(`Expected \`--shards\` to be a positive whole number, not \`${values.shards}\``)
const baseSeed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
if (!Number.isInteger(baseSeed)) throw new Error(`Expected \`--seed\` to be a whole number, not \`${values.seed}\``)

const folder = mkdtempSync(path.join(tmpdir(), 'tactful-fuzz-'))
const started = performance.now()
console.log(`Fuzzing with ${runs.toLocaleString('en-US')} cases in ${shards} shard(s), seed ${baseSeed}`)

function runShard(index) {
  const report = path.join(folder, `shard-${index}.json`)
  const env = {
    ...process.env,
    FUZZ_RUNS: String(Math.ceil(runs / shards)),
    FUZZ_SEED: String(baseSeed + index),
    FUZZ_REPORT: report
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', suite, '--reporter=dot'], {cwd: root, env, stdio: 'inherit'})
    child.on('exit', (code, signal) => {
      let result = {counts: {}, ms: 0}
      try {
        result = JSON.parse(readFileSync(report, 'utf8'))
      } catch {
        // The shard failed before it could report; its exit code says so.
      }
      resolve({code: code ?? (signal ? 1 : 0), ...result})
    })
  })
}

const results = await Promise.all(Array.from({length: shards}, (_, index) => runShard(index)))
rmSync(folder, {recursive: true, force: true})

const counts = {}
for (const result of results) for (const [name, value] of Object.entries(result.counts)) counts[name] = (counts[name] ?? 0) + value
const cases = Object.values(counts).reduce((sum, value) => sum + value, 0)
const seconds = (performance.now() - started) / 1000
const parts = Object.entries(counts).map(([name, value]) => `${name} ${value.toLocaleString('en-US')}`)
console.log(`\n${cases.toLocaleString('en-US')} cases (${parts.join(', ')}) in ${seconds.toFixed(1)} s`)
const failed = results.filter((result) => result.code !== 0).length
if (failed > 0) {
  console.error(`${failed} of ${shards} shard(s) failed; see the counterexample above (seed ${baseSeed})`)
  process.exitCode = 1
}
