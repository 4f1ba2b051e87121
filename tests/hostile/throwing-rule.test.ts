// A rule that throws must not take the others down: the library adds a throwing rule to the list
// the library lints with, then checks the other rules still report and one notice names the failure.
import retextEnglish from 'retext-english'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import {describe, expect, it, vi} from 'vitest'
import {defineRule, ruleUrl} from '../../rules/kit/index.js'

vi.mock('../../rules/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../rules/index.js')>()
  const kit = await import('../../rules/kit/index.js')
  const meta = (id: string) => ({id, description: 'Throw on every reply', url: kit.ruleUrl(id), severity: 'warning'}) as const
  const explode = kit.defineRule(meta('explode'), (_tree, file) => {
    // What it reported before throwing must not survive either.
    file.message('half a finding')
    throw new Error('boom')
  })
  const reject = kit.defineRule(meta('reject'), async () => {
    await Promise.resolve()
    throw 'not even an Error' // eslint-disable-line no-throw-literal -- a rule may throw anything
  })
  const rules = [...original.rules, explode, reject]
  return {...original, rules, ruleIds: rules.map((rule) => rule.meta.id)}
})

const {fix, lint, retextTactful} = await import('../../packages/tactful/src/index.js')

const seed = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do."

describe('a rule that throws', () => {
  it('is skipped with one notice each, and the other rules still report', async () => {
    const result = await lint(seed)
    const healthy = await lint(seed, {rules: {explode: 'off', reject: 'off'}} as never)
    expect(healthy.notices).toEqual([])
    expect(result.findings).toEqual(healthy.findings)
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([
      'blame-shifting',
      'blame-shifting',
      'negative-phrasing',
      'missing-thanks'
    ])
    expect(result.notices).toEqual([
      'Rule `explode` failed and was skipped: boom',
      'Rule `reject` failed and was skipped: not even an Error'
    ])
  })

  it('gives the same notices on every lint, not more', async () => {
    const first = await lint(seed)
    const second = await lint(seed)
    expect(second).toEqual(first)
    expect(second.notices).toHaveLength(2)
  })

  it('does not stop fix from applying the other rules’ safe fixes', async () => {
    const text = "Thanks for your message. We won't be able to see you before Friday."
    expect((await fix(text)).output).toBe("Thanks for your message. We'll be able to see you on Friday.")
  })

  it('is isolated in the retext preset too, with the failure on the file', async () => {
    const crash = defineRule({id: 'crash', description: 'Throw on every reply', url: ruleUrl('crash'), severity: 'error'}, () => {
      throw new TypeError('Cannot read properties of undefined')
    })
    const file = await unified().use(retextEnglish).use(retextTactful).use(crash).use(retextStringify).process(seed)
    expect(file.messages.map((message) => message.ruleId)).toEqual(
      expect.arrayContaining(['blame-shifting', 'negative-phrasing', 'missing-thanks'])
    )
    expect(file.messages.some((message) => message.ruleId === 'crash' || message.reason === 'half a finding')).toBe(false)
    expect(file.data.tactful?.failures.map((failure) => failure.ruleId).sort()).toEqual(['crash', 'explode', 'reject'])
    expect(String(file)).toBe(seed)
  })
})
