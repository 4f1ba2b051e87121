import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'

// The Chinese examples of the seeds: 000 (林华华’s wrong and right examples), 001 (guidance) and 003 (情景一, 情景二).
async function found(text: string): Promise<string[]> {
  const {findings} = await lint(text)
  return findings.map((finding) => `${finding.ruleId} “${finding.actual}”`).sort()
}

describe('seed 000: 林华华', () => {
  it('flags the wrong example of owning a defect', async () => {
    expect(await found('产品有质量问题不是我们的错。你应该正确地使用它。我们无能为力。')).toEqual([
      'blame-shifting “不是我们的错”',
      'blame-shifting “你应该正确地使用它”',
      'missing-thanks “我们无能为力。”',
      'negative-phrasing “我们无能为力”'
    ])
  })

  it('leaves the right example of owning a defect alone, but for the thanks it never says', async () => {
    expect(
      await found('对于产品有质量问题造成的不便我表示道歉。我理解你的沮丧。让我协助你解决这个问题。我们将承担责任,为你提供替换或退款。')
    ).toEqual(['missing-thanks “我们将承担责任,为你提供替换或退款。”'])
  })

  it('flags the wrong example about packaging', async () => {
    expect(await found('我们的标准包装不能符合您的文化偏好。很抱歉,我们不能做出任何改变。')).toEqual([
      'missing-thanks “很抱歉,我们不能做出任何改变。”',
      'negative-phrasing “我们不能做出任何改变”'
    ])
  })

  it('leaves the right example about packaging alone', async () => {
    expect(
      await found(
        '感谢您分享关于包装的文化偏好。我们理解保护传统的重要性。让我查看是否有其他选择,或者通过定制包装以确保产品符合您的文化偏好。'
      )
    ).toEqual([])
  })

  it('leaves the dialogue lines alone: no hidden fees, 不胜感激, 不客气', async () => {
    expect(await found('不,您看到的价格就是最终价格。没有隐藏费用或税款。')).toEqual(['missing-thanks “没有隐藏费用或税款。”'])
    expect(await found('因为替换品已经发货,如果您能就我们处理情况的反馈给我们,我们将不胜感激。您的反馈有助于我们改进服务。')).toEqual([])
    // 不客气 answers the customer's thanks, so this turn needs no thanks of its own (issue 14).
    expect(await found('不客气!我们坚持向客户提供透明的信息。如果您还有其他问题,请随时告诉我。')).toEqual([])
    expect(await found('非常抱歉。对此给您带来的不便我深表歉意。让我检查一下您设备的设置,并帮助您连接到Wi-Fi网络。')).toEqual([
      'missing-thanks “让我检查一下您设备的设置,并帮助您连接到Wi-Fi网络。”'
    ])
  })
})

describe('seed 001: guidance as replies', () => {
  it('flags a promise that cannot be checked (永远不要承诺您无法做到的事情)', async () => {
    expect(await found('我保证X功能在所有型号上都能正常使用,谢谢您的来电。')).toEqual([
      'broken-promises “我保证X功能在所有型号上都能正常使用”'
    ])
  })

  it('flags industry terms and abbreviations (行业特定术语和缩写绝对不行)', async () => {
    expect(await found('您的工单升级到二线了,SLA是48小时,谢谢。')).toEqual(['jargon “工单升级”', 'jargon “二线”', 'jargon “SLA”'].sort())
  })

  it('asks for thanks at the end of the conversation (在谈话结束时感谢客户)', async () => {
    expect(await found('您好,问题已经解决了。')).toEqual(['missing-thanks “您好,问题已经解决了。”'])
    expect(await found('您好,问题已经解决了,感谢您给我们机会帮助您。')).toEqual([])
  })

  it('keeps the answer for an unknown feature clean (让我帮您查一下)', async () => {
    expect(await found('您想寻求关于X功能的帮助,对吧?让我帮您查一下。请稍等几分钟,谢谢。')).toEqual([])
  })
})

describe('seed 003: 情景一 and 情景二', () => {
  const quoted = (customer: string, reply: string) => `> ${customer}\n\n${reply}`

  it('leaves the stock fact alone but asks for thanks (情景一)', async () => {
    expect(await found(quoted('客:“我今天就需要它。”', '对不起,我们的库存已经没货了。'))).toEqual([
      'missing-thanks “对不起,我们的库存已经没货了。”'
    ])
  })

  it('leaves 情景二’s offer alone: the stock fact and the courtesy are not refusals', async () => {
    const reply = '真对不起,我们的库存已经没货了,但我可以打电话问一下其他的维修部,麻烦您等一下,好吗?'
    expect(await found(quoted('客:“星期二太迟了,那台设备得停工几天。”', reply))).toEqual([
      'missing-thanks “真对不起,我们的库存已经没货了,但我可以打电话问一下其他的维修部,麻烦您等一下,好吗?”'
    ])
  })

  it('reads 不要整天只有个NO: a flat refusal is flagged', async () => {
    expect(await found('对不起,我们今天没办法给您这个配件。谢谢。')).toEqual(['negative-phrasing “我们今天没办法给您这个配件”'])
  })

  it('suggests the day it becomes possible (周五之前我们没法见您 → 周五我们可以见您)', async () => {
    const {findings} = await lint('周五之前我们没法见您,谢谢理解。')
    expect(findings.map((finding) => [finding.actual, finding.suggestions])).toEqual([['周五之前我们没法见您', ['周五我们可以见您']]])
  })
})
