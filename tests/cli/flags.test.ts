import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ruleList} from '../../packages/tactful/src/index.js'
import {clean, cli, run, seed, thankless, workspace} from './helpers.js'

const fixable = "Thanks for your message. We won't be able to see you before Friday.\n"
const fixed = "Thanks for your message. We'll be able to see you on Friday.\n"

describe('-o, --output-file', () => {
  it('writes the report to the file, making its folder, and prints nothing', () => {
    const folder = workspace({'reply.txt': seed})
    const {code, stdout} = run(['--format', 'sarif', '-o', 'reports/tactful.sarif', 'reply.txt'], {cwd: folder})
    expect({code, stdout}).toEqual({code: 1, stdout: ''})
    expect(JSON.parse(readFileSync(path.join(folder, 'reports/tactful.sarif'), 'utf8')).runs[0].results).toHaveLength(4)
    run(['--output-file', 'report.txt', 'reply.txt'], {cwd: folder, env: {NO_COLOR: undefined}})
    // Colour is for terminals; a file gets plain text unless --color or FORCE_COLOR asks.
    expect(readFileSync(path.join(folder, 'report.txt'), 'utf8')).toMatch(/^\nreply\.txt\n {2}1:1 /)
  })

  it('exits 2 when the report cannot be written', () => {
    const folder = workspace({'reply.txt': seed, taken: 'a file, not a folder'})
    const {code, stderr} = run(['-o', 'taken/report.txt', 'reply.txt'], {cwd: folder})
    expect(code).toBe(2)
    expect(stderr).toMatch(/^tactful: Cannot write the report to `taken\/report.txt`: /)
  })
})

describe('--stdin-filename', () => {
  it('names standard input in the report and finds its config', () => {
    const folder = workspace({'team/.tactfulrc.json': JSON.stringify({rules: {'missing-thanks': 'error'}})})
    const {code, stdout} = run(['--format', 'compact', '--stdin-filename', 'team/reply.txt'], {cwd: folder, input: thankless})
    expect(code).toBe(1)
    expect(stdout).toMatch(/^team\/reply\.txt:1:1 {2}error {2}The reply never thanks/)
  })

  it('chooses the format from the name: an .eml reply’s headers and quoted history are not linted', () => {
    const email =
      'From: Ana <ana@example.com>\nSubject: Your refund\n\nThanks for waiting, your refund left today.\n\nOn Mon, Ben wrote:\n> It is not our fault, we cannot do anything.\n'
    expect(run(['--stdin-filename', 'reply.eml'], {input: email}).code).toBe(0)
  })

  it('is refused beside file arguments', () => {
    expect(run(['--stdin-filename', 'a.txt', 'b.txt'])).toMatchObject({
      code: 2,
      stderr: 'tactful: `--stdin-filename` names the reply on standard input; give no files (or `-`) with it\n'
    })
  })
})

