import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint} from '../packages/tactful/src/index.js'
import {fixtureLine} from './helpers.js'

// Every rule keeps its fixtures in `rules/<id>/test/fixtures/`: `ok.txt` and `not-ok.txt` in English,
// `ok.zh.txt` and `not-ok.zh.txt` in Chinese; each `not-ok*.txt` beside its `.expected.txt`.
const rulesDir = new URL('../rules/', import.meta.url)
const ids = readdirSync(rulesDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/test/fixtures/`, rulesDir)))
  .map((entry) => entry.name)
  .sort()

const folderOf = (id: string) => new URL(`${id}/test/fixtures/`, rulesDir)
const read = (id: string, name: string) => readFileSync(new URL(name, folderOf(id)), 'utf8')
const replies = (id: string, prefix: 'ok' | 'not-ok') =>
  readdirSync(folderOf(id))
    .filter(
      (name) =>
        /^(?:ok|not-ok)(?:\.[a-z]+)?\.txt$/.test(name) &&
        !name.endsWith('.expected.txt') &&
        (name === `${prefix}.txt` || name.startsWith(`${prefix}.`))
    )
    .sort()

describe.each(ids)('rules/%s/test/fixtures', (id) => {
  it.each(replies(id, 'ok'))('%s yields no finding from any rule', async (name) => {
    const {findings, notices} = await lint(read(id, name))
    expect(findings.map(fixtureLine)).toEqual([])
    expect(notices).toEqual([])
  })

  it.each(replies(id, 'not-ok'))('%s yields exactly its .expected.txt', async (name) => {
    const {findings} = await lint(read(id, name))
    const expected = read(id, name.replace(/\.txt$/, '.expected.txt'))
      .split('\n')
      .filter((line) => line !== '')
    expect(expected.length).toBeGreaterThan(0)
    expect(findings.filter((finding) => finding.ruleId === id).map(fixtureLine)).toEqual(expected)
  })

  it('has an English and a Chinese reply of each kind, each not-ok reply with its .expected.txt', () => {
    for (const name of ['ok.txt', 'not-ok.txt', 'not-ok.expected.txt', 'ok.zh.txt', 'not-ok.zh.txt', 'not-ok.zh.expected.txt']) {
      expect(existsSync(new URL(name, folderOf(id))), `rules/${id}/test/fixtures/${name}`).toBe(true)
    }
  })
})
