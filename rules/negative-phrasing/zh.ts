/**
 * negative-phrasing in Chinese: the company’s refusals and limits (我们不能 / 无法 / 没办法 / 做不到 /
 * 不支持 / 不提供 / 不允许 / 谢绝 / 改不了 …), but not the customer’s own situation (您无法登录 /
 * 如果您不能…), what the records show (我们无法查到), plans for a limit (如果我们无法修复，…), or
 * good-news and courtesy negatives, which use none of these words (没有隐藏费用 / 不会向您收费 /
 * 请不用担心 / 没问题 / 没货).
 */
import {
  type ChineseCheck,
  type Clause,
  type Sentence,
  alternation,
  clausesOf,
  definePhrases,
  joinedSpan,
  joinedText,
  quote,
  reportJoined,
  sentencesWith,
  startsWord
} from '../kit/index.js'
import triggers from './phrases.zh.json' with {type: 'json'}
import words from './words.zh.json' with {type: 'json'}

/** The Chinese phrase data: candidate sentences for the closer look. */
export const phrasesZh = definePhrases(triggers, 'zh')

// A refusal word (“无法”, “不支持”), a verb that can’t be done (“改不了”), a service refused with a bare 不
// (“这个地区不配送”, “不退不换”, “不给退票”), a limit to some (“仅限新用户”), a scope (“不在保修范围内”),
// no plans or no rights (“没有这个计划”, “没有权限”), a service not opened (“该地区尚未开通”).
const refusal = new RegExp(
  [
    alternation(words.refusals),
    `(?:${alternation(words.refusedVerbs)})不了`,
    `不(?:给(?:您|你)?)?(?:${alternation(words.limitVerbs)})`,
    `不给(?:您|你)?(?:${alternation(words.refusedVerbs)})`,
    alternation(words.onlyLimits),
    `不(?:在|属于)[^,，。]{0,12}?(?:${alternation(words.scopeWords)})`,
    '(?:没有|暂无)(?:这个|这项|此类|相关|这样的|此|[^,，。]{1,12}?的)?(?:计划|打算)',
    '没有(?:这个)?权限|无权',
    `(?:没有|未|尚未|暂未|还没有)(?:${alternation(words.openVerbs)})`,
    `没有(?:这个|这项|此类|这类|相关|该|任何|[^,，。]{1,4}的|上门|线上|线下|人工|电话|夜间|周末|加急|海外)?(?:${alternation(words.serviceNouns)})`,
    `不会(?:给|为)(?:您|你)(?:${alternation(words.limitVerbs)}|${alternation(words.refusedVerbs)})`,
    `不让(?:您|你)?(?:${alternation(words.limitVerbs)}|${alternation(words.refusedVerbs)})`
  ].join('|'),
  'g'
)
// “我们无法退款，但可以为您改签”: the way forward in the same sentence.
const alternative = new RegExp(`(?:但|不过|可是|但是|然而|而是)[^。！？!?]*?(?:${alternation(words.alternatives)})`)
const negatedAlternative = /(?:不|无法|没法)(?:可以|能够|会|为您|帮您|给您)/
const idiom = new RegExp(`^(?:${alternation(words.idioms)})`)
// “我们的标准包装不能…” is about a thing of ours, not what we do: a possessive is no subject.
const companySubject = new RegExp(`(?:${alternation(words.companySubjects)})(?![的们])`, 'g')
const customerSubject = new RegExp(`(?:${alternation(words.customerSubjects)})(?!的|们的)`, 'g')
const conditional = new RegExp(`(?:(?<![例比譬诸])(?:${alternation(words.conditionals)})(?<!如(?=[期下实何今此同意])))`)
const perception = new RegExp(`^(?:在|为您|给您|帮您)?(?:${alternation(words.perceptionVerbs)})`)
const symptom = new RegExp(`^(?:正常)?(?:${alternation(words.symptomVerbs)})`)
// What a thing is like, not what the company does: “包装不能符合您的偏好”, “该型号无法兼容”.
const stative = new RegExp(`^(?:完全|很好地|完全地)?(?:${alternation(words.stativeVerbs)})`)
const question = /[?？吗]$/
const echoes = new RegExp(
  `^(?:也|都|就|真的|确实|实在|是)?(?:(?:${alternation(words.refusedVerbs)})不了|不行|不可以|做不到|办不到|没办法)[哈啊呀哦的了]*$`
)
// “暂时还没法给您确切的修复时间”: an honest no-time-yet, which broken-promises asks for.
const noTimeYet = new RegExp(
  `^(?:给您|(?:为|向|跟)您(?:提供|确定|告知|答复|承诺|预估)|提供|给出|确定|告知|告诉您|答复|承诺|保证|预估|估计|说)[^,，。]{0,8}?(?:${alternation(words.timeNouns)})`
)

// Time words, for “周五之前我们没法见您” → “周五我们可以见您”.
const time =
  '(?:(?:[今明后]天|今晚|明早|本周|这周|下个?(?:周|星期|礼拜)|(?:周|星期|礼拜)[一二三四五六日天]|[0-9一二两三四五六七八九十]+(?:月|日|号|点|时)(?:[0-9一二三四五六七八九十半]+分?)?|上午|下午|中午|早上|晚上|月底|月初|年底|节后)+)'
