import {describe, expect, it} from 'vitest'
import {lintMessages} from '../../../tests/helpers.js'
import negativePhrasing from '../index.js'

const actuals = async (text: string) => (await lintMessages(negativePhrasing, text)).map((finding) => finding.actual)

describe('negative-phrasing: refusals in every shape', () => {
  it.each([
    // A third party, a system or the terms as subject.
    ['Sorry, the ferry company can’t refund tickets bought on the day.', 'the ferry company can’t refund tickets bought on the day'],
    ['The courier won’t deliver to lockers in that town.', 'The courier won’t deliver to lockers in that town'],
    ['I tried, but our booking system won’t let us add a second driver.', 'our booking system won’t let us add a second driver'],
    ['Your tariff doesn’t include calls to landlines abroad.', 'Your tariff doesn’t include calls to landlines abroad'],
    ['The venue will not accept bags larger than A4.', 'The venue will not accept bags larger than A4'],
    // The passive.
    ['Season passes can’t be shared between family members.', 'Season passes can’t be shared between family members'],
    ['Store credit cannot be exchanged for cash.', 'Store credit cannot be exchanged for cash'],
    ['Refunds are not issued for partial months.', 'Refunds are not issued for partial months'],
    ['Unfortunately your old plan can no longer be reactivated.', 'your old plan can no longer be reactivated'],
    ['Your claim has been rejected.', 'Your claim has been rejected'],
    // A state, with or without a subject.
    ['Hi Ana, swapping the date is not possible on a promo fare.', 'swapping the date is not possible on a promo fare'],
    ['Night deliveries are strictly not permitted.', 'Night deliveries are strictly not permitted'],
    ['Course fees are non-refundable.', 'Course fees are non-refundable'],
    ['Screen sharing isn’t supported in the mobile app.', 'Screen sharing isn’t supported in the mobile app'],
    ['Sorry, this voucher isn’t valid on delivery orders.', 'this voucher isn’t valid on delivery orders'],
    ['Extra legroom isn’t part of your fare.', 'Extra legroom isn’t part of your fare'],
    ['Roadside assistance is not included in your policy.', 'Roadside assistance is not included in your policy'],
    ['That option isn’t available for gift orders.', 'That option isn’t available for gift orders'],
    ['Sadly that falls outside the warranty period.', 'falls outside the warranty period'],
    // No means, no plans, no longer, the progressive.
    ['There’s no option to skip a delivery week.', 'There’s no option to skip a delivery week'],
    ['We have no plans to stock the blue version.', 'We have no plans to stock the blue version'],
    ['We no longer print paper statements.', 'We no longer print paper statements'],
    ['We’re not taking new bookings for December.', 'We’re not taking new bookings for December'],
    ['We don’t currently have a student discount.', 'We don’t currently have a student discount'],
    ['No exchanges after 14 days, I’m afraid.', 'No exchanges after 14 days'],
    ['I checked with accounts and they are unable to backdate the payment.', 'they are unable to backdate the payment'],
    ['The insurer has declined the claim.', 'The insurer has declined the claim'],
    ['The bakery can’t hold cakes past 6 pm.', 'The bakery can’t hold cakes past 6 pm'],
    ['We don’t currently deliver to the islands.', 'We don’t currently deliver to the islands'],
    ['hi! sadly cant swap colours on sale items', 'cant swap colours on sale items'],
    // Limits without a negation word.
    ['Our policy prevents us from reopening closed claims.', 'Our policy prevents us from reopening closed claims'],
    ['We only deliver within the city limits.', 'We only deliver within the city limits'],
    ['This discount is only valid for students.', 'This discount is only valid for students'],
    ['Sorry, that’s outside of what we can offer.', 'that’s outside of what we can offer'],
    ['There’s no way around the booking fee.', 'There’s no way around the booking fee'],
    // The limit put on the customer, and a channel limit.
    ['You can’t combine two gift cards on one order.', 'You can’t combine two gift cards on one order'],
    ['We’re unable to view account details over Twitter.', 'We’re unable to view account details over Twitter']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    // Good news and courtesy.
    'You can’t be charged twice for one order.',
    'Your data is never shared, and it won’t be sold.',
    'There are no extra fees for paying by card.',
    'No changes are needed on your side.',
    'Your subscription won’t be renewed automatically.',
    'We’re not seeing any outages near you.',
    'We can’t wait to have you back!',
    // An honest no-time-yet, and honest hedges.
    'I can’t give you an exact date yet; I’ll update you by 4 pm tomorrow.',
    'We’re unable to provide a timescale for the fix, and I’ll check again at noon.',
    'We’re not making any promises about the colour, but we’ll ask the warehouse.',
    // A warning that protects the customer.
    'Once the album is deleted, it can’t be recovered.',
    'Please note that the transfer can’t be reversed after you confirm it.',
    // The customer’s own situation.
    'If you can’t sign in, reset your password from the login page.',
    'I’m sorry to hear you’re unable to change the settings on your router.',
    'Are you not able to cancel it from the app?',
    'Your card was declined by your bank, so please try another one.',
    // Stock facts, statuses and diagnoses.
    'The navy jumper is out of stock in large.',
    'Your refund is not issued yet; it goes out on Friday.',
    'The song isn’t available in the playlist any more.',
    'The link is not valid, so here is a fresh one.',
    'This is not included in it.',
    'Nothing prevents us from moving the date for you.',
    'They don’t stock it at that branch, but the one on King Street has two.',
    'Once you submit the form, it can’t be edited, so check the dates first.',
    'This can’t be undone, so check the address before you confirm.',
    'Their names won’t fit on one label.',
    'We only need your order number to start.',
    'It isn’t something we can guarantee, but we’ll ask the kitchen.',
    // Quoted interface labels.
    'Tap “Not allowed” next to Location to turn it off.',
    'Choose ‘Cannot be delivered’ in the drop-down if the parcel is damaged.'
  ])('leaves alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})

describe('negative-phrasing: a refusal with its alternative', () => {
  it('reports it at info when the way forward follows in the same sentence', async () => {
    const [finding] = await lintMessages(negativePhrasing, 'We can’t refund the fare, but we can move you to tomorrow’s flight for free.')
    expect(finding).toMatchObject({actual: 'We can’t refund the fare', severity: 'info'})
    expect(finding.message).toContain('lead with the alternative')
  })

  it('reports it at info when the way forward comes first', async () => {
    const [finding] = await lintMessages(negativePhrasing, 'You can return it in store, but online returns aren’t accepted.')
    expect(finding).toMatchObject({actual: 'online returns aren’t accepted', severity: 'info'})
  })

  it('keeps the configured severity when the next words are no alternative', async () => {
    const [finding] = await lintMessages(negativePhrasing, 'The deposit can’t be refunded, and you’ll need to pay the balance too.')
    expect(finding).toMatchObject({actual: 'The deposit can’t be refunded', severity: 'warning'})
  })

  it('never raises a finding above the configured severity', async () => {
    const [finding] = await lintMessages(negativePhrasing, 'Gift wrap isn’t available online, but you can add it in store.', {
      rules: {'negative-phrasing': 'error'}
    })
    expect(finding.severity).toBe('info')
    const [plain] = await lintMessages(negativePhrasing, 'Gift wrap isn’t available online.', {rules: {'negative-phrasing': 'error'}})
    expect(plain.severity).toBe('error')
  })
})

describe('negative-phrasing: positive forms and spans', () => {
  it.each([
    ['Your parcel can’t be released until the duty is paid.', 'Your parcel can be released once the duty is paid'],
    ['You won’t be able to change seats until check-in opens.', 'You will be able to change seats once check-in opens'],
    ['The clinic won’t be able to see you before Thursday.', 'The clinic will be able to see you on Thursday']
  ])('suggests the positive form of %s', async (text, suggestion) => {
    const [finding] = await lintMessages(negativePhrasing, text)
    expect(finding.suggestions).toEqual([suggestion])
  })

  it('names the clause, not the handle, greeting or sign-off around it', async () => {
    expect(await actuals('@4471 Hi Rosa, add-ons cannot be moved to a new booking. Thanks - Lee')).toEqual([
      'add-ons cannot be moved to a new booking'
    ])
    expect(await actuals('Sorry, the upgrade can’t be refunded.Thanks-Mo')).toEqual(['the upgrade can’t be refunded'])
  })

  it('starts a passive limit at its subject when no comma marks it', async () => {
    expect(await actuals('Once the order has been packed the address can’t be changed.')).toEqual(['the address can’t be changed'])
  })
})

describe('negative-phrasing in Chinese: limits in every shape', () => {
  it.each([
    ['抱歉，偏远地区不发货。', '偏远地区不发货'],
    ['积分不能和优惠券叠加使用。', '积分不能和优惠券叠加使用'],
    ['该机型暂不支持无线充电。', '该机型暂不支持无线充电'],
    ['本次折扣仅限会员使用。', '本次折扣仅限会员使用'],
    ['贴身衣物不退不换。', '贴身衣物不退不换'],
    ['人为损坏不在免费维修范围内。', '人为损坏不在免费维修范围内'],
    ['我们暂时没有推出年卡的计划。', '我们暂时没有推出年卡的计划'],
    ['我们这边没有权限查看银行流水。', '我们这边没有权限查看银行流水'],
    ['这个城市尚未开通同城速递。', '这个城市尚未开通同城速递'],
    ['后台那边不让改价格。', '后台那边不让改价格']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    '没有任何额外费用，也不收取服务费。',
    '请放心，不会再扣您的钱。',
    '您还没有开通自动续费，所以不会扣款。',
    '您不在家的话，我们会放在门卫室。',
    '如果不在配送范围内，我们会提前告诉您。',
    '这款尺码已经没货了，下周一补货后我会第一时间通知您。'
  ])('leaves alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('reports a limit with the way forward beside it at info', async () => {
    const [finding] = await lintMessages(negativePhrasing, '我们不能退运费，但可以给您补一张优惠券。')
    expect(finding).toMatchObject({actual: '我们不能退运费', severity: 'info'})
  })
})
