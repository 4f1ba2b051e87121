import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'

// Monday 23 November 2026, 9:00 where the tests run: a Chinese commitment is due at a local time, like an
// English one, so every expected time is built in the local zone too and the tests hold in any TZ.
const now = new Date(2026, 10, 23, 9)
const at = (month: number, day: number, hours: number, minutes = 0) => new Date(2026, month - 1, day, hours, minutes).toISOString()
// Kept if it happens any time that day: “明天发货”, “3个工作日内”.
const endOf = (month: number, day: number) => new Date(2026, month - 1, day, 23, 59, 59).toISOString()

async function read(text: string) {
  const {findings, commitments} = await lint(text, {now})
  return {promises: findings.filter((finding) => finding.ruleId === 'broken-promises').map((finding) => finding.actual), commitments}
}

describe('Chinese commitments', () => {
  it.each([
    ['我们会在今天下午5点前给您回复。', at(11, 23, 17)],
    ['我们将于明天中午前为您发货。', at(11, 24, 12)],
    ['工作人员会在24小时内联系您。', at(11, 24, 9)],
    ['我会在3个工作日内处理完毕。', endOf(11, 26)],
    // Seed 002, in Chinese.
    ['我今天将通过电子邮件将这些信息发送给您。', endOf(11, 23)],
    ['我们将在24小时之内将其发送给您。', at(11, 24, 9)],
    ['我会调查并在3个工作日内与您联系。', endOf(11, 26)],
    // Weekends don't count: Friday the 27th is the 4th working day, Monday the 30th the 5th.
    ['我们会在5个工作日内为您退款。', endOf(11, 30)],
    ['我们会在十五个工作日内处理完毕。', endOf(12, 14)],
    ['今天下午5点前，我们会给您回电。', at(11, 23, 17)],
    ['今天下午5点前给您回电。', at(11, 23, 17)],
    ['客服会在今晚8点前联系您。', at(11, 23, 20)],
    ['我们会在今天17:00前给您回复。', at(11, 23, 17)],
    ['我这边会在5点前给您回复。', at(11, 23, 17)],
    ['我们会在本周五前给您答复。', endOf(11, 27)],
    ['我们会在周五下午给您回电。', endOf(11, 27)],
    ['我们会在明天上午给您回电。', at(11, 24, 12)],
    ['我们会在下周三上午10点前给您回复。', at(12, 2, 10)],
    ['我们会在12月1日下午2点给您回电。', at(12, 1, 14)],
    ['售后专员会在2小时内给您回电话。', at(11, 23, 11)],
    ['我们会在一个半小时内给您回电。', at(11, 23, 10, 30)],
    ['师傅会在明天下午2点到4点之间上门。', at(11, 24, 16)],
    ['我们会在月底前为您退款。', endOf(11, 30)],
    ['您的订单将于明天发货。', endOf(11, 24)],
    ['我们明天给您发货。', endOf(11, 24)],
    ['您放心，明天一定给您发货。', endOf(11, 24)],
    ['我们已经为您登记，工作人员会在明天上午联系您确认。', at(11, 24, 12)],
    ['好的，今天下午5点前我们会把发票发到您的邮箱。', at(11, 23, 17)]
  ])('reports %s as a commitment with its due time', async (text, due) => {
    const {promises, commitments} = await read(text)
    expect(promises).toEqual([])
    expect(commitments).toEqual([{text: text.slice(0, -1), start: expect.anything(), end: expect.anything(), due}])
  })

  it('spans the sentence without its final punctuation, as in English', async () => {
    const text = '感谢您的耐心。我们会在今天下午5点前给您回复！'
    expect((await lint(text, {now})).commitments).toEqual([
      {
        text: '我们会在今天下午5点前给您回复',
        start: {line: 1, column: 8, offset: 7},
        end: {line: 1, column: 23, offset: 22},
        due: at(11, 23, 17)
      }
    ])
  })

  it('reads the vague word backed by a concrete time as a commitment due at that time', async () => {
    const text = '我们会尽快处理，最晚明天中午12点前给您答复。'
    expect(await read(text)).toEqual({promises: [], commitments: [expect.objectContaining({text: text.slice(0, -1), due: at(11, 24, 12)})]})
  })

  it('reports a time that runs from an event, or names no day, with no due time', async () => {
    for (const text of [
      '收到您的退货后，我们会在3个工作日内为您退款。',
      '我们会在收到退货后3个工作日内为您退款。',
      '我们会在下周给您回复。'
    ]) {
      expect((await read(text)).commitments, text).toEqual([expect.objectContaining({text: text.slice(0, -1), due: null})])
    }
  })

  it('lists the commitments of a reply in both languages in the order they are written', async () => {
    const text = "我们会在今天下午5点前给您回复。\n\nThanks, Omar. I'll call you back at 3:30 pm tomorrow."
    expect((await lint(text, {now})).commitments.map(({text, due}) => [text, due])).toEqual([
      ['我们会在今天下午5点前给您回复', at(11, 23, 17)],
      ["I'll call you back at 3:30 pm tomorrow", at(11, 24, 15, 30)]
    ])
  })

  it.each([
    // Requests to the customer, and what the customer does.
    '请您在明天之前提交相关材料。',
    '请在今天下午5点前完成支付。',
    '您需要在3个工作日内提交申请。',
    '您将在24小时内收到确认邮件。',
    '您可以在明天上午10点后给我们回电。',
    // Wishes and questions.
    '希望我们能在明天见面。',
    '期待明天再次为您服务！',
    '我们会在明天给您发货吗？',
    '我们会在明天发货，您看可以吗？',
    // What is done.
    '我们昨天已经发货了。',
    '我们已于今天上午为您发货。',
    '我们今天给您发货了。',
    // Negations, hedges and hypotheticals.
    '我们不会在周五前发货。',
    '我们将无法在周五前为您发货。',
    '我们会尽量在明天前发货。',
    '我们预计明天发货。',
    '如果您今天下单，我们会在明天发货。',
    '如有需要，我们会在明天给您回电。',
    // Policies.
    '一般情况下，我们会在24小时内发货。',
    // No action by the company, or no time to hold it to.
    '系统将于今晚12点进行维护。',
    '本次活动将于11月30日截止。',
    '快递员会在明天上午联系您。',
    '快递公司会在明天上午联系您。',
    '您的包裹明天会送达。',
    '我们会快一点给您处理。',
    '我们会在您方便的时候联系您。',
    '我们会处理您今天上午提交的申请。',
    '我们会为您办理7天无理由退货。',
    // Hours of service.
    '我们会在周一至周五为您提供服务。',
    '我们每天下午5点前发货。'
  ])('reports no commitment and no promise finding for %s', async (text) => {
    expect(await read(text)).toEqual({promises: [], commitments: []})
  })

  it.each([
    ['我们会尽快处理您的退款。', '尽快'],
    ['技术人员稍后会给您回电。', '稍后'],
    ['我们会在适当的时候通知您新的航班时间。', '在适当的时候'],
    ['我保证明天送到。', '我保证明天送到'],
    ['您的包裹明天一定会到。', '一定会到']
  ])('keeps flagging %s, and reports no commitment for a sentence the rule flags', async (text, actual) => {
    expect(await read(text)).toEqual({promises: [actual], commitments: []})
  })

  it('reports nothing when the rule is off', async () => {
    const {commitments} = await lint('我们会在今天下午5点前给您回复。', {now, rules: {'broken-promises': 'off'}})
    expect(commitments).toEqual([])
  })
})
