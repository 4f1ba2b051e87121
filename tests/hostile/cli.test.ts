import {spawn, spawnSync} from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixFile} from '../../packages/tactful/src/cli/fix-file.js'
import {readReply} from '../../packages/tactful/src/cli/read.js'
import {fix} from '../../packages/tactful/src/index.js'

const root = path.resolve(import.meta.dirname, '../..')
const cli = path.join(root, 'packages/tactful/bin/tactful.js')

interface RunOptions {
  input?: string | Buffer
  cwd?: string
  uid?: number
  gid?: number
}

function run(args: string[], {input, cwd, uid, gid}: RunOptions = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input,
    cwd: cwd ?? root,
    uid,
    gid,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
    maxBuffer: 64 * 1024 * 1024
  })
  return {code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr}
}

function workspace(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tactful-hostile-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), content)
  }
  return folder
}

// Every file left in a folder, so that a test can tell no temporary file stayed behind.
function listing(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'}).sort()
}

const seed = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do."
const fixable = "Thanks for your message. We won't be able to see you before Friday.\n"
const fixed = "Thanks for your message. We'll be able to see you on Friday.\n"

describe('the CLI with hostile inputs', () => {
  it('reports each bad input with its name and problem, exits 2, and still lints the good ones', () => {
    const folder = workspace({
      'good.txt': seed,
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'latin1.txt': Buffer.from('Merci, caf\xe9 offert.', 'latin1'),
      'folder/inside.txt': seed,
      'broken-config/.tactfulrc.json': '{"rules": {',
      'broken-config/reply.txt': seed,
      'unknown-rule/.tactfulrc.json': JSON.stringify({rules: {jargn: 'off'}}),
      'unknown-rule/reply.txt': seed,
      'also-good.txt': 'Thanks for waiting. Please raise an RMA.'
    })
    const at = (name: string) => path.join(folder, name)
    const inputs = [
      'good.txt',
      'image.png',
      'latin1.txt',
      'folder',
      'missing.txt',
      'good.txt/under-a-file.txt',
      'broken-config/reply.txt',
      'unknown-rule/reply.txt',
      'also-good.txt'
    ]
    const {code, stdout, stderr} = run(['--format', 'json', ...inputs.map(at)])
    expect(code).toBe(2)
    const problems: Record<string, string> = {
      'image.png': 'looks like a binary file',
      'latin1.txt': 'is not valid UTF-8',
      'missing.txt': 'no such file',
      'good.txt/under-a-file.txt': 'no such file (a folder in its path is a file)',
      'broken-config/reply.txt': `Cannot parse config \`${at('broken-config/.tactfulrc.json')}\``,
      'unknown-rule/reply.txt': 'Cannot find rule `jargn`'
    }
    const reports = JSON.parse(stdout) as Array<{file: string; findings: Array<{ruleId: string}>; error?: string}>
    // A folder stands for the replies in it.
    expect(reports.map((report) => report.file)).toEqual(inputs.map((name) => at(name === 'folder' ? 'folder/inside.txt' : name)))
    for (const [name, problem] of Object.entries(problems)) {
      expect(stderr).toContain(`tactful: ${at(name)}: ${problem}`)
      expect(reports[inputs.indexOf(name)]).toMatchObject({findings: [], error: expect.stringContaining(problem)})
    }
    expect(reports[0].findings.map((finding) => finding.ruleId)).toContain('blame-shifting')
    expect(reports[8].findings.map((finding) => finding.ruleId)).toEqual(['jargon'])
    expect(stderr.trim().split('\n')).toHaveLength(Object.keys(problems).length)
  })

  it('reports a file it may not read, and lints the others', (context) => {
    // chmod 000 does not stop root: as root, run the CLI as `nobody` instead.
    const asRoot = process.getuid?.() === 0
    const user = asRoot ? {uid: 65534, gid: 65534} : {}
    const folder = workspace({'locked.txt': seed, 'open.txt': seed})
    chmodSync(folder, 0o755)
    chmodSync(path.join(folder, 'open.txt'), 0o644)
    chmodSync(path.join(folder, 'locked.txt'), 0o000)
    const probe = run(['--version'], user)
    if (probe.code !== 0) context.skip(`cannot run the CLI as another user to test an unreadable file: ${probe.stderr}`)
    const {code, stdout, stderr} = run(['--format', 'json', path.join(folder, 'locked.txt'), path.join(folder, 'open.txt')], {
      ...user,
      cwd: folder
    })
    expect(code).toBe(2)
    expect(stderr).toBe(`tactful: ${path.join(folder, 'locked.txt')}: permission denied\n`)
    expect(JSON.parse(stdout)[1].findings.length).toBeGreaterThan(0)
  })

  it('reports a symbolic link that loops or points nowhere', () => {
    const folder = workspace({})
    symlinkSync(path.join(folder, 'loop-b'), path.join(folder, 'loop-a'))
    symlinkSync(path.join(folder, 'loop-a'), path.join(folder, 'loop-b'))
    symlinkSync(path.join(folder, 'gone.txt'), path.join(folder, 'dangling.txt'))
    const {code, stderr} = run([path.join(folder, 'loop-a'), path.join(folder, 'dangling.txt')])
    expect(code).toBe(2)
    expect(stderr).toContain(`${path.join(folder, 'loop-a')}: is a symbolic link that loops back on itself`)
    expect(stderr).toContain(`${path.join(folder, 'dangling.txt')}: no such file`)
  })

  it('gives a notice, not a crash, for files over the size limit, read or not', () => {
    const folder = workspace({
      '.tactfulrc.json': JSON.stringify({maxSize: 60}),
      // 70 characters: read, and the library declines it.
      'long.txt': 'x'.repeat(70),
      // 400 bytes: more than any 60 characters can take in UTF-8, so it is not even read.
      'longer.txt': seed.repeat(4).slice(0, 400),
      'short.txt': 'We cannot help.'
    })
    const files = ['long.txt', 'longer.txt', 'short.txt'].map((name) => path.join(folder, name))
    const {code, stdout, stderr} = run(['--format', 'json', ...files])
    expect({code, stderr}).toEqual({code: 1, stderr: ''})
    const reports = JSON.parse(stdout)
    expect(reports[0]).toMatchObject({
      findings: [],
      notices: ['Not linted: the reply is 70 characters long, over the limit of 60 (set `maxSize` to raise it)']
    })
    expect(reports[1]).toMatchObject({
      findings: [],
      notices: ['Not linted: the file is 400 bytes long, over the limit of 60 characters (set `maxSize` to raise it)']
    })
    expect(reports[2].findings.length).toBeGreaterThan(0)
    const compact = run(['--format', 'compact', files[0]])
    expect(compact).toMatchObject({
      code: 0,
      stdout: `${files[0]}  notice  Not linted: the reply is 70 characters long, over the limit of 60 (set \`maxSize\` to raise it)\n`
    })
  })

  it('answers a 10 MB file, and 10 MB on standard input, with a notice', () => {
    const big = "We cannot refund it. It's not our fault.\n".repeat(256_000)
    expect(big.length).toBeGreaterThan(10_000_000)
    const folder = workspace({'big.txt': big})
    const file = run(['--format', 'json', path.join(folder, 'big.txt')])
    expect(file.code).toBe(0)
    expect(JSON.parse(file.stdout)[0]).toMatchObject({
      findings: [],
      notices: [expect.stringMatching(/^Not linted: the file is 10,496,000 bytes long, over the limit of 1000000 characters/)]
    })
    const stdin = run(['--format', 'json'], {input: big})
    expect(stdin.code).toBe(0)
    expect(JSON.parse(stdin.stdout)[0].notices).toEqual([expect.stringMatching(/^Not linted: the input is (more than )?[\d,]+ bytes long/)])
  })

  it.runIf(existsSync('/dev/zero'))('stops reading an endless device at the limit', () => {
    const {code, stdout} = run(['--format', 'json', '/dev/zero'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)[0].notices).toEqual([expect.stringMatching(/^Not linted: the file is more than [\d,]+ bytes long/)])
  })

  it('stops quietly when the reader of its output goes away', async () => {
    const folder = workspace({'many.txt': `${seed}\n`.repeat(3000)})
    const child = spawn(process.execPath, [cli, path.join(folder, 'many.txt')], {env: {...process.env, NO_COLOR: '1'}})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (code, signal) => resolve([code, signal]))
    )
    expect({signal, stderr}).toEqual({signal: null, stderr: ''})
    expect(code).toBe(1)
  })
})

