import {randomBytes} from 'node:crypto'
import {
  type Stats,
  accessSync,
  chmodSync,
  chownSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import path from 'node:path'
import {fix} from '../fix.js'
import {lint} from '../lint.js'
import type {Commitment, Finding, LintOptions} from '../types.js'
import {decodeReply} from './read.js'

/** What `--fix` did to one file. */
export interface FileFix {
  file: string
  changed: boolean
  /** The fixed text (the text as it was when nothing changed). */
  output: string
  /** A unified diff of the change (empty when nothing changed). */
  diff: string
  remaining: Finding[]
  commitments: Commitment[]
  notices: string[]
}

/**
 * Apply the safe fixes to a file read as `text`. With `write`, the new text goes to a temporary file
 * beside it that then replaces it, keeping its mode, owner and group (and, through a symbolic link,
 * the link); a file with other hard links, or whose owner or group the temporary file cannot take, is
 * rewritten in place instead. Nothing is written if the file no longer holds `text`, if it is read-only
 * to the user, or if it is a symbolic link to a file outside the folder it was given in (the working
 * folder, or the folder named in its path).
 */
export async function fixFile(file: string, text: string, options: LintOptions, mode: 'write' | 'dry-run'): Promise<FileFix> {
  const result = await fix(text, options)
  const changed = result.output !== text
  const {commitments, notices} = await lint(result.output, options)
  const diff = changed ? unifiedDiff(file, text, result.output) : ''
  if (changed && mode === 'write') writeSafely(file, text, result.output)
  return {file, changed, output: result.output, diff, remaining: result.remaining, commitments, notices}
}

function writeSafely(file: string, before: string, after: string): void {
  let target: string
  let stat: Stats
  let original: Buffer
  try {
    // A symbolic link stays a link: the fixed text replaces the file it points at.
    target = realpathSync(file)
    stat = statSync(target)
    original = readFileSync(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ChangedOnDisk({cause: error})
    throw new Error(`cannot write the fixed text: ${(error as Error).message}`, {cause: error})
  }
  const folder = givenFolder(file)
  if (!isInside(target, folder)) {
    throw new Error(
      `is a symbolic link to \`${target}\`, outside \`${folder}\`; nothing was written (fix the file it points at by its own path)`
    )
  }
  if (!canWrite(target)) throw new Error('is read-only; nothing was written (make it writable to fix it)')
  // A byte order mark is not part of the text that was linted; keep it in the file.
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? '\uFEFF' : ''
  // Replacing the file would cut its other hard links off from the fix.
  if (stat.nlink > 1) {
    rewriteInPlace(target, before, bom + after)
    return
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tactful-${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temporary, 'wx', stat.mode & 0o777)
    writeFileSync(fd, bom + after)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    chmodSync(temporary, stat.mode & 0o7777)
    if (!keepOwner(temporary, stat)) {
      // The file's owner or group cannot be given to a new file: change the file itself instead.
      rmSync(temporary, {force: true})
      rewriteInPlace(target, before, bom + after)
      return
    }
    // Checked last, just before the rename, so that the window for an edit to slip in is as small as can be.
    if (!sameText(target, before)) throw new ChangedOnDisk()
    renameSync(temporary, target)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temporary, {force: true})
    if (error instanceof ChangedOnDisk) throw error
    throw new Error(`cannot write the fixed text: ${(error as Error).message}`, {cause: error})
  }
}

class ChangedOnDisk extends Error {
  constructor(options?: ErrorOptions) {
    super('changed on disk while it was being fixed; nothing was written, run `--fix` again', options)
  }
}

function sameText(file: string, text: string): boolean {
  try {
    return decodeReply(readFileSync(file)) === text
  } catch {
    return false
  }
}

// Someone fixing another user's file (as root) must not take it over, nor move it to another group.
// Returns whether the new file has the old one's owner and group.
function keepOwner(file: string, stat: Stats): boolean {
  if (typeof process.getuid !== 'function') return true
  const made = statSync(file)
  if (made.uid === stat.uid && made.gid === stat.gid) return true
  try {
    chownSync(file, stat.uid, stat.gid)
    return true
  } catch {
    // Only root may give a file away; an owner may still move it to a group they are in.
  }
  if (made.uid !== stat.uid) return false
  try {
    chownSync(file, -1, stat.gid)
    return true
  } catch {
    return false
  }
}

/**
 * Write `text` over the file itself, keeping its inode (hard links, owner, group, mode), once it is
 * read again through the same descriptor and still holds `before`. Should the write fail half way, the
 * old bytes are put back.
 */
function rewriteInPlace(target: string, before: string, text: string): void {
  let fd: number | undefined
  let original: Buffer | undefined
  try {
    fd = openSync(target, constants.O_RDWR | constants.O_NOFOLLOW)
    if (!fstatSync(fd).isFile()) throw new Error('is no longer a regular file')
    original = readFileSync(fd)
    if (decodeOrUndefined(original) !== before) throw new ChangedOnDisk()
    const bytes = Buffer.from(text)
    writeAll(fd, bytes)
    ftruncateSync(fd, bytes.length)
    fsyncSync(fd)
  } catch (error) {
    if (fd !== undefined && original !== undefined && !(error instanceof ChangedOnDisk)) {
      try {
        writeAll(fd, original)
        ftruncateSync(fd, original.length)
      } catch {
        // Nothing more can be done; the error below says what failed.
      }
    }
    if (error instanceof ChangedOnDisk) throw error
    throw new Error(`cannot write the fixed text: ${(error as Error).message}`, {cause: error})
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, done)
}

function decodeOrUndefined(bytes: Buffer): string | undefined {
  try {
    return decodeReply(bytes)
  } catch {
    return undefined
  }
}

// The folder a file was named in: the working folder for a path inside it, else the file's own folder.
function givenFolder(file: string): string {
  const resolved = path.resolve(file)
  const cwd = process.cwd()
  const folder = isInside(resolved, cwd) ? cwd : path.dirname(resolved)
  try {
    return realpathSync(folder)
  } catch {
    return folder
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

function canWrite(file: string): boolean {
  try {
    accessSync(file, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** A minimal unified diff, line by line, with the changed lines and no context merging. */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.split('\n')
  const b = after.split('\n')
  const lines = [`--- ${file}`, `+++ ${file}`]
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  lines.push(`@@ -${start + 1},${endA - start} +${start + 1},${endB - start} @@`)
  for (let index = start; index < endA; index++) lines.push(`-${a[index]}`)
  for (let index = start; index < endB; index++) lines.push(`+${b[index]}`)
  return `${lines.join('\n')}\n`
}
