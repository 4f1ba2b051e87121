import {closeSync, constants, lstatSync, openSync, readFileSync, writeSync} from 'node:fs'
import path from 'node:path'

/** The longest term the glossary takes, in UTF-16 code units: a word or a phrase, not a paste. */
export const maxTermLength = 100

/** Where a term was allowed. */
export interface GlossaryUpdate {
  /** The config file written. */
  path: string
  /** The file did not exist before. */
  created: boolean
  /** The term was already allowed, so nothing was written. */
  unchanged: boolean
}

/**
 * Add `term` to `glossary.allow` in `folder/.tactfulrc.json`, creating the file or merging into
 * it; every other key and value is kept. Throws, without writing, when the term is longer than
 * `maxTermLength`, when the file is a symbolic link (or anything but a plain file), or not a JSON object.
 */
export function addToGlossary(folder: string, term: string): GlossaryUpdate {
  if (term.length > maxTermLength)
    throw new Error(`Cannot add a term of ${term.length} characters to the glossary; terms are at most ${maxTermLength}`)
  const file = path.join(folder, '.tactfulrc.json')
  const kind = kindOf(file)
  if (kind === 'link')
    throw new Error(
      `Cannot add “${term}” to the glossary: \`${file}\` is a symbolic link; the glossary is written only to a plain file in the workspace folder`
    )
  if (kind === 'other') throw new Error(`Cannot add “${term}” to the glossary: \`${file}\` is not a plain file`)
  const created = kind === 'none'
  const text = created ? '{}\n' : readFileSync(file, 'utf8')
  let config: unknown
  try {
    config = JSON.parse(text)
  } catch (error) {
    throw new Error(
      `Cannot add “${term}” to the glossary: \`${file}\` is not valid JSON (${(error as Error).message}); fix the file and try again`,
      {cause: error}
    )
  }
  if (!isObject(config)) throw new Error(`Cannot add “${term}” to the glossary: \`${file}\` must hold a JSON object`)
  const glossary = config.glossary ?? {}
  if (!isObject(glossary)) throw new Error(`Cannot add “${term}” to the glossary: \`glossary\` in \`${file}\` must be an object`)
  const allow = glossary.allow ?? []
  if (!Array.isArray(allow)) throw new Error(`Cannot add “${term}” to the glossary: \`glossary.allow\` in \`${file}\` must be a list`)
  // The library matches glossary terms case-insensitively, so “rma” already allows “RMA”.
  const lower = term.toLowerCase()
  if (allow.some((item) => typeof item === 'string' && item.toLowerCase() === lower)) return {path: file, created: false, unchanged: true}
  glossary.allow = [...allow, term]
  config.glossary = glossary
  // O_NOFOLLOW: a symbolic link put there since the check is refused, not written through.
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644)
  try {
    const bytes = Buffer.from(JSON.stringify(config, null, indentOf(text)) + '\n')
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, done)
  } finally {
    closeSync(fd)
  }
  return {path: file, created, unchanged: false}
}

function kindOf(file: string): 'none' | 'file' | 'link' | 'other' {
  try {
    const stat = lstatSync(file)
    return stat.isSymbolicLink() ? 'link' : stat.isFile() ? 'file' : 'other'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none'
    throw error
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Keep the file's own indentation so the diff shows only the new term.
function indentOf(text: string): string {
  return /^[ \t]+(?=\S)/m.exec(text)?.[0] ?? '  '
}