const before = '(?:之前|以前|前)'
const adverbs = '(?:也|都|暂时|目前|现在|实在|确实|真的|恐怕|可能|还|就|并|均|一律|暂)*'
const negations = '(?:没法|没办法|没有办法|无法|不能|不可以)'
const timeFirst = new RegExp(`^(?<time>${time})${before}[,，]?(?<subject>我们|我)${adverbs}${negations}(?:在)?(?<rest>.+)$`)
const subjectFirst = new RegExp(`^(?<subject>我们|我)${adverbs}(?:在)?(?<time>${time})${before}${adverbs}${negations}(?<rest>.+)$`)
const negationFirst = new RegExp(`^(?<subject>我们|我)${adverbs}${negations}(?:在)?(?<time>${time})${before}(?<rest>.+)$`)

const note = 'Lead with what the company can do, and when; a refusal first reads as a closed door.'

/** Check the Chinese sentences that the phrase data found (`sentencesWith` gives each once). */
export const checkChinese: ChineseCheck = (tree, file) => {
  for (const sentence of sentencesWith(tree, file, phrasesZh)) checkSentence(sentence, file)
}

function checkSentence(sentence: Sentence, file: Parameters<typeof reportJoined>[0]): void {
  let flagged = false
  for (const clause of clausesOf(sentence)) {
    if (question.test(clause.text)) continue
    // “这个座位不能改，改不了”: the echo is part of the refusal already flagged.
    const echo = flagged && echoes.test(clause.text)
    flagged = false
    if (echo) continue
    refusal.lastIndex = 0
    for (let found = refusal.exec(clause.text); found; found = refusal.exec(clause.text)) {
      const at = found.index
      const rest = clause.text.slice(at)
      const after = clause.text.slice(at + found[0].length)
      if (!startsWord(sentence, clause.start + at) && !/不了$/.test(found[0])) continue
      if (idiom.test(rest) || /^不行了?$/.test(rest) || isCourtesy(clause.text.slice(0, at), after)) continue
      const head = clause.text.slice(0, at)
      if (conditional.test(head)) break
      if (perception.test(after) || noTimeYet.test(after)) continue
      const subject = subjectOf(head)
      if (subject === 'customer') break
      if (subject !== 'company' && (symptom.test(after) || stative.test(after))) break
      flag(sentence, clause, spanStart(head), file, offersAlternative(sentence, clause))
      flagged = true
      break
    }
  }
}

// “不能让您久等”, “请您不要”: a negative that serves the customer.
function isCourtesy(head: string, after: string): boolean {
  return /^让?(?:您|你)(?:久等|失望|白跑|担心|受委屈)/.test(after) || /请$/.test(head)
}

// Who the clause is about, from the last subject before the refusal: “您的订单我们无法修改” is the company.
function subjectOf(head: string): 'company' | 'customer' | undefined {
  let company = -1
  let customer = -1
  for (const match of head.matchAll(companySubject)) company = match.index
  for (const match of head.matchAll(customerSubject)) {
    // “为您”, “给您”, “帮您”: the customer is the one served, not the subject.
    if (!/[为给帮替向对让跟和与]$/.test(head.slice(0, match.index))) customer = match.index
  }
  if (company < 0 && customer < 0) return undefined
  return company > customer ? 'company' : 'customer'
}

// The flagged span starts at the company subject, or at the clause start when what comes before the
// refusal is short (“这是不允许的”, “目前航班无法改签”), else at the refusal itself.
function spanStart(head: string): number {
  let start = -1
  for (const match of head.matchAll(companySubject)) {
    start = match.index
    break
  }
  if (start >= 0) return start
  return head.length <= 6 ? 0 : head.length
}

// The rest of the sentence after the clause, or the clause before it when it leads (“您可以…，但我们不能…”).
function offersAlternative(sentence: Sentence, clause: Clause): boolean {
  const text = joinedText(sentence).text
  const after = text.slice(clause.end)
  const found = alternative.exec(after)
  if (found && !negatedAlternative.test(found[0])) return true
  const before = text.slice(0, clause.start)
  return /(?:但|不过|可是|但是)[,，]?$/.test(before) || /^(?:但|不过|可是|但是)/.test(clause.text)
    ? /可以|能够|(?<!不)能/.test(before) && !negatedAlternative.test(before)
    : false
}

function flag(sentence: Sentence, clause: Clause, from: number, file: Parameters<typeof reportJoined>[0], softened = false): void {
  const source = file.data.tactful?.source ?? String(file.value)
  const whole = joinedSpan(sentence, clause.start, clause.end)
  const positive = positiveForm(source.slice(whole.start, whole.end))
  // A positive form rewrites the whole clause, so the span takes it all.
  const start = clause.start + (positive ? 0 : from)
  reportJoined(file, sentence, start, clause.end, {
    reason: (actual) => {
      if (positive) return `${quote(actual)} leads with what you can’t do; try ${quote(positive)}`
      if (softened) return `${quote(actual)} comes before what you can do; lead with the alternative you offer`
      return `${quote(actual)} tells the customer what you won’t do; say what you can do instead`
    },
    expected: () => (positive ? [positive] : []),
    note,
    safe: positive !== undefined,
    severity: softened ? 'info' : undefined
  })
}

/**
 * “周五之前我们没法见您” → “周五我们可以见您”: a limit with a time says the same as the time it becomes
 * possible. Returns undefined when the clause has no such form.
 */
function positiveForm(clause: string): string | undefined {
  const match = timeFirst.exec(clause) ?? subjectFirst.exec(clause) ?? negationFirst.exec(clause)
  if (!match?.groups) return undefined
  const {time: when, subject, rest} = match.groups
  if (!rest || /^[,，]/.test(rest)) return undefined
  return `${when}${subject}可以${rest}`
}
