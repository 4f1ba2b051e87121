// The shape of the code: types shared across the packages are defined once, and no modules import
// each other in a circle (type-only imports count: they tie the files together just the same).
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const sourceRoots = ['rules', 'packages/tactful/src', 'packages/language-server/src', 'packages/tactful-mcp/src', 'extension/src']

function sources(folder: string): string[] {
  return readdirSync(path.join(root, folder), {withFileTypes: true}).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test' ? [] : sources(relative)
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative] : []
  })
}

const files = sourceRoots.flatMap(sources)
const texts = new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]))

/** Relative imports and re-exports of a file, resolved to the `.ts` files they name. */
function importsOf(file: string): string[] {
  const text = texts.get(file) ?? ''
  const found: string[] = []
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])).replace(/\.js$/, '.ts')
    if (texts.has(target)) found.push(target)
  }
  return found
}

function findCycle(): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file]
    state.set(file, 'open')
    stack.push(file)
    for (const next of importsOf(file)) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(file, 'done')
    return undefined
  }
  for (const file of files) {
    const cycle = visit(file)
    if (cycle) return cycle
  }
  return undefined
}

describe('code shape', () => {
  it('reads the sources it checks', () => {
    expect(files).toContain('packages/tactful/src/email/split.ts')
    expect(importsOf('packages/tactful/src/email/split.ts')).toContain('packages/tactful/src/email/inline.ts')
  })

  it('has no import cycles', () => {
    expect(findCycle()).toBeUndefined()
  })

  it('gives every Chinese closer look one signature, the kit’s `ChineseCheck`', () => {
    const closerLooks = files.filter((file) => /^rules\/[^/]+\/zh\.ts$/.test(file) && /\bcheckChinese\b/.test(texts.get(file) ?? ''))
    expect(closerLooks.length).toBeGreaterThanOrEqual(4)
    for (const file of closerLooks) expect(texts.get(file), file).toMatch(/\bexport const checkChinese: ChineseCheck\b/)
  })

  it.each(['Point', 'Severity', 'RuleSetting', 'Region', 'RegionKind', 'Fix', 'ReplyFormat', 'Finding'])('defines `%s` once', (name) => {
    const declaring = files.filter((file) =>
      new RegExp(`(?:^|\\n)\\s*export\\s+(?:interface|type)\\s+${name}\\b`).test(texts.get(file) ?? '')
    )
    expect(declaring).toHaveLength(1)
  })
})
