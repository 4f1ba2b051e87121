import {describe, expect, it} from 'vitest'
import {lint} from '../../../packages/tactful/src/index.js'
import {lintMessages} from '../../../tests/helpers.js'
import brokenPromises from '../index.js'

const now = '2025-11-05T10:00:00Z'
const findings = async (text: string) => lintMessages(brokenPromises, text, {now})
const actuals = async (text: string) => (await findings(text)).map((finding) => finding.actual)
const commitments = async (text: string) => (await lint(text, {now})).commitments

// The reply with the first suggestion of every finding put in.
async function fixed(text: string): Promise<string> {
  let result = text
  for (const finding of (await findings(text)).reverse()) {
    if (finding.suggestions[0] !== undefined)
      result = result.slice(0, finding.start.offset) + finding.suggestions[0] + result.slice(finding.end.offset)
  }
  return result
}

describe('broken-promises: vague time in other words and positions', () => {
  it.each([
    ['Very soon you will see the credit on your statement.', 'Very soon'],
    ['The courier will pick up the chair in a bit.', 'in a bit'],
    ['A new router will reach you before long.', 'before long'],
    ['We will reissue the pass at the earliest opportunity.', 'at the earliest opportunity'],
    ['In the coming days our billing team will correct the invoice.', 'In the coming days'],
    ['We will refund the deposit at some point.', 'at some point'],
    ['Shortly, you will receive a new code by text.', 'Shortly'],
    ['The engineer will be in touch within a few days.', 'within a few days'],
    ['Over the next couple of weeks we will move your mailbox.', 'Over the next couple of weeks'],
    ['Your voucher will be reissued any day now.', 'any day now'],
    ['You should hear back from the depot soon.', 'soon'],
    ['Sorry for the wait — in the next little while you will get a text.', 'in the next little while'],
    ['The team will get back to you at their soonest possible time.', 'at their soonest possible time'],
    ['This will be fixed in a future app update.', 'in a future app update']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    ['We will get back to you very soon.', 'We will get back to you by 5 pm today.'],
    ['We will call you at the earliest opportunity.', 'We will call you by 5 pm today.'],
    ['Our team is going to fix it sometime soon.', 'Our team is going to fix it by Friday.'],
    ["It'll be with you soon enough.", "It'll be with you by 5 pm today."],
    ['They will reply at their soonest possible time.', 'They will reply by 5 pm today.']
  ])('drops no word when the suggestion is put in: %s', async (text, result) => {
    expect(await fixed(text)).toBe(result)
  })
})

