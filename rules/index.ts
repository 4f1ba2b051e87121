// Generated file, do not edit: `npm run generate` writes it from the rule folders (rules/<id>/meta.json).
import blameShifting from './blame-shifting/index.js'
import brokenPromises from './broken-promises/index.js'
import jargon from './jargon/index.js'
import missingThanks from './missing-thanks/index.js'
import negativePhrasing from './negative-phrasing/index.js'
import type {Rule} from './kit/index.js'

/** Every rule, alphabetical. */
export const rules: readonly Rule[] = [blameShifting, brokenPromises, jargon, missingThanks, negativePhrasing]

/** Every rule id, alphabetical. */
export const ruleIds: readonly string[] = rules.map((rule) => rule.meta.id)

export {blameShifting, brokenPromises, jargon, missingThanks, negativePhrasing}
