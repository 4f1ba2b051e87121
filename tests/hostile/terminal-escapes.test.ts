// Issue 12, finding 5: the default formatter printed the reply's text raw (`\033[2J` cleared the screen),
// and config values were echoed raw to standard error.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {escapeControls} from '../../packages/tactful/src/cli/escape.js'

const cli = path.resolve(import.meta.dirname, '../../packages/tactful/bin/tactful.js')
const folders: string[] = []
const clear = '\u001b[2J'
const reply = `I promise ${clear}it will arrive tomorrow.\n`

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

function run(args: string[], files: Record<string, string> = {}, input?: string) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tactful-escapes-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text)
  return spawnSync(process.execPath, [cli, ...args], {cwd: folder, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
}

// No control character but the line feeds that end lines.
function expectNoControls(output: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
  expect(output.replace(/\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/)
}

describe('untrusted text in human output', () => {
  it('shows control characters of the reply as escapes in the default format', () => {
    const result = run(['-'], {}, reply)
    expect(result.status).toBe(1)
    expectNoControls(result.stdout)
    expect(result.stdout).toContain('“I promise \\u001b[2Jit will arrive tomorrow”')
  })

  it('escapes a file name and a notice', () => {
    const name = `reply\u001b]0;owned\u0007.txt`
    const result = run([name], {[name]: `${'Thanks for waiting. '.repeat(1000)}\n`})
    expectNoControls(result.stdout)
    expect(result.stdout).toContain('reply\\u001b]0;owned\\u0007.txt')
  })

  it('escapes config values echoed to standard error', () => {
    const result = run(['reply.txt'], {'.tactfulrc.json': JSON.stringify({rules: {jargon: `loud${clear}`}}), 'reply.txt': 'Thanks!\n'})
    expect(result.status).toBe(2)
    expectNoControls(result.stderr)
    expect(result.stderr).toContain('not `loud\\u001b[2J`')
  })

  it('escapes an unknown option echoed in the usage error', () => {
    const result = run([`--${clear}`])
    expect(result.status).toBe(2)
    expectNoControls(result.stderr)
  })

  it('keeps JSON exact: the text round-trips', () => {
    const result = run(['--format', 'json', '-'], {}, reply)
    const [report] = JSON.parse(result.stdout) as Array<{findings: Array<{actual: string}>}>
    expect(report.findings.map((finding) => finding.actual)).toContain(`I promise ${clear}it will arrive tomorrow`)
  })

  it('escapes C0, DEL, C1 and reordering marks, and leaves tabs and other text alone', () => {
    expect(escapeControls('a\u0000b\u007fc\u009bd\u202ee\u2066f\tg 😀 退款')).toBe('a\\u0000b\\u007fc\\u009bd\\u202ee\\u2066f\tg 😀 退款')
  })
})
