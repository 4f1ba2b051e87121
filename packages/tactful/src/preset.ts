import type {Processor} from 'unified'
import {rules} from '../../../rules/index.js'
import {tactfulContext} from './context.js'
import {checkOptions} from './options.js'
import type {LintOptions} from './types.js'

/**
 * The retext preset: every tactful rule, for people already on unified.
 *
 * ```js
 * const file = await retext().use(retextTactful, {rules: {jargon: 'off'}}).process(reply)
 * ```
 */
export function retextTactful(this: Processor, options: LintOptions = {}) {
  const checked = checkOptions(options, 'options')
  const settings = {glossary: checked.glossary, abbreviations: checked.abbreviations}
  this.use(tactfulContext, {settings, now: checked.now, format: checked.format})
  for (const rule of rules) this.use(rule, checked.rules?.[rule.meta.id])
}
