import {describe, expect, it} from 'vitest'
import {ruleUrl} from '../../kit/index.js'
import negativePhrasing from '../index.js'
import {lintLines, lintMessages} from '../../../tests/helpers.js'

const actuals = async (text: string) => (await lintMessages(negativePhrasing, text)).map((finding) => finding.actual)

describe('negative-phrasing', () => {
  it('flags the wrong example of seed 004 and suggests its right example', async () => {
    const [finding] = await lintMessages(negativePhrasing, "We won't be able to see you before Friday.")
    expect(finding).toMatchObject({
      actual: "We won't be able to see you before Friday",
      suggestions: ["We'll be able to see you on Friday"]
    })
  })

  it('leaves the right example of seed 004 alone', async () => {
    expect(await actuals("We'll be able to see you on Friday.")).toEqual([])
  })

  it('flags the wrong examples of seed 000', async () => {
    const text = "Our standard packaging doesn't align with your cultural preferences. Sorry, we can't make any changes."
    expect(await lintLines(negativePhrasing, text)).toEqual(["1:77-1:102 negative-phrasing “we can't make any changes”"])
    expect(
      await actuals("It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do.")
    ).toEqual(["There's nothing we can do"])
  })

  it.each([
    'Thank you for sharing your cultural preferences regarding packaging. We understand the importance of preserving traditions. Let me check if we have alternatives available or explore customization options to ensure your purchase aligns with your cultural preferences.',
    'No, the price you see is the final price. There are no hidden fees or taxes.'
  ])('leaves the right examples of seed 000 alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it.each([
    ["We won't be able to deliver until Monday.", "We won't be able to deliver until Monday"],
    ['We cannot refund digital purchases.', 'We cannot refund digital purchases'],
    ['We are unable to change the delivery address.', 'We are unable to change the delivery address'],
    ["It's not possible to change the seat.", "It's not possible to change the seat"],
    ["There's nothing we can do.", "There's nothing we can do"],
    ["We don't offer gift wrapping.", "We don't offer gift wrapping"],
    ["That's not allowed.", "That's not allowed"],
    ["There's no way we can refund a used ticket.", "There's no way we can refund a used ticket"]
  ])('flags what RULES.md lists: %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each(['There are no hidden fees.', "You won't be charged.", "Don't hesitate to contact us.", 'No problem!', "It's not your fault."])(
    'does not flag good news or courtesy: %s',
    async (text) => {
      expect(await actuals(text)).toEqual([])
    }
  )

  it.each([
    ["We can't ship to PO boxes.", "We can't ship to PO boxes"],
    ["I'm afraid we can't offer a discount on sale items.", "we can't offer a discount on sale items"],
    ['Unfortunately, we are unable to process refunds after 30 days.', 'we are unable to process refunds after 30 days'],
    ["Hotel check-in isn't possible before 3 pm.", "Hotel check-in isn't possible before 3 pm"],
    ["We don't accept cash on delivery.", "We don't accept cash on delivery"],
    ["Our system doesn't allow two promo codes on one order.", "Our system doesn't allow two promo codes on one order"],
    ["Unfortunately, that's not something we can do.", "that's not something we can do"],
    ["I can't help you with a refund for this order.", "I can't help you with a refund for this order"],
    ["We're unable to offer a refund, but we can give you store credit.", "We're unable to offer a refund"]
  ])('flags new refusals: %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    "If we can't fix it, we'll replace it for free.",
    "We can't wait to welcome you to the hotel!",
    "You can't go wrong with the larger size.",
    "Don't worry, your booking is safe.",
    "You won't need to return the damaged item.",
    'We never share your card details.',
    'Nothing has been charged to your card yet.',
    "I can't thank you enough for your patience.",
    "There's no need to send the receipt again.",
    "Our kitchen doesn't use peanuts in any dish.",
    "I can't see any order under that email address, so could you send me the order number?",
    "You won't be charged for the replacement."
  ])('leaves new good news, courtesy and facts alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('reports two findings on different lines and columns', async () => {
    const text = "Hi Ana,\nWe can't replace the screen.\nUnfortunately, we don't offer loaners either."
    expect(await lintLines(negativePhrasing, text)).toEqual([
      "2:1-2:28 negative-phrasing “We can't replace the screen”",
      "3:16-3:45 negative-phrasing “we don't offer loaners either”"
    ])
  })

  it('flags a sentence-initial phrase and stops at the punctuation next to it', async () => {
    expect(await lintLines(negativePhrasing, "We can't ship to PO boxes, sorry.")).toEqual([
      "1:1-1:26 negative-phrasing “We can't ship to PO boxes”"
    ])
    expect(await lintLines(negativePhrasing, "Sorry, we can't make any changes.")).toEqual([
      "1:8-1:33 negative-phrasing “we can't make any changes”"
    ])
  })

  it('does not match inside a longer word', async () => {
    expect(await actuals('Our cannoli are made fresh every morning.')).toEqual([])
    expect(await actuals('The jacket is impossibly light and warm.')).toEqual([])
  })

  it('reads straight and curly apostrophes alike, and keeps them in the suggestion', async () => {
    const [curly] = await lintMessages(negativePhrasing, 'We won’t be able to see you before Friday.')
    expect(curly).toMatchObject({actual: 'We won’t be able to see you before Friday', suggestions: ['We’ll be able to see you on Friday']})
    expect(await actuals('We can’t make any changes to a ticket after check-in.')).toEqual([
      'We can’t make any changes to a ticket after check-in'
    ])
  })

  it('finds a phrase in quotation marks without taking the marks in', async () => {
    expect(await lintLines(negativePhrasing, 'The old note said "we can\'t refund it", so I have asked for an exception.')).toEqual([
      "1:20-1:38 negative-phrasing “we can't refund it”"
    ])
  })

  it('never reports in quoted history', async () => {
    expect(await actuals("Your refund is done.\n\n> We can't refund it. There's nothing we can do.")).toEqual([])
    expect(
      await actuals("Your refund is done.\n\nOn Mon, 3 Nov 2025 at 09:12, Ana Ruiz <ana@example.com> wrote:\n> Why can't you refund it?")
    ).toEqual([])
  })

  it('never reports in the signature', async () => {
    expect(await actuals('Your refund is done.\n\n-- \nJo Park\nWe cannot accept liability for transmission errors.')).toEqual([])
  })

  it('pins a whole message', async () => {
    const [finding] = await lintMessages(negativePhrasing, "We won't be able to see you before Friday.")
    expect(finding).toMatchObject({
      ruleId: 'negative-phrasing',
      severity: 'warning',
      actual: "We won't be able to see you before Friday",
      message: "“We won't be able to see you before Friday” leads with what you can’t do; try “We'll be able to see you on Friday”",
      suggestions: ["We'll be able to see you on Friday"],
      start: {line: 1, column: 1, offset: 0},
      end: {line: 1, column: 42, offset: 41},
      url: ruleUrl('negative-phrasing')
    })
  })

  // Rule problems found while writing these tests: each expectation is what RULES.md asks for.
  it.each([
    ['No way we can do that.', 'No way we can do that'],
    ["I can't help you with that.", "I can't help you with that"],
    ["Can't do that, sorry.", "Can't do that"]
  ])('keeps a demonstrative “that” in the flagged clause: %s', async (text, actual) => {
    // “that” as the object of the refusal is not a clause boundary; a span that stops before it reads “No way we can do”.
    expect(await actuals(text)).toEqual([actual])
  })

  it('does not flag reassurance: “we won’t cancel your order”', async () => {
    expect(await actuals("Don't worry, we won't cancel your order while the payment is retried.")).toEqual([])
  })

  it('suggests a grammatical positive form for “until we receive the item”', async () => {
    const [finding] = await lintMessages(negativePhrasing, "We can't process your refund until we receive the item.")
    expect([[], ['We can process your refund once we receive the item']]).toContainEqual(finding?.suggestions)
  })

  it('flags a limit with a staff subject: “The technician can’t come until Thursday”', async () => {
    expect(await actuals("The technician can't come until Thursday.")).toEqual(["The technician can't come until Thursday"])
  })

  it('never reports in a signature block after “Best regards,” and a name', async () => {
    expect(await actuals('Your refund is done.\n\nBest regards,\nJo Park\nWe cannot accept liability for email errors.')).toEqual([])
  })

  it.each([
    '我们不能退款。',
    '我们无法更改地址。',
    '这个我们做不到。',
    '我们没办法帮您改。',
    '我们无能为力。',
    '我们不提供礼品包装。',
    '我们不支持货到付款。',
    '这是不允许的。',
    '很抱歉,我们不能做出任何改变。',
    '周五之前我们没法见您。'
  ])('flags the Chinese examples of RULES.md and seed 000: %s', async (text) => {
    expect(await actuals(text)).not.toEqual([])
  })

  it.each(['没有任何隐藏费用。', '不会向您收费。', '请不用担心。', '没问题!', '这不是您的错。'])(
    'leaves the Chinese good examples alone: %s',
    async (text) => {
      expect(await actuals(text)).toEqual([])
    }
  )
})
