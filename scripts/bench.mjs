// Measures how fast tactful lints, next to the bare parser and alex, plus the language server and CLI:
//   npm run bench [-- --quick] [-- --profile] [-- --complexity] [-- --corpus <path>] [-- --zh <path>]
// Chinese replies get their own rows, next to tactful's parser alone and ICU's segmenter alone.
// Prints the results and targets as Markdown and writes them to .bench/results.md. Progress goes
// to standard error. Exits non-zero only when the bench itself breaks; a missed target is a result.
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {readChineseReplies} from './bench/chinese.mjs'
import {measureCli} from './bench/cli.mjs'
import {formatComplexity} from './bench/complexity.mjs'
import {countWords} from './bench/contenders.mjs'
import {buildEmails, countTokens, readReplies} from './bench/corpus.mjs'
import {measureLanguageServer} from './bench/language-server.mjs'
import {formatProfile, summarizeProfile} from './bench/profile.mjs'
import {formatReport} from './bench/report.mjs'
import {runWorker} from './bench/run-worker.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outputs = path.join(root, '.bench')
const usage = 'Usage: npm run bench [-- --quick] [-- --profile] [-- --complexity] [-- --corpus <path>] [-- --zh <path>]'

let args
try {
  args = parseArgs({
    options: {
      quick: {type: 'boolean', default: false},
      profile: {type: 'boolean', default: false},
      complexity: {type: 'boolean', default: false},
      corpus: {type: 'string', default: '../shared/corpus/twcs-replies.jsonl'},
      zh: {type: 'string', default: '../shared/eval/dev-zh.jsonl'},
      help: {type: 'boolean', short: 'h', default: false}
    }
  }).values
} catch (error) {
  console.error(`${error.message}\n${usage}`)
  process.exit(2)
}
if (args.help) {
  console.log(
    `${usage}\n  --quick     1 warm-up and 2 rounds on the first 2,000 replies, and fewer emails\n  --profile   also write a CPU profile of lint() to .bench/lint.cpuprofile and print where the time goes\n  --complexity  only the complexity bench: lint 10k, 100k and 1M characters of each adversarial shape (the full bench runs it too)\n  --corpus    JSON Lines of {"text": …} replies (default ../shared/corpus/twcs-replies.jsonl)\n  --zh        JSON Lines of {"text": …} Chinese replies (default ../shared/eval/dev-zh.jsonl); without it, no Chinese rows`
  )
  process.exit(0)
}

const plan = args.quick
  ? {
      limit: 2000,
      warmups: 1,
      rounds: 2,
      emails: [
        {words: 500, count: 40},
        {words: 5000, count: 4}
      ],
      zhEmails: [
        {characters: 1000, count: 10},
        {characters: 10000, count: 2}
      ],
      changes: 30,
      cliRuns: 10,
      minutes: 20
    }
  : {
      limit: Infinity,
      warmups: 1,
      rounds: 5,
      emails: [
        {words: 500, count: 200},
        {words: 5000, count: 20}
      ],
      zhEmails: [
        {characters: 1000, count: 40},
        {characters: 10000, count: 8}
      ],
      changes: 40,
      cliRuns: 15,
      minutes: 90
    }

// Every wait below has its own limit; this one catches whatever slips past them.
setTimeout(() => {
  console.error(`bench: still running after ${plan.minutes} minutes; stopped`)
  process.exit(1)
}, plan.minutes * 60_000).unref()

