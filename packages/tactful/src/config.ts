import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {checkOptions} from './options.js'
import type {LintOptions} from './types.js'

/** A config file and the options it holds. */
export interface LoadedConfig {
  /** The file the options came from. */
  path: string
  options: LintOptions
}

const cache = new Map<string, LoadedConfig | null>()

/**
 * Find the config that applies to `file` (or to files in the folder `file`): the nearest
 * `.tactfulrc.json`, or `package.json` with a `tactful` field, walking up from its folder.
 * Returns `null` when there is none. Throws when the nearest one is broken.
 */
export function findConfig(file: string, {cached = true}: {cached?: boolean} = {}): LoadedConfig | null {
  let folder = path.resolve(file)
  if (!isFolder(folder)) folder = path.dirname(folder)
  const visited: string[] = []
  let found: LoadedConfig | null = null
  for (;;) {
    if (cached && cache.has(folder)) {
      found = cache.get(folder) ?? null
      break
    }
    visited.push(folder)
    const rc = path.join(folder, '.tactfulrc.json')
    if (existsSync(rc)) {
      found = loadConfig(rc)
      break
    }
    const manifest = path.join(folder, 'package.json')
    if (existsSync(manifest)) {
      const options = readManifest(manifest)
      if (options) {
        found = {path: manifest, options}
        break
      }
    }
    const parent = path.dirname(folder)
    if (parent === folder) break
    folder = parent
  }
  if (cached) for (const folder of visited) cache.set(folder, found)
  return found
}

/** Forget configs found so far (after a config file changed). */
export function clearConfigCache(): void {
  cache.clear()
}

/** Read and check a `.tactfulrc.json` (or any JSON file holding options). */
export function loadConfig(file: string): LoadedConfig {
  const text = readText(file)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(`Cannot parse config \`${file}\`: ${(error as Error).message}`, {cause: error})
  }
  return {path: file, options: checkOptions(value, `\`${file}\``)}
}

function readManifest(file: string): LintOptions | undefined {
  let value: unknown
  try {
    value = JSON.parse(readText(file))
  } catch {
    // A broken package.json is npm's business, not ours; look further up.
    return undefined
  }
  const options = (value as {tactful?: unknown} | null)?.tactful
  return options === undefined ? undefined : checkOptions(options, `the \`tactful\` field of \`${file}\``)
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`Cannot read config \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {cause: error})
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory()
  } catch {
    return false
  }
}
