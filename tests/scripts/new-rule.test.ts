// `npm run new-rule <id>` scaffolds a rule that the meta, drift and fixture tests accept as it is.
// It runs in a copy of the repository in a temp folder, so the working tree is never changed.
import {execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const skipped = new Set(['node_modules', 'dist', '.git'])

/** Copy the repository without its installed or built parts, linking node_modules folders instead. */
function copyRepository(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'tactful-new-rule-'))
  cpSync(root, copy, {recursive: true, filter: (source) => !skipped.has(path.basename(source))})
  for (const folder of ['.', 'packages/tactful', 'packages/language-server', 'packages/tactful-mcp', 'extension']) {
    const modules = path.join(root, folder, 'node_modules')
    if (existsSync(modules)) symlinkSync(modules, path.join(copy, folder, 'node_modules'))
  }
  return copy
}

describe('npm run new-rule', () => {
  const copy = copyRepository()
  afterAll(() => rmSync(copy, {recursive: true, force: true}))
  const run = (script: string, ...args: string[]) =>
    execFileSync(process.execPath, [path.join(copy, script), ...args], {cwd: copy, encoding: 'utf8'})

  it('creates the rule folder and says which generated places it updated', () => {
    const output = run('scripts/new-rule.mjs', 'scaffold-sample')
    const created = [
      'README.md',
      'index.ts',
      'meta.json',
      'phrases.json',
      'phrases.zh.json',
      'test/fixtures/not-ok.expected.txt',
      'test/fixtures/not-ok.txt',
      'test/fixtures/not-ok.zh.expected.txt',
      'test/fixtures/not-ok.zh.txt',
      'test/fixtures/ok.txt',
      'test/fixtures/ok.zh.txt',
      'test/scaffold-sample.test.ts'
    ]
    expect(
      readdirSync(path.join(copy, 'rules/scaffold-sample'), {recursive: true, withFileTypes: true})
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(path.join(copy, 'rules/scaffold-sample'), path.join(entry.parentPath, entry.name)))
        .sort()
    ).toEqual(created)
    for (const name of created) expect(output).toContain(`created rules/scaffold-sample/${name}`)
    for (const file of ['rules/index.ts', 'README.md', 'extension/package.json', 'extension/README.md', 'packages/tactful-mcp/README.md']) {
      expect(output).toContain(`updated ${file}`)
      expect(readFileSync(path.join(copy, file), 'utf8')).toContain('scaffold-sample')
    }
    expect(run('scripts/generate.mjs', '--check')).toContain('Every generated place matches')
    // CONTRIBUTING.md lists exactly what the command creates and touches.
    const contributing = readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8')
    for (const name of created) expect(contributing).toContain(`rules/<id>/${name.replace('scaffold-sample', '<id>')}\n`)
    for (const file of ['rules/index.ts', 'README.md', 'extension/package.json', 'extension/README.md', 'packages/tactful-mcp/README.md']) {
      expect(contributing).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}(?: |$)`, 'm'))
    }
  })

  it('passes the meta, drift and fixture tests and its own test right after scaffolding', () => {
    const vitest = path.join(root, 'node_modules/vitest/vitest.mjs')
    const tests = ['tests/meta.test.ts', 'tests/scripts/generated.test.ts', 'tests/fixtures.test.ts', 'rules/scaffold-sample/']
    const output = execFileSync(process.execPath, [vitest, 'run', '--reporter=verbose', ...tests], {
      cwd: copy,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'}
    })
    expect(output).toContain('scaffold-sample')
    expect(output).toMatch(/Test Files {2}4 passed/)
  }, 180_000) // A whole vitest run of its own, on a machine that may be busy.

  it('refuses an id that is not kebab-case, or a rule that exists', () => {
    expect(() => run('scripts/new-rule.mjs', 'Over_Apologizing')).toThrow(/Expected a kebab-case rule id, not `Over_Apologizing`/)
    expect(() => run('scripts/new-rule.mjs', 'jargon')).toThrow(/Cannot create rule `jargon`: `rules\/jargon` already exists/)
  })

  it('leaves the working tree alone', () => {
    expect(existsSync(path.join(root, 'rules/scaffold-sample'))).toBe(false)
  })
})