try {
  await main()
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
// The worker and the server are already stopped; exit now rather than wait on stray handles.
process.exit(0)

async function main() {
  ensureBuilt()
  const progress = (text) => console.error(`bench: ${text}`)
  if (args.complexity) {
    const markdown = await complexitySection(progress)
    mkdirSync(outputs, {recursive: true})
    writeFileSync(path.join(outputs, 'complexity.md'), `${markdown}\n`)
    console.log(`${markdown}\n\nWritten to ${path.relative(process.cwd(), path.join(outputs, 'complexity.md'))}.`)
    return
  }
  const corpus = path.resolve(root, args.corpus)
  const replies = readReplies(corpus, plan.limit)
  progress(`${replies.length.toLocaleString('en')} replies from ${path.relative(root, corpus)}`)

  // Without the Chinese replies the bench says so and measures the rest.
  const zhFile = path.resolve(root, args.zh)
  let chinese
  try {
    chinese = {file: zhFile, replies: readChineseReplies(zhFile).length}
    progress(`${chinese.replies.toLocaleString('en')} Chinese replies from ${path.relative(root, zhFile)}`)
  } catch (error) {
    chinese = {reason: error.message}
    progress(`Chinese: not available (${error.message})`)
  }

  const measured = await runWorker(
    {
      task: 'measure',
      root,
      corpus,
      limit: plan.limit,
      emails: plan.emails,
      chinese: chinese.reason ? undefined : {file: zhFile, emails: plan.zhEmails},
      warmups: plan.warmups,
      rounds: plan.rounds
    },
    {stallMs: 10 * 60_000, onProgress: progress}
  )
  measured.chinese ??= {reason: chinese.reason}

  let server
  try {
    const documents = plan.emails.map(({words}) => {
      const [text] = buildEmails(replies, words, 1)
      return {target: words, words: countWords(text), text}
    })
    server = {
      value: await measureLanguageServer({root, documents, replies, changes: plan.changes, warmups: 5, batch: 100, onProgress: progress})
    }
  } catch (error) {
    server = {reason: error.message}
    progress(`language server: not available (${error.message})`)
  }

  let cli
  try {
    // A short, ordinary reply: the CLI's cost here is almost all start-up.
    const reply = replies.find((text) => countTokens(text) >= 15 && countTokens(text) <= 40) ?? replies[0]
    const file = path.join(outputs, 'cli-reply.txt')
    mkdirSync(outputs, {recursive: true})
    writeFileSync(file, `${reply}\n`)
    cli = {value: measureCli({root, file, runs: plan.cliRuns})}
    progress(`CLI: ${cli.value.cli.toFixed(0)} ms vs node -e 0 ${cli.value.node.toFixed(0)} ms`)
  } catch (error) {
    cli = {reason: error.message}
    progress(`CLI: not available (${error.message})`)
  }

  const complexity = await complexitySection(progress)
  const report = formatReport({
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown CPU',
      cores: os.cpus().length,
      memoryGiB: os.totalmem() / 2 ** 30,
      os: `${os.type()} ${os.release()}`,
      node: process.version
    },
    setup: {
      corpus: path.relative(root, corpus),
      replies: replies.length,
      zh: path.relative(root, zhFile),
      zhReplies: chinese.replies,
      quick: args.quick,
      rounds: plan.rounds,
      warmups: plan.warmups,
      alexVersion: readVersion('alex')
    },
    measured,
    server,
    cli
  })
  const {verdicts} = report
  const markdown = `${report.markdown}\n\n${complexity}`
  mkdirSync(outputs, {recursive: true})
  writeFileSync(path.join(outputs, 'results.md'), `${markdown}\n`)
  console.log(`${markdown}\n`)
  console.log(`Written to ${path.relative(process.cwd(), path.join(outputs, 'results.md'))}.`)

  if (args.profile) {
    const output = path.join(outputs, 'lint.cpuprofile')
    const profiled = await runWorker(
      {task: 'profile', root, corpus, limit: plan.limit, output},
      {stallMs: 10 * 60_000, onProgress: progress}
    )
    console.log(`\n${formatProfile(summarizeProfile(output, root))}\n`)
    console.log(
      `CPU profile of lint() over ${profiled.replies.toLocaleString('en')} replies written to ${path.relative(process.cwd(), output)} (open it in Chrome DevTools or VS Code).`
    )
  } else if (verdicts.some(({result}) => result === 'missed')) {
    console.log('A target is missed: `npm run bench -- --profile` writes the profile that says why.')
  }
}

// The complexity bench, as Markdown; a shape over the target is a result, a failure to run says why.
async function complexitySection(progress) {
  try {
    return formatComplexity(await runWorker({task: 'complexity', root}, {stallMs: 10 * 60_000, onProgress: progress}))
  } catch (error) {
    progress(`complexity: not available (${error.message})`)
    return `### Complexity\n\nNot available: ${error.message}`
  }
}

function ensureBuilt() {
  if (existsSync(path.join(root, 'packages/tactful/dist/index.js'))) return
  console.error('bench: packages/tactful/dist is missing; building')
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {cwd: root, stdio: 'inherit', timeout: 5 * 60_000})
  if (result.error || result.status !== 0) {
    throw new Error(
      `\`node scripts/build.mjs\` failed (${result.error?.message ?? `exit ${result.signal ?? result.status}`}); fix the build and run the bench again`
    )
  }
}

function readVersion(name) {
  try {
    return createRequire(import.meta.url)(`${name}/package.json`).version
  } catch {
    return '(version unknown)'
  }
}
