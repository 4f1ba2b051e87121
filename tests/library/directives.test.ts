import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'

const negative = 'We cannot refund it.'
const jargon = 'Please raise an RMA.'

async function flagged(text: string): Promise<string[]> {
  const {findings} = await lint(text, {rules: {'missing-thanks': 'off'}})
  return findings.map((finding) => `${finding.start.line} ${finding.ruleId}`)
}

describe('disable and enable comments', () => {
  it('ends a disable for the rules a tactful-enable names', async () => {
    const text = [
      '<!-- tactful-disable negative-phrasing, jargon -->',
      `${negative} ${jargon}`,
      '<!-- tactful-enable negative-phrasing -->',
      `${negative} ${jargon}`
    ].join('\n')
    expect(await flagged(text)).toEqual(['4 negative-phrasing'])
  })

  it('ends every disable with a bare tactful-enable, and re-enables one rule of a bare disable', async () => {
    expect(await flagged(['<!-- tactful-disable jargon -->', jargon, '<!-- tactful-enable -->', jargon].join('\n'))).toEqual(['4 jargon'])
    const text = ['<!-- tactful-disable -->', `${negative} ${jargon}`, '<!-- tactful-enable jargon -->', `${negative} ${jargon}`].join('\n')
    expect(await flagged(text)).toEqual(['4 jargon'])
  })

  it('lets a later disable win over an earlier enable', async () => {
    const text = ['<!-- tactful-enable jargon -->', jargon, '<!-- tactful-disable jargon -->', jargon].join('\n')
    expect(await flagged(text)).toEqual(['2 jargon'])
  })

  it('reads a reason after -- as a reason, not as rule ids', async () => {
    const {findings, notices} = await lint(`<!-- tactful-disable jargon -- our customers say RMA -->\n${jargon}`, {
      rules: {'missing-thanks': 'off'}
    })
    expect({findings, notices}).toEqual({findings: [], notices: []})
  })

  it('gives a notice for a rule id that names no rule, and leaves the rules on', async () => {
    const text = `Thanks for waiting.\n<!-- tactful-disable jargn -->\n${jargon}\n<!-- tactful-enable negativ -->`
    const {findings, notices} = await lint(text)
    expect(findings.map((finding) => finding.ruleId)).toEqual(['jargon'])
    expect(notices).toEqual([
      'Unknown rule `jargn` in a `tactful-disable` comment on line 2; the rules are `blame-shifting`, `broken-promises`, `jargon`, `missing-thanks`, `negative-phrasing`',
      'Unknown rule `negativ` in a `tactful-enable` comment on line 4; the rules are `blame-shifting`, `broken-promises`, `jargon`, `missing-thanks`, `negative-phrasing`'
    ])
  })
})
