import {randomBytes} from 'node:crypto'
import {type Stats, chmodSync, chownSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
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
 * beside it that then replaces it, keeping its mode (and, through a symbolic link, the link); nothing
 * is written if the file no longer holds `text`.
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
  // A byte order mark is not part of the text that was linted; keep it in the file.
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? '\uFEFF' : ''
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tactful-${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temporary, 'wx', stat.mode & 0o777)
    writeFileSync(fd, bom + after)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    chmodSync(temporary, stat.mode & 0o7777)
    keepOwner(temporary, stat)
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

// Someone fixing another user's file (as root) must not take it over.
function keepOwner(file: string, stat: Stats): void {
  if (typeof process.getuid !== 'function' || (stat.uid === process.getuid() && stat.gid === process.getgid?.())) return
  try {
    chownSync(file, stat.uid, stat.gid)
  } catch {
    // Only root may give a file away; anyone else keeps the file as theirs, as any editor would.
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
