import {parseSetting} from '../../../rules/kit/index.js'
import {ruleIds} from '../../../rules/index.js'
import {replyFormats} from './format.js'
import type {Glossary, LintOptions, RuleSetting} from './types.js'

const known = new Set(['rules', 'glossary', 'abbreviations', 'now', 'format', 'filePath', 'maxSize'])
const formats = new Set<string>(replyFormats)

/**
 * Check options (from code or from a config file) and return them in their plain shape.
 * Throws an error that names `source`, the value and the fix.
 */
export function checkOptions(options: unknown, source: string): LintOptions {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object' || Array.isArray(options)) throw new Error(`Expected an object in ${source}, not ${typeof options}`)
  const value = options as Record<string, unknown>
  for (const key of Object.keys(value)) {
    if (!known.has(key))
      throw new Error(`Unknown setting \`${key}\` in ${source}; expected one of ${[...known].map((name) => `\`${name}\``).join(', ')}`)
  }
  const checked: LintOptions = {}
  if (value.rules !== undefined) checked.rules = checkRules(value.rules, source)
  if (value.glossary !== undefined) checked.glossary = checkGlossary(value.glossary, source)
  if (value.abbreviations !== undefined) checked.abbreviations = checkStrings(value.abbreviations, `\`abbreviations\` in ${source}`)
  if (value.now !== undefined) {
    if (!(value.now instanceof Date) && typeof value.now !== 'string')
      throw new Error(`Expected \`now\` in ${source} to be a date or an ISO 8601 string`)
    checked.now = value.now
  }
  if (value.format !== undefined) {
    if (typeof value.format !== 'string' || !formats.has(value.format)) {
      throw new Error(`Expected \`format\` in ${source} to be \`text\`, \`markdown\` or \`email\`, not \`${String(value.format)}\``)
    }
    checked.format = value.format as LintOptions['format']
  }
  if (value.filePath !== undefined) {
    if (typeof value.filePath !== 'string')
      throw new Error(`Expected \`filePath\` in ${source} to be the reply's file name, not ${typeof value.filePath}`)
    checked.filePath = value.filePath
  }
  if (value.maxSize !== undefined) {
    if (typeof value.maxSize !== 'number' || !Number.isFinite(value.maxSize) || value.maxSize < 0) {
      throw new Error(`Expected \`maxSize\` in ${source} to be a number of characters, not \`${String(value.maxSize)}\``)
    }
    checked.maxSize = value.maxSize
  }
  return checked
}

function checkRules(rules: unknown, source: string): Record<string, RuleSetting> {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules))
    throw new Error(`Expected \`rules\` in ${source} to map rule ids to severities`)
  const checked: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(rules)) {
    if (!ruleIds.includes(id))
      throw new Error(`Cannot find rule \`${id}\` (in ${source}); the rules are ${ruleIds.map((rule) => `\`${rule}\``).join(', ')}`)
    checked[id] = parseSetting(setting, id)
  }
  return checked
}

function checkGlossary(glossary: unknown, source: string): Glossary {
  if (typeof glossary !== 'object' || glossary === null || Array.isArray(glossary)) {
    throw new Error(`Expected \`glossary\` in ${source} to be an object with \`allow\` and \`flag\``)
  }
  const value = glossary as Record<string, unknown>
  for (const key of Object.keys(value)) {
    if (key !== 'allow' && key !== 'flag')
      throw new Error(`Unknown glossary setting \`${key}\` in ${source}; expected \`allow\` or \`flag\``)
  }
  const checked: Glossary = {}
  if (value.allow !== undefined) checked.allow = checkStrings(value.allow, `\`glossary.allow\` in ${source}`)
  if (value.flag !== undefined) {
    if (typeof value.flag !== 'object' || value.flag === null || Array.isArray(value.flag)) {
      throw new Error(`Expected \`glossary.flag\` in ${source} to map terms to their plain alternatives`)
    }
    const flag: Record<string, string[]> = {}
    for (const [term, plain] of Object.entries(value.flag as Record<string, unknown>)) {
      const alternatives = typeof plain === 'string' ? [plain] : plain
      flag[term] = checkStrings(alternatives, `\`glossary.flag.${term}\` in ${source}`)
    }
    checked.flag = flag
  }
  return checked
}

function checkStrings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`Expected ${where} to be a list of strings`)
  return value as string[]
}
