import {describe, expect, it} from 'vitest'
import type {LintOptions} from '../../../packages/tactful/src/index.js'
import jargon from '../index.js'
import {ruleUrl} from '../../kit/index.js'
import {lintLines, lintMessages} from '../../../tests/helpers.js'

const actuals = async (text: string, options?: LintOptions) => (await lintMessages(jargon, text, options)).map((finding) => finding.actual)

describe('jargon', () => {
  it('leaves plain wording alone', async () => {
    expect(await lintLines(jargon, 'Please reply with your order number.')).toEqual([])
  })

  it.each([
    ['Please raise an RMA.', 'an RMA'],
    ['Our SLA is two business days.', 'SLA'],
    ["I've passed this to L2 support.", 'L2'],
    ["I've passed this to tier 2 support.", 'tier 2'],
    ["I'll escalate the ticket.", 'escalate the ticket'],
    ['See KB article 1234.', 'KB article'],
    ["I'll have an answer by EOD.", 'EOD'],
    ["I'll have an answer by COB.", 'COB'],
    ['Per our ToS, refunds take 5 days.', 'Per our ToS'],
    ['Let me circle back with the team.', 'circle back'],
    ["Let's touch base on Monday.", 'touch base'],
    ['You can leverage the mobile app to track it.', 'leverage'],
    ['As per your request, the order is cancelled.', 'As per'],
    ['Kindly revert with your order number.', 'Kindly revert'],
    ['Please do the needful.', 'do the needful'],
    ['Your MFA code has expired.', 'MFA']
  ])('flags what RULES.md lists: %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    'OK, I have sent the PDF to your email.',
    'Plug the USB cable into the router.',
    'Connect to Wi-Fi and enter your PIN.',
    'Please bring your ID to the front desk.',
    'The delivery slot is 9 am to 1 pm.',
    'We ship to the UK, the US and the EU.'
  ])('does not flag everyday abbreviations: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('does not flag an abbreviation the reply spells out, later in the reply', async () => {
    const text = 'Please fill in the Return Merchandise Authorization (RMA) form.\nOnce the RMA is approved, ship the item back.'
    expect(await actuals(text)).toEqual([])
    expect(await actuals('Please print the RMA (return merchandise authorization) label. Put the RMA number on the box.')).toEqual([])
  })

  it('takes the article in: “an RMA” → “a return authorization”', async () => {
    const [finding] = await lintMessages(jargon, 'Please request an RMA.')
    expect(finding).toMatchObject({actual: 'an RMA', suggestions: ['a return authorization'], start: {column: 16}, end: {column: 22}})
  })

  it('drops a term the glossary allows', async () => {
    expect(await actuals('Please raise an RMA.', {glossary: {allow: ['RMA']}})).toEqual([])
    expect(await actuals('We need your KYC documents.', {glossary: {allow: ['kyc']}})).toEqual([])
    expect(await actuals('We need your KYC documents.')).toEqual(['KYC'])
  })

  it('flags a term the glossary flags, with its plain alternative', async () => {
    const text = 'Please restart your fibre hub.'
    expect(await actuals(text)).toEqual([])
    const [finding] = await lintMessages(jargon, text, {glossary: {flag: {'fibre hub': ['router']}}})
    expect(finding).toMatchObject({actual: 'fibre hub', suggestions: ['router'], message: '“fibre hub” is support jargon; try “router”'})
  })

  it('drops an abbreviation the team adds to its everyday list', async () => {
    expect(await actuals('Your MFA code has expired.', {abbreviations: ['MFA']})).toEqual([])
  })

  it.each([
    ['Your case has been escalated to our NOC.', 'NOC'],
    ['Your CRM record has been updated.', 'CRM'],
    ['Please send us your IMEI so we can unlock the phone.', 'IMEI'],
    ["I've logged a P1 incident for the outage.", 'P1'],
    ['Our team will follow up by EOD tomorrow.', 'EOD'],
    ["That's a KPI we track internally.", 'KPI'],
    ['Our salespeople will circle back.', 'circle back']
  ])('flags new jargon: %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    'The flight from LHR to JFK is delayed.',
    'The SIM card is in the post.',
    'Your package is at the USPS facility.',
    'Please check the T&Cs before you book.',
    'Happy Thanksgiving from all of us!',
    "You're welcome!",
    'Your ETA is Friday morning.',
    'The firmware update is ready for your router.',
    'We have issued a credit note to your account.',
    'Your new debit card will arrive in 3 to 5 working days.',
    'I have attached the invoice as a PDF.',
    'Your room has free Wi-Fi and a 4K TV.'
  ])('leaves new everyday text alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('reports two findings on different lines and columns', async () => {
    expect(await lintLines(jargon, "Hi Sam,\nYour RMA is approved.\nI'll confirm the refund by EOD.")).toEqual([
      '2:6-2:9 jargon “RMA”',
      '3:28-3:31 jargon “EOD”'
    ])
  })

  it('flags a sentence-initial phrase in its own case', async () => {
    const [finding] = await lintMessages(jargon, 'As per your request, the order is cancelled.')
    expect(finding).toMatchObject({actual: 'As per', suggestions: ['According to'], start: {line: 1, column: 1}})
  })

  it('flags a phrase next to punctuation without taking it in', async () => {
    expect(await lintLines(jargon, 'Our SLA, as you know, is two business days.')).toEqual(['1:5-1:8 jargon “SLA”'])
    expect(await lintLines(jargon, "I'll have an answer by EOD.")).toEqual(['1:24-1:27 jargon “EOD”'])
  })

  it('does not match inside a longer word', async () => {
    expect(await actuals('The firmware update is ready; please restart your router.')).toEqual([])
    expect(await actuals('We have levered the stuck drawer open and replaced it.')).toEqual([])
  })

  it('reads straight and curly apostrophes alike', async () => {
    expect(await actuals("Let's touch base on Monday.")).toEqual(['touch base'])
    expect(await actuals('Let’s touch base on Monday.')).toEqual(['touch base'])
  })

  it('finds a phrase in quotation marks without taking the marks in', async () => {
    expect(await lintLines(jargon, 'Select "RMA request" from the menu.')).toEqual(['1:9-1:12 jargon “RMA”'])
    expect(await lintLines(jargon, 'Please click “Raise an RMA” in your account.')).toEqual(['1:21-1:27 jargon “an RMA”'])
  })

  it('never reports in quoted history', async () => {
    expect(await actuals('Thanks for your patience, Sam! Your refund is done.\n\n> Please raise an RMA and kindly revert.')).toEqual([])
    const text =
      'Your refund is done.\n\nOn Tue, 4 Nov 2025, Sam Lee <sam@example.com> wrote:\n> Your SLA says EOD. Why was this escalated to L2?'
    expect(await actuals(text)).toEqual([])
  })

  it('never reports in the signature', async () => {
    expect(await actuals('Your refund is done.\n\n-- \nJo Park | Tier 2 Support | ACME Corp')).toEqual([])
    expect(await actuals('Your refund is done.\n\nBest regards,\nJo Park\nL2 Support Engineer, NOC')).toEqual([])
  })

  it('pins a whole message', async () => {
    const [finding] = await lintMessages(jargon, 'Kindly revert with your order number.')
    expect(finding).toMatchObject({
      ruleId: 'jargon',
      severity: 'warning',
      actual: 'Kindly revert',
      message: '“Kindly revert” is support jargon; try “Please reply”',
      suggestions: ['Please reply'],
      start: {line: 1, column: 1, offset: 0},
      end: {line: 1, column: 14, offset: 13},
      url: ruleUrl('jargon')
    })
  })

  it('pins the message for an unknown abbreviation', async () => {
    const [finding] = await lintMessages(jargon, 'Your MFA code has expired.')
    expect(finding).toMatchObject({
      actual: 'MFA',
      message: '“MFA” may be unknown to the customer; spell it out the first time',
      suggestions: []
    })
  })

  // Rule problems found while writing these tests: each expectation is what RULES.md and STYLE.md ask for.
  it('quotes the text it replaces: “an RMA”, not “RMA”', async () => {
    const [finding] = await lintMessages(jargon, 'Please raise an RMA.')
    expect(finding.message).toBe('“an RMA” is support jargon; try “a return authorization”')
  })

  it('does not take the full stop into “tier 2.”', async () => {
    expect(await lintLines(jargon, "I've passed this to tier 2.")).toEqual(['1:21-1:27 jargon “tier 2”'])
  })

  it.each([
    ["I've passed this to L2.", 'specialist team'],
    ["I've logged a P1 incident for the outage.", 'top priority'],
    ["You'll find the steps in KB article 1234.", 'help article']
  ])('keeps a mid-sentence suggestion in lower case: %s', async (text, suggestion) => {
    const [finding] = await lintMessages(jargon, text)
    expect(finding?.suggestions).toEqual([suggestion])
  })

  it('does not flag DSL, a broadband product customers buy by that name (seed 002)', async () => {
    expect(await actuals('Your DSL line is active again.')).toEqual([])
  })

  it.each([
    '您的工单已升级。',
    '我已经转给二线了。',
    '这个需要走流程。',
    '我会和仓库对接一下。',
    '我们会拉通各部门对齐一下。',
    '这个问题我们会闭环处理。',
    '我们的SLA是两个工作日。',
    '请提供RMA编号。'
  ])('flags the Chinese examples of RULES.md: %s', async (text) => {
    expect(await actuals(text)).not.toEqual([])
  })

  it.each([
    '请在App里查看订单。',
    '请提供您的ID。',
    '请连接Wi-Fi后重试。',
    '发票已作为PDF附上。',
    '请填写退货授权(RMA)表格。收到RMA后请寄回商品。'
  ])('leaves the Chinese good examples alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})
