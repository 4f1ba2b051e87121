import {findConfig, type LintOptions} from 'tactful'
import {type ClientSettings, mergeOptions} from './settings.js'

/** The document facts that decide whether and how it is linted. */
export interface DocumentTarget {
  uri: string
  languageId: string
}

/** Where to look for `.tactfulrc.json`, and whether found configs may be reused. */
export interface ConfigLookup {
  /** The document's path, or a workspace folder for a document not on disk; `undefined` for none. */
  from: string | undefined
  /** Reuse configs found before; only safe while config files are watched. */
  cached: boolean
}

/** Whether the document is linted at all: tactful is on and it is in a listed language, or an `.eml` file. */
export function isLinted(target: DocumentTarget, settings: ClientSettings): boolean {
  return settings.enable && (isEmail(target) || settings.languages.includes(target.languageId))
}

/**
 * The options to lint a document with: its `.tactfulrc.json` (found like the CLI finds it)
 * under the editor settings, read as email, Markdown or plain text. Throws on a broken config.
 */
export function lintOptionsFor(target: DocumentTarget, settings: ClientSettings, lookup: ConfigLookup): LintOptions {
  const file = lookup.from === undefined ? undefined : findConfig(lookup.from, {cached: lookup.cached})
  const options = mergeOptions(file?.options ?? {}, settings.options)
  if (isEmail(target)) options.format = 'email'
  else options.format ??= target.languageId === 'markdown' ? 'markdown' : 'text'
  return options
}

function isEmail(target: DocumentTarget): boolean {
  return /\.eml$/i.test(target.uri)
}
