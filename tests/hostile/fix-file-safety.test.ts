// Issue 12, findings 4 and 6: `--fix` with a glob wrote outside the tree through a folder symlink (and
// globs followed a link to /etc); it replaced read-only files, changed their group and broke hard links.
import {spawnSync} from 'node:child_process'
import {chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {fixFile} from '../../packages/tactful/src/cli/fix-file.js'
import {readReply} from '../../packages/tactful/src/cli/read.js'

const cli = path.resolve(import.meta.dirname, '../../packages/tactful/bin/tactful.js')
const fixable = "Thanks for your message. We won't be able to see you before Friday.\n"
const fixed = "Thanks for your message. We'll be able to see you on Friday.\n"
const asRoot = process.getuid?.() === 0
const nobody = 65_534
const folders: string[] = []

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

// A fresh folder holding `repo/` and `elsewhere/`, each with the files given.
function tree(files: Record<string, string>): string {
  const top = mkdtempSync(path.join(tmpdir(), 'tactful-fix-'))
  folders.push(top)
  chmodSync(top, 0o755)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(top, name)), {recursive: true})
    writeFileSync(path.join(top, name), text)
  }
  return top
}

function run(args: string[], cwd: string, user: {uid?: number; gid?: number} = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, ...user})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('--fix stays inside the tree it was given', () => {
  it('does not follow a folder symlink out of the tree when expanding a glob', () => {
    const top = tree({'repo/reply.txt': fixable, 'elsewhere/outside.txt': fixable})
    symlinkSync('../elsewhere', path.join(top, 'repo/docs'))
    const {code, stderr} = run(['--fix', '**/*.txt'], path.join(top, 'repo'))
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(readFileSync(path.join(top, 'repo/reply.txt'), 'utf8')).toBe(fixed)
    expect(readFileSync(path.join(top, 'elsewhere/outside.txt'), 'utf8')).toBe(fixable)
  })

  it('does not even read through a folder symlink when linting a glob', () => {
    const top = tree({'repo/a.conf': 'Thanks!\n', 'elsewhere/secret.conf': 'Thanks!\n'})
    symlinkSync(path.join(top, 'elsewhere'), path.join(top, 'repo/etc'))
    const {code, stdout} = run(['--format', 'json', '**/*.conf'], path.join(top, 'repo'))
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as Array<{file: string}>).map((report) => report.file)).toEqual(['a.conf'])
  })

  it('refuses to write through a file symlink that leaves the folder, and says where it points', () => {
    const top = tree({'elsewhere/target.txt': fixable, 'repo/keep.txt': 'Thanks!\n'})
    symlinkSync('../elsewhere/target.txt', path.join(top, 'repo/link.txt'))
    const {code, stderr} = run(['--fix', 'link.txt'], path.join(top, 'repo'))
    expect(code).toBe(2)
    expect(stderr).toContain(
      `link.txt: is a symbolic link to \`${path.join(top, 'elsewhere/target.txt')}\`, outside \`${path.join(top, 'repo')}\`; nothing was written`
    )
    expect(readFileSync(path.join(top, 'elsewhere/target.txt'), 'utf8')).toBe(fixable)
  })

  it('still writes through a symlink to a file inside the folder', () => {
    const top = tree({'repo/drafts/reply.txt': fixable})
    symlinkSync('drafts/reply.txt', path.join(top, 'repo/reply.txt'))
    const {code, stderr} = run(['--fix', 'reply.txt'], path.join(top, 'repo'))
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(readFileSync(path.join(top, 'repo/drafts/reply.txt'), 'utf8')).toBe(fixed)
  })
})

describe('--fix keeps the file what it was', () => {
  it('keeps hard links: every name sees the fix, on the same inode', () => {
    const top = tree({'repo/a.txt': fixable})
    linkSync(path.join(top, 'repo/a.txt'), path.join(top, 'repo/b.txt'))
    const inode = statSync(path.join(top, 'repo/a.txt')).ino
    const {code, stderr} = run(['--fix', 'a.txt'], path.join(top, 'repo'))
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(readFileSync(path.join(top, 'repo/b.txt'), 'utf8')).toBe(fixed)
    expect(statSync(path.join(top, 'repo/a.txt')).ino).toBe(inode)
    expect(statSync(path.join(top, 'repo/a.txt')).nlink).toBe(2)
  })

  it('writes nothing over a hard-linked file that changed after it was read, byte order mark kept otherwise', async () => {
    const top = tree({'repo/a.txt': `\uFEFF${fixable}`})
    const file = path.join(top, 'repo/a.txt')
    linkSync(file, path.join(top, 'repo/b.txt'))
    const text = readReply(file)
    const edited = `\uFEFF${fixable}P.S. We cannot refund the fee.\n`
    writeFileSync(path.join(top, 'repo/b.txt'), edited)
    await expect(fixFile(file, text, {}, 'write')).rejects.toThrow('changed on disk while it was being fixed; nothing was written')
    expect(readFileSync(file, 'utf8')).toBe(edited)
    await fixFile(file, readReply(file), {}, 'write')
    expect(readFileSync(path.join(top, 'repo/b.txt'), 'utf8')).toBe(`\uFEFF${fixed}P.S. We cannot refund the fee.\n`)
  })

  it('refuses a read-only file it cannot write, even where it could replace it', () => {
    const top = tree({'repo/locked.txt': fixable})
    const file = path.join(top, 'repo/locked.txt')
    // Root may write anything: run as `nobody`, who owns the folder (so a rename would work) and the file.
    const user = asRoot ? {uid: nobody, gid: nobody} : {}
    if (asRoot) for (const owned of [path.join(top, 'repo'), file]) chownSync(owned, nobody, nobody)
    chmodSync(file, 0o444)
    const {code, stderr} = run(['--fix', 'locked.txt'], path.join(top, 'repo'), user)
    expect(code).toBe(2)
    expect(stderr).toContain('locked.txt: is read-only; nothing was written')
    expect(readFileSync(file, 'utf8')).toBe(fixable)
    expect(statSync(file).mode & 0o777).toBe(0o444)
  })

  it.runIf(asRoot)('keeps the group of a file its owner fixes, though the owner cannot give it that group', () => {
    const top = tree({'repo/shared.txt': fixable})
    const file = path.join(top, 'repo/shared.txt')
    chownSync(path.join(top, 'repo'), nobody, nobody)
    chownSync(file, nobody, 100)
    chmodSync(file, 0o664)
    const {code, stderr} = run(['--fix', 'shared.txt'], path.join(top, 'repo'), {uid: nobody, gid: nobody})
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(readFileSync(file, 'utf8')).toBe(fixed)
    expect(statSync(file)).toMatchObject({uid: nobody, gid: 100})
    expect(statSync(file).mode & 0o777).toBe(0o664)
  })
})