describe('folders, .tactfulignore and --ignore-path', () => {
  const files = {
    'replies/a.txt': seed,
    'replies/b.md': thankless,
    'replies/c.eml': 'Subject: Hello\n\nThanks, your parcel is on its way.\n',
    'replies/image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]),
    'replies/notes.json': '{}',
    'replies/drafts/d.txt': seed,
    'replies/.hidden/e.txt': seed,
    'replies/node_modules/x/f.txt': seed
  }

  function linted(args: string[], cwd: string): string[] {
    const {stdout} = run(['--format', 'json', ...args], {cwd})
    return (JSON.parse(stdout) as Array<{file: string}>).map((report) => report.file)
  }

  it('lints the replies in a folder, at any depth, leaving out other files, hidden folders and node_modules', () => {
    const folder = workspace(files)
    expect(linted(['replies'], folder)).toEqual(['replies/a.txt', 'replies/b.md', 'replies/c.eml', 'replies/drafts/d.txt'])
    expect(linted(['replies/'], folder)).toEqual(['replies/a.txt', 'replies/b.md', 'replies/c.eml', 'replies/drafts/d.txt'])
  })

  it('leaves out what .tactfulignore names, in gitignore syntax, from folders and globs', () => {
    const folder = workspace({...files, '.tactfulignore': '# drafts are not sent\ndrafts/\n*.md\n!keep.md\n'})
    expect(linted(['replies'], folder)).toEqual(['replies/a.txt', 'replies/c.eml'])
    expect(linted(['replies/**/*.txt'], folder)).toEqual(['replies/a.txt'])
  })

  it('skips a named file that is ignored, and says so', () => {
    const folder = workspace({...files, '.tactfulignore': 'drafts/\n'})
    const {code, stdout, stderr} = run(['--format', 'json', 'replies/drafts/d.txt', 'replies/b.md'], {cwd: folder})
    expect(code).toBe(1)
    expect(JSON.parse(stdout).map((report: {file: string}) => report.file)).toEqual(['replies/b.md'])
    expect(stderr).toBe('tactful: skipped `replies/drafts/d.txt`: `.tactfulignore` ignores it\n')
  })

  it('reads patterns from --ignore-path instead, relative to that file', () => {
    const folder = workspace({...files, '.tactfulignore': '*.txt\n', 'config/ignore': '../replies/drafts/\n**/c.eml\n'})
    expect(linted(['--ignore-path', 'config/ignore', 'replies'], folder)).toEqual([
      'replies/a.txt',
      'replies/b.md',
      'replies/c.eml',
      'replies/drafts/d.txt'
    ])
    const local = workspace({...files, 'replies/.ignore': 'drafts/\n*.eml\n'})
    expect(linted(['--ignore-path', 'replies/.ignore', 'replies'], local)).toEqual(['replies/a.txt', 'replies/b.md'])
    expect(run(['--ignore-path', 'nowhere', 'replies'], {cwd: local})).toMatchObject({
      code: 2,
      stderr: 'tactful: Cannot read the ignore file `nowhere`: no such file\n'
    })
  })

  it('exits 2 when a folder holds no reply', () => {
    const folder = workspace({'empty/notes.json': '{}'})
    expect(run(['empty'], {cwd: folder})).toMatchObject({
      code: 2,
      stderr: 'tactful: Nothing to lint: `empty` holds no reply file (.txt, .md, .eml…) that is not ignored\n'
    })
  })
})

describe('--init', () => {
  it('writes a starter .tactfulrc.json with every rule at its default severity, which then applies', () => {
    const folder = workspace({'reply.txt': clean})
    const {code, stdout} = run(['--init'], {cwd: folder})
    expect(code).toBe(0)
    expect(stdout).toContain('Wrote .tactfulrc.json')
    const config = JSON.parse(readFileSync(path.join(folder, '.tactfulrc.json'), 'utf8'))
    expect(config.rules).toEqual(Object.fromEntries(ruleList.map((rule) => [rule.meta.id, rule.meta.severity])))
    expect(run(['reply.txt'], {cwd: folder}).code).toBe(0)
  })

  it('refuses to overwrite a config', () => {
    const folder = workspace({'.tactfulrc.json': '{"rules": {}}\n'})
    const {code, stderr} = run(['--init'], {cwd: folder})
    expect(code).toBe(2)
    expect(stderr).toContain('.tactfulrc.json` already exists; edit it, or remove it and run `tactful --init` again')
    expect(readFileSync(path.join(folder, '.tactfulrc.json'), 'utf8')).toBe('{"rules": {}}\n')
  })
})

