/**
 * blame-shifting in Chinese: disowning the problem (不是我们的错 / 不归我们负责), blaming the customer
 * (您应该正确使用 / 是您使用不当造成的 / 您一定是输错了), a third party (是快递公司的问题，请您联系他们),
 * excuses (我们人手不够，所以才…), policy as the reason for a refusal (这是公司规定，无法退款) and
 * impatience (我已经说过了). Not: clearing the customer (这不是您的错), owning it (是我们发错了货),
 * an expectation (您应该会在三个工作日内收到) or the customer’s own situation (如果您没有收到).
 */
import {
  type ChineseCheck,
  type Clause,
  type Sentence,
  alternation,
  clausesOf,
  definePhrases,
  joinedText,
  quote,
  reportJoined,
  sentencesWith
} from '../kit/index.js'
import triggers from './phrases.zh.json' with {type: 'json'}
import classes from './classes.zh.json' with {type: 'json'}
import words from './words.zh.json' with {type: 'json'}

// The word classes of the shapes (classes.zh.json) are cues for the cheap pass too.
const cues = [
  ...classes['parties.words'],
  ...classes['household.words'],
  ...classes['faultVerbs.words'],
  ...classes['causes.reasons'],
  ...classes['causes.results'],
  ...classes['counterfactual.spared'],
  ...classes['disowning.decide'],
  ...classes['disowning.victims'],
  ...classes['disowning.only'],
  ...classes['referral.verbs'],
  ...classes['rulebook.policies'],
  ...classes['rulebook.refusals'],
  ...classes['workload.few'],
  ...classes['workload.volume'],
  ...classes['guesses.words'],
  ...classes['reminders.verbs']
]

/** The Chinese phrase data: candidate sentences for the closer look. */
export const phrasesZh = definePhrases([...triggers, ...cues.map((phrase) => ({phrase}))], 'zh')

const ours = alternation([...words.ours, ...classes['disowning.ours']])
const faults = alternation(words.faults)
const parties = alternation([...words.thirdParties, ...words.colleagues, ...classes['parties.words']])
const household = alternation(classes['household.words'])
const han = '[\\u4e00-\\u9fff]'
const you = '(?:您|你)'
const conditional = /(?:(?<![例比譬诸])如(?![期下实何今此同意])|如果|假如|若|万一|要是|一旦|是否|即使|哪怕)/

/** A kind of blame, the pattern that finds it in a clause, and how to talk about it. */
interface Kind {
  pattern: RegExp
  reason: (actual: string) => string
  /** The span runs on to the end of the clause. */
  toClauseEnd?: boolean
  /** Not in a clause that states a condition (“如果您没有按照说明操作，…” plans for it). */
  notConditional?: boolean
  /** Only when the sentence also refuses something (policy as the reason for a refusal). */
  needsRefusal?: boolean
  /** Only when the match is not cleared by a negation before it (“这不是您的问题”). */
  notNegated?: boolean
  /**
   * When the match opens its clause, the clause before it belongs to the same statement:
   * “噪音是隔壁客人造成的，跟我们无关”, “怪系统，不怪我们”.
   */
  withClauseBefore?: boolean
}

const disown = (actual: string) => `${quote(actual)} disowns the problem; own it and say what you will do`
const onCustomer = (actual: string) => `${quote(actual)} puts the fault on the customer; say what happened and what you will do`
const elsewhere = (actual: string) => `${quote(actual)} shifts the blame to someone else; own the problem for the customer`

