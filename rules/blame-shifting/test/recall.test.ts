import {describe, expect, it} from 'vitest'
import {lintMessages} from '../../../tests/helpers.js'
import blameShifting from '../index.js'

// The shapes of blame from word classes (shapes.ts, classes.json): new sentences of each kind that
// RULES.md names, phrased as agents write, and the look-alikes that must stay quiet.

const findings = (text: string) => lintMessages(blameShifting, text)
const actuals = async (text: string) => (await findings(text)).map((finding) => finding.actual)

describe('blame-shifting: shapes of blame', () => {
  it.each([
    // Causal attribution: a party named as the cause and tied to the problem.
    ['The removals firm packed the lamp in the wrong box, which is why it broke.', 'The removals firm packed the lamp in the wrong box'],
    ['Because the garage fitted the wrong tyre, the warning light came on.', 'Because the garage fitted the wrong tyre'],
    ['The letting agent never passed on your request, so nothing was booked.', 'The letting agent never passed on your request'],
    ['Your energy supplier is the one blocking the switch.', 'Your energy supplier is the one blocking the switch'],
    // The customer as the cause, and counterfactual blame.
    ['As you entered an expired card, the subscription lapsed.', 'As you entered an expired card'],
    ["Because you didn't confirm the booking, the table was released.", "Because you didn't confirm the booking"],
    ["Had you kept the receipt, this wouldn't be a problem.", 'Had you kept the receipt'],
    // Guessing at someone else's fault.
    ['The courier has probably dumped it in a locker again.', 'The courier has probably dumped it in a locker again'],
    ['I reckon the bank declined it on their end.', 'I reckon the bank declined it on their end'],
    // Disowning in other words.
    ["I'm afraid it's out of our hands.", "it's out of our hands"],
    ['That part really is not down to us.', 'not down to us'],
    ["This isn't something our shop deals with.", "This isn't something our shop deals with"],
    ['The glitch is on your end, by the look of it.', 'The glitch is on your end'],
    ['A screen protector could not have caused the crack.', 'A screen protector could not have caused the crack'],
    // Sending the complaint elsewhere.
    ["You'll need to take that up with your card issuer.", 'take that up with your card issuer'],
    ['You would have to dispute the charge with PayPal directly.', 'You would have to dispute the charge with PayPal directly'],
    ['That should be raised with the venue.', 'That should be raised with the venue'],
    // The rules as the reason for a refusal.
    ["In line with our terms, we can't reissue the ticket.", 'In line with our terms'],
    ["It's hotel policy, so we can't move the checkout time.", "It's hotel policy"],
    // Workload.
    ['Sorry, we are absolutely snowed under this week.', 'we are absolutely snowed under this week'],
    ["We're getting a huge number of calls because of the storm.", "We're getting a huge number of calls"],
    ['Most of our drivers are off sick this week.', 'Most of our drivers are off sick'],
    ['Our inbox is enormous at the moment.', 'Our inbox is enormous at the moment'],
    // Reminders that the customer was told.
    ['As I previously mentioned, the deposit is non-refundable.', 'As I previously mentioned'],
    ['As you were advised in store, the repair takes a week.', 'As you were advised in store'],
    ['To reiterate what I said, the voucher has expired.', 'To reiterate what I said']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    // Owning it, clearing the customer.
    'We packed the wrong size, which is why it did not fit. Sorry about that!',
    "It's not your fault the card was declined; I've sent a new payment link.",
    // Neutral diagnoses with a way forward.
    'The update stopped because the disk was full; here is how to free some space.',
    'The courier marked it as delivered, so I have opened a claim for you today.',
    'The payment was declined, so please try another card and I will hold the room.',
    // Expectations and FAQ conditionals.
    'You should have received a text with your code.',
    'You should have recieved a text with your code.',
    'If you had signed up before March, you would have received the welcome pack.',
    // The brand's own channels, and referrals the agent makes.
    'You can reach our phone support team any day from 8 to 8.',
    "I've contacted the seller and asked them to resend it.",
    'You will need to contact our returns team on live chat.',
    // Good news and plain mentions.
    'We are busy packing your order and it leaves today.',
    'We received a huge number of kind messages about the new menu, thank you!',
    'Under our returns policy you can send it back within 60 days.',
    'As requested, I have cancelled the second order.',
    'Proceed to the counter as advised and they will check you in.',
    'As mentioned in the manual, the filter lasts six months.',
    'This will not cause any problems with your account.',
    // Questions ask; they do not send away.
    'Did you raise this with your bank?'
  ])('does not flag %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('offers “To recap” for a reminder that opens the sentence', async () => {
    const [finding] = await findings('As previously advised, the room cannot be upgraded.')
    expect(finding.actual).toBe('As previously advised')
    expect(finding.suggestions[0]).toBe('To recap')
    expect(finding.message).toContain('“As previously advised”')
  })

  it('names the workload excuse in its message and offers no rewrite', async () => {
    const [finding] = await findings('Apologies for the wait, we are experiencing a high volume of calls.')
    expect(finding.actual).toBe('we are experiencing a high volume of calls')
    expect(finding.message).toMatch(/excuse about your workload/)
    expect(finding.suggestions).toEqual([])
  })

  it('flags a cause only once when the sentence already shifts the blame', async () => {
    expect(await actuals("The bank declined the payment, so that's really their problem.")).toEqual(["that's really their problem"])
  })
})

describe('blame-shifting: shapes of blame in Chinese', () => {
  it.each([
    ['由于物流原因，您的包裹晚到了两天。', '由于物流原因，您的包裹晚到了两天'],
    ['这次断电是物业那边线路故障引起的。', '这次断电是物业那边线路故障引起的'],
    ['仓库那边贴错了标签，所以包裹被退回了。', '仓库那边贴错了标签，所以包裹被退回了'],
    ['要是您当初先备份一下，数据就不会丢了。', '要是您当初先备份一下，数据就不会丢了'],
    ['航班时间不是我们能决定的。', '不是我们能决定的'],
    ['多半是家里小孩用您的手机下的单。', '多半是家里小孩用您的手机下的单'],
    ['退款的事您得去问一下您的开户行。', '您得去问一下您的开户行'],
    ['这几天咨询量较大，回复会慢一些。', '咨询量较大'],
    ['之前电话里已经告知您，周末不安排上门。', '之前电话里已经告知您']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    '是我们仓库贴错了标签，非常抱歉，今天给您补发。',
    '这不是您的错，我们已经为您办理退款。',
    '如果您还有其他问题，随时联系我们。',
    '您的包裹由物流公司今天上午揽收，预计周三送达。',
    '我们已经联系了厂家，他们明天给您寄新的配件。'
  ])('does not flag %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})