describe('--fix and --fix-dry-run', () => {
  it('prints the fixed reply for standard input, with what is left on standard error', () => {
    const {code, stdout, stderr} = run(['--fix'], {input: fixable})
    expect(stdout).toBe(fixed)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const rest = run(['--fix', '--format', 'compact'], {input: `${fixable}It's not our fault.\n`})
    expect(rest.stdout).toBe(`${fixed}It's not our fault.\n`)
    expect(rest.stderr).toMatch(/^<stdin>:2:1 {2}warning {2}“It's not our fault”/)
    expect(rest.code).toBe(1)
  })

  it('fails, printing nothing, for standard input too large to read whole', () => {
    const folder = workspace({'.tactfulrc.json': JSON.stringify({maxSize: 10})})
    const {code, stdout, stderr} = run(['--fix'], {cwd: folder, input: fixable})
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    expect(stderr).toContain('tactful: <stdin>: not fixed, and nothing printed: Not linted: the input is')
  })

  it('prints the reply as it was when nothing can be fixed', () => {
    expect(run(['--fix'], {input: clean})).toEqual({code: 0, stdout: clean, stderr: ''})
  })

  it('prints valid JSON only with --format json, the fixed text as `output`, and leaves the file alone', () => {
    const folder = workspace({'reply.txt': fixable})
    const {stdout} = run(['--fix-dry-run', '--format', 'json', 'reply.txt'], {cwd: folder})
    const [report] = JSON.parse(stdout)
    expect(report.output).toBe(fixed)
    expect(readFileSync(path.join(folder, 'reply.txt'), 'utf8')).toBe(fixable)
    const stdin = JSON.parse(run(['--fix-dry-run', '--format', 'json'], {input: fixable}).stdout)
    expect(stdin[0]).toMatchObject({file: '<stdin>', output: fixed})
  })

  it('prints a diff for standard input with --fix-dry-run', () => {
    const {stdout} = run(['--fix-dry-run'], {input: fixable})
    expect(stdout).toContain(`-${fixable}+${fixed}`)
  })
})

describe('bad flags', () => {
  it.each([
    [['--frobnicate'], 'tactful: Unknown flag `--frobnicate`. Run `tactful --help` to see the flags\n'],
    [['--fromat', 'json'], 'tactful: Unknown flag `--fromat`; did you mean `--format`? Run `tactful --help` to see the flags\n'],
    [
      ['--max-warning', '3'],
      'tactful: Unknown flag `--max-warning`; did you mean `--max-warnings`? Run `tactful --help` to see the flags\n'
    ],
    [['-x'], 'tactful: Unknown flag `-x`. Run `tactful --help` to see the flags\n'],
    [['--format'], 'tactful: `--format` needs a value, as in `--format json`\n'],
    [['--format', '--quiet'], 'tactful: `--format` needs a value, as in `--format json`\n'],
    [['-o'], 'tactful: `-o` needs a value, as in `-o <path>`\n'],
    [['--fix=yes'], 'tactful: `--fix` takes no value; drop `=yes`\n'],
    [['--fix', '--fix-dry-run'], 'tactful: Give `--fix` or `--fix-dry-run`, not both\n']
  ])('%j: exits 2 with a clear message', (args, message) => {
    const {code, stdout, stderr} = run(args, {input: clean})
    expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: message})
    // Backquotes come in pairs: nothing is left open.
    expect((stderr.match(/`/g) ?? []).length % 2).toBe(0)
  })

  it('takes a file whose name starts with a dash after --', () => {
    const folder = workspace({'-reply.txt': thankless})
    expect(run(['--format', 'compact', '--', '-reply.txt'], {cwd: folder}).stdout).toMatch(/^-reply\.txt:1:1 /)
  })
})

describe('colour', () => {
  // A colour starts with ESC and `[`.
  const colored = new RegExp(`${String.fromCharCode(27)}\\[`)
  it('is off when output is not a terminal, on with FORCE_COLOR or --color, off with NO_COLOR or --no-color', () => {
    expect(run([], {input: thankless, env: {NO_COLOR: undefined}}).stdout).not.toMatch(colored)
    expect(run([], {input: thankless, env: {NO_COLOR: undefined, FORCE_COLOR: '1'}}).stdout).toMatch(colored)
    expect(run([], {input: thankless, env: {NO_COLOR: undefined, FORCE_COLOR: ''}}).stdout).toMatch(colored)
    expect(run([], {input: thankless, env: {NO_COLOR: undefined, FORCE_COLOR: '0'}}).stdout).not.toMatch(colored)
    expect(run(['--color'], {input: thankless}).stdout).toMatch(colored)
    expect(run(['--no-color'], {input: thankless, env: {FORCE_COLOR: '1'}}).stdout).not.toMatch(colored)
    expect(run(['--format', 'compact'], {input: thankless, env: {NO_COLOR: undefined, FORCE_COLOR: '1'}}).stdout).toMatch(colored)
  })

  it('never colours machine formats', () => {
    for (const format of ['json', 'sarif', 'github', 'junit'])
      expect(run(['--format', format, '--color'], {input: seed}).stdout).not.toMatch(colored)
  })
})

// `script` (util-linux) runs the CLI on a pseudo-terminal, as a person at a shell would.
const hasScript = spawnSync('script', ['--version']).status === 0
describe.runIf(hasScript && existsSync('/dev/null'))('a bare `tactful` on a terminal', () => {
  it('says it is reading the terminal, and how to end the reply', () => {
    const folder = workspace({})
    const wrapper = path.join(folder, 'run.sh')
    writeFileSync(wrapper, `exec "${process.execPath}" "${cli}" --no-color\n`)
    // The reply, then Ctrl-D to end it.
    const result = spawnSync('script', ['-qec', `sh ${wrapper}`, '/dev/null'], {
      input: `${thankless}\u0004`,
      encoding: 'utf8',
      timeout: 20_000
    })
    expect(result.stdout).toContain('tactful: reading a reply from the terminal; paste it, then press Ctrl-D')
    expect(result.stdout).toContain('missing-thanks')
  })
})
