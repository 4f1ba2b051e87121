import {execFile} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'
import {makeWorkspace, removeWorkspaces} from '../helpers-lsp.js'

const run = promisify(execFile)
const check = fileURLToPath(new URL('neovim/check.lua', import.meta.url))

const reply = [
  'Hi Sam,',
  '',
  "😀 We won't be able to see you before Friday.",
  '您好。It’s not our fault that the product arrived defective.',
  'Please request an RMA before sending it back.',
  ''
].join('\n')

async function nvimVersion(): Promise<string | undefined> {
  try {
    return (await run('nvim', ['--version'])).stdout.split('\n')[0]
  } catch {
    return undefined
  }
}

// A fresh machine has no Neovim: the test is skipped there. CI installs it and sets
// TACTFUL_REQUIRE_NVIM=1, which makes a missing `nvim` a failure.
const required = process.env.TACTFUL_REQUIRE_NVIM === '1'

describe('Neovim (a real LSP client)', () => {
  afterAll(removeWorkspaces)

  it('shows the diagnostics the library finds, at the same lines and UTF-16 columns', async (context) => {
    const version = await nvimVersion()
    if (!version && !required) {
      const reason =
        'Neovim (`nvim`) is not installed; install it (`apt-get install neovim`) to run this test, set TACTFUL_REQUIRE_NVIM=1 to require it'
      // Printed as well: the default reporter counts skipped tests but does not show why.
      console.warn(`Skipped: ${reason}`)
      context.skip(reason)
    }
    expect(
      version,
      'TACTFUL_REQUIRE_NVIM=1 requires Neovim (`nvim`), which is not installed; install it with `apt-get install neovim`'
    ).toBeDefined()

    const folder = makeWorkspace()
    const file = path.join(folder, 'reply.txt')
    writeFileSync(file, reply)
    const {stdout} = await run('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${check}`, file], {
      cwd: folder,
      timeout: 25_000
    })

    const {findings} = await lint(reply, {format: 'text'})
    const expected = findings.map((finding) => `${finding.start.line}:${finding.start.column} ${finding.ruleId} ${finding.message}`)
    expect(expected.length).toBeGreaterThan(0)
    expect(stdout.trimEnd().split('\n').sort()).toEqual(expected.sort())
  })
})