const kinds: Kind[] = [
  {
    // “…，不是我”, “…，不怪我们”, “…，跟我们酒店无关”: someone else, not us.
    pattern: new RegExp(
      `^(?:而|但)?(?:不是|并不是|并非)(?:${ours})(?:[\\u4e00-\\u9fff]{0,3}?的(?:${faults}))?$` +
        `|^(?:而|但)?(?:不|不能|别|也不)(?:怪|赖)(?:${ours})` +
        `|^(?:这|那|此事|这件事)?(?:与|和|跟|同)(?:${ours})(?:[\\u4e00-\\u9fff]{0,3}?)(?:无关|没关系|没有关系|没有任何关系|毫无关系|没什么关系)`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} points the finger elsewhere; the customer only needs it put right`,
    toClauseEnd: true,
    withClauseBefore: true
  },
  {
    // “不是我们的错”, “这并不是我们这边的问题”, “并非本店的责任”.
    pattern: new RegExp(
      `(?:不是|不算|并非|不属于|并不是|根本不是|真的不是|确实不是)(?:${ours})(?:[\\u4e00-\\u9fff]{0,3}?)的?(?:${faults})`,
      'g'
    ),
    reason: disown
  },
  {
    // “不归我们客服负责”, “这不由我们负责”, “不在我们的责任范围内”.
    pattern: new RegExp(
      `(?:不归|不由|不属于|不在)(?:${ours})(?:[\\u4e00-\\u9fff]{0,4}?)(?:负责|管|处理|管辖|的?责任范围|的?职责范围|的?负责范围|的?服务范围)`,
      'g'
    ),
    reason: disown,
    toClauseEnd: true
  },
  {
    // “与我们无关”, “跟我们没关系”, “不关我们的事”.
    pattern: new RegExp(
      `(?:与|和|跟|同)(?:${ours})(?:[\\u4e00-\\u9fff]{0,3}?)(?:无关|没关系|没有关系|没有任何关系|毫无关系|没什么关系)|不关(?:${ours})的?事|(?:不|不能|别)(?:怪|赖)(?:${ours})`,
      'g'
    ),
    reason: disown
  },
  {
    // “我们不承担责任”, “本店概不负责”.
    pattern: new RegExp(`(?:${ours})(?:对此|对这个|在这方面)?(?:不|概不|不会|无法|不能|不予)(?:承担|负)(?:任何)?(?:责任)?|概不负责`, 'g'),
    reason: disown,
    toClauseEnd: true
  },
  {
    // “您应该正确使用”, “你应该正确地使用它”, “您应该先核对收款账号再转账”, “您本应提前确认” — not “您应该会收到”.
    pattern: new RegExp(
      `${you}(?:自己|当初|之前|本来|当时)?(?:本应|本该|早该|早就应该|当初就?应该|理应|应该早点|应该早些|应该事先)` +
        `|${you}(?:自己|当初|之前|本来|当时|[\\u4e00-\\u9fff]{1,4}?(?:前|时|之前|的时候))?(?:应该|应当)(?:${alternation(words.lecture)})`,
      'g'
    ),
    reason: onCustomer,
    toClauseEnd: true,
    notConditional: true
  },
  {
    // “是您使用不当造成的”, “由于您操作失误”, “您一定是输错了密码”.
    pattern: new RegExp(
      `(?:是|因为|由于|属于|系)${you}(?:自己|本人)?(?:的)?(?:[\\u4e00-\\u9fff]{0,4}?)(?:${alternation(words.customerMistakes)})(?:造成|导致|引起|所致)?(?:的)?` +
        `|${you}(?:自己)?(?:一定|肯定|准|估计|应该|可能|大概)是(?:自己)?(?:[\\u4e00-\\u9fff]{0,4}?)(?:${alternation(words.customerMistakes)})` +
        `|${you}(?:自己)?(?:一定|肯定|准|估计|大概)是(?:自己)?(?:没有?|未|忘)[\\u4e00-\\u9fff]{1,6}` +
        `|${you}(?:自己)?(?:的)?(?:使用|操作|填写|输入|保管)(?:不当|失误|错误|有误)(?:造成|导致|引起|所致)?的?`,
      'g'
    ),
    reason: onCustomer,
    notConditional: true
  },
  {
    // “您没有按照说明操作”, “您没仔细看说明书” — not “您没有收到”.
    pattern: new RegExp(`${you}(?:自己)?(?:没有|没|未|并没有|并未)(?:按照|按|仔细|认真|好好|看清|注意|阅读|遵守|遵循)`, 'g'),
    reason: onCustomer,
    toClauseEnd: true,
    notConditional: true
  },
  {
    // “都怪您”, “这是您自己的问题” — not “这不是您的错”.
    pattern: new RegExp(
      `(?:都|全)?(?:怪|赖)${you}(?:自己)?|(?:这|那)?(?:是|属于|都是)${you}(?:自己)?的(?:错|问题|责任|过错|过失|失误)`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} blames the customer; describe what happened without fault`,
    notNegated: true
  },
  {
    // “是快递公司的问题”, “这属于物流方面的原因”, “都是系统的错”, “怪系统”, “是我同事把…登记错了”.
    pattern: new RegExp(
      `(?:是|属于|都是|完全是|主要是|应该是|其实是|在于)(?:${parties})(?:那边|方面|那里|方|部门)?的?(?:${faults})` +
        `|(?:都|全|只能|要)?(?:怪|赖)(?:${parties})` +
        `|(?:是|都是|因为|由于)(?:${alternation(words.colleagues)})(?:把|将)?[\\u4e00-\\u9fff]{0,12}?(?:弄错|搞错|登记错|写错|填错|输错|发错|录错|操作错|错了|失误|疏忽|忘了|漏了)`,
      'g'
    ),
    reason: elsewhere,
    notNegated: true
  },
  {
    // “请您直接联系他们索赔”, “您自行联系快递公司” — sending the customer away.
    pattern: new RegExp(
      `(?:请|麻烦)?${you}?(?:直接|自行|自己)(?:去|再)?(?:联系|找|咨询|联络|致电)(?:${parties})(?:索赔|处理|解决|理赔|协商|沟通|投诉)?` +
        `|(?:请|麻烦)?${you}?(?:去|再)?(?:联系|找|咨询|联络|致电)(?:他们|对方)(?:索赔|处理|解决|理赔|协商|沟通|投诉)?` +
        `|(?:请|麻烦)?${you}?(?:去|再)?(?:联系|找|咨询|联络|致电)(?:${parties})(?:索赔|理赔|投诉)` +
        `|${you}?(?:直接|自己|自行)?(?:去)?找(?:${parties})(?:去|吧)` +
        `|${you}(?:得|只能|还得|要|需要)(?:自己)?去(?:找|联系)(?:${parties})`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} sends the customer away; offer to contact them yourself`
  },
  {
    // “这是公司规定” as the reason for a refusal.
    pattern: new RegExp(
      `(?:这|那)?(?:是|属于|根据|按照|依照|依据|按|因为|由于|出于)?(?:${alternation([...words.policies, ...classes['rulebook.policies']])})`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} hides behind policy; explain the reason, or what you can offer instead`,
    needsRefusal: true
  },
  {
    // “我已经说过了”, “如我上一封邮件所说”.
    pattern:
      /(?:我|我们)(?:之前|上次|刚才|已经|早就|早已|刚刚|都)+(?:跟您|和您|向您|给您|跟你|和你|对您)?(?:说|讲|解释|告诉|说明|强调|提醒)(?:过|了)(?:您|你)?(?:很多|好几|两|三|多)?(?:遍|次)?|(?:正如|如同|就像|如)(?:我|我们)(?:在)?(?:之前|上次|刚才|已经|上一封|上封)(?:的)?(?:邮件|回复|信息|消息)?(?:中|里)?(?:所说|所述|说过|讲过|提到)(?:的)?/g,
    reason: (actual) => `${quote(actual)} sounds impatient with the customer; restate the point kindly instead`
  },
  {
    // Disowning in other words: “这个真的不是我们这边能决定的”, “我们这边也是受害者”, “是主办方负责的”, “我们只负责售票”.
    pattern: new RegExp(
      `(?:不是|并非|不归|不由)(?:${ours})(?:能|可以|所能|能够)?(?:${alternation(classes['disowning.decide'])})` +
        `|(?:${ours})(?:${alternation(classes['disowning.victims'])})` +
        `|(?:是|归|由)(?:${parties})(?:那边|方面|那里)?(?:负责|管|处理|决定|做主)的` +
        `|(?:${ours})(?:${alternation(classes['disowning.only'])})`,
      'g'
    ),
    reason: disown,
    toClauseEnd: true,
    // “…引起的，我们这边也是受害者”: one statement with the cause before it.
    withClauseBefore: true
  },
  {
    // Guessing someone else did it: “八成是孩子玩游戏的时候点了充值”.
    pattern: new RegExp(`(?:${alternation(classes['guesses.words'])})(?:是)?(?:${parties}|${household})`, 'g'),
    reason: (actual) => `${quote(actual)} guesses at someone else’s fault; say what you know and what you will do`,
    toClauseEnd: true,
    notConditional: true
  },
  {
    // Sending elsewhere: “您得去问一下您的发卡银行”.
    pattern: new RegExp(
      `${you}(?:${alternation(classes['referral.musts'])})(?:自己)?(?:去|再)?(?:${alternation(classes['referral.verbs'])})(?:一下)?(?:${you}的)?(?:${parties})`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} sends the customer away; offer to contact them yourself`
  },
  {
    // Workload: “客服只有两个人在线”, “咨询量较大”.
    pattern: new RegExp(`(?:${alternation(classes['workload.few'])}|${alternation(classes['workload.volume'])})`, 'g'),
    reason: (actual) => `${quote(actual)} is an excuse about your workload; the customer needs an apology and a fix`,
    toClauseEnd: true
  },
  {
    // Reminders with no “I”: “上次电话里已经告知您”.
    pattern: new RegExp(
      `(?:${alternation(classes['reminders.when'])})(?:${alternation(classes['reminders.where'])})?(?:已经|已|都)?(?:${alternation(classes['reminders.verbs'])})(?:过)?(?:您|你)`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} sounds impatient with the customer; restate the point kindly instead`
  }
]

