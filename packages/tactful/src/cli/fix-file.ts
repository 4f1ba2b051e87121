import {chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fix} from '../fix.js'
import {lint} from '../lint.js'
import type {Commitment, Finding, LintOptions} from '../types.js'

/** What `--fix` did to one file. */
export interface FileFix {
  file: string
  changed: boolean
  /** A unified diff of the change (empty when nothing changed). */
  diff: string
  remaining: Finding[]
  commitments: Commitment[]
  notices: string[]
}

/**
 * Apply the safe fixes to a file. With `write`, the new text goes to a temporary file beside it
 * that then replaces it, keeping its mode; nothing is written if the file changed since it was read.
 */
export async function fixFile(file: string, text: string, options: LintOptions, mode: 'write' | 'dry-run'): Promise<FileFix> {
  const result = await fix(text, options)
  const changed = result.output !== text
  const {commitments, notices} = await lint(result.output, options)
  const diff = changed ? unifiedDiff(file, text, result.output) : ''
  if (changed && mode === 'write') writeSafely(file, text, result.output)
  return {file, changed, diff, remaining: result.remaining, commitments, notices}
}

function writeSafely(file: string, before: string, after: string): void {
  const current = readFileSync(file, 'utf8')
  if (current !== before) throw new Error('changed on disk while it was being fixed; nothing was written, run `--fix` again')
  const {mode} = statSync(file)
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tactful-${process.pid}.tmp`)
  try {
    writeFileSync(temporary, after, {mode})
    chmodSync(temporary, mode)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw new Error(`cannot write the fixed text: ${(error as Error).message}`, {cause: error})
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
