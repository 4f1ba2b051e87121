/**
 * broken-promises in Chinese: vague times with no time to hold the agent to (尽快 / 稍后 / 过几天 /
 * 很快 / 等会儿 / 在适当的时候), and certainty outside the agent’s control (我保证 / 绝对 / 百分之百 /
 * 再也不会). Not: a request to the customer (请您尽快支付 / 请稍后再试), a wish (期待很快收到), a
 * vague word next to a concrete time (尽快，最晚明天中午前), 保证金 (a deposit) or 100%纯棉.
 */
import {
  type ChineseCheck,
  type Clause,
  type PhraseMatch,
  type ReplyContext,
  type Sentence,
  SpanSet,
  clausesOf,
  definePhrases,
  findPhrases,
  joinedText,
  quote,
  reportJoined,
  sentencesOf
} from '../kit/index.js'
import data from './phrases.zh.json' with {type: 'json'}
import classes from './classes.zh.json' with {type: 'json'}
import {resolveDueZh} from './due.js'

interface Entry {
  phrase: string
  suggestions?: string[]
  kind?: string
}

/** The Chinese phrase data: vague times (with drop-in concrete ones) and words of certainty. */
export const phrasesZh = definePhrases<Entry>(data, 'zh')

/** Follow-up verbs (联系 / 通知 / 回复 / 跟进 …): the cheap pass that marks sentences for a follow-up with no time. */
export const followUpsZh = definePhrases<Entry>(
  classes.followUps.map((phrase) => ({phrase, kind: 'follow-up'})),
  'zh'
)

const list = (words: readonly string[]): string => words.join('|')
// News about a product, not a promise: “新款很快就会上架”.
const availability = new RegExp(`^(?:(?!会|将|就)[^，。！？,.!?]){0,6}(?:就|会|将|能|可以|便)*(?:${list(classes.availability)})`)

const note = '“If you can’t keep a promise, then don’t make it”: give a time the customer can hold you to.'

// What the customer is asked to do, hoped for, or may do: not the company’s promise.
const request =
  /^(?:请|敬请|烦请)|麻烦|劳烦|希望|期待|期望|盼|祝|建议|(?:您|你)(?:也)?(?:可以|可|再|需|需要|要|能|务必|尽量)|如果|假如|若|万一|要是|一旦|(?<![例比譬诸])如(?![期下实何今此同意])/
const customerAction =
  /^(?:再试|重试|再来|再拨|再打|再联系|查看|再查|刷新|登录|登陆|重新|再次|尝试|留意|注意|关注|查收|可以|可|就可以|即可|方便|有空)/
// The clause carries an action or an arrival: “我们会尽快处理”, “过几天就能到账”.
const action =
  /会|将|要|就|能|可|给|为|帮|替|再|联系|回复|回电|答复|处理|安排|发货|发出|寄出|到账|退款|通知|跟进|反馈|送达|上门|解决|修复|恢复|办理|审核|补发|核实|确认|派|到/
