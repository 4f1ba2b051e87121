import {describe, expect, it} from 'vitest'
import {ruleUrl} from '../../kit/index.js'
import missingThanks from '../index.js'
import {lintLines, lintMessages} from '../../../tests/helpers.js'

const actuals = async (text: string) => (await lintMessages(missingThanks, text)).map((finding) => finding.actual)

describe('missing-thanks', () => {
  it('flags the wrong example of seed 000 at its closing sentence', async () => {
    const text = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do."
    expect(await lintLines(missingThanks, text)).toEqual(["1:85-1:111 missing-thanks “There's nothing we can do.”"])
    expect(await actuals("Our standard packaging doesn't align with your cultural preferences. Sorry, we can't make any changes.")).toEqual(
      ["Sorry, we can't make any changes."]
    )
  })

  it.each([
    'Thank you for contacting us and bringing the issue to our attention. We have resolved the problem for you. Can I kindly ask for your feedback on how we handled the situation? Your feedback is valuable to us and helps us improve our service.',
    'Thank you for sharing your cultural preferences regarding packaging. We understand the importance of preserving traditions.',
    'Thanks for your order! It ships Monday.'
  ])('leaves replies that thank the customer alone (seeds 000, 002): %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it.each([
    ['Hi Sam,\n\nYour refund has been issued.\n\nBest regards,\nJo', 'Your refund has been issued.'],
    ['Happy Thanksgiving! Your order ships Monday.', 'Your order ships Monday.'],
    ["I'm sorry for the delay. Your replacement ships today.", 'Your replacement ships today.'],
    [
      'Hi Sam,\n\nYour refund has been issued and should reach your card within 3 days.\nLet me know if anything else comes up.\n\nKind regards,\nJo Park',
      'Let me know if anything else comes up.'
    ],
    ['Hi Sam,\n\nI’m sorry your parcel was late. It’s out for delivery now.\n\nRegards,\nJo', 'It’s out for delivery now.'],
    ['Your table for four is booked for 7 pm on Saturday.', 'Your table for four is booked for 7 pm on Saturday.']
  ])('flags a new reply with no thanks, at its closing sentence: %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    'Hi Sam,\n\nThank you for your patience. Your refund has been issued.\n\nBest regards,\nJo',
    'Hi Sam,\n\nYour refund has been issued. I appreciate you bearing with us.\n\nBest regards,\nJo',
    "We're grateful you flagged this. The page is fixed now.",
    'Thanks so much for letting us know. The page is fixed now.',
    'Your order ships Monday. Thx!',
    'Your feedback is much appreciated. The fix is live.',
    'Sam, your order ships Monday.\n\nThanks again,\nJo',
    'Your order ships Monday.\n\nMany thanks,\nJo',
    'Hi Sam,\n\nYour order ships Monday.\n\nThank you,\nJo Park\nNorthwind Support',
    '',
    '-- \nJo Park\nSupport'
  ])('leaves a new reply with thanks (or with no reply text) alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('counts a “Thanks,” sign-off as thanks', async () => {
    expect(await actuals('Hi Sam,\n\nYour refund has been issued.\n\nThanks,\nMia')).toEqual([])
  })

  // The quoted messages used to be a customer's closing thanks; a reply under one answers it (issue 14),
  // so the quoted thanks here ask for something instead, which the reply still owes thanks for.
  it('still flags when the only thanks is in the quoted history', async () => {
    const text =
      'Hi Sam,\n\nYour refund has been issued.\n\nOn Tue, 4 Nov 2025, Sam Lee <sam@example.com> wrote:\n> Thanks for your help, but my refund has not arrived.'
    expect(await lintLines(missingThanks, text)).toEqual(['3:1-3:29 missing-thanks “Your refund has been issued.”'])
    expect(await actuals('Your refund has been issued.\n\n> Thank you in advance for looking into my refund.')).toEqual([
      'Your refund has been issued.'
    ])
  })

  it('still flags when the only thanks is in the signature', async () => {
    const text = 'Hi Sam,\n\nYour refund has been issued.\n\n-- \nJo Park | Thank you for choosing Northwind'
    expect(await lintLines(missingThanks, text)).toEqual(['3:1-3:29 missing-thanks “Your refund has been issued.”'])
  })

  it('flags once per reply, at the closing sentence on its own line and column', async () => {
    const text =
      'Hi Sam,\n\nYour new router is on its way. It should arrive on Thursday.\nThe engineer will call you first.\n\nBest regards,\nJo'
    expect(await lintLines(missingThanks, text)).toEqual(['4:1-4:34 missing-thanks “The engineer will call you first.”'])
  })

  it('suggests the closing sentence plus a thanks sentence', async () => {
    const [finding] = await lintMessages(missingThanks, "I'm sorry for the delay. Your replacement ships today.")
    expect(finding.suggestions).toEqual([
      'Your replacement ships today. Thank you for your patience.',
      'Your replacement ships today. Thank you for getting in touch.'
    ])
  })

  it('adds a full stop to a closing sentence without one', async () => {
    const [finding] = await lintMessages(missingThanks, 'Your replacement ships today')
    expect(finding).toMatchObject({
      actual: 'Your replacement ships today',
      suggestions: [
        'Your replacement ships today. Thank you for getting in touch.',
        'Your replacement ships today. Thank you for your patience.'
      ]
    })
  })

  it('does not count thanks inside a longer word', async () => {
    expect(await actuals('Happy Thanksgiving! Your order ships Monday.')).toEqual(['Your order ships Monday.'])
  })

  it('reads thanks next to punctuation and at the start of a sentence', async () => {
    expect(await actuals('Thanks! Your order ships Monday.')).toEqual([])
    expect(await actuals('Your order ships Monday (thanks for waiting).')).toEqual([])
  })

  it('reads straight and curly apostrophes alike', async () => {
    expect(await actuals("It's out for delivery now. We're grateful for your patience.")).toEqual([])
    expect(await actuals('It’s out for delivery now. We’re grateful for your patience.')).toEqual([])
  })

  it('keeps quotation marks of the closing sentence in its span', async () => {
    expect(await lintLines(missingThanks, 'Your voucher code is "WELCOME10".')).toEqual([
      '1:1-1:34 missing-thanks “Your voucher code is "WELCOME10".”'
    ])
  })

  it('pins a whole message', async () => {
    const [finding] = await lintMessages(missingThanks, 'Hi Sam,\n\nYour refund has been issued.\n\nBest regards,\nJo')
    expect(finding).toMatchObject({
      ruleId: 'missing-thanks',
      severity: 'warning',
      actual: 'Your refund has been issued.',
      message: 'The reply never thanks the customer; try ending with “Thank you for getting in touch.”',
      suggestions: [
        'Your refund has been issued. Thank you for getting in touch.',
        'Your refund has been issued. Thank you for your patience.'
      ],
      start: {line: 3, column: 1, offset: 9},
      end: {line: 3, column: 29, offset: 37},
      url: ruleUrl('missing-thanks')
    })
  })

  // Rule problems found while writing these tests: each expectation is what RULES.md asks for.
  it('points at the closing sentence, not at a bare name that signs the reply', async () => {
    expect(await lintLines(missingThanks, 'Hi Sam,\n\nYour order ships Monday.\n\nJo')).toEqual([
      '3:1-3:25 missing-thanks “Your order ships Monday.”'
    ])
    expect(await lintLines(missingThanks, 'Hi Sam,\n\nYour order ships Monday.\n\n- Jo')).toEqual([
      '3:1-3:25 missing-thanks “Your order ships Monday.”'
    ])
  })

  it('still flags when the only thanks is a slogan under the sign-off and name', async () => {
    const text =
      "Hi Jordan,\n\nI've refunded the £14.50 to your card.\n\nBest wishes,\nLeila\nSpice Route Delivery\nThank you for ordering with Spice Route!"
    expect(await actuals(text)).toEqual(["I've refunded the £14.50 to your card."])
  })

  it('counts British “Cheers for …” as thanks', async () => {
    expect(await actuals('Hi Sam,\n\nYour order ships Monday. Cheers for bearing with us!\n\nBest,\nJo')).toEqual([])
  })

  it.each([
    '谢谢您的耐心等待,退款已经处理。',
    '感谢您分享关于包装的文化偏好。我们理解保护传统的重要性。',
    '退款已经处理,多谢您的理解。',
    '我们非常感激您的反馈。'
  ])('counts Chinese thanks in the body (RULES.md, seed 001): %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('flags a Chinese reply with no thanks (seed 000)', async () => {
    expect(await actuals('我们的标准包装不能符合您的文化偏好。很抱歉,我们不能做出任何改变。')).toHaveLength(1)
  })
})
