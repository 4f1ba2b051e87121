import {spawnSync} from 'node:child_process'
import {chmodSync, mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const cli = path.join(root, 'packages/tactful/bin/tactful.js')

function run(args: string[], {input, cwd}: {input?: string | Buffer; cwd?: string} = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input,
    cwd: cwd ?? root,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function workspace(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tactful-cli-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), content)
  }
  return folder
}

const clean = 'Thanks for your patience. Your refund of $24.50 was processed today.\n'
const seed = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do."

describe('tactful CLI', () => {
  it('reads standard input and exits 1 with warnings, grouped by file in the stylish format', () => {
    const {code, stdout} = run([], {input: seed})
    expect(code).toBe(1)
    expect(stdout).toMatch(/^\n<stdin>\n {2}1:1 {3}warning {2}“It's not our fault” disowns the problem.* {2}blame-shifting$/m)
    expect(stdout).toMatch(/^ {2}1:85 {2}warning {2}.* {2}negative-phrasing$/m)
    expect(stdout).toMatch(/missing-thanks/)
    expect(stdout).toMatch(/\n\n✖ \d+ problems \(0 errors, \d+ warnings, 0 info\)\n$/)
  })

  it('prints one line per finding in the compact format', () => {
    const {code, stdout} = run(['--format', 'compact'], {input: seed})
    expect(code).toBe(1)
    expect(stdout).toMatch(/^<stdin>:1:1 {2}warning {2}“It's not our fault” disowns the problem.* {2}blame-shifting$/m)
    expect(stdout).toMatch(/problems \(0 errors, \d+ warnings, 0 info\)/)
  })

  it('exits 0 and prints nothing for a clean reply', () => {
    const {code, stdout, stderr} = run(['-'], {input: clean})
    expect({code, stdout, stderr}).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('prints one JSON object per input, with the library’s fields', () => {
    const folder = workspace({'a.txt': seed, 'b.txt': clean})
    const {code, stdout} = run(['--format', 'json', path.join(folder, 'a.txt'), path.join(folder, 'b.txt')])
    expect(code).toBe(1)
    const reports = JSON.parse(stdout)
    expect(reports.map((report: {file: string}) => path.basename(report.file))).toEqual(['a.txt', 'b.txt'])
    const [first] = reports[0].findings
    // The library's finding gained `note` and typed `fixes`; the CLI passes them on as they are.
    expect(Object.keys(first).sort()).toEqual([
      'actual',
      'end',
      'fixes',
      'message',
      'note',
      'ruleId',
      'severity',
      'start',
      'suggestions',
      'url'
    ])
    expect(first.actual).toBe(seed.slice(first.start.offset, first.end.offset))
    expect(reports[1]).toEqual({file: path.join(folder, 'b.txt'), findings: [], commitments: []})
  })

  it('expands globs', () => {
    const folder = workspace({'replies/one.txt': seed, 'replies/two.txt': clean, 'other.md': seed})
    const {stdout} = run(['--format', 'json', 'replies/*.txt'], {cwd: folder})
    expect(JSON.parse(stdout).map((report: {file: string}) => report.file)).toEqual(['replies/one.txt', 'replies/two.txt'])
  })

  it('reports commitments with a due date', () => {
    const {stdout} = run(['--format', 'json'], {input: "Thanks, Omar. I'll email you the tracking number by 5 pm today.\n"})
    const [report] = JSON.parse(stdout)
    expect(report.commitments).toHaveLength(1)
    expect(report.commitments[0].text).toBe("I'll email you the tracking number by 5 pm today")
    expect(new Date(report.commitments[0].due).getHours()).toBe(17)
  })

  it('ignores quoted history and the signature', () => {
    const text =
      'Thanks for writing. Your order left today.\n\nOn Mon, 3 Nov 2025, Ben <ben@example.com> wrote:\n> It is not our fault, we cannot do anything ASAP.\n'
    expect(run(['-'], {input: text}).code).toBe(0)
  })

  it('sets a rule’s severity with --rule, and turns it off', () => {
    const error = run(['--format', 'json', '--rule', 'blame-shifting=error'], {input: seed})
    expect(JSON.parse(error.stdout)[0].findings.filter((finding: {severity: string}) => finding.severity === 'error')).toHaveLength(2)
    const off = run(
      ['--format', 'json', '--rule', 'blame-shifting=off', '--rule', 'negative-phrasing=off', '--rule', 'missing-thanks=off'],
      {input: seed}
    )
    expect(JSON.parse(off.stdout)[0].findings).toEqual([])
    expect(off.code).toBe(0)
  })

  it('finds .tactfulrc.json by walking up from the file', () => {
    const folder = workspace({
      '.tactfulrc.json': JSON.stringify({rules: {'missing-thanks': 'off'}, glossary: {allow: ['RMA']}}),
      'team/reply.txt': 'Please request an RMA through the portal.'
    })
    const {code, stdout} = run([path.join(folder, 'team/reply.txt')])
    expect({code, stdout}).toEqual({code: 0, stdout: ''})
  })

  it('reads options from package.json#tactful and from --config', () => {
    const folder = workspace({
      'package.json': JSON.stringify({name: 'team', tactful: {rules: {'missing-thanks': 'off'}}}),
      'strict.json': JSON.stringify({rules: {'missing-thanks': 'error'}}),
      'reply.txt': 'Your seat is now 14C.'
    })
    expect(run([path.join(folder, 'reply.txt')]).code).toBe(0)
    const strict = run(['--config', path.join(folder, 'strict.json'), path.join(folder, 'reply.txt')])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/ error {2}The reply never thanks/)
  })

  it('exits 2 and names the file for a broken config', () => {
    const folder = workspace({'.tactfulrc.json': '{"rules": {', 'reply.txt': clean})
    const {code, stderr} = run([path.join(folder, 'reply.txt')])
    expect(code).toBe(2)
    expect(stderr).toContain(`Cannot parse config \`${path.join(folder, '.tactfulrc.json')}\``)
  })

  it('exits 2 for an unknown rule or severity in a config', () => {
    const folder = workspace({'.tactfulrc.json': JSON.stringify({rules: {jargn: 'off'}}), 'reply.txt': clean})
    const {code, stderr} = run([path.join(folder, 'reply.txt')])
    expect(code).toBe(2)
    expect(stderr).toContain('Cannot find rule `jargn`')
    const flag = run(['--rule', 'jargon=loud'], {input: clean})
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('Expected `off`, `info`, `warning` or `error` for rule `jargon`, not `loud`')
  })

  it('exits 2 for a missing file, but still lints the others', () => {
    const folder = workspace({'reply.txt': seed})
    const {code, stdout, stderr} = run(['--format', 'json', path.join(folder, 'missing.txt'), path.join(folder, 'reply.txt')])
    expect(code).toBe(2)
    expect(stderr).toContain(`${path.join(folder, 'missing.txt')}: no such file`)
    expect(JSON.parse(stdout)[1].findings.length).toBeGreaterThan(0)
  })

  it('refuses binary input, invalid UTF-8 and folders with a clear message', () => {
    const folder = workspace({
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      'sub/a.txt': clean
    })
    const binary = run([path.join(folder, 'image.png')])
    expect(binary.code).toBe(2)
    expect(binary.stderr).toContain('binary file')
    const latin1 = run([path.join(folder, 'latin1.txt')])
    expect(latin1.code).toBe(2)
    expect(latin1.stderr).toContain('not valid UTF-8')
    // A folder is no longer refused: it stands for the replies in it (tests/cli/inputs.test.ts).
    const directory = run([path.join(folder, 'sub')])
    expect(directory).toMatchObject({code: 0, stderr: ''})
  })

  it('exits 2 with usage for an unknown flag or format', () => {
    expect(run(['--frobnicate']).code).toBe(2)
    const format = run(['--format', 'xml'], {input: clean})
    expect(format.code).toBe(2)
    expect(format.stderr).toBe('tactful: Expected `--format` to be `stylish`, `compact`, `json`, `sarif`, `github` or `junit`, not `xml`\n')
  })

  it('prints help and the version', () => {
    expect(run(['--help']).stdout).toContain('Usage: tactful')
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('applies safe fixes in place with --fix, keeping the file mode, and changes nothing the second time', () => {
    const folder = workspace({'reply.txt': 'Thanks for your message. We won’t be able to see you before Friday.\n'})
    const file = path.join(folder, 'reply.txt')
    chmodSync(file, 0o640)
    run(['--fix', file])
    expect(readFileSync(file, 'utf8')).toBe('Thanks for your message. We’ll be able to see you on Friday.\n')
    expect(statSync(file).mode & 0o777).toBe(0o640)
    const second = run(['--fix', file])
    expect(second.code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('Thanks for your message. We’ll be able to see you on Friday.\n')
  })

  it('prints a diff and leaves the file alone with --fix-dry-run', () => {
    const text = "Thanks for asking. We won't be able to deliver until next Wednesday.\n"
    const folder = workspace({'reply.txt': text})
    const file = path.join(folder, 'reply.txt')
    const {stdout} = run(['--fix-dry-run', file])
    expect(stdout).toContain("-Thanks for asking. We won't be able to deliver until next Wednesday.")
    expect(stdout).toContain("+Thanks for asking. We'll be able to deliver next Wednesday.")
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})