// A concrete time anywhere in the sentence makes the vague word harmless.
const concrete =
  /(?:今天|今晚|今日|明天|明日|明早|明晚|后天|本周|这周|下周|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|[0-9一二两三四五六七八九十]+(?:个)?(?:小时|分钟|工作日|天|日|号|点|周|月|时)|上午|中午|下午|傍晚|晚上|凌晨|\d{1,2}:\d{2}|月底|月初|年底)/

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
    pattern:
      /(?:我们|我|本人|本店|我司|我方|小编|客服)(?:可以|能|敢|也|都|一定|绝对|百分之百|完全|在此|郑重|向您|跟您|给您|对您|和您)*(?:保证|担保|打包票|发誓)(?![金书期人函])/g,
    reason: (actual) => `${quote(actual)} promises what may be outside your control; say what you will do and by when`,
    expected: (actual) => [
      actual.replace(/^(?:我们|我|本人|本店|我司|我方|小编|客服)[^，,]*?(?:保证|担保|打包票|发誓)[，,]?/u, '我们预计')
    ],
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
    // “您的包裹明天一定会到”, “一定会在周五前送到”, “师傅肯定能帮您修好”: certainty about an outcome the
    // company does not control — not about its own effort (“一定会转达”, “一定会尽力”).
    pattern: new RegExp(
      `(?:一定|肯定|必定|必然|准)(?:会|能|可以)(?:(?!${list(classes.ownEffort)})[^，。！？,.!?;；]){0,10}?(?:${list(classes.outcomes)})`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} is certainty about what you don’t control; say what you expect`,
    expected: (actual) => [actual.replace(/^(?:一定|肯定|必定|必然|准)/u, '预计')]
  },
  {
    // “您的行李一定会在下一班飞机上”.
    pattern: /(?:一定|肯定|必定|必然)(?:会|能)在[^，。！？,.!?；;]{1,12}?(?:上|里|中)(?=[，。！？,.!?；;]|$)/g,
    reason: (actual) => `${quote(actual)} is certainty about what you don’t control; say what you expect`,
    expected: (actual) => [actual.replace(/^(?:一定|肯定|必定|必然)/u, '预计')]
  },
  {
    // “重装之后游戏不会再闪退了”: a promise about what something else will never do again — not the company’s
    // own promise to stop (“我们不会再给您发送促销短信”).
    pattern:
      /^(?!.*(?:我们|我|本店|本公司|公司|我司))[^，。！？,.!?；;]*(?<![您你]|[您你][也都])(?:不会再|不会再次)(?!给您|联系|打扰|发送|收取|扣|被|向您|收到)[^，。！？,.!?；;]{1,6}$/g,
    reason: (actual) => `${quote(actual)} is a promise nobody can keep; say what you have changed so it is less likely`
  },
  {
    // “保证明天一早就给您送到”: a guarantee of an outcome, with or without the company named.
    pattern: new RegExp(`(?<![我们方司店人量质品])保证(?![金书期人函])[^，。！？,.!?；;]{0,10}?(?:${list(classes.outcomes)})`, 'g'),
    reason: (actual) => `${quote(actual)} is a guarantee nobody can check in advance; say what you will do instead`,
    expected: (actual) => [actual.replace(/^保证/u, '预计')]
  },
  {
    pattern: /保准|准保|打包票/g,
    reason: (actual) => `${quote(actual)} promises what may be outside your control; say what you will do and by when`
  }
]

/**
 * Check the Chinese sentences that the phrase data found, and the follow-ups that the follow-up verbs
 * (`followUpsZh`) found among all of the reply’s sentences; returns the sentences it flagged.
 */
export const checkChinese: ChineseCheck<void, ReadonlySet<Sentence>> = (tree, file) => {
  const matches = findPhrases(tree, file, phrasesZh)
  const followUps = findPhrases(tree, file, followUpsZh)
  const sentences = sentencesOf(tree, file)
  const flagged = new Map<Sentence, SpanSet>()
  const add = (sentence: Sentence, from: number, to: number): boolean => {
    let spans = flagged.get(sentence)
    if (!spans) flagged.set(sentence, (spans = new SpanSet()))
    return spans.add(from, to)
  }
  const candidates = new Set<Sentence>()
  // Longest first, so 等会儿 is flagged whole rather than as 等会.
  for (const match of [...matches].sort((a, b) => a.start - b.start || b.end - a.end)) {
    candidates.add(match.sentence)
    if (match.entry.kind === 'vague') checkVague(match, file, add)
  }
  for (const sentence of candidates) checkCertainties(sentence, file, add)
  const marked = new Set(followUps.map((match) => match.sentence))
  sentences.forEach((sentence, index) => {
    if (!marked.has(sentence) || flagged.has(sentence)) return
    // A request near it (“请您提供订单号，我们会跟进”) makes the follow-up an offer that waits on the customer.
    if (sentences.slice(Math.max(0, index - 2), index + 3).some((near) => asksZh.test(joinedText(near).text))) return
    checkFollowUp(sentence, file, add)
  })
  return new Set(flagged.keys())
}

// A follow-up with no time: “我们会跟进”, “售后同事会联系您”, “有结果会通知您”. The company (or nobody) is the
// subject; 会 / 将 and a follow-up verb, and nothing in the sentence that gives a time, a condition or an event.
const followUp =
  /(?<modal>将会|会|将|再|随时)(?<adv>(?:及时|持续|主动|再|进一步|有专人|有专员|有客服|有工作人员|有同事|有人|有技术人员|有师傅)*)(?<mid>[^，。！？,.!?；;]{1,15}?并(?:及时)?)?(?<verb>(?:给|为|向|与|和|跟)(?:您|你)(?:回复|答复|回电|打电话|致电|联系|反馈|发送通知|说明|回个电话)|(?:联系|通知|告知|告诉|回复|答复|回电|致电|反馈给|同步给)(?:您|你)|跟进(?:处理|此事|这件事情|这件事|这个问题|此问题|您的问题|您的反馈|您的情况|您的订单)?|回访)/g
const asksZh =
  /请(?:您|你)?(?:提供|发送|发|私信|告诉|填写|上传|联系|回复|留下|补充|确认|添加)|麻烦(?:您|你)|烦请|(?:您|你)(?:可以|可|需要|需)(?:提供|发送|私信|联系|告诉|填写)|[?？吗]$/
// “有结果会通知您” names no time, whatever it waits for; any other condition or event does (“收到退货后我们会通知您”).
// So does the company’s own step first (“我们核实后会给您回复”) and “后续” (later on).
const resultWait =
  /有(?:了)?(?:结果|进展|消息|更新|新的进展|最新进展|反馈|答复|回复)(?:了)?(?:后|之后|以后)?|(?:核实|查询|查看|确认|处理|调查|了解|核查|沟通|研究|评估|检查|跟进|审核|审批|排查)(?:完|完毕|清楚|好)?(?:后|之后|以后)|后续|后面|售后|后台|然后|随后|最后|稍后/g
const eventZh = /如果|假如|假设|倘若|若(?!干)|万一|要是|一旦|的话|只要|除非|(?<!等)待|等到|后|之后|以后|当(?!然)/

function checkFollowUp(
  sentence: Sentence,
  file: Parameters<typeof reportJoined>[0],
  add: (sentence: Sentence, from: number, to: number) => boolean
): void {
  const {text} = joinedText(sentence)
  if (asks(text) || concrete.test(text) || wish.test(text) || hedge.test(text)) return
  followUp.lastIndex = 0
  for (let match = followUp.exec(text); match; match = followUp.exec(text)) {
    const before = text.slice(0, match.index)
    // 不会 / 没 …: no promise; 您会联系 is the customer acting.
    if (/[不没未别][会将]?$|(?:您|你)(?:也|都)?$/.test(before) || eventZh.test(before.replace(resultWait, ''))) continue
    const from = match.index
    const to = from + match[0].length
    if (!add(sentence, from, to)) continue
    const {modal = '会', adv = '', mid = '', verb = ''} = match.groups ?? {}
    // “会重新安排上门时间并通知您” → “会重新安排上门时间并在今天下午5点前通知您”.
    const will = modal === '随时' ? '会' : modal
    const timed = (time: string) => (mid ? `${will}${adv}${mid}${time}${verb}` : `${will}${time}${adv}${verb}`)
    const expected =
      verb.startsWith('跟进') && !mid ? [`${match[0]}，并在今天下午5点前给您回复`] : [timed('在今天下午5点前'), timed('在24小时内')]
    reportJoined(file, sentence, from, to, {
      reason: (actual) => `${quote(actual)} promises a follow-up with no time to hold you to; add one, such as ${quote('今天下午5点前')}`,
      expected: () => expected,
      note
    })
    return
  }
}

const window = 80

function checkVague(
  match: PhraseMatch<Entry>,
  file: Parameters<typeof reportJoined>[0],
  add: (sentence: Sentence, from: number, to: number) => boolean
): void {
  const {sentence} = match
  const joined = joinedText(sentence)
  // The last character only: a pattern anchored at the end is still tried from every position.
  if (/[?？吗呢]/.test(joined.text.slice(-1))) return
  // Where the phrase is in the joined text: it may start inside a token glued to the word before it.
  const phrase = Array.from(match.entry.phrase).join('')
  let from = joined.text.indexOf(phrase, joined.starts[match.from])
  if (from < 0) from = joined.starts[match.from]
  const to = from + phrase.length
  const clause = clauseAt(clausesOf(sentence), from)
  if (!clause) return
  // A clause, but never more than a long sentence's worth of characters either side: a runaway
  // clause with a vague word every few characters must not be read in full for each one.
  const before = joined.text.slice(Math.max(clause.start, from - window), from)
  // “很快，您就会收到…”: a vague time alone in its clause is about the next one.
  const next = clausesOf(sentence).find((candidate) => candidate.start > clause.end)
  const alone = from === clause.start && to === clause.end && next !== undefined
  const after = alone ? next.text.slice(0, window) : joined.text.slice(to, Math.min(clause.end, to + window))
  // News about a product, unless the company says it will do it (“我们会尽快补货”).
  const news = availability.test(after) && !/我们|我|本店|公司|我司|商家|仓库/.test(before)
  if (request.test(before) || customerAction.test(after) || !action.test(before + after) || news) return
  // “不久前” is a while ago; “及时” is a vague time only in a promise (“我们会及时通知您”), not in praise
  // (“谢谢您及时联系我们”) or an apology (“没能及时回复您”).
  if (phrase === '不久' && after.startsWith('前')) return
  if (phrase === '及时' && !/(?:会|将)(?:持续|继续)?$/.test(before)) return
  if (concrete.test(joined.text.slice(Math.max(0, from - 2 * window), from) + ' ' + joined.text.slice(to, to + 2 * window))) return
  if (!add(sentence, from, to)) return
  const suggestions = match.entry.suggestions ?? []
  reportJoined(file, sentence, from, to, {
    reason: (actual) =>
      `${quote(actual)} gives the customer no time to hold you to; name one, such as ${quote(suggestions[0] ?? '今天下午5点前')}`,
    expected: () => suggestions,
    note
  })
}

// The clause holding index `index` of the joined text, found by binary search.
function clauseAt(clauses: Clause[], index: number): Clause | undefined {
  let low = 0
  let high = clauses.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (index < clauses[middle].start) high = middle - 1
    else if (index >= clauses[middle].end) low = middle + 1
    else return clauses[middle]
  }
  return undefined
}

// One finding per clause: the certainty words of a clause are one promise. A guarantee that ends its
// clause (“我向您保证，这种情况不会再发生”) takes in the clause it guarantees.
function checkCertainties(
  sentence: Sentence,
  file: Parameters<typeof reportJoined>[0],
  add: (sentence: Sentence, from: number, to: number) => boolean
): void {
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

// Commitments. A concrete Chinese promise is reported like an English one: the company (我们 / 客服 /
// 工作人员 …, or no subject before 会 / 将) promises an action by a named time — “我们会在今天下午5点前给您回复”,
// “工作人员会在24小时内联系您”, “我会调查并在3个工作日内与您联系” (seed 002). Not: a request (请您在明天之前
// 提交), a wish, a question, a hedge (尽量), a negation (我们不会在周五前发货), what is done (我们昨天已经发货了),
// a hypothetical (如果您今天下单…), or a sentence the rule flagged (我们会尽快处理).

const numeral = '[0-9零〇一二两三四五六七八九十]{1,3}'
const clockDigits = '[0-9]{1,2}(?::[0-9]{2}|点(?:半|整|钟|[0-9]{1,2}分?)?)'
const clockHan = '[一二两三四五六七八九十]{1,3}点(?:半|整|钟|[一二三四五六七八九十]{1,3}分?)?'
const clock = `(?:${clockDigits}|${clockHan})`
// “一点” alone is “a little” (快一点): a clock in characters needs a day or a part of the day before it, unless it is “一点半”.
const loneClock = `(?:${clockDigits}|(?!一点(?![半整钟]))${clockHan})`
const day =
  '(?:今天|今日|今晚|今早|明天|明日|明早|明晚|大后天|后天|(?:本|这个?|下个?)(?:周|星期|礼拜)[一二三四五六日天末]?|(?:周|星期|礼拜)[一二三四五六日天末]|(?:本|这个?|下个?|[0-9一二三四五六七八九十]{1,3})?月(?:底|末|初)|(?:今|本)?年(?:底|末)|(?:[0-9]{4}年)?[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}[日号]|[0-9]{1,2}号|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})'
const part = '(?:上午|中午|下午|傍晚|晚上|晚间|凌晨|早上|早晨)'
// A span of time counts only as a deadline: “24小时内”, “3个工作日之内”, “2小时后” — not “7天无理由退货”.
const span = `(?:${numeral}(?:\\.[0-9])?(?:[-~到至]${numeral})?|半)个?半?(?:小时|钟头|分钟|工作日|天|日|周|星期|礼拜|月)(?=之内|以内|内|之后|以后|后)`
const timeSource = `(?:${day}|${part}|${loneClock}|${span})(?:${day}|${part}|${clock})*(?:之前|以前|前|之内|以内|内|之后|以后|后|为止)?`
// Where a named time stands in a clause once it is read.
const mark = '⏱'
const times = new RegExp(timeSource, 'g')
const timeHint = new RegExp(timeSource)

// Clause openers that say nothing about who acts: “好的，”, “然后我们会…”.
const opener = /^(?:您好|你好|好的|(?:请|您|你)?放心|嗯|那么|那|然后|随后|之后|届时|并且|并|同时|另外|此外|而且|所以|因此)+/
// What may stand between the subject, the time and 会 / 将: “我们明天就会”, “最晚明天中午前”.
const fillers = new RegExp(
  `^(?:${mark}|也|都|就|还|再|便|即|一定|必定|肯定|马上|立即|立刻|随即|随后|届时|然后|最晚|最迟|最快|不晚于|在|于|从|准时|按时|及时|统一|亲自|直接|专门)+`
)
// The company: 我们, 我这边, 我们的工作人员, 售后专员, 技术团队 … — never the customer’s (您的同事) nor a
// third party’s (快递公司, 银行).
const company =
  /^(?:(?![您你]|快递|物流|银行|第三方|对方|航空|保险)(?:(?![会将不没未无])[\p{Script=Han}A-Za-z]){0,6}?(?:团队|部门|专员|人员|同事|客服|工程师|师傅|经理|主管|顾问|小组|中心|仓库|财务|售后|公司)+|我们|我|咱们|本人|我司|我方|本司|本店|本公司|敝司|公司|小编)(?:这边|那边|方面)?/u
// What the company acts on: “您的订单将于明天发货”.
const thing =
  /^(?:(?:您|你)(?:们)?的)?(?:这个|该|此)?(?:订单|包裹|快件|快递|货物|商品|退款|款项|退货|换货|补发件|申请|工单|问题|投诉|发票|维修|账户|账号)+/
const customer = /^(?:您|你)(?!好)/
const modal = /^(?:将会|将要|会|将)(?![员议计话场长谈面晤客所近来军])/
const benefactive = /^(?:给|为|帮|替|向|与|跟)(?:您|你)/
// What the company does: contact, ship, refund, fix … (not what happens to the customer: 到账, 收到).
const deed =
  /(?:给|为|帮|替|向|与|跟)(?:您|你)|回复|答复|回电|致电|去电|回访|联系|通知|告知|告诉|提醒|发送|发给|发到|发至|寄出|寄给|寄回|发出|发货|出货|送出|安排|处理|办理|受理|退款|退还|退回|返还|补发|重发|换货|更换|跟进|反馈|上门|解决|修复|维修|修好|审核|核实|核查|确认|调查|排查|查明|派送|配送|送达|送到|送货|完成|开通|恢复|补偿|赔偿|提供|打电话|打给/
const deedFirst = new RegExp(`^(?:${deed.source})`)
// What the company does to the customer’s order or refund; arriving (送达, 到账) is not its promise.
const handled =
  /发货|发出|寄出|出库|送出|处理|办理|受理|审核|退还|退回|返还|补发|重发|安排|解决|修复|恢复|完成|回复|答复|派送|配送|开通|更换/
// A time after a second verb: “我会调查并在3个工作日内与您联系”.
const laterTime = new RegExp(`(?:并且|并|然后|再|随后|同时)(?:在|于|最晚|最迟)?${mark}`)
// A time that runs from an event: “在收到退货后3个工作日内退款”.
const eventTime = new RegExp(`后的?(?:在|于)?${mark}`)
const onlyTime = new RegExp(`^(?:最晚|最迟|不晚于|在|于)*${mark}$`)

const negation = /不|没|未(?!来)|无法|无须|无需|别|勿/
const done = /已|曾|刚才|刚刚|昨|前天|上周|上星期|上个?月|去年|上次/
const hedge = /尽量|尽力|争取|努力|试着|尝试|可能|也许|大概|应该|预计|估计|或许|大约|有望|力争/
const wish = /希望|祝|期待|期望|盼|但愿/
const asking = /是否|能否|可否|会不会|能不能|可不可以|要不要|有没有|什么时候|何时|多久|几点|哪天|哪一天|[吗呢]$/
const hypothetical = /如果|如[有需遇]|假如|假设|倘若|如若|万一|要是|只要|除非|的话|若(?!干)/
// What usually happens is a policy, not a promise to this customer: “一般情况下，我们会在24小时内发货”.
const usually = /一般|通常|正常情况|平时|往常|一向|向来/
const event = /^(?:一旦|待|等到?)|[^⏱](?:之|以)?后$/
// Hours of service, not a promise: “我们会在周一至周五为您提供服务”, “每天下午5点前发货”.
const recurring = /每|(?:周|星期|礼拜)[一二三四五六日天][至到~-](?:周|星期|礼拜)?[一二三四五六日天]|工作时间|营业时间|服务时间/

// A runaway clause is no promise: it is not read.
const longest = 200

type Subject = 'company' | 'thing' | 'customer'

/**
 * Report the concrete commitments of the Chinese sentences. Returns a promise only when there is one to
 * resolve: the date parser is loaded then, and most replies make none.
 */
export function collectCommitmentsZh(
  sentences: readonly Sentence[],
  context: ReplyContext,
  flagged: ReadonlySet<Sentence>
): Promise<void> | undefined {
  const found: Array<{start: number; end: number; when: string | null}> = []
  for (const sentence of sentences) {
    if (sentence.lang !== 'zh' || flagged.has(sentence)) continue
    const {text} = joinedText(sentence)
    // Most sentences name no time: one look passes them over.
    if (!timeHint.test(text) || asks(text)) continue
    const when = promisedWhen(sentence)
    if (when === undefined) continue
    let last = sentence.tokens.length
    while (last > 1 && sentence.tokens[last - 1].punctuation) last--
    found.push({start: sentence.tokens[0].start, end: sentence.tokens[last - 1].end, when})
  }
  if (found.length === 0) return undefined
  return (async () => {
    for (const {start, end, when} of found) {
      context.commitments.push({start, end, due: when === null ? null : await resolveDueZh(when, context.now)})
    }
  })()
}

/**
 * The text to read the due time from, if the sentence makes a concrete promise; `null` when the time runs
 * from an event (“收到退货后，我们会在3个工作日内退款”); `undefined` when it promises nothing.
 */
function promisedWhen(sentence: Sentence): string | null | undefined {
  let subject: Subject | undefined
  // A clause that is only a time: “今天下午5点前，我们会给您回电”.
  let leading: string | undefined
  let afterEvent = false
  for (const clause of clausesZh(sentence)) {
    if (clause.text.length > longest) {
      leading = undefined
      continue
    }
    const masked = clause.text.replace(times, mark)
    // “如果您今天下单，我们会在明天发货” may never apply.
    if (hypothetical.test(masked) || usually.test(masked)) return undefined
    const read = recurring.test(clause.text) ? {promise: false} : readPromise(masked, subject, leading !== undefined)
    subject = read.subject ?? subject
    if (read.promise) return afterEvent || read.afterEvent ? null : leading === undefined ? clause.text : `${leading},${clause.text}`
    leading = onlyTime.test(masked) ? clause.text : undefined
    if (event.test(masked)) afterEvent = true
  }
  return undefined
}

// Whether the sentence is a question: it ends in “?”, “吗” or “呢”, whatever marks follow.
function asks(text: string): boolean {
  let end = text.length
  while (end > 0 && !/[\p{L}\p{N}?]/u.test(text[end - 1])) end--
  return end > 0 && /[?吗呢]/.test(text[end - 1])
}

// The clauses of a sentence, but a time is one piece: “17:00”, “1.5小时” are not split at their mark.
function clausesZh(sentence: Sentence): Clause[] {
  const {text} = joinedText(sentence)
  const clauses: Clause[] = []
  for (const clause of clausesOf(sentence)) {
    const previous = clauses.at(-1)
    if (
      previous &&
      clause.start === previous.end + 1 &&
      /[:.]/.test(text[previous.end]) &&
      /[0-9]$/.test(previous.text) &&
      /^[0-9]/.test(clause.text)
    ) {
      clauses[clauses.length - 1] = {start: previous.start, end: clause.end, text: text.slice(previous.start, clause.end)}
    } else clauses.push(clause)
  }
  return clauses
}

/** Whether a clause (its times marked) promises an action by a time, and the subject it names. */
function readPromise(
  clause: string,
  inherited: Subject | undefined,
  timeBefore: boolean
): {subject?: Subject; promise: boolean; afterEvent?: boolean} {
  let rest = clause.replace(opener, '')
  let timed = timeBefore
  const take = (pattern: RegExp): boolean => {
    const match = pattern.exec(rest)
    if (!match) return false
    rest = rest.slice(match[0].length)
    if (match[0].includes(mark)) timed = true
    return true
  }
  take(fillers)
  const subject: Subject | undefined = take(company) ? 'company' : take(thing) ? 'thing' : customer.test(rest) ? 'customer' : undefined
  const who = subject ?? inherited
  // The customer acts (“您需要在明天之前提交”), or is asked to (请…), wished for, or asked: no promise.
  if (who === 'customer' || /^请|^敬请|^烦请|^麻烦/.test(rest) || wish.test(clause) || asking.test(clause) || hedge.test(clause))
    return {subject, promise: false}
  if (negation.test(clause.replace(/不晚于/g, '')) || done.test(clause)) return {subject, promise: false}
  take(fillers)
  let afterEvent = false
  // “会为您…”, “将于明天给您…”: the benefit to the customer is itself the company acting.
  let serves = false
  if (take(modal)) {
    for (;;) {
      if (take(fillers)) continue
      if (!take(benefactive)) break
      serves = true
    }
    if (!timed) {
      const later = laterTime.exec(rest) ?? eventTime.exec(rest)
      if (!later) return {subject, promise: false}
      afterEvent = later[0].startsWith('后')
      rest = rest.slice(later.index + later[0].length)
      timed = true
    }
  } else {
    // Without 会 / 将 only the company itself, or a clause that does something for the customer: “我们明天给您发货”,
    // “今天下午5点前给您回电” — and not one that is done (“我们今天给您发货了”).
    if (!timed || /了$/.test(clause)) return {subject, promise: false}
    if (!benefactive.test(rest) && !(who === 'company' && deedFirst.test(rest))) return {subject, promise: false}
  }
  if (!timed || !(who === 'thing' ? handled.test(rest) : serves || deed.test(rest))) return {subject, promise: false}
  return {subject, promise: true, afterEvent}
}
