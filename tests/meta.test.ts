import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint} from '../packages/tactful/src/index.js'
import {ruleIds, rules} from '../rules/index.js'
import {ruleUrl} from '../rules/kit/index.js'

const rulesDir = new URL('../rules/', import.meta.url)
const folders = readdirSync(rulesDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .map((entry) => entry.name)
  .sort()

/** Every phrase or word list in a data file: an array of entries or strings, or an object of such arrays. */
function listsOf(data: unknown): Array<[string, unknown[]]> {
  if (Array.isArray(data)) return [['', data]]
  expect(data, 'a data file holds an array, or an object of arrays').toBeTypeOf('object')
  // A `source` string says where derived data came from (provenance in a field, not a comment).
  const entries = Object.entries(data as Record<string, unknown>).filter(([key, value]) => !(key === 'source' && typeof value === 'string'))
  return entries.map(([key, list]) => {
    expect(Array.isArray(list), `\`${key}\` is an array`).toBe(true)
    return [key, list as unknown[]]
  })
}

describe('rules', () => {
  it('has one folder per rule', () => {
    expect([...ruleIds].sort()).toEqual(folders)
  })

  it('lists rules alphabetically in rules/index.ts', () => {
    expect(ruleIds).toEqual([...ruleIds].sort())
    const source = readFileSync(new URL('index.ts', rulesDir), 'utf8')
    const imported = [...source.matchAll(/^import \w+ from '\.\/([a-z-]+)\/index\.js'/gm)].map((match) => match[1])
    expect(imported).toEqual(folders)
    expect(imported).toEqual([...imported].sort())
  })
})

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const folder = new URL(`${id}/`, rulesDir)

  it('is the default export of its own folder', async () => {
    const module = (await import(/* @vite-ignore */ `../rules/${id}/index.js`)) as {default: typeof rule}
    expect(module.default).toBe(rule)
    expect(module.default.meta.id).toBe(id)
    expect(folders).toContain(id)
  })

  it('has a well-formed meta', () => {
    const {meta} = rule
    expect(meta.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
    expect(meta.url).toBe(ruleUrl(meta.id))
    expect(['error', 'warning', 'info']).toContain(meta.severity)
    expect(meta.description).toMatch(/^[A-Z]/)
    expect(meta.description).not.toMatch(/\.$/)
  })

  it('keeps its meta in meta.json, with what it flags, why, the guidance and an example', () => {
    const data = JSON.parse(readFileSync(new URL('meta.json', folder), 'utf8')) as Record<string, unknown>
    expect(Object.keys(data).sort()).toEqual(['description', 'docs', 'id', 'severity'])
    expect({...data, url: ruleUrl(id)}).toEqual({...rule.meta})
    const docs = rule.meta.docs
    expect(docs, 'meta.docs').toBeDefined()
    if (!docs) return
    expect(Object.keys(docs).sort()).toEqual(['example', 'guidance', 'looksFor', 'why'])
    for (const field of [docs.looksFor, docs.why, docs.example.flagged, docs.example.fixed]) expect(field).toMatch(/^\S.*[.!?]$/s)
    expect(docs.example.fixed).not.toBe(docs.example.flagged)
    expect(docs.guidance.length).toBeGreaterThan(0)
    for (const {seed, quote, english} of docs.guidance) {
      expect(seed, 'a seed is named by its number, as in `../shared/seeds/001_…`').toMatch(/^\d{3}$/)
      expect(quote.trim()).not.toBe('')
      // Chinese guidance comes with an English rendering.
      if (/\p{Script=Han}/u.test(quote)) expect(english?.trim(), `English for “${quote}”`).toBeTruthy()
    }
  })

  it('flags its flagged example, and no rule flags the fixed one', async () => {
    const example = rule.meta.docs?.example
    expect(example).toBeDefined()
    if (!example) return
    const flagged = await lint(example.flagged, {now: '2025-03-14T09:30:00Z'})
    expect(flagged.findings.map((finding) => finding.ruleId)).toContain(id)
    const fixed = await lint(example.fixed, {now: '2025-03-14T09:30:00Z'})
    expect(fixed.findings).toEqual([])
  })

  it('has a README that starts with `# <id>` and repeats the description', () => {
    const readme = readFileSync(new URL('README.md', folder), 'utf8')
    expect(readme.startsWith(`# ${id}\n`)).toBe(true)
    expect(readme).toContain(rule.meta.description)
  })

  it('has valid data files', () => {
    // meta.json is the rule's meta, checked above; every other JSON file is phrase or word data.
    const files = readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'meta.json')
    expect(files).toContain('phrases.json')
    for (const name of files) {
      const data: unknown = JSON.parse(readFileSync(new URL(name, folder), 'utf8'))
      for (const [key, list] of listsOf(data)) {
        const where = `${name}${key ? ` \`${key}\`` : ''}`
        const seen = new Set<string>()
        for (const item of list) {
          const entry = typeof item === 'string' ? {phrase: item} : (item as {phrase?: unknown; suggestions?: unknown})
          const phrase = entry.phrase
          expect(typeof phrase, `${where}: every entry has a \`phrase\``).toBe('string')
          const text = phrase as string
          expect(text, `${where}: “${text}” is lower-case`).toBe(text.toLowerCase())
          expect(text, `${where}: “${text}” is trimmed and single-spaced`).toBe(text.trim().replace(/\s+/g, ' '))
          expect(text.length, `${where}: no empty phrase`).toBeGreaterThan(0)
          expect(seen.has(text), `${where}: “${text}” is a duplicate`).toBe(false)
          seen.add(text)
          if (entry.suggestions !== undefined) {
            expect(
              Array.isArray(entry.suggestions) &&
                entry.suggestions.every((suggestion) => typeof suggestion === 'string' && suggestion.trim() !== ''),
              `${where}: “${text}” has string suggestions`
            ).toBe(true)
          }
          if (id === 'jargon' && name === 'phrases.json') {
            expect(Array.isArray(entry.suggestions) && entry.suggestions.length > 0, `${where}: “${text}” has suggestions`).toBe(true)
          }
        }
      }
    }
  })

  it('has English and Chinese fixtures beside it', () => {
    for (const name of ['ok.txt', 'not-ok.txt', 'not-ok.expected.txt', 'ok.zh.txt', 'not-ok.zh.txt', 'not-ok.zh.expected.txt']) {
      expect(existsSync(new URL(`test/fixtures/${name}`, folder)), `rules/${id}/test/fixtures/${name}`).toBe(true)
    }
  })

  it('has tests beside it', () => {
    expect(existsSync(new URL(`test/${id}.test.ts`, folder)), `rules/${id}/test/${id}.test.ts`).toBe(true)
  })
})
