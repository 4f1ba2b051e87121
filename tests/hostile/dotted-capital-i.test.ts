// Issue 12, finding 8: one “İ” (U+0130) lower-cases to two code units, and switched off glossary.flag for the whole reply.
import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'

const glossary = {flag: {'ticket ref': ['case number'], istanbul: ['our Istanbul office']}}

describe('a dotted capital I', () => {
  it('leaves glossary.flag on for the rest of the reply, at the right place', async () => {
    const text = 'Thanks, Ayşe from İzmir. Please quote your ticket ref when you call.'
    const {findings} = await lint(text, {glossary})
    const flagged = findings.filter((finding) => finding.actual === 'ticket ref')
    expect(flagged).toHaveLength(1)
    expect(flagged[0].start.offset).toBe(text.indexOf('ticket ref'))
    expect(flagged[0].suggestions).toEqual(['case number'])
  })

  it('matches a term written with it, spanning it exactly', async () => {
    const text = 'Thanks for waiting. Our İSTANBUL team will call.'
    const {findings} = await lint(text, {glossary})
    expect(findings.map((finding) => finding.actual)).toContain('İSTANBUL')
  })
})
