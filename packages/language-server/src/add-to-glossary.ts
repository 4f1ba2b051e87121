import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'

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
 * it; every other key and value is kept. Throws, without writing, when the file is not a JSON object.
 */
export function addToGlossary(folder: string, term: string): GlossaryUpdate {
  const file = path.join(folder, '.tactfulrc.json')
  const created = !existsSync(file)
  const text = created ? '{}\n' : readFileSync(file, 'utf8')
  let config: unknown
  try {
    config = JSON.parse(text)
  } catch (error) {
    throw new Error(`Cannot add “${term}” to the glossary: \`${file}\` is not valid JSON (${(error as Error).message}); fix the file and try again`, {cause: error})
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
  writeFileSync(file, JSON.stringify(config, null, indentOf(text)) + '\n')
  return {path: file, created, unchanged: false}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Keep the file's own indentation so the diff shows only the new term.
function indentOf(text: string): string {
  return /^[ \t]+(?=\S)/m.exec(text)?.[0] ?? '  '
}
