// The eval scores the rules the library runs: its rule list comes from the built library, never a copy.
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ruleIds} from '../../rules/index.js'

const script = fileURLToPath(new URL('../../scripts/eval.mjs', import.meta.url))

describe('npm run eval', () => {
  it('knows every rule, and names them all when asked for one it does not know', () => {
    const result = spawnSync(process.execPath, [script, 'cases.jsonl', '--rule', 'jargn'], {encoding: 'utf8'})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(`Unknown rule \`jargn\`; rules: ${ruleIds.join(', ')}\n`)
  })
})
