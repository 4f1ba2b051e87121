import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'
import {formatFromPath} from '../format.js'
import {UsageError} from './args.js'

/** Paths that an ignore file leaves out, read as gitignore patterns relative to the file's folder. */
export interface IgnoreRules {
  /** The ignore file, or `undefined` when there is none. */
  file?: string
  ignores(file: string): boolean
}

/**
 * Read the ignore file: `ignorePath` when given (it must exist), else `.tactfulignore` in `cwd`
 * when there is one. Patterns follow gitignore's syntax.
 */
export function loadIgnore(cwd: string, ignorePath?: string): IgnoreRules {
  const file = ignorePath === undefined ? path.join(cwd, '.tactfulignore') : path.resolve(cwd, ignorePath)
  if (ignorePath === undefined && !existsSync(file)) return {ignores: () => false}
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      `Cannot read the ignore file \`${ignorePath ?? file}\`: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message)}`,
      {cause: error}
    )
  }
  const matcher: Ignore = ignore().add(text)
  const base = path.dirname(file)
  return {
    file,
    ignores(input: string) {
      const relative = path.relative(base, path.resolve(cwd, input))
      // Outside the ignore file's folder, its patterns say nothing.
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false
      return matcher.ignores(relative.split(path.sep).join('/'))
    }
  }
}

/** What the CLI will lint: files, or `-` for standard input, and the named files it skipped. */
export interface Inputs {
  files: string[]
  /** Files named on the command line that the ignore file leaves out. */
  skipped: string[]
}

/**
 * Turn the command line's arguments into files: a glob is expanded, a folder yields the replies in
 * it (the files whose name says how to read them, such as `.txt`, `.md` and `.eml`, at any depth,
 * leaving out hidden folders and `node_modules`),
 * and the ignore file leaves out what it names. A file named outright is checked later, when read.
 */
export async function expandInputs(patterns: string[], rules: IgnoreRules, cwd: string): Promise<Inputs> {
  const files: string[] = []
  const skipped: string[] = []
  for (const pattern of patterns) {
    if (pattern === '-') {
      files.push(pattern)
      continue
    }
    if (isDynamicPattern(pattern)) {
      // As eslint and textlint do, a glob does not follow a symbolic link to a folder (`docs -> ../elsewhere`, `-> /etc`).
      const matches = await glob(pattern, {cwd, dot: false, onlyFiles: true, ignore: ['**/node_modules/**'], followSymbolicLinks: false})
      if (matches.length === 0) throw new UsageError(`No files match \`${pattern}\``)
      files.push(...matches.sort().filter((file) => !rules.ignores(file)))
      continue
    }
    if (isFolder(path.resolve(cwd, pattern))) {
      files.push(...(await repliesIn(pattern, rules, cwd)))
      continue
    }
    if (rules.ignores(pattern)) skipped.push(pattern)
    else files.push(pattern)
  }
  return {files, skipped}
}

async function repliesIn(folder: string, rules: IgnoreRules, cwd: string): Promise<string[]> {
  const base = folder.replace(/[/\\]+$/, '') || folder
  const matches = await glob('**/*', {
    cwd: path.resolve(cwd, folder),
    dot: false,
    onlyFiles: true,
    ignore: ['**/node_modules/**'],
    followSymbolicLinks: false
  })
  return matches
    .filter((match) => formatFromPath(match) !== undefined)
    .map((match) => path.join(base, match))
    .sort()
    .filter((file) => !rules.ignores(file))
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory()
  } catch {
    return false
  }
}
