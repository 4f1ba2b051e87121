// The in-process half of the bench, in a worker thread so the main thread can stop it if it
// stalls (a synchronous loop cannot be interrupted from inside). Tasks: `measure`, `profile`.
import {mkdirSync, writeFileSync} from 'node:fs'
import {Session} from 'node:inspector/promises'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import {parentPort, workerData} from 'node:worker_threads'
import {countWords, loadContenders} from './contenders.mjs'
import {buildEmails, countTokens, readReplies} from './corpus.mjs'
import {median, percentile} from './stats.mjs'

// Collecting garbage before each pass keeps one contender's litter off the next one's clock.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc')

try {
  const task = workerData.task === 'profile' ? profileLint : measureContenders
  parentPort.postMessage({type: 'result', result: await task(workerData)})
} catch (error) {
  parentPort.postMessage({type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error)})
}

/** Time every contender on every workload, rounds after warm-ups, contenders rotating each round. */
async function measureContenders({root, corpus, limit, emails, warmups, rounds}) {
  const contenders = await loadContenders(root)
  const replies = readReplies(corpus, limit)
  const workloads = [
    {id: 'replies', label: 'corpus replies', texts: replies},
    ...emails.map(({words, count}) => ({id: `email-${words}`, label: `emails of ~${words.toLocaleString('en')} words`, texts: buildEmails(replies, words, count)}))
  ]
  for (const workload of workloads) {
    workload.words = workload.texts.reduce((sum, text) => sum + countWords(text), 0)
    workload.tokens = workload.texts.reduce((sum, text) => sum + countTokens(text), 0)
    workload.samples = Object.fromEntries(contenders.map(({id}) => [id, {totals: [], p50s: [], p95s: []}]))
    workload.findings = {}
  }
  for (let round = 0; round < warmups + rounds; round++) {
    const warmup = round < warmups
    const shift = round % contenders.length
    const order = [...contenders.slice(shift), ...contenders.slice(0, shift)]
    for (const workload of workloads) {
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
  return {
    contenders: contenders.map(({id, label}) => ({id, label})),
    workloads: workloads.map(({id, label, texts, words, tokens, samples, findings}) => ({
      id,
      label,
      texts: texts.length,
      words,
      tokens,
      findings,
      results: Object.fromEntries(
        Object.entries(samples).map(([contender, {totals, p50s, p95s}]) => [
          contender,
          {ms: median(totals), p50: median(p50s), p95: median(p95s), totals}
        ])
      )
    }))
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

function progress(text) {
  parentPort.postMessage({type: 'progress', text})
}
