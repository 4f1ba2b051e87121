import {describe, expect, it} from 'vitest'
import missingThanks from '../index.js'
import {lintMessages} from '../../../tests/helpers.js'

const findings = async (text: string) => lintMessages(missingThanks, text)
const actuals = async (text: string) => (await findings(text)).map((finding) => finding.actual)
const firstSuggestion = async (text: string) => (await findings(text))[0]?.suggestions?.[0]

describe('missing-thanks in a turn that answers thanks', () => {
  it.each([
    '@5521 You are so welcome, Priya! Enjoy the new headphones.',
    '@5521 Your welcome! The voucher stays valid until March.',
    'My pleasure. The invoice is attached to this email.',
    'Hi Tom,\n\nThe pleasure was all mine. Your spare key is at the front desk.\n\nBest,\nAna',
    '@77 Anytime! ^RT',
    '@77 No worries at all, Gemma. Enjoy the rest of your trip.',
    'Glad we could help! The engineer has closed the job on our side.'
  ])('leaves a reply that answers thanks alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('reads “welcome to” as an invitation, not an answer to thanks', async () => {
    expect(await actuals("You're welcome to pop into any branch with the receipt.")).toEqual([
      "You're welcome to pop into any branch with the receipt."
    ])
  })

  it('keeps flagging “No worries” that opens a reply which goes on to ask for something', async () => {
    expect(await actuals('@808 No worries! Which postcode is the parcel going to?')).toEqual(['Which postcode is the parcel going to?'])
  })

  it('leaves a reply under a customer’s short closing thanks alone', async () => {
    const text =
      'Glad the new charger works, Luis.\n\nOn Mon, 9 Mar 2026, Luis Ortega <luis@example.com> wrote:\n> Got it working, thanks a lot!'
    expect(await actuals(text)).toEqual([])
  })

  it('still flags a reply under quoted thanks that ask for something', async () => {
    const text =
      'The courier collects on Friday.\n\nOn Mon, 9 Mar 2026, Luis Ortega <luis@example.com> wrote:\n> Thanks in advance, the box is ready by the door.'
    expect(await actuals(text)).toEqual(['The courier collects on Friday.'])
  })

  it('leaves a Chinese reply that answers thanks with 不客气 alone', async () => {
    expect(await actuals('不客气，新的会员卡下周寄出。')).toEqual([])
    expect(await actuals('不用谢～优惠券已经放进您的账户了。')).toEqual([])
  })
})

describe('missing-thanks in a multi-part reply', () => {
  it.each([
    '@4410 (2/3) Then hold the reset button for ten seconds.',
    '@4410 Then hold the reset button for ten seconds. 3/3',
    '@4410 Then hold the reset button for ten seconds. [2/2] ^MK',
    '@4410 >> and the refund lands within five working days. -Tariq',
    '@4410 …the refund lands within five working days.',
    '@4410 Then hold the reset button. 2/2^Lou',
    '（2/2）退款会在三个工作日内原路返回。'
  ])('leaves part 2 or later alone: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it('flags part 1 at its last sentence, without the part number', async () => {
    expect(await actuals('@4410 Sorry the router keeps dropping out. Please unplug it for a minute. 1/2')).toEqual([
      'Please unplug it for a minute.'
    ])
  })

  it('closes part 1 on a whole sentence when the next part finishes the last one', async () => {
    expect(await actuals('@4410 Sorry the router keeps dropping out. Please unplug it and >>')).toEqual([
      'Sorry the router keeps dropping out.'
    ])
  })

  it('flags parts pasted together from the first one as one reply', async () => {
    const text = '@4410 The depot has your parcel. 1/2\n@4410 It goes out again tomorrow morning. 2/2 ^Fi'
    expect(await actuals(text)).toEqual(['It goes out again tomorrow morning.'])
  })

  it('reads a date as a date, not a part number', async () => {
    expect(await actuals('@4410 Your engineer visit is booked for 3/4')).toEqual(['Your engineer visit is booked for 3/4'])
  })
})

describe('missing-thanks in a broadcast', () => {
  it('leaves an announcement to no one in particular alone', async () => {
    const text =
      'Trains between Leeds and York are delayed by up to 20 minutes after a signal fault. Passengers can use their tickets on local buses.'
    expect(await actuals(text)).toEqual([])
  })

  it.each([
    'The spa reopens on Monday after the refit.',
    'Passengers on the 9:15 can board from gate 4. Is your seat number on the app?',
    '@3001 Customers on the old plan move over next month.',
    'Dear Ms Osei,\n\nAll customers on the old plan move over next month.\n\nRegards,\nKai'
  ])('still flags a reply with an addressee, a question or no audience: %s', async (text) => {
    expect(await actuals(text)).toHaveLength(1)
  })
})

