import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'

// Positions are UTF-16 offsets with 1-based lines and columns, as in the editor, whatever the script.
async function spans(text: string, ruleId: string) {
  const {findings} = await lint(text)
  return findings.filter((finding) => finding.ruleId === ruleId).map(({actual, start, end}) => ({actual, start, end}))
}

describe('exact spans in Chinese', () => {
  it('counts full-width punctuation as one unit each', async () => {
    const text = '您好！很抱歉，我们不能修改订单。谢谢！'
    expect(await spans(text, 'negative-phrasing')).toEqual([
      {actual: '我们不能修改订单', start: {line: 1, column: 8, offset: 7}, end: {line: 1, column: 16, offset: 15}}
    ])
    expect(text.slice(7, 15)).toBe('我们不能修改订单')
  })

  it('keeps Latin words and numbers inside Chinese whole', async () => {
    const text = '您的iPhone 15维修单已提交，SLA为48小时，谢谢。'
    const [finding] = await spans(text, 'jargon')
    expect(finding).toEqual({actual: 'SLA', start: {line: 1, column: 19, offset: 18}, end: {line: 1, column: 22, offset: 21}})
  })

  it('counts an emoji before the finding as two UTF-16 units', async () => {
    const text = '亲😊 订单已收到～\n我们会尽快给您发货哦，谢谢亲！'
    const [finding] = await spans(text, 'broken-promises')
    expect(finding).toEqual({actual: '尽快', start: {line: 2, column: 4, offset: 14}, end: {line: 2, column: 6, offset: 16}})
    expect(text.slice(finding.start.offset, finding.end.offset)).toBe('尽快')
  })

  it('finds a phrase after full-width Latin and digits', async () => {
    const text = '订单ＡＢ１２３已登记。\r\n我保证明天一定送到，谢谢。'
    const [finding] = await spans(text, 'broken-promises')
    expect(finding.actual).toBe('我保证明天一定送到')
    expect(finding.start).toEqual({line: 2, column: 1, offset: 13})
    expect(finding.end).toEqual({line: 2, column: 10, offset: 22})
  })

  it('spans a finding on the third line of an email, after a greeting', async () => {
    const text = '尊敬的客户：\n您好！\n这不是我们的错，请您自行联系快递公司。感谢您的来信。'
    expect(await spans(text, 'blame-shifting')).toEqual([
      {actual: '不是我们的错', start: {line: 3, column: 2, offset: 12}, end: {line: 3, column: 8, offset: 18}},
      {actual: '请您自行联系快递公司', start: {line: 3, column: 9, offset: 19}, end: {line: 3, column: 19, offset: 29}}
    ])
  })
})
