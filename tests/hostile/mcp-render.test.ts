// Issue 12, finding 2: rendering a report with many findings spread them into `push` and overflowed the stack.
import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'
import {withActions} from '../../packages/tactful-mcp/src/describe.js'
import {renderFix, renderLint} from '../../packages/tactful-mcp/src/render.js'

// 'Please send the RMA and KYC now. ' × 30,000 has ~60,000 findings; one reply's findings, repeated, make as many.
async function manyFindings() {
  const {findings} = await lint('Please send the RMA and KYC now. '.repeat(10))
  expect(findings.length).toBeGreaterThan(0)
  return Array.from({length: Math.ceil(200_000 / findings.length)}, () => findings).flat()
}

describe('rendering many findings', () => {
  it('renders a lint report of 200,000 findings and as many notices', async () => {
    const findings = await manyFindings()
    const text = renderLint({
      summary: 'Many findings.',
      findings: withActions(findings),
      commitments: [],
      notices: findings.map((finding) => finding.message)
    })
    expect(text.split('\n').filter((line) => line.startsWith('   Action: '))).toHaveLength(findings.length)
    expect(text).toContain(`\n${findings.length}. `)
    expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(findings.length)
  })

  it('renders a fix report of 200,000 remaining findings', async () => {
    const findings = await manyFindings()
    const text = renderFix({text: 'x', summary: 'Many left.', applied: [], remaining: withActions(findings)})
    expect(text.split('\n').filter((line) => line.startsWith('   Action: '))).toHaveLength(findings.length)
    expect(text).toContain(`\n${findings.length}. `)
  })
})