const refusal = new RegExp(alternation([...words.refusals, ...classes['rulebook.refusals']]))
const excuse = new RegExp(`(?:${alternation(words.excuses)})`)
const because = new RegExp(`(?:${alternation(words.because)})`)
const negated = /(?:不是|并非|不算|没有|不|并不是|绝不是)$/

const note = 'Own the problem: say sorry, say what you will do, and leave out whose fault it was.'

/** Check the Chinese sentences that the phrase data found (`sentencesWith` gives each once). */
export const checkChinese: ChineseCheck = (tree, file) => {
  for (const sentence of sentencesWith(tree, file, phrasesZh)) checkSentence(sentence, file)
}

function checkSentence(sentence: Sentence, file: Parameters<typeof reportJoined>[0]): void {
  const flagged: Array<[number, number]> = []
  const add = (from: number, to: number, reason: (actual: string) => string) => {
    if (flagged.some(([start, end]) => from < end && start < to)) return
    flagged.push([from, to])
    reportJoined(file, sentence, from, to, {reason, note})
  }
  const clauses = clausesOf(sentence)
  const text = joinedText(sentence).text

  // An excuse: “我们人手不够，所以才耽误了发货” — from the excuse to the end of the sentence.
  const excuseAt = text.search(excuse)
  if (excuseAt >= 0 && because.test(text.slice(excuseAt))) {
    const clause = clauseAt(clauses, excuseAt)
    if (clause)
      add(clause.start, lastClauseEnd(clauses), (actual) => `${quote(actual)} is an excuse; the customer needs an apology and a fix`)
  }

  for (const kind of kinds) {
    if (kind.needsRefusal && !refusal.test(text)) continue
    for (const clause of clauses) {
      if (kind.notConditional && conditional.test(clause.text)) continue
      kind.pattern.lastIndex = 0
      for (let found = kind.pattern.exec(clause.text); found; found = kind.pattern.exec(clause.text)) {
        if (kind.notNegated && negated.test(clause.text.slice(0, found.index))) continue
        const previous = clauses[clauses.indexOf(clause) - 1]
        const from = kind.withClauseBefore && found.index === 0 && previous ? previous.start : clause.start + found.index
        const to = kind.toClauseEnd ? clause.end : clause.start + found.index + found[0].length
        add(from, to, kind.reason)
      }
    }
  }
  // After the kinds: a cause they already took in (“…造成的，不是我们的责任”) is not flagged twice.
  checkSpans(sentence, clauses, add)
}

