import {writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Rule} from '../../../../rules/kit/index.js'
import {UsageError} from './args.js'

/**
 * Write a starter `.tactfulrc.json` in `cwd`: every rule at its default severity and an empty
 * glossary, for a team to edit. Refuses to overwrite a config that is already there. Returns its path.
 */
export function writeStarterConfig(cwd: string, rules: readonly Rule[]): string {
  const file = path.join(cwd, '.tactfulrc.json')
  const config = {
    rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.severity])),
    glossary: {allow: [], flag: {}}
  }
  try {
    // `wx`: fail rather than replace a file that exists, even one made a moment ago.
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, {flag: 'wx'})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST')
      throw new UsageError(`\`${file}\` already exists; edit it, or remove it and run \`tactful --init\` again`, {cause: error})
    throw new UsageError(`Cannot write \`${file}\`: ${code ?? (error as Error).message}`, {cause: error})
  }
  return file
}
