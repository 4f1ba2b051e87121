/**
 * broken-promises in Chinese: vague times with no time to hold the agent to (尽快 / 稍后 / 过几天 /
 * 很快 / 等会儿 / 在适当的时候), and certainty outside the agent’s control (我保证 / 绝对 / 百分之百 /
 * 再也不会). Not: a request to the customer (请您尽快支付 / 请稍后再试), a wish (期待很快收到), a
 * vague word next to a concrete time (尽快，最晚明天中午前), 保证金 (a deposit) or 100%纯棉.
 */
import {type PhraseMatch, type Sentence, clausesOf, definePhrases, joinedText, quote, reportJoined} from '../kit/index.js'
import data from './phrases.zh.json' with {type: 'json'}

interface Entry {
  phrase: string
  suggestions?: string[]
  kind?: string
}

/** The Chinese phrase data: vague times (with drop-in concrete ones) and words of certainty. */
export const phrasesZh = definePhrases<Entry>(data, 'zh')

const note = '“If you can’t keep a promise, then don’t make it”: give a time the customer can hold you to.'

// What the customer is asked to do, hoped for, or may do: not the company’s promise.
const request = /^(?:请|敬请|烦请)|麻烦|劳烦|希望|期待|期望|盼|祝|建议|(?:您|你)(?:也)?(?:可以|可|再|需|需要|要|能|务必|尽量)|如果|假如|若|万一|要是|一旦|(?<![例比譬诸])如(?![期下实何今此同意])/
const customerAction = /^(?:再试|重试|再来|再拨|再打|再联系|查看|再查|刷新|登录|登陆|重新|再次|尝试|留意|注意|关注|查收|可以|可|就可以|即可|方便|有空)/
// The clause carries an action or an arrival: “我们会尽快处理”, “过几天就能到账”.
const action = /会|将|要|就|能|可|给|为|帮|替|再|联系|回复|回电|答复|处理|安排|发货|发出|寄出|到账|退款|通知|跟进|反馈|送达|上门|解决|修复|恢复|办理|审核|补发|核实|确认|派|到/
// A concrete time anywhere in the sentence makes the vague word harmless.
const concrete = /(?:今天|今晚|今日|明天|明日|明早|明晚|后天|本周|这周|下周|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|[0-9一二两三四五六七八九十]+(?:个)?(?:小时|分钟|工作日|天|日|号|点|周|月|时)|上午|中午|下午|傍晚|晚上|凌晨|\d{1,2}:\d{2}|月底|月初|年底)/

/** A certainty the agent cannot back, the pattern that finds it, and how to say it honestly. */
interface Certainty {
  pattern: RegExp
  reason: (actual: string) => string
  expected?: (actual: string) => string[]
  /** The promise runs on to the end of its clause (“我保证X功能都能正常使用”). */
  wholeClause?: boolean
  /** The promise starts at the start of its clause (“这种情况再也不会发生了”). */
  fromClauseStart?: boolean
}

const certainties: Certainty[] = [
  {
    // “这种情况再也不会发生了”, “以后不会再出现类似问题”.
    pattern: /再也不会|再也不|(?:决不会|绝不会|永远不会|不会)再(?:发生|出现|犯|有)/g,
    reason: (actual) => `${quote(actual)} is a promise nobody can keep; say what you have changed so it is less likely`,
    wholeClause: true,
    fromClauseStart: true
  },
  {
    // “我保证”, “我们可以向您保证”, “我敢打包票” — not 保证金, 保证书, 质量保证.
    pattern: /(?:我们|我|本人|本店|我司|我方|小编|客服)(?:可以|能|敢|也|都|一定|绝对|百分之百|完全|在此|郑重|向您|跟您|给您|对您|和您)*(?:保证|担保|打包票|发誓)(?![金书期人函])/g,
    reason: (actual) => `${quote(actual)} promises what may be outside your control; say what you will do and by when`,
    expected: (actual) => [actual.replace(/^(?:我们|我|本人|本店|我司|我方|小编|客服)[^，,]*?(?:保证|担保|打包票|发誓)[，,]?/u, '我们预计')],
    wholeClause: true
  },
  {
    // “百分之百确定”, “100%没问题” — not “100%纯棉”.
    pattern: /(?:百分之百|100%)(?:的|地|是)?(?:保证|确定|肯定|确保|没问题|放心|能|会|可以|不会|满意|成功|准时|到账|送达|解决|安全)/g,
    reason: (actual) => `${quote(actual)} is certainty you can’t back; say what you expect and why`
  },
  {
    // “百分之百” alone is still a guarantee; a material is not (“百分之百纯棉”).
    pattern: /百分之百(?![纯棉羊真蚕涤麻聚新正原]|的(?:棉|羊毛|纯))/g,
    reason: (actual) => `${quote(actual)} is certainty you can’t back; say what you expect and why`
  },
  {
    // “绝对没问题”, “绝对准时” — not 绝对值.
    pattern: /绝对(?:会|能|可以|不会|没问题|没有问题|准时|保证|放心|安全|不再|不可能|按时|到)/g,
    reason: (actual) => `${quote(actual)} is certainty you can’t back; say what you expect and why`
  },
  {
    // “保证您满意”, “包您满意”.
    pattern: /(?<![我们方司店人量质品])保证(?:您|你)(?:满意|一定|没问题|能|会|可以|准时|按时)|包(?:您|你)满意/g,
    reason: (actual) => `${quote(actual)} is a guarantee nobody can check in advance; say what you will do instead`
  },
  {
    // “您的包裹明天一定会到”: certainty about what the company does not control.
    pattern: /(?:一定|肯定|必定|必然|准)(?:会|能|可以)(?:准时|按时|如期)?(?:到|送达|到达|到账|送到|收到|发货|寄到|起飞|解决|修好|恢复|退回|完成)/g,
    reason: (actual) => `${quote(actual)} is certainty about what you don’t control; say what you expect`,
    expected: (actual) => [actual.replace(/^(?:一定|肯定|必定|必然|准)/u, '预计')]
  },
  {
    pattern: /保准|准保|打包票/g,
    reason: (actual) => `${quote(actual)} promises what may be outside your control; say what you will do and by when`
  }
]

