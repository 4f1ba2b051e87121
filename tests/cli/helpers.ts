import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** The repository's root. */
export const root = path.resolve(import.meta.dirname, '../..')

/** The built CLI, as `npx tactful` runs it. */
export const cli = path.join(root, 'packages/tactful/bin/tactful.js')

/** What one run of a bin printed, and how it exited. */
export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Run a bin with `args`; colour is off unless `env` says otherwise. */
export function runBin(
  bin: string,
  args: string[],
  {input, cwd, env}: {input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined>} = {}
): Run {
  const environment: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env}
  for (const key of Object.keys(environment)) if (environment[key] === undefined) delete environment[key]
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    cwd: cwd ?? root,
    encoding: 'utf8',
    env: environment as NodeJS.ProcessEnv,
    timeout: 20_000
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Run the CLI with `args`. */
export function run(args: string[], options: {input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined>} = {}): Run {
  return runBin(cli, args, options)
}

/** A new temporary folder holding `files`. */
export function workspace(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tactful-cli-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), content)
  }
  return folder
}

/** A reply with four warnings: two blame-shifting, one negative-phrasing, one missing-thanks. */
export const seed = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do.\n"

/** A reply no rule flags. */
export const clean = 'Thanks for your patience. Your refund of $24.50 was processed today.\n'

/** A reply only missing-thanks flags. */
export const thankless = 'Your seat is now 14C.\n'
