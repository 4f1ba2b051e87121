import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint} from '../packages/tactful/src/index.js'
import {fixtureLine} from './helpers.js'

const root = new URL('fixtures/', import.meta.url)
const ids = readdirSync(root, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

const read = (id: string, name: string) => readFileSync(new URL(`${id}/${name}`, root), 'utf8')

describe.each(ids)('fixtures/%s', (id) => {
  it('ok.txt yields no finding from any rule', async () => {
    const {findings, notices} = await lint(read(id, 'ok.txt'))
    expect(findings.map(fixtureLine)).toEqual([])
    expect(notices).toEqual([])
  })

  it('not-ok.txt yields exactly not-ok.expected.txt', async () => {
    const {findings} = await lint(read(id, 'not-ok.txt'))
    const expected = read(id, 'not-ok.expected.txt').split('\n').filter((line) => line !== '')
    expect(expected.length).toBeGreaterThan(0)
    expect(findings.filter((finding) => finding.ruleId === id).map(fixtureLine)).toEqual(expected)
  })

  it('has all three files', () => {
    for (const name of ['ok.txt', 'not-ok.txt', 'not-ok.expected.txt']) expect(existsSync(new URL(`${id}/${name}`, root)), name).toBe(true)
  })
})
