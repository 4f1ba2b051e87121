// Every place that lists the rules is written from the rules' meta by scripts/generate.mjs; this test
// fails when one has drifted (someone edited it by hand, or added a rule without `npm run generate`).
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {ruleIds} from '../../rules/index.js'
import {drifted, generate, readRules} from '../../scripts/generate.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const generated = generate(root)

describe('generated places', () => {
  it.each(generated.map(({file, content}) => [file, content]))('%s matches the rules’ meta (run `npm run generate`)', (file, content) => {
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(content)
  })

  it('reads one meta.json per rule folder, and the rules index imports exactly those rules', () => {
    expect(readRules(root).map((rule) => rule.id)).toEqual([...ruleIds])
  })

  it('gives every rule, and only the rules, a `tactful.rules` setting in the extension', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'extension/package.json'), 'utf8'))
    const settings = manifest.contributes.configuration.properties['tactful.rules'].properties
    expect(Object.keys(settings)).toEqual([...ruleIds])
  })

  it('lists every rule in the README table', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    for (const id of ruleIds) expect(readme).toContain(`| [${id}](rules/${id}/README.md) |`)
  })
})

describe('a sixth rule, half added', () => {
  // A copy of what the generator reads, in a temp folder, with the current rules' meta.
  const copy = mkdtempSync(path.join(tmpdir(), 'tactful-generate-'))
  afterAll(() => rmSync(copy, {recursive: true, force: true}))
  for (const file of ['README.md', 'extension/package.json', 'extension/README.md', 'packages/tactful-mcp/README.md', 'rules/index.ts']) {
    mkdirSync(path.dirname(path.join(copy, file)), {recursive: true})
    cpSync(path.join(root, file), path.join(copy, file))
  }
  for (const id of ruleIds) cpSync(path.join(root, 'rules', id, 'meta.json'), path.join(copy, 'rules', id, 'meta.json'))
  mkdirSync(path.join(copy, 'rules/kit'))

  it('starts with nothing drifted', () => {
    expect(drifted(copy)).toEqual([])
  })

  it('is missing from every generated place until `npm run generate` runs', () => {
    const meta = {id: 'half-added-rule', description: 'Flag what a half-added rule flags', severity: 'warning'}
    mkdirSync(path.join(copy, 'rules/half-added-rule'))
    writeFileSync(path.join(copy, 'rules/half-added-rule/meta.json'), JSON.stringify(meta))
    expect(drifted(copy)).toEqual(generated.map(({file}) => file))
    for (const {file, content} of generate(copy)) {
      expect(content, file).toContain('half-added-rule')
      writeFileSync(path.join(copy, file), content)
    }
    expect(drifted(copy)).toEqual([])
  })

  it('cannot be a folder without meta.json', () => {
    mkdirSync(path.join(copy, 'rules/folder-only-rule'))
    expect(() => generate(copy)).toThrow('Cannot find `rules/folder-only-rule/meta.json`')
    rmSync(path.join(copy, 'rules/folder-only-rule'), {recursive: true})
  })

  it('cannot have a meta.json whose id is not its folder', () => {
    mkdirSync(path.join(copy, 'rules/folder-only-rule'))
    writeFileSync(
      path.join(copy, 'rules/folder-only-rule/meta.json'),
      JSON.stringify({id: 'irony', description: 'Flag irony', severity: 'info'})
    )
    expect(() => generate(copy)).toThrow('Expected `id` `folder-only-rule` in `rules/folder-only-rule/meta.json`, not `irony`')
    rmSync(path.join(copy, 'rules/folder-only-rule'), {recursive: true})
  })
})
