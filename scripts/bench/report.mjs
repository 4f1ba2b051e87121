// Turns the bench's measurements into the Markdown it prints and saves.
import {median} from './stats.mjs'

const targets = {corpusRatio: 1.3, latency: {500: 15, 5000: 60}, rssMb: 100, cliRatio: 3}

/**
 * The results as Markdown: setup, throughput, ratios (English, then Chinese), language server, CLI,
 * and each target met or missed. The Chinese rows are figures only, with no target.
 */
export function formatReport({date, machine, setup, measured, server, cli}) {
  const chinese = measured.chinese ?? {reason: 'not measured'}
  const byId = new Map(measured.workloads.map((workload) => [workload.id, workload]))
  const labels = new Map(measured.contenders.map(({id, label}) => [id, label]))
  const lines = [
    `## tactful bench, ${date}`,
    '',
    '| setup | |',
    '| --- | --- |',
    `| date | ${date} |`,
    `| machine | ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB, ${machine.os}, Node ${machine.node} |`,
    `| corpus | \`${setup.corpus}\`, ${number(setup.replies)} replies${setup.quick ? ' (`--quick` slice)' : ''}; emails built from them, five replies a paragraph |`,
    chinese.workloads
      ? `| Chinese | \`${setup.zh}\`, ${number(setup.zhReplies)} replies; emails built from them, five replies a paragraph${setup.quick ? ' (`--quick`: fewer emails)' : ''} |`
      : `| Chinese | not available (${cell(chinese.reason)}) |`,
    `| method | median of ${setup.rounds} rounds after ${setup.warmups} warm-up, contenders rotating each round; words are \`WordNode\`s in the floor's tree; Chinese has no spaces between words, so its texts are counted in characters (code points other than whitespace) |`,
    '',
    '| texts | contender | ms | throughput | p50 ms per text | p95 ms per text |',
    '| --- | --- | ---: | ---: | ---: | ---: |'
  ]
  const throughputRows = (workloads, labelOf, amount, unit) => {
    for (const workload of workloads) {
      let first = true
      for (const [id, result] of Object.entries(workload.results)) {
        const texts = first ? `${workload.label}: ${number(workload.texts)} texts, ${number(amount(workload))} ${unit}` : ''
        lines.push(
          `| ${texts} | ${labelOf(id)} | ${ms(result.ms)} | ${number(amount(workload) / (result.ms / 1000))} ${unit}/s | ${ms(result.p50)} | ${ms(result.p95)} |`
        )
        first = false
      }
    }
  }
  throughputRows(
    measured.workloads,
    (id) => labels.get(id),
    (workload) => workload.words,
    'words'
  )
  if (chinese.workloads) {
    const chineseLabels = new Map(chinese.contenders.map(({id, label}) => [id, label]))
    throughputRows(
      chinese.workloads,
      (id) => chineseLabels.get(id),
      (workload) => workload.characters,
      'characters'
    )
  }

  const ratios = measured.workloads.map((workload) => ({
    label: workload.label,
    floor: roundRatio(workload, 'tactful', 'floor'),
    alex: roundRatio(workload, 'tactful', 'alex')
  }))
  lines.push(
    '',
    `| median of per-round ratios | ${ratios.map(({label}) => label).join(' | ')} |`,
    `| --- |${ratios.map(() => ' ---: |').join('')}`,
    `| tactful / floor (time) | ${ratios.map(({floor}) => times(floor)).join(' | ')} |`,
    `| tactful / alex (time per word) | ${ratios.map(({alex}) => times(alex)).join(' | ')} |`
  )
  if (chinese.workloads) {
    const zhRatios = chinese.workloads.map((workload) => ({
      label: workload.label,
      lint: roundRatio(workload, 'tactful', 'floor'),
      segmentation: roundRatio(workload, 'floor', 'icu')
    }))
    lines.push(
      '',
      `| median of per-round ratios | ${zhRatios.map(({label}) => label).join(' | ')} |`,
      `| --- |${zhRatios.map(() => ' ---: |').join('')}`,
      `| Chinese: tactful / segmentation floor (time) | ${zhRatios.map(({lint}) => times(lint)).join(' | ')} |`,
      `| Chinese: segmentation floor / ICU alone (time) | ${zhRatios.map(({segmentation}) => times(segmentation)).join(' | ')} |`
    )
  }

  lines.push('', '| language server and CLI | measured |', '| --- | --- |')
  if (server.value) {
    const {latency, rss, peakRss, baselineRss, warmRss, replies} = server.value
    for (const entry of latency) {
      lines.push(
        `| didChange → publishDiagnostics, ${number(entry.words)}-word document | p50 ${ms(entry.p50)} ms, p95 ${ms(entry.p95)} ms (${entry.changes} changes) |`
      )
    }
    lines.push(
      `| resident memory after linting ${number(replies)} replies | ${mb(rss)} MB (peak ${mb(peakRss)} MB; ${mb(baselineRss)} MB after start, ${mb(warmRss)} MB after the latency runs) |`
    )
  } else lines.push(`| language server | not available (${cell(server.reason)}) |`)
  if (cli.value) {
    lines.push(
      `| CLI on one reply vs \`node -e 0\` | ${ms(cli.value.cli)} ms vs ${ms(cli.value.node)} ms, ${times(cli.value.ratio)} (medians of ${cli.value.runs} runs each) |`
    )
  } else lines.push(`| CLI | not available (${cell(cli.reason)}) |`)

  const replies = ratios[0]
  const rows = [
    [
      `\`lint()\` on the corpus ≤ ${targets.corpusRatio} × floor`,
      replies.floor,
      (value) => times(value),
      (value) => value <= targets.corpusRatio
    ],
    [
      'faster than alex per word (replies / emails)',
      ratios.map(({alex}) => alex),
      (values) => values.map(times).join(' / ') + " alex's time",
      (values) => values.every((value) => value < 1)
    ],
    ...[500, 5000].map((words) => [
      `language server p95 ≤ ${targets.latency[words]} ms at ${number(words)} words`,
      server.value?.latency.find((entry) => entry.target === words)?.p95,
      (value) => `${ms(value)} ms`,
      (value) => value <= targets.latency[words]
    ]),
    [`language server RSS ≤ ${targets.rssMb} MB`, server.value?.rss, (value) => `${mb(value)} MB`, (value) => value / 1e6 <= targets.rssMb],
    [`CLI ≤ ${targets.cliRatio} × \`node -e 0\``, cli.value?.ratio, (value) => times(value), (value) => value <= targets.cliRatio]
  ]
  const verdicts = []
  lines.push('', '| target | measured | result |', '| --- | --- | --- |')
  for (const [target, value, show, meets] of rows) {
    const known = value !== undefined && !(Array.isArray(value) ? value.some(Number.isNaN) : Number.isNaN(value))
    const result = known ? (meets(value) ? 'met' : 'missed') : 'not measured'
    verdicts.push({target, result})
    lines.push(`| ${target} | ${known ? show(value) : 'n/a'} | ${result} |`)
  }

  const notes = [
    `Floor: \`unified().use(retextEnglish)\`, parse and run with no plugins. alex: \`text()\` from alex ${setup.alexVersion}, which builds its processor (retext-english, retext-equality, retext-profanities) on every call.`,
    `Per-text times are per reply for the corpus and per email for the emails; ${number(byId.get('replies')?.tokens ?? 0)} whitespace-separated tokens in the corpus, for comparison with the word count.`
  ]
  if (chinese.workloads) {
    const zhReplies = chinese.workloads.find(({id}) => id === 'zh-replies')
    notes.push(
      `Chinese: the segmentation floor is \`unified().use(retextReply)\`, parse and run with no rules: tactful's parser alone (each line's language detected, Chinese split into words by \`Intl.Segmenter\`, the nlcst tree built). ICU alone is one \`Intl.Segmenter('zh', {granularity: 'word'})\` counting the segments of each text, given whole in one call (${number(zhReplies?.findings.icu)} segments in the replies); the parser gives it each run of Chinese characters on its own, so on long texts the floor can take less time than ICU alone. tactful \`lint()\` found ${number(zhReplies?.findings.tactful)} findings in the replies. Chinese emails are the one-line replies run on with no space, five to a paragraph. No target applies to these rows.`
    )
  }
  if (server.value) {
    const lintP95 = server.value.latency.map((entry) => `${ms(byId.get(`email-${entry.target}`)?.results.tactful?.p95)} ms`)
    notes.push(
      `Latency runs from sending didChange to receiving publishDiagnostics over stdio; the server lints a change at once, and changes that arrive during a lint fold into one more. \`lint()\` alone takes p95 ${lintP95.join(' and ')} on emails of those sizes (table above).`,
      `Diagnostics matched to changes ${server.value.versioned ? 'by uri and version' : 'as the first publish after each change (the server sent no version)'}. Memory: each reply opened as its own document, ${server.value.batch} at a time, closed once its diagnostics arrived; VmRSS from /proc after the last.`
    )
  }
  lines.push('', ...notes.map((note) => `- ${note}`))
  return {markdown: lines.join('\n'), verdicts}
}

// Ratios of the two contenders' totals within each round, so drift between rounds cancels out.
function roundRatio(workload, numerator, denominator) {
  const top = workload.results[numerator]?.totals ?? []
  const bottom = workload.results[denominator]?.totals ?? []
  return median(top.map((value, round) => value / bottom[round]).filter(Number.isFinite))
}

function number(value) {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en') : 'n/a'
}

function ms(value) {
  if (!Number.isFinite(value)) return 'n/a'
  if (value < 1) return value.toFixed(3)
  if (value < 10) return value.toFixed(2)
  if (value < 100) return value.toFixed(1)
  return Math.round(value).toLocaleString('en')
}

function times(value) {
  return Number.isFinite(value) ? `${value.toFixed(value < 0.1 ? 3 : 2)}×` : 'n/a'
}

function mb(bytes) {
  return Number.isFinite(bytes) ? (bytes / 1e6).toFixed(1) : 'n/a'
}

function cell(text) {
  return String(text).replaceAll('|', '\\|').replaceAll('\n', ' ')
}