describe('--fix never loses text', () => {
  it('writes through a symbolic link and keeps the link', () => {
    const folder = workspace({'real/reply.txt': fixable})
    const link = path.join(folder, 'link.txt')
    symlinkSync(path.join('real', 'reply.txt'), link)
    const {code, stderr} = run(['--fix', link])
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe(path.join('real', 'reply.txt'))
    expect(readFileSync(path.join(folder, 'real/reply.txt'), 'utf8')).toBe(fixed)
    expect(listing(folder)).toEqual(['link.txt', 'real', path.join('real', 'reply.txt')])
  })

  it('keeps the mode, line endings and byte order mark, and leaves no temporary file', () => {
    const crlf = fixable.replace('\n', '\r\n')
    const folder = workspace({
      'bom.txt': `\uFEFF${fixable}`,
      'crlf.txt': `Hello,\r\n\r\n${crlf}\r\nKind regards,\r\nJo\r\n`,
      'cr.txt': `Hello,\r\r${fixable.replace('\n', '\r')}`
    })
    chmodSync(path.join(folder, 'crlf.txt'), 0o600)
    chmodSync(path.join(folder, 'bom.txt'), 0o664)
    const {code, stderr} = run(['--fix', ...['bom.txt', 'crlf.txt', 'cr.txt'].map((name) => path.join(folder, name))])
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(readFileSync(path.join(folder, 'bom.txt'), 'utf8')).toBe(`\uFEFF${fixed}`)
    expect(readFileSync(path.join(folder, 'crlf.txt'), 'utf8')).toBe(
      `Hello,\r\n\r\n${fixed.replace('\n', '\r\n')}\r\nKind regards,\r\nJo\r\n`
    )
    expect(readFileSync(path.join(folder, 'cr.txt'), 'utf8')).toBe(`Hello,\r\r${fixed.replace('\n', '\r')}`)
    expect(statSync(path.join(folder, 'crlf.txt')).mode & 0o777).toBe(0o600)
    expect(statSync(path.join(folder, 'bom.txt')).mode & 0o777).toBe(0o664)
    expect(listing(folder)).toEqual(['bom.txt', 'cr.txt', 'crlf.txt'])
  })

  it('fixes every fixture as fix() does, and a second run changes nothing', async () => {
    const fixtures = path.join(root, 'rules')
    const folder = workspace({})
    const names: string[] = []
    for (const rule of readdirSync(fixtures)) {
      for (const name of ['ok.txt', 'not-ok.txt']) {
        const source = path.join(fixtures, rule, 'test/fixtures', name)
        if (!existsSync(source)) continue
        cpSync(source, path.join(folder, `${rule}-${name}`))
        names.push(`${rule}-${name}`)
      }
    }
    const files = names.map((name) => path.join(folder, name))
    const before = files.map((file) => readFileSync(file, 'utf8'))
    const first = run(['--fix', ...files])
    expect(first.stderr).toBe('')
    for (const [index, file] of files.entries()) expect(readFileSync(file, 'utf8')).toBe((await fix(before[index])).output)
    const after = files.map((file) => readFileSync(file, 'utf8'))
    const dryRun = run(['--fix-dry-run', '--format', 'json', ...files])
    expect(dryRun.stdout.startsWith('[')).toBe(true)
    const second = run(['--fix', ...files])
    expect(second.stderr).toBe('')
    expect(files.map((file) => readFileSync(file, 'utf8'))).toEqual(after)
    expect(listing(folder)).toEqual([...names].sort())
  })

  it('leaves a file over the size limit as it is', () => {
    const text = fixable.repeat(3)
    const folder = workspace({'.tactfulrc.json': JSON.stringify({maxSize: 100}), 'reply.txt': text})
    const file = path.join(folder, 'reply.txt')
    const {code, stdout} = run(['--fix', file])
    expect(code).toBe(0)
    expect(stdout).toContain('Not linted')
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('writes nothing when the file changed after it was read', async () => {
    const folder = workspace({'reply.txt': fixable})
    const file = path.join(folder, 'reply.txt')
    const text = readReply(file)
    const edited = `${fixable}P.S. We cannot refund the fee.\n`
    writeFileSync(file, edited)
    await expect(fixFile(file, text, {}, 'write')).rejects.toThrow(
      'changed on disk while it was being fixed; nothing was written, run `--fix` again'
    )
    expect(readFileSync(file, 'utf8')).toBe(edited)
    expect(listing(folder)).toEqual(['reply.txt'])
  })

  it('writes nothing when the file was deleted after it was read', async () => {
    const folder = workspace({'reply.txt': fixable})
    const file = path.join(folder, 'reply.txt')
    const text = readReply(file)
    unlinkSync(file)
    await expect(fixFile(file, text, {}, 'write')).rejects.toThrow(/changed on disk/)
    expect(listing(folder)).toEqual([])
  })

  it('writes the file when it still holds what was read, byte order mark and all', async () => {
    const folder = workspace({'reply.txt': `\uFEFF${fixable}`})
    const file = path.join(folder, 'reply.txt')
    const result = await fixFile(file, readReply(file), {}, 'write')
    expect(result.changed).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${fixed}`)
    expect((await fixFile(file, readReply(file), {}, 'write')).changed).toBe(false)
  })
})