describe('missing-thanks points at the last real sentence', () => {
  it.each([
    ['@9 Your new card is in the post. Marta.', 'Your new card is in the post.'],
    ['@9 Your new card is in the post. ^RW', 'Your new card is in the post.'],
    ['@9 Your new card is in the post -Dev', 'Your new card is in the post'],
    ['@9 Your new card is in the post. -dev', 'Your new card is in the post.'],
    ['@9 Your new card is in the post /KT', 'Your new card is in the post'],
    ['@9 Your new card is in the post 🙂 Marta', 'Your new card is in the post 🙂'],
    ['@9 Your new card is in the post. #FreshStart', 'Your new card is in the post.'],
    ['Your new card is in the post.\nKind regards', 'Your new card is in the post.'],
    ['@9 Your new card is in the post. Enjoy.', 'Enjoy.']
  ])('%s', async (text, actual) => {
    expect(await actuals(text)).toEqual([actual])
  })
})

describe('missing-thanks inserts a thank-you that reads well', () => {
  it('after a full stop, a question or an exclamation', async () => {
    expect(await firstSuggestion('Your seats are 14A and 14B!')).toBe('Your seats are 14A and 14B! Thank you for getting in touch.')
  })

  it('after a sentence with no final punctuation', async () => {
    expect(await firstSuggestion('@2 Your seats are 14A and 14B ^JJ')).toBe('Your seats are 14A and 14B. Thank you for getting in touch.')
  })

  it('after a link that completes a sentence ending in a colon, never “:.”', async () => {
    const [finding] = await findings('@2 You can change the seats yourself here: https://example.com/seats -Nell')
    expect(finding.actual).toBe('You can change the seats yourself here: https://example.com/seats')
    expect(finding.suggestions?.[0]).toBe(
      'You can change the seats yourself here: https://example.com/seats Thank you for getting in touch.'
    )
  })

  it('after an emoji or an emoticon', async () => {
    expect(await firstSuggestion('@2 Have a lovely flight 🛫')).toBe('Have a lovely flight 🛫 Thank you for getting in touch.')
    expect(await firstSuggestion('@2 Have a lovely flight :)')).toBe('Have a lovely flight :) Thank you for getting in touch.')
  })

  it('before a sentence cut short by the link after it', async () => {
    expect(await actuals('@2 Sorry the seats were split up. Could you... https://example.com/more')).toEqual([
      'Sorry the seats were split up.'
    ])
  })

  it('never after a closing colon with nothing after it', async () => {
    const suggestions = (await findings('@2 Your booking is moved to Friday. The new times are:')).flatMap(
      (finding) => finding.suggestions ?? []
    )
    expect(suggestions).not.toContainEqual(expect.stringContaining(':.'))
    expect(suggestions).not.toContainEqual(expect.stringContaining(': Thank'))
  })
})

describe('missing-thanks and “appreciate”', () => {
  it.each([
    'We appreciate your understanding while the lift is repaired.',
    'I really appreciate you sending the photos so quickly.',
    'Your patience is appreciated. The lift works again.',
    'The lift works again. Much appreciated!',
    'I appreciate that tip about the side door. The lift works again.'
  ])('counts thanks: %s', async (text) => {
    expect(await actuals(text)).toEqual([])
  })

  it.each([
    'I appreciate this has been a long week without a lift. It works again now.',
    'We appreciate your disappointment at the cancelled class. The next one is on Monday.',
    'I appreciate how stressful a broken lift is. It works again now.',
    'We appreciate that you were left waiting. It works again now.',
    'I can appreciate the inconvenience. It works again now.'
  ])('does not count understanding as thanks: %s', async (text) => {
    expect(await actuals(text)).toHaveLength(1)
  })
})

describe('missing-thanks in a Chinese multi-part reply', () => {
  it('flags part 1 at its last sentence, without the part number', async () => {
    expect(await actuals('您的包裹已到达本地网点。明天上午派送。（1/2）')).toEqual(['明天上午派送。'])
  })

  it('leaves a continued part alone', async () => {
    expect(await actuals('（续）快递员派送前会先给您打电话。')).toEqual([])
  })
})

describe('missing-thanks under a customer’s quoted thanks that asks again', () => {
  it('still flags a reply when the quoted thanks comes with a request', async () => {
    const text =
      'The parcel was handed to your neighbour at number 12.\n\nOn Tue, 10 Mar 2026, Ines Vidal <ines@example.com> wrote:\n> Thanks, please tell me where it was left.'
    expect(await actuals(text)).toEqual(['The parcel was handed to your neighbour at number 12.'])
  })
})

describe('missing-thanks on a part cut off mid-sentence', () => {
  it('flags a lone sentence that the next part finishes, but adds nothing after it', async () => {
    const [finding, ...rest] = await findings('@4410 Once the old card is cancelled, the new one will be sent to your home address and 1/2')
    expect(rest).toEqual([])
    expect(finding).toMatchObject({
      actual: 'Once the old card is cancelled, the new one will be sent to your home address and',
      suggestions: []
    })
    expect(finding.message).toBe('The reply never thanks the customer; thank them in this part or the last one')
  })

  it('still closes a reply of only emoji', async () => {
    expect(await actuals('@4410 🎉🎉')).toEqual(['🎉🎉'])
  })
})

describe('missing-thanks suggestions', () => {
  it('does not read “can’t wait” as a wait to thank the customer for', async () => {
    expect(await firstSuggestion("@61 Can't wait to see the photos of the new kitchen!")).toBe(
      "Can't wait to see the photos of the new kitchen! Thank you for getting in touch."
    )
  })
})
