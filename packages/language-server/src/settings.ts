import {checkOptions, type LintOptions} from 'tactful'

/** The `tactful.*` editor settings, checked. */
export interface ClientSettings {
  /** Whether to lint at all. */
  enable: boolean
  /** Language ids to lint; `.eml` files are linted whatever their language id. */
  languages: string[]
  /** `tactful.rules`, `tactful.glossary` and `tactful.abbreviations`, as lint options. */
  options: LintOptions
}

/** The settings a client that says nothing gets. */
export const defaultSettings: ClientSettings = {enable: true, languages: ['plaintext', 'text', 'markdown'], options: {}}

// Keys that mean the same in the editor as in `.tactfulrc.json`; any others (the client's own) are not ours to check.
const optionKeys = ['rules', 'glossary', 'abbreviations'] as const

/**
 * Check the `tactful` settings section a client sent. Unset values (`null`, `undefined`) fall
 * back to the defaults. Throws an error that names the setting and the fix.
 */
export function parseClientSettings(value: unknown): ClientSettings {
  if (value === null || value === undefined) return defaultSettings
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`Expected the \`tactful\` settings to be an object, not ${typeof value}`)
  const section = value as Record<string, unknown>
  const enable = section.enable ?? defaultSettings.enable
  if (typeof enable !== 'boolean') throw new Error(`Expected \`tactful.enable\` to be \`true\` or \`false\`, not \`${String(enable)}\``)
  const languages = section.languages ?? defaultSettings.languages
  if (!Array.isArray(languages) || languages.some((language) => typeof language !== 'string')) {
    throw new Error('Expected `tactful.languages` to be a list of language ids, such as ["plaintext", "markdown"]')
  }
  const picked: Record<string, unknown> = {}
  for (const key of optionKeys) if (section[key] !== null && section[key] !== undefined) picked[key] = section[key]
  return {enable, languages, options: checkOptions(picked, 'the `tactful` editor settings')}
}

/**
 * Merge editor settings over a config file's options. The editor wins where both set the same
 * rule or glossary term; allow lists (`glossary.allow`, `abbreviations`) add up, so a personal
 * list never hides the team's.
 */
export function mergeOptions(file: LintOptions, client: LintOptions): LintOptions {
  const merged: LintOptions = {...file}
  if (client.rules) merged.rules = {...file.rules, ...client.rules}
  if (client.abbreviations) merged.abbreviations = unite(file.abbreviations, client.abbreviations)
  if (client.glossary) {
    const glossary = {...file.glossary}
    if (client.glossary.allow) glossary.allow = unite(file.glossary?.allow, client.glossary.allow)
    if (client.glossary.flag) glossary.flag = {...file.glossary?.flag, ...client.glossary.flag}
    merged.glossary = glossary
  }
  return merged
}

function unite(first: string[] = [], second: string[]): string[] {
  return [...new Set([...first, ...second])]
}
