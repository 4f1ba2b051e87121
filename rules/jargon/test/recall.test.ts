import {describe, expect, it} from 'vitest'
import type {LintOptions} from '../../../packages/tactful/src/index.js'
import {lintMessages} from '../../../tests/helpers.js'
import jargon from '../index.js'

const actuals = async (text: string, options?: LintOptions) => (await lintMessages(jargon, text, options)).map((finding) => finding.actual)

describe('jargon: unknown abbreviations of any field', () => {
  it.each([
    ['Your dog food order is below the MOQ for free delivery.', 'MOQ'],
    ['We need your UTR to trace the transfer.', 'UTR'],
    ['Your boiler is booked in for a PPM visit on Tuesday.', 'PPM'],
    ['The fibre line is FTTP, so speeds are steady all day.', 'FTTP'],
    ['Your gas meter is a SMETS2, so readings go straight to us.', 'SMETS2'],
    ['Please quote your NHI when you call the clinic.', 'NHI'],
    ["We've raised an SR with the surveyor.", 'SR'],
    ['Please confirm your DD details before the 5th.', 'DD']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it('says the abbreviation may be unknown, and offers no rewrite', async () => {
    const [finding] = await lintMessages(jargon, 'Your dog food order is below the MOQ for free delivery.')
    expect(finding).toMatchObject({message: '“MOQ” may be unknown to the customer; spell it out the first time', suggestions: []})
  })

  it('flags a term the customer quoted only to ask what it means', async () => {
    expect(await actuals('Hi Tom,\n\nYour MFA is switched on now.\n\n> What does MFA mean?')).toEqual(['MFA'])
  })

  it('flags an abbreviation once, at its first use', async () => {
    expect(await actuals('Your UTR is on the receipt. Quote the UTR when you call.')).toEqual(['UTR'])
  })

  it.each([
    'Please bring your passport and a copy of your NRIC to the counter.',
    'You can pay in EUR or GBP at the hotel.',
    'Your booking ref QWZKPT is confirmed for Friday.',
    'Flights from MAN to DUB run twice a day.',
    'Our FAQ page lists the opening hours, and you can reach us by SMS.',
    'Tap the “ONT Reset” button to restart the fibre box.',
    'Open the NHS App and tap Prescriptions.',
    'WE ARE SO SORRY ABOUT THIS!',
    'Thanks for your patience, your parcel is on its way. ^TK',
    'Please reply to this message with your order number. -JPM',
    'Your Know Your Customer (KYC) check is done; KYC only happens once.',
    'Your CAT6 cable goes in the yellow port.',
    'Sorry, TRX is not a payment option in the app yet.',
    'We would like to help, but ZOBU is made by another company.',
    'Merci de contacter notre SAV par e-mail.',
    'Hi Tom,\n\nYes, your MFA is switched on now.\n\n> Can you switch on MFA for me?'
  ])('does not flag %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})

describe('jargon: internal process talk', () => {
  it.each([
    ['Your report was triaged this morning.', 'triaged'],
    ["Your ticket was merged with your earlier one, so you'll hear from us once.", 'merged'],
    ['The fix has been pushed to prod and will be live tonight.', 'pushed to prod'],
    ["We've sent it to staging and will confirm on Thursday.", 'sent it to staging'],
    ['The price change is on hold until the change freeze ends.', 'until the change freeze'],
    ['The new tariff goes out after the CAB review.', 'after the CAB review'],
    ['Our engineers logged it as a defect against the release.', 'logged it as a defect against the release'],
    ['Your refund was actioned by the back office today.', 'actioned by the back office'],
    ["We've escalated your query to the concerned department.", 'escalated your query to the concerned department']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it('says it is process talk and asks for the meaning when there is no plain swap', async () => {
    const [finding] = await lintMessages(jargon, 'The fix has been pushed to prod and will be live tonight.')
    expect(finding).toMatchObject({
      message: '“pushed to prod” is internal process talk; say what it means for the customer',
      suggestions: []
    })
  })

  it('offers a grammatical swap where one is known', async () => {
    const [finding] = await lintMessages(jargon, "We've escalated your query to the concerned department.")
    expect(finding?.suggestions).toEqual(['passed your query to a specialist'])
    const [hotfix] = await lintMessages(jargon, 'The hotfix goes out tonight.')
    expect(hotfix).toMatchObject({actual: 'hotfix', suggestions: ['fix']})
  })

  it.each([
    "We've passed this to our billing team and they'll call you by 5 pm.",
    'Your two orders were merged into one parcel to save on delivery.',
    'Have you escalated your concern to a supervisor?',
    'The A&E triage nurse will see you first.',
    'Your order has moved to production and ships on Monday.'
  ])('does not flag %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})

describe('jargon: office words in their jargon sense', () => {
  it.each([
    ['Sorry, nobody on the team has the bandwidth to look at it this week.', 'bandwidth', 'time'],
    ['Once legal and billing are aligned, we will send the contract.', 'aligned', 'agreed'],
    ['Please revert with the signed form.', 'revert', 'reply'],
    ["We'll action the refund today.", 'action', 'process']
  ])('flags %s', async (text, actual, suggestion) => {
    const findings = await lintMessages(jargon, text)
    expect(findings.map((finding) => [finding.actual, finding.suggestions[0]])).toEqual([[actual, suggestion]])
  })

  it.each([
    ['I will ping the warehouse team and update you by noon.', 'ping'],
    ['Let me sync up with the delivery team first.', 'sync up'],
    ['We need buy-in from the stakeholders before we change the date.', 'need buy-in from the stakeholders']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each([
    'Your plan has enough bandwidth for two 4K streams.',
    'Please sync your watch with the app.',
    'Make sure the labels are aligned with the edge of the box.',
    'A high ping in the game usually comes from a weak Wi-Fi signal.',
    'Your points have reverted back to your account.',
    'The changes cannot be reverted once confirmed.',
    'Did you buy in store or online?'
  ])('does not flag %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })
})

describe('jargon: industry terms', () => {
  it.each([
    ['The scan was billed as out-of-network.', 'out-of-network'],
    ["We've raised a chargeback with your card provider.", 'chargeback'],
    ['Your new number will be provisioned within two hours.', 'provisioned']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it('respects the glossary', async () => {
    expect(await actuals('The scan was billed as out-of-network.', {glossary: {allow: ['out-of-network']}})).toEqual([])
  })
})

describe('jargon: Chinese', () => {
  it.each([
    ['您家的宽带是 FTTB 接入，所以晚上会慢一些。', 'FTTB'],
    ['这个故障我们已经报障了，请耐心等待。', '报障'],
    ['您的工单目前是挂起状态，明天恢复处理。', '挂起状态'],
    ['我们会先 review 一下您的合同，明天答复。', 'review'],
    ['我们正在打通各个门店的会员系统。', '打通']
  ])('flags %s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })

  it.each(['电话一直打不通的话，可以在App里留言。', '请把贴纸和盒子边缘对齐后再贴。', '您的NOMI音箱已经发货了。'])(
    'does not flag %s',
    async (text) => {
      expect(await actuals(text)).toEqual([])
    }
  )
})
