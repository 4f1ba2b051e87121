// Times the CLI on one small reply against a bare `node -e 0`, in turn, so drift hits both alike.
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {median} from './stats.mjs'

/** Median wall times of the CLI on `file` and of `node -e 0`, over `runs` each after one warm-up. */
export function measureCli({root, file, runs}) {
  const commands = {
    node: ['-e', '0'],
    cli: [path.join(root, 'packages/tactful/bin/tactful.js'), file]
  }
  const times = {node: [], cli: []}
  for (let run = -1; run < runs; run++) {
    const order = run % 2 === 0 ? ['node', 'cli'] : ['cli', 'node']
    for (const name of order) {
      const ms = timeRun(commands[name], root)
      if (run >= 0) times[name].push(ms)
    }
  }
  const cli = median(times.cli)
  const node = median(times.node)
  return {cli, node, ratio: cli / node, runs}
}

function timeRun(args, root) {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, {cwd: root, timeout: 30_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  const ms = performance.now() - start
  const command = `node ${args.map((arg) => (path.isAbsolute(arg) ? path.relative(root, arg) : arg)).join(' ')}`
  if (result.error) throw new Error(`\`${command}\` failed: ${result.error.message}`, {cause: result.error})
  // The CLI exits 1 when it has findings; only 2 (or a signal) means it broke.
  if (result.status !== 0 && result.status !== 1) {
    const reason = result.stderr.trim().split('\n').at(-1) || `exit ${result.signal ?? result.status}`
    throw new Error(`\`${command}\` exited with ${result.signal ?? result.status}: ${reason}`)
  }
  return ms
}
