import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, runBin} from './helpers.js'

const bins = [
  {name: 'tactful', dir: 'packages/tactful'},
  {name: 'tactful-language-server', dir: 'packages/language-server'},
  {name: 'tactful-mcp', dir: 'packages/tactful-mcp'}
]

function binOf(dir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {bin: Record<string, string>}
  return path.join(root, dir, manifest.bin[name])
}

function versionOf(dir: string): string {
  return (JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {version: string}).version
}

describe.each(bins)('$name', ({name, dir}) => {
  const bin = binOf(dir, name)

  it.each(['--help', '-h'])('prints its usage for %s and exits 0, starting nothing', (flag) => {
    // A server that started anyway would print no usage: its standard output is the protocol's.
    const {code, stdout, stderr} = runBin(bin, [flag])
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(stdout).toMatch(new RegExp(`^Usage: ${name}\\b`))
    expect(stdout).toMatch(/--version/)
  })

  it.each(['--version', '-v'])('prints its version for %s', (flag) => {
    expect(runBin(bin, [flag])).toEqual({code: 0, stdout: `${versionOf(dir)}\n`, stderr: ''})
  })
})

describe('the servers’ other command lines', () => {
  it('tactful-language-server without a transport says what to pass, with no stack trace', () => {
    const {code, stdout, stderr} = runBin(binOf('packages/language-server', 'tactful-language-server'), [])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^tactful-language-server: name a transport, such as --stdio/)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('tactful-mcp refuses an argument it does not know', () => {
    const {code, stderr} = runBin(binOf('packages/tactful-mcp', 'tactful-mcp'), ['--port', '80'])
    expect(code).toBe(2)
    expect(stderr).toBe('tactful-mcp: unknown argument `--port`; the server takes none. Run `tactful-mcp --help` for more\n')
  })
})
