// Reads a V8 CPU profile into where the time went, named by source file through the bundles' source maps.
import {existsSync, readFileSync} from 'node:fs'
import {SourceMap} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Summarise a `.cpuprofile`: the `top` functions by self time, and tactful's own functions (its
 * sources under `packages/` and `rules/`) by total time, recursion counted once.
 */
export function summarizeProfile(file, root, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const selfByNode = selfTimes(profile)
  const locate = locator(root)
  const frames = new Map()
  for (const node of profile.nodes) frames.set(node.id, locate(node.callFrame))
  const totalMs = [...selfByNode.values()].reduce((sum, ms) => sum + ms, 0)

  const self = new Map()
  for (const [id, ms] of selfByNode) {
    const frame = frames.get(id)
    const entry = self.get(frame.key) ?? {...frame, ms: 0}
    entry.ms += ms
    self.set(frame.key, entry)
  }
  const bySelf = [...self.values()].sort((a, b) => b.ms - a.ms)
  const ownSelfMs = bySelf.filter((entry) => entry.own).reduce((sum, entry) => sum + entry.ms, 0)

  const totals = totalTimes(profile, selfByNode, frames)
  const ownByTotal = [...totals.values()].filter((entry) => entry.own).sort((a, b) => b.ms - a.ms)
  return {totalMs, ownSelfMs, bySelf: bySelf.slice(0, top), ownByTotal: ownByTotal.slice(0, 10)}
}

/** Format a summary as two Markdown tables. */
export function formatProfile(summary) {
  const percent = (ms) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`
  const lines = [
    `Profile: ${Math.round(summary.totalMs).toLocaleString('en')} ms sampled; tactful's own code (its sources under packages/ and rules/) holds ${percent(summary.ownSelfMs)} of self time.`,
    '',
    `| top ${summary.bySelf.length} by self time | self ms | self % | where |`,
    '| --- | ---: | ---: | --- |',
    ...summary.bySelf.map(
      (entry) => `| ${entry.name}${entry.own ? ' (tactful)' : ''} | ${entry.ms.toFixed(0)} | ${percent(entry.ms)} | ${entry.where} |`
    ),
    '',
    "Total time counts a function's callees; code resumed after an `await` counts under whatever resumed it, so `lint` totals less than the whole.",
    '',
    "| tactful's own functions by total time | total ms | total % | where |",
    '| --- | ---: | ---: | --- |',
    ...summary.ownByTotal.map((entry) => `| ${entry.name} | ${entry.ms.toFixed(0)} | ${percent(entry.ms)} | ${entry.where} |`)
  ]
  return lines.join('\n')
}

// Each sample lasts until the next one (the last until the profile's end).
function selfTimes(profile) {
  const {samples = [], timeDeltas = [], startTime, endTime} = profile
  const stamps = new Float64Array(samples.length)
  let time = startTime
  for (let index = 0; index < samples.length; index++) {
    time += timeDeltas[index] ?? 0
    stamps[index] = time
  }
  const self = new Map()
  for (let index = 0; index < samples.length; index++) {
    const next = index + 1 < samples.length ? stamps[index + 1] : endTime
    const ms = Math.max(0, next - stamps[index]) / 1000
    self.set(samples[index], (self.get(samples[index]) ?? 0) + ms)
  }
  return self
}

// Total time per function: the node's subtree, skipped where the function is already on the stack.
function totalTimes(profile, selfByNode, frames) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []))
  const roots = profile.nodes.filter((node) => !childIds.has(node.id))
  const order = []
  const stack = [...roots]
  while (stack.length > 0) {
    const node = stack.pop()
    order.push(node)
    for (const id of node.children ?? []) stack.push(byId.get(id))
  }
  const inclusive = new Map()
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index]
    let ms = selfByNode.get(node.id) ?? 0
    for (const id of node.children ?? []) ms += inclusive.get(id) ?? 0
    inclusive.set(node.id, ms)
  }
  const totals = new Map()
  const active = new Map()
  const walk = roots.map((node) => ({node, enter: true}))
  while (walk.length > 0) {
    const {node, enter} = walk.pop()
    const frame = frames.get(node.id)
    if (!enter) {
      active.set(frame.key, active.get(frame.key) - 1)
      continue
    }
    if (!active.get(frame.key)) {
      const entry = totals.get(frame.key) ?? {...frame, ms: 0}
      entry.ms += inclusive.get(node.id)
      totals.set(frame.key, entry)
    }
    active.set(frame.key, (active.get(frame.key) ?? 0) + 1)
    walk.push({node, enter: false})
    for (const id of node.children ?? []) walk.push({node: byId.get(id), enter: true})
  }
  return totals
}

// Name a call frame by its original source where the bundle has a source map beside it.
function locator(root) {
  const maps = new Map()
  const mapFor = (file) => {
    if (!maps.has(file)) {
      let map
      try {
        if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
      } catch {
        // A map that cannot be read leaves the bundle's own line numbers, which still point somewhere.
      }
      maps.set(file, map)
    }
    return maps.get(file)
  }
  return ({functionName, url, lineNumber, columnNumber}) => {
    const name = functionName || '(anonymous)'
    if (!url) return {key: name, name, where: '', own: false}
    let file = url
    let line = lineNumber
    if (url.startsWith('file:')) {
      file = fileURLToPath(url)
      const entry = lineNumber >= 0 ? mapFor(file)?.findEntry(lineNumber, Math.max(0, columnNumber)) : undefined
      if (entry?.originalSource) {
        file = path.resolve(path.dirname(file), entry.originalSource)
        line = entry.originalLine
      }
    }
    const relative = path.isAbsolute(file) ? path.relative(root, file) : file
    const where = `${relative}:${line + 1}`
    // The library's and the rules' sources; unmapped bundles, dependencies and the bench itself are not.
    const parts = relative.split(path.sep)
    const own = (parts[0] === 'packages' || parts[0] === 'rules') && !parts.includes('node_modules') && !parts.includes('dist')
    return {key: `${name} ${where}`, name, where, own}
  }
}