describe('broken-promises: a follow-up with no time', () => {
  it.each([
    ['Someone from our billing team will contact you about the charge.', 'will contact you'],
    ['Thanks for trying that. We will let you know how the repair goes.', 'We will let you know'],
    ["I've asked the airline and we'll keep you posted.", "we'll keep you posted"],
    ['The store manager will reach out to you directly.', 'will reach out to you directly'],
    ["You'll hear back from our claims team.", "You'll hear back"],
    ['We have your DM now and will reply there.', 'will reply there'],
    ["I'll chase the courier and keep you in the loop.", 'keep you in the loop'],
    ["We'll find out why the payment failed.", "We'll find out why the payment failed"],
    ["Let me find out what's going on.", "Let me find out what's going on"],
    ['A supervisor is going to give you a ring.', 'is going to give you a ring'],
    ['A specialist will be reaching out to you.', 'will be reaching out to you'],
    ['We have logged it and you will be contacted by our resolutions team.', 'you will be contacted'],
    ["The invoice is nearly ready and we'll send it across.", "we'll send it across"],
    ["We'll circle back with an answer.", "We'll circle back with an answer"],
    ["I'll make sure someone calls you back about this.", "I'll make sure someone calls you back"],
    ["The developers are aware and we'll post here once it's resolved.", "we'll post here"]
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it('suggests adding a time, and keeping someone updated becomes updating them by then', async () => {
    expect((await findings('A member of the team will get back to you.'))[0]?.suggestions).toEqual([
      'will get back to you by 5 pm today',
      'will get back to you within 2 working days'
    ])
    expect((await findings("We'll keep you updated."))[0]?.suggestions).toEqual([
      "We'll update you by 5 pm today",
      "We'll update you by Friday"
    ])
  })

  it('for an outcome it does not control, says when the customer will hear back, not when it will be done', async () => {
    const [finding] = await findings("We'll find out what's going on with the delivery.")
    expect(finding?.message).toBe(
      "“We'll find out what's going on with the delivery” leaves the customer waiting with no time; say when they will hear from you, such as “by 5 pm today”"
    )
    expect(finding?.suggestions[0]).toBe("We'll find out what's going on with the delivery and update you by 5 pm today")
  })

  it('does not report a follow-up with no time as a commitment', async () => {
    expect(await commitments('Someone from billing will contact you.')).toEqual([])
    expect(await commitments("We'll be in touch.")).toEqual([])
  })

  it.each([
    'Please send your booking reference so we can follow up.',
    'DM us your order number and we will look into it.',
    'Reply to this email and we will help you reset it.',
    'If you share the serial number, we will check the warranty.',
    'Please send us a DM with your account email. We will follow up from there.',
    'We will look into it. Could you confirm the serial number?',
    'Fill in the form at https://example.com/form and we will be in touch.',
    'Once the warehouse confirms, we will let you know.',
    'We will be in touch by Thursday with the new quote.',
    'Someone from returns will contact you within 2 working days.',
    'Will someone be in touch?',
    'Let us know how it goes with the new charger.',
    'We will not contact you again about this offer.',
    'Our team will be happy to help if you call the store.',
    'We hope to update you next week.',
    'Your case is open and you shall be updated by 17/11/2025 01:57:00 PM.',
    'The India team will reach out to you. Please allow 24-48 business hours.',
    "We'll send it across by 3 pm today.",
    'The crew are doing their best to rebook everyone.'
  ])('leaves alone %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('does not count an invitation as a step the customer must take first', async () => {
    expect(await actuals('We will keep you posted. Let us know if you need anything else.')).toEqual(['We will keep you posted'])
  })
})

describe('broken-promises: certainty about what the agent does not control', () => {
  it.each([
    ['The technician will certainly sort it on Tuesday.', 'will certainly'],
    ['Rest assured it won’t happen again.', 'it won’t happen again'],
    ["I can assure you it'll arrive tomorrow.", "I can assure you it'll arrive tomorrow"],
    ['You will definitely get it before the weekend.', 'will definitely'],
    ['Rest assured, your luggage will make it onto the next flight.', 'Rest assured, your luggage will make it onto the next flight'],
    ["I'm certain the courier will deliver it this afternoon.", "I'm certain the courier will deliver it this afternoon"],
    ['The plumber is certain to fix the leak on the first visit.', 'is certain to'],
    ["This won't come back, I guarantee it.", 'I guarantee it'],
    [
      'Your new boiler will pass the safety check with no issues at all.',
      'Your new boiler will pass the safety check with no issues at all'
    ],
    ["It'll leave on time for sure.", "It'll leave on time for sure"],
    ['The part is 100% going to arrive before your appointment.', 'is 100% going to'],
    ['Trust me, the new router will solve your speed issues.', 'Trust me, the new router will solve your speed issues'],
    ['Your upgrade is locked in, nothing can go wrong there.', 'nothing can go wrong there'],
    ['Not long now — your replacement is being packed.', 'Not long now']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it('suggests saying what you expect', async () => {
    expect((await findings('Rest assured the refund will reach your card by Monday.'))[0]?.suggestions).toEqual([
      'We expect the refund will reach your card by Monday'
    ])
    expect((await findings('The ferry will surely sail on time.'))[0]?.suggestions).toEqual(['should'])
    expect((await findings('Your boiler will pass the check with no issues at all.'))[0]?.suggestions).toEqual([
      'Your boiler should pass the check'
    ])
    expect((await findings('Without fail, the courier will be there at 9.'))[0]?.suggestions).toEqual([
      'We expect the courier will be there at 9'
    ])
  })

  it.each([
    "We'll certainly pass your kind words on to the team.",
    "We'll definitely take your comments into account.",
    "I'm sure you'll love the new blender.",
    'Rest assured your feedback will be passed on to the team.',
    'The colour is guaranteed for five years under the warranty.',
    "I can't promise the upgrade will be free, but I've asked.",
    "It isn't something we can guarantee 100%.",
    'This game is definitely going to be amazing!',
    'You will definitely enjoy the upgraded seats.'
  ])('leaves alone %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})

describe('broken-promises: news, hopes and versions are not promises', () => {
  it.each([
    'The winter jackets will be back in stock soon.',
    'Hope you are back on the road soon.',
    'It needs iOS 16 or later.',
    'If you see the delivery soon, let us know.',
    'We are sorry it took so long.'
  ])('leaves alone %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})

describe('broken-promises in Chinese', () => {
  it.each([
    ['感谢您的耐心等待，有结果我们会通知您。', '会通知您'],
    ['谢谢您的反馈，我们会跟进这件事。', '会跟进这件事'],
    ['谢谢，售后同事会联系您。', '会联系您'],
    ['感谢您，我们核实清楚后会给您答复。', '会给您答复'],
    ['谢谢您，维修进度我们会及时告知您。', '及时'],
    ['谢谢您，快递一定会在明天送到。', '一定会在明天送到'],
    ['谢谢您的信任，这次肯定能帮您解决。', '肯定能帮您解决'],
    ['好的，这边帮您登记了，后面会有专人联系您。', '会有专人联系您'],
    ['您放心，您的订单肯定不会再出问题了。', '您的订单肯定不会再出问题了'],
    ['请放心，保证明天一早就给您送到。', '保证明天一早就给您送到'],
    ['亲，您的快递这两天就能到哦。', '这两天']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it('suggests a time for a follow-up', async () => {
    expect((await findings('谢谢，工作人员会和您联系。'))[0]?.suggestions).toEqual(['会在今天下午5点前和您联系', '会在24小时内和您联系'])
  })

  it.each([
    '谢谢，请您提供订单号，我们会帮您跟进。',
    '谢谢您，如果还有其他问题，我们会随时联系您。',
    '谢谢您，收到您寄回的商品后，我们会通知您。',
    '谢谢您的支持，新口味很快就会上市。',
    '谢谢您，我们一定会把您的建议反馈给产品团队。',
    '谢谢您及时告诉我们这个情况。',
    '谢谢您，很抱歉之前没能及时回复您。',
    '谢谢，我们不会再给您发送促销短信了。',
    '谢谢您，我们会在今天下午3点前给您回电。',
    '谢谢，您不会再收到这类邮件了。',
    '为保证您的账户安全，请勿泄露验证码。',
    '谢谢您，如需帮助请随时联系我们。'
  ])('leaves alone %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})

describe('broken-promises commitments: when a promise is due', () => {
  it.each([
    ["We'll update you by end of day.", new Date(2025, 10, 5, 23, 59, 59)],
    ["I'll get back to you by close of business tomorrow.", new Date(2025, 10, 6, 17)],
    ["We'll call you this afternoon.", new Date(2025, 10, 5, 18)],
    ['We will get back to you tomorrow morning.', new Date(2025, 10, 6, 12)],
    ["We'll update you by the end of the week.", new Date(2025, 10, 7, 23, 59, 59)]
  ])('%s', async (text, due) => {
    expect(await commitments(text)).toMatchObject([{due: due.toISOString()}])
  })
})