// Shapes that run across clauses: a cause in one clause, the customer's problem in the next.
interface Span {
  pattern: RegExp
  reason: (actual: string) => string
  /** Also take in the clause after the one the match ends in (the consequence). */
  nextClause?: boolean
  /** Start at the start of the clause the match starts in (“断网是上游运营商…引起的”). */
  fromClauseStart?: boolean
  /** Only when a link word (所以, 导致 …) follows the match. */
  linked?: boolean
  /** On to the end of the clause the match ends in. */
  toClauseEnd?: boolean
}

const named = (actual: string) => `${quote(actual)} names someone else as the cause; the customer needs the problem owned and fixed`

const spans: Span[] = [
  {
    // “由于系统原因，您的订单没能按时发出”.
    pattern: new RegExp(
      `(?:${alternation(classes['causes.leads'])})(?:${parties})(?:方面|那边|这边)?的?(?:${alternation(classes['causes.reasons'])})`,
      'g'
    ),
    reason: named,
    nextClause: true
  },
  {
    // “…是支付渠道重复扣款导致的”, “断网是上游运营商的线路故障引起的”.
    pattern: new RegExp(`(?:是|因为|由于)(?:${parties})${han}{0,12}?(?:${alternation(classes['causes.results'])})`, 'g'),
    reason: named,
    fromClauseStart: true
  },
  {
    // “厂家那边发错了颜色，所以您收到的是灰色款”.
    pattern: new RegExp(`(?:${parties})(?:那边|方面|那里)?${han}{0,6}?(?:${alternation(classes['faultVerbs.words'])})`, 'g'),
    reason: named,
    fromClauseStart: true,
    nextClause: true,
    linked: true
  },
  {
    // “如果您当时按说明书先充满电，耳机就不会出现这个问题了”.
    pattern: new RegExp(
      `(?:${alternation(classes['counterfactual.ifs'])})${you}(?:${alternation(classes['counterfactual.past'])})[^。！？!?]{0,30}?(?:${alternation(classes['counterfactual.spared'])})`,
      'g'
    ),
    reason: (actual) => `${quote(actual)} implies the customer caused this; say what will fix it`,
    toClauseEnd: true
  }
]

const link = new RegExp(alternation(classes['causes.links']))

function checkSpans(
  sentence: Sentence,
  clauses: Clause[],
  add: (from: number, to: number, reason: (actual: string) => string) => void
): void {
  const {text} = joinedText(sentence)
  for (const span of spans) {
    span.pattern.lastIndex = 0
    for (let found = span.pattern.exec(text); found; found = span.pattern.exec(text)) {
      const end = found.index + found[0].length
      if (span.linked && !link.test(text.slice(end))) continue
      const first = clauseAt(clauses, found.index)
      let last = clauseAt(clauses, end - 1)
      if (span.nextClause && last) last = clauses[clauses.indexOf(last) + 1] ?? last
      const from = span.fromClauseStart && first ? first.start : found.index
      const to = span.nextClause || span.fromClauseStart || span.toClauseEnd ? Math.max(end, last?.end ?? end) : end
      add(from, to, span.reason)
    }
  }
}

function clauseAt(clauses: Clause[], index: number): Clause | undefined {
  return clauses.find((clause) => clause.start <= index && index < clause.end)
}

function lastClauseEnd(clauses: Clause[]): number {
  return clauses[clauses.length - 1]?.end ?? 0
}
