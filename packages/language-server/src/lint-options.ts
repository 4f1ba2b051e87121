import {findConfig, formatFromPath, type LintOptions} from 'tactful'
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

/** Whether the document is linted at all: tactful is on and it is in a listed language, or its name says it is an email. */
export function isLinted(target: DocumentTarget, settings: ClientSettings): boolean {
  return settings.enable && (formatFromPath(target.uri) === 'email' || settings.languages.includes(target.languageId))
}

/**
 * The options to lint a document with: its `.tactfulrc.json` (found like the CLI finds it) under the
 * editor settings, and its name, from which the library chooses the format as it does for the CLI.
 * Throws on a broken config.
 */
export function lintOptionsFor(target: DocumentTarget, settings: ClientSettings, lookup: ConfigLookup): LintOptions {
  const file = lookup.from === undefined ? undefined : findConfig(lookup.from, {cached: lookup.cached})
  const options = mergeOptions(file?.options ?? {}, settings.options)
  options.filePath = target.uri
  // A buffer whose name says nothing (an unsaved one) is Markdown when the editor says so.
  if (formatFromPath(target.uri) === undefined && target.languageId === 'markdown') options.format ??= 'markdown'
  return options
}
