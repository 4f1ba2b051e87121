import type {RuleMetaData} from '../rules/kit/index.js'

/** A generated place: its path from the root, and what it should hold. */
export interface Generated {
  file: string
  content: string
}

/** Every rule's meta, read from `rules/<id>/meta.json`, in id order. */
export function readRules(root?: string): RuleMetaData[]
/** `blame-shifting` → `blameShifting`. */
export function camelCase(id: string): string
/** What each generated place should hold. */
export function generate(root?: string): Generated[]
/** The generated places whose content on disk differs from what the meta says. */
export function drifted(root?: string): string[]
