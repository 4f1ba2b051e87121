// Issue 12, finding 10: `{"rules": {"jargon": {"toString": 1}}}` threw “Cannot convert object to primitive value”,
// and `["off"]` was rejected as “not `off`”.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {checkOptions, lint} from '../../packages/tactful/src/index.js'

const cli = path.resolve(import.meta.dirname, '../../packages/tactful/bin/tactful.js')
const folders: string[] = []

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

function runWithConfig(config: string) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tactful-config-'))
  folders.push(folder)
  writeFileSync(path.join(folder, '.tactfulrc.json'), config)
  writeFileSync(path.join(folder, 'reply.txt'), 'Thanks for waiting.\n')
  return spawnSync(process.execPath, [cli, 'reply.txt'], {cwd: folder, encoding: 'utf8'})
}

describe('a rule setting that is not a severity', () => {
  it('names the rule, the choices and the object, without calling its toString', () => {
    expect(() => checkOptions({rules: {jargon: {toString: 1}}}, 'options')).toThrow(
      'Expected `off`, `info`, `warning` or `error` for rule `jargon`, not an object: `{"toString":1}`'
    )
  })

  it('says a list is a list, and how to write the setting', () => {
    expect(() => checkOptions({rules: {jargon: ['off']}}, 'options')).toThrow(
      'Expected `off`, `info`, `warning` or `error` for rule `jargon`, not a list: `["off"]` (write `"off"`, without the brackets)'
    )
  })

  it('describes a value JSON cannot write by its kind', async () => {
    const loop: Record<string, unknown> = {}
    loop.self = loop
    await expect(lint('Hi', {rules: {jargon: loop as never}})).rejects.toThrow(/for rule `jargon`, not an object$/)
    await expect(lint('Hi', {rules: {jargon: 10n as never}})).rejects.toThrow(/for rule `jargon`, not a bigint$/)
  })

  it('is reported by the CLI with exit code 2, naming the rule and the choices', () => {
    for (const [config, expected] of [
      ['{"rules": {"jargon": {"toString": 1}}}', 'not an object: `{"toString":1}`'],
      ['{"rules": {"jargon": ["off"]}}', 'not a list: `["off"]` (write `"off"`, without the brackets)']
    ]) {
      const result = runWithConfig(config)
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('Expected `off`, `info`, `warning` or `error` for rule `jargon`')
      expect(result.stderr).toContain(expected)
      expect(result.stderr).not.toContain('TypeError')
    }
  })
})
