// The in-process half of the bench, in a worker thread so the main thread can stop it if it
// stalls (a synchronous loop cannot be interrupted from inside). Tasks: `measure`, `profile`.
import {mkdirSync, writeFileSync} from 'node:fs'
import {Session} from 'node:inspector/promises'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import {parentPort, workerData} from 'node:worker_threads'
import {buildChineseEmails, countCharacters, loadChineseContenders, readChineseReplies} from './chinese.mjs'
import {measureComplexity as complexity} from './complexity.mjs'
import {countWords, loadContenders} from './contenders.mjs'
import {buildEmails, countTokens, readReplies} from './corpus.mjs'
import {median, percentile} from './stats.mjs'

// Collecting garbage before each pass keeps one contender's litter off the next one's clock.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc')

try {
  const task = workerData.task === 'profile' ? profileLint : workerData.task === 'complexity' ? measureComplexity : measureContenders
  parentPort.postMessage({type: 'result', result: await task(workerData)})
} catch (error) {
  parentPort.postMessage({type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error)})
}

/**
 * Time every contender on every workload, rounds after warm-ups, contenders rotating each round: the
 * English contenders on the corpus and emails built from it, and, given `chinese` (`{file, emails}`),
 * the Chinese contenders on the Chinese replies and emails built from them, in the same rounds.
 */
async function measureContenders({root, corpus, limit, emails, warmups, rounds, chinese}) {
  const contenders = await loadContenders(root)
  const replies = readReplies(corpus, limit)
  const english = {
    contenders,
    workloads: [
      {id: 'replies', label: 'corpus replies', texts: replies},
      ...emails.map(({words, count}) => ({
        id: `email-${words}`,
        label: `emails of ~${words.toLocaleString('en')} words`,
        texts: buildEmails(replies, words, count)
      }))
    ]
  }
  for (const workload of english.workloads) {
    workload.words = workload.texts.reduce((sum, text) => sum + countWords(text), 0)
    workload.tokens = workload.texts.reduce((sum, text) => sum + countTokens(text), 0)
  }
  const groups = [english]
  let zh
  if (chinese) {
    try {
      const texts = readChineseReplies(chinese.file)
      zh = {
        contenders: await loadChineseContenders(root),
        workloads: [
          {id: 'zh-replies', label: 'Chinese replies', texts},
          ...chinese.emails.map(({characters, count}) => ({
            id: `zh-email-${characters}`,
            label: `Chinese emails of ~${characters.toLocaleString('en')} characters`,
            texts: buildChineseEmails(texts, characters, count)
          }))
        ]
      }
      for (const workload of zh.workloads) workload.characters = workload.texts.reduce((sum, text) => sum + countCharacters(text), 0)
      groups.push(zh)
    } catch (error) {
      zh = {reason: error.message}
      progress(`Chinese: not available (${error.message})`)
    }
  }
  for (const group of groups) {
    for (const workload of group.workloads) {
      workload.samples = Object.fromEntries(group.contenders.map(({id}) => [id, {totals: [], p50s: [], p95s: []}]))
      workload.findings = {}
    }
  }
  for (let round = 0; round < warmups + rounds; round++) {
    const warmup = round < warmups
    for (const group of groups) {
      const shift = round % group.contenders.length
      const order = [...group.contenders.slice(shift), ...group.contenders.slice(0, shift)]
      for (const workload of group.workloads) {
        for (const contender of order) {
          collectGarbage()
          const {total, times, findings} = await timePass(contender, workload.texts)
          if (warmup) workload.findings[contender.id] = findings
          else {
            const samples = workload.samples[contender.id]
            samples.totals.push(total)
            samples.p50s.push(percentile(times, 50))
            samples.p95s.push(percentile(times, 95))
          }
          const name = warmup ? `warm-up ${round + 1}/${warmups}` : `round ${round - warmups + 1}/${rounds}`
          progress(`${name}: ${workload.label}, ${contender.id} ${Math.round(total).toLocaleString('en')} ms`)
        }
      }
    }
  }
  const summarize = ({id, label, texts, samples, findings, ...counts}) => ({
    id,
    label,
    texts: texts.length,
    ...counts,
    findings,
    results: Object.fromEntries(
      Object.entries(samples).map(([contender, {totals, p50s, p95s}]) => [
        contender,
        {ms: median(totals), p50: median(p50s), p95: median(p95s), totals}
      ])
    )
  })
  const labelsOf = (list) => list.map(({id, label}) => ({id, label}))
  return {
    contenders: labelsOf(contenders),
    workloads: english.workloads.map(summarize),
    ...(zh && {chinese: zh.reason ? {reason: zh.reason} : {contenders: labelsOf(zh.contenders), workloads: zh.workloads.map(summarize)}})
  }
}

async function timePass(contender, texts) {
  const times = new Float64Array(texts.length)
  let findings = 0
  const start = performance.now()
  for (let index = 0; index < texts.length; index++) {
    const before = performance.now()
    findings += await contender.run(texts[index])
    times[index] = performance.now() - before
  }
  return {total: performance.now() - start, times, findings}
}

/** Write a CPU profile of `lint()` over the replies, after one unprofiled pass to warm up. */
async function profileLint({root, corpus, limit, output}) {
  const tactful = (await loadContenders(root)).find(({id}) => id === 'tactful')
  const replies = readReplies(corpus, limit)
  await timePass(tactful, replies)
  progress('profile: warm-up pass done, profiling')
  collectGarbage()
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', {interval: 100})
    await session.post('Profiler.start')
    const {total} = await timePass(tactful, replies)
    const {profile} = await session.post('Profiler.stop')
    mkdirSync(path.dirname(output), {recursive: true})
    writeFileSync(output, JSON.stringify(profile))
    return {output, ms: total, replies: replies.length}
  } finally {
    session.disconnect()
  }
}

/** Time lint() on adversarial shapes at growing sizes (complexity.mjs). */
function measureComplexity({root}) {
  return complexity({root, onProgress: progress})
}

function progress(text) {
  parentPort.postMessage({type: 'progress', text})
}