/** Check the Chinese sentences that the phrase data found. */
export function checkChinese(matches: Array<PhraseMatch<Entry>>, file: Parameters<typeof reportJoined>[0]): void {
  const flagged = new Map<Sentence, Array<[number, number]>>()
  const add = (sentence: Sentence, from: number, to: number): boolean => {
    const list = flagged.get(sentence) ?? []
    if (list.some(([start, end]) => from < end && start < to)) return false
    list.push([from, to])
    flagged.set(sentence, list)
    return true
  }
  const sentences = new Set<Sentence>()
  // Longest first, so 等会儿 is flagged whole rather than as 等会.
  for (const match of [...matches].sort((a, b) => a.start - b.start || b.end - a.end)) {
    sentences.add(match.sentence)
    if (match.entry.kind === 'vague') checkVague(match, file, add)
  }
  for (const sentence of sentences) checkCertainties(sentence, file, add)
}

const window = 80

function checkVague(match: PhraseMatch<Entry>, file: Parameters<typeof reportJoined>[0], add: (sentence: Sentence, from: number, to: number) => boolean): void {
  const {sentence} = match
  const joined = joinedText(sentence)
  if (/[?？吗呢]$/.test(joined.text)) return
  // Where the phrase is in the joined text: it may start inside a token glued to the word before it.
  const phrase = Array.from(match.entry.phrase).join('')
  let from = joined.text.indexOf(phrase, joined.starts[match.from])
  if (from < 0) from = joined.starts[match.from]
  const to = from + phrase.length
  const clause = clausesOf(sentence).find((candidate) => candidate.start <= from && from < candidate.end)
  if (!clause) return
  // A clause, but never more than a long sentence's worth of characters either side: a runaway
  // clause with a vague word every few characters must not be read in full for each one.
  const before = joined.text.slice(Math.max(clause.start, from - window), from)
  const after = joined.text.slice(to, Math.min(clause.end, to + window))
  if (request.test(before) || customerAction.test(after) || !action.test(before + after)) return
  if (concrete.test(joined.text.slice(Math.max(0, from - 2 * window), from) + ' ' + joined.text.slice(to, to + 2 * window))) return
  if (!add(sentence, from, to)) return
  const suggestions = match.entry.suggestions ?? []
  reportJoined(file, sentence, from, to, {
    reason: (actual) => `${quote(actual)} gives the customer no time to hold you to; name one, such as ${quote(suggestions[0] ?? '今天下午5点前')}`,
    expected: () => suggestions,
    note
  })
}

// One finding per clause: the certainty words of a clause are one promise. A guarantee that ends its
// clause (“我向您保证，这种情况不会再发生”) takes in the clause it guarantees.
function checkCertainties(sentence: Sentence, file: Parameters<typeof reportJoined>[0], add: (sentence: Sentence, from: number, to: number) => boolean): void {
  const clauses = clausesOf(sentence)
  for (let index = 0; index < clauses.length; index++) {
    const clause = clauses[index]
    let found: {from: number; to: number; certainty: Certainty} | undefined
    for (const certainty of certainties) {
      certainty.pattern.lastIndex = 0
      for (let match = certainty.pattern.exec(clause.text); match; match = certainty.pattern.exec(clause.text)) {
        let from = clause.start + (certainty.fromClauseStart ? 0 : match.index)
        let to = certainty.wholeClause ? clause.end : clause.start + match.index + match[0].length
        if (certainty.wholeClause && match.index + match[0].length === clause.text.length && clauses[index + 1]) to = clauses[++index].end
        if (found) {
          from = Math.min(from, found.from)
          to = Math.max(to, found.to)
        }
        found = {from, to, certainty: found?.certainty ?? certainty}
      }
    }
    if (!found || !add(sentence, found.from, found.to)) continue
    const {certainty} = found
    reportJoined(file, sentence, found.from, found.to, {reason: certainty.reason, expected: certainty.expected, note})
  }
}
