import {describe, expect, it} from 'vitest'
import blameShifting from '../index.js'
import {ruleUrl} from '../../kit/index.js'
import {lintLines, lintMessages} from '../../../tests/helpers.js'

const actuals = async (text: string) => (await lintMessages(blameShifting, text)).map((finding) => finding.actual)

describe('blame-shifting', () => {
  it('flags the wrong example of seed 000', async () => {
    const text = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do."
    expect(await lintLines(blameShifting, text)).toEqual([
      "1:1-1:19 blame-shifting “It's not our fault”",
      '1:56-1:83 blame-shifting “You should use it correctly”'
    ])
  })

  it('leaves the right example of seed 000 alone', async () => {
    const text =
      'I apologize for the inconvenience caused by the defective product. I understand your frustration. Let me assist you in resolving this issue. We will take responsibility and provide you with a replacement or refund.'
    expect(await lintLines(blameShifting, text)).toEqual([])
  })

  it('flags the excuse of seed 004 and leaves its apology alone', async () => {
    const excuse =
      "I'm sorry Mr. Smith, but our order processing teams are a bit short-staffed at the moment as several of them are on holiday and that's why there was a delay."
    expect(await actuals(excuse)).toEqual([
      "our order processing teams are a bit short-staffed at the moment as several of them are on holiday and that's why there was a delay"
    ])
    expect(await actuals("I do apologize, Mr. Smith. That shouldn't have happened.")).toEqual([])
  })

  it.each([
    ["It's not our fault that the parcel was damaged.", "It's not our fault"],
    ["That's not my problem.", "That's not my problem"],
    ['Billing is not my department.', 'not my department'],
    ['We are not responsible for items lost in the post.', 'We are not responsible for items lost in the post'],
    ['You should have checked the address before paying.', 'You should have checked the address before paying'],
    ['You should use it correctly.', 'You should use it correctly'],
    ['You failed to enter the security code.', 'You failed to enter the security code'],
    ['You must have entered the wrong card number.', 'You must have entered the wrong card number'],
    ['This is user error.', 'user error'],
    ['As I already said, the refund was issued on Monday.', 'As I already said'],
    ['Per my last email, the refund was issued on Monday.', 'Per my last email'],
    ["That's the courier's fault.", "That's the courier's fault"],
    ['Please take it up with the manufacturer.', 'take it up with the manufacturer'],
    ["We are short-staffed this week, that's why your reply was late.", "We are short-staffed this week, that's why your reply was late"],
    ["We can't refund opened items, it's company policy.", "it's company policy"]
  ])('flags what RULES.md lists: %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    "This was our mistake, and I'm sorry.",
    "It's not your fault.",
    'You did nothing wrong.',
    'The courier collected the parcel on Monday.'
  ])('does not flag what RULES.md leaves alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it.each([
    ['The delay is down to the courier, not us.', 'The delay is down to the courier, not us'],
    [
      'You should have read the terms before booking a non-flexible fare.',
      'You should have read the terms before booking a non-flexible fare'
    ],
    ["The bank declined the payment, so that's really their problem.", "that's really their problem"],
    ['Our warehouse team shipped the wrong size, not me.', 'Our warehouse team shipped the wrong size, not me'],
    ['Like I told you before, the booking cannot be changed online.', 'Like I told you'],
    ["You obviously didn't read the confirmation email.", "You obviously didn't read the confirmation email"],
    [
      'Unfortunately the kitchen was swamped last night, that’s why your order was late.',
      'Unfortunately the kitchen was swamped last night, that’s why your order was late'
    ]
  ])('flags new blame: %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    "It's not your fault at all; the link in our email had expired.",
    'You should receive your refund within 3 to 5 business days.',
    "The courier collected the parcel on Monday and it's now at the local depot.",
    "We made a mistake with your booking, and I've corrected it.",
    'I take full responsibility for the mix-up.',
    "The payment processor flagged the transaction, and I've asked them to release it today.",
    "Nobody is to blame here; let's get the new router out to you.",
    "That's on us, and I'm sorry.",
    'Our returns policy gives you 60 days to send it back.',
    'No problem at all, happy to help.',
    'The login failed because of a bug on our side, not anything you did.',
    "The delivery van's faulty door has been repaired."
  ])('leaves new owning or neutral text alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('reports two findings on different lines and columns', async () => {
    const text = 'Hello,\nThe delay is down to the courier.\nAlso, you should have checked the size chart.'
    expect(await lintLines(blameShifting, text)).toEqual([
      '2:1-2:33 blame-shifting “The delay is down to the courier”',
      '3:7-3:45 blame-shifting “you should have checked the size chart”'
    ])
  })

  it('flags a sentence-initial phrase and stops at the punctuation next to it', async () => {
    expect(await lintLines(blameShifting, 'Not my department, sorry!')).toEqual(['1:1-1:18 blame-shifting “Not my department”'])
    expect(await lintLines(blameShifting, 'It’s not our fault; the courier lost it.')).toEqual([
      '1:1-1:19 blame-shifting “It’s not our fault”'
    ])
    expect(await actuals('You should use it correctly, as the manual says.')).toEqual(['You should use it correctly'])
  })

  it('does not match inside a longer word', async () => {
    expect(await actuals("It's faultless now, and the replacement is on its way.")).toEqual([])
    expect(await actuals('Our new courier has a blameless delivery record so far.')).toEqual([])
  })

  it('reads straight and curly apostrophes alike', async () => {
    expect(await actuals("I'm sorry, that's not our department.")).toEqual(["that's not our department"])
    expect(await actuals('I’m sorry, that’s not our department.')).toEqual(['that’s not our department'])
  })

  it('finds a phrase in quotation marks without taking the marks in', async () => {
    expect(await lintLines(blameShifting, '"It\'s not our fault," the manager told me.')).toEqual([
      "1:2-1:20 blame-shifting “It's not our fault”"
    ])
  })

  it('ends the span at a closing quotation mark', async () => {
    // The clause of a quoted phrase ends at the closing mark; a span past it is no drop-in.
    expect(await actuals('I’m sorry our driver said “it’s not my job” when you asked for help.')).toEqual(['it’s not my job'])
  })

  it('never reports in quoted history', async () => {
    const text =
      "Hi Sam,\n\nYour refund is on its way.\n\nOn Tue, 4 Nov 2025, Sam Lee <sam@example.com> wrote:\n> That's not my problem. You should use it correctly."
    expect(await actuals(text)).toEqual([])
    expect(await actuals("Your refund is on its way.\n\n> It's not our fault, you should have read the manual.")).toEqual([])
  })

  it('never reports in the signature', async () => {
    expect(await actuals('Your refund is on its way.\n\n-- \nJo Park\nNot responsible for typos sent from mobile')).toEqual([])
    expect(await actuals("Your refund is on its way.\n\nBest regards,\nJo Park\nIt's not our fault")).toEqual([])
  })

  it('pins a whole message', async () => {
    const [finding] = await lintMessages(blameShifting, 'Per my last email, the refund was issued on Monday.')
    expect(finding).toMatchObject({
      ruleId: 'blame-shifting',
      severity: 'warning',
      actual: 'Per my last email',
      message: '“Per my last email” sounds impatient with the customer; try “To recap”',
      suggestions: ['To recap'],
      start: {line: 1, column: 1, offset: 0},
      end: {line: 1, column: 18, offset: 17},
      url: ruleUrl('blame-shifting')
    })
  })

  // Rule problems found while writing these tests: each expectation is what RULES.md asks for.
  it('does not flag owning it: “We are responsible for the damage”', async () => {
    expect(await actuals("We are responsible for the damage, and we'll replace the lamp.")).toEqual([])
  })

  it('does not flag a delivery estimate: “You should have your new card by Friday”', async () => {
    expect(await actuals('You should have your new card by Friday.')).toEqual([])
  })

  it('does not flag empathy: “You must have been so frustrated”', async () => {
    expect(await actuals('You must have been so frustrated waiting on hold.')).toEqual([])
  })

  it('does not flag clearing the customer: “You shouldn’t have to wait this long”', async () => {
    expect(await actuals("You shouldn't have to wait this long for a refund.")).toEqual([])
  })

  it('flags blame put as a condition: “If you had followed the setup guide”', async () => {
    expect(await actuals('If you had followed the setup guide, the router would have connected.')).toHaveLength(1)
  })

  it.each([
    ['这不是我们的错。', '这不是我们的错'],
    ['出了问题不是我们的责任。', '不是我们的责任'],
    ['这是您使用不当造成的。', '是您使用不当造成的'],
    ['您应该正确使用。', '您应该正确使用'],
    ['这是快递公司的问题,请您联系他们。', '这是快递公司的问题'],
    ['我们人手不够,所以才发晚了。', '我们人手不够,所以才发晚了'],
    ['这是公司规定,我们不能退款。', '这是公司规定'],
    ['产品有质量问题不是我们的错。你应该正确地使用它。我们无能为力。', '不是我们的错']
  ])('flags the Chinese examples of RULES.md and seed 000: %s', async (text, actual) => {
    const found = await actuals(text)
    expect(found.some((flagged) => flagged.includes(actual) || actual.includes(flagged))).toBe(true)
  })

  it.each(['这不是您的错。', '是我们发错了货,非常抱歉。'])('leaves the Chinese good examples alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})
