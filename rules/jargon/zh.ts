/**
 * jargon in Chinese: support and corporate jargon (工单升级, 二线, 走流程, 对接, 拉通, 对齐, 闭环, 赋能,
 * 抓手, 颗粒度) and English abbreviations the reply does not explain (SLA, RMA). Not: everyday words
 * that hold a jargon term (二线城市, 针对接下来, 升级 meaning an upgrade), everyday abbreviations (App,
 * ID, Wi-Fi, PDF), or an abbreviation the reply explains (“RMA（退货授权号）”, “SLA即服务承诺时限”).
 */
import {
  type ChineseCheck,
  type PhraseMatch,
  PhraseMatcher,
  type ReplyContext,
  alternation,
  definePhrases,
  findPhrases,
  joinedText,
  sentencesOf
} from '../kit/index.js'
import common from './common-abbreviations.json' with {type: 'json'}
import everyday from './everyday.json' with {type: 'json'}
import englishData from './phrases.json' with {type: 'json'}
import data from './phrases.zh.json' with {type: 'json'}
import words from './words.zh.json' with {type: 'json'}

interface Entry {
  phrase: string
  suggestions: string[]
  note?: string
  /** Only in capitals: “KB” is jargon, “kb” may be a size. */
  caps?: boolean
}

const phrases = definePhrases<Entry>(data, 'zh')
const everydayWords = new Set<string>([...everyday, ...common.words, ...words.everyday])

// “二线城市”, “退居二线”: second-tier, not second-line support.
const secondLineAfter = new RegExp(`^(?:${alternation(words.afterSecondLine)})`)
// “升级会员”, “系统升级处理中”, “升级到最新版本”: an upgrade, not an escalation.
const upgradeNear = new RegExp(`(?:${alternation(words.upgradeObjects)})`)
// Three to five capitals, maybe with a version digit (“FTTH”, “SMETS2”); six are booking codes. Four or five
// capitals said as a word (“NOMI”) are names. Two capitals are too often units and initials to judge.
const abbreviation = /^(?:[A-Z]{3,5}s?|[A-Z]{3,5}\d{1,2})$/
const saidAsWord = (word: string) => word.length >= 4 && (word.match(/[AEIOUY]/g)?.length ?? 0) > 1
// “打通线上线下的会员体系”: joining systems, not getting through on the phone.
const joinsSystems = /^(?:线上|线下|.{0,8}(?:体系|系统|数据|渠道|平台|流程|链路|壁垒|部门))/
// “把膜和屏幕边缘对齐”: lining up, not agreeing.
const linesUp = /(?:边缘|屏幕|边框|位置|图片|文字|孔|膜|贴|居中|左|右|上下|格式)/
let english: PhraseMatcher | undefined
let englishReady = false

/** What the rule shares with its Chinese closer look. */
export interface JargonTools {
  /** Flag `[start, end)` with suggestions; overlapping findings are dropped. */
  add: (start: number, end: number, suggestions: string[], note?: string) => void
  /** Glossary terms the team allows, normalized. */
  allowed: Set<string>
  /** Abbreviations the reply spells out; the Chinese ways of spelling one out are added to it. */
  defined: Set<string>
  /** English words, to tell an abbreviation (“KYC”) from a word in capitals (“FREE”). */
  dictionary: ReadonlySet<string>
}

/** Check the Chinese sentences: jargon from the phrase data, then unexplained abbreviations. */
export const checkChinese: ChineseCheck<JargonTools> = (tree, file, context, tools) => {
  const sentences = sentencesOf(tree, file).filter((sentence) => sentence.lang === 'zh')
  if (sentences.length === 0) return
  const source = context.source
  addChineseDefinitions(replyText(context), tools.defined)
  const matches = [...findPhrases(tree, file, phrases)].sort((a, b) => a.start - b.start || b.end - a.end)
  for (const match of matches) {
    const actual = source.slice(match.start, match.end)
    if (match.entry.caps && actual !== actual.toUpperCase()) continue
    if (tools.allowed.has(match.entry.phrase) || tools.defined.has(actual.toUpperCase().replace(/S$/, ''))) continue
    if (isEveryday(match)) continue
    const {start, end} = exactSpan(match)
    tools.add(start, end, match.entry.suggestions, match.entry.note)
  }
  // English jargon typed inside a Chinese sentence (“我们明天 touch base 一下”), with its English advice.
  english ??= new PhraseMatcher('en')
  if (!englishReady) {
    english.add({entries: englishData as Entry[], lang: 'en'})
    englishReady = true
  }
  english.run(sentences, (_set, match) => {
    const entry = match.entry as Entry
    const tokens = match.sentence.tokens.slice(match.from, match.to)
    if (!tokens.every((token) => /^[\p{Script=Latin}\p{N}'’.&-]+$/u.test(token.raw))) return
    const actual = source.slice(match.start, match.end)
    if (entry.caps && actual !== actual.toUpperCase()) return
    if (tools.allowed.has(entry.phrase) || tools.defined.has(actual.toUpperCase().replace(/S$/, ''))) return
    tools.add(match.start, match.end, entry.suggestions ?? [], entry.note)
  })
  const extra = new Set((context.settings.abbreviations ?? []).map((word) => word.toLowerCase()))
  const unknown = sentences.flatMap((sentence) =>
    sentence.tokens.filter((token, index) => {
      if (token.punctuation || !abbreviation.test(token.raw)) return false
      // “PEK-SHA”, “PEK至SHA”: airport codes in a route are the customer’s own itinerary.
      const near = [sentence.tokens[index - 2], sentence.tokens[index + 2], sentence.tokens[index - 1], sentence.tokens[index + 1]]
      if (near.some((other) => other && /^[A-Z]{3}$/.test(other.raw))) return false
      const singular = token.raw.replace(/s$/, '')
      const lower = singular.toLowerCase()
      if (saidAsWord(singular.replace(/\d+$/, ''))) return false
      return (
        !everydayWords.has(lower) &&
        !everydayWords.has(lower.replace(/\d+$/, '')) &&
        !everydayWords.has(token.raw.toLowerCase()) &&
        !extra.has(lower) &&
        !tools.allowed.has(lower) &&
        !tools.defined.has(singular)
      )
    })
  )
  if (unknown.length === 0) return
  for (const token of unknown) if (!tools.dictionary.has(token.raw.toLowerCase())) tools.add(token.start, token.end, [])
}

// The phrase may start or end inside a token that a segmenter glued to a neighbour: flag the phrase only.
function exactSpan(match: PhraseMatch<Entry>): {start: number; end: number} {
  const {sentence} = match
  const joined = joinedText(sentence)
  const phrase = match.entry.phrase
  const from = joined.text.indexOf(phrase, joined.starts[match.from])
  if (from < 0) return {start: match.start, end: match.end}
  const first = sentence.tokens[match.from]
  const last = sentence.tokens[match.to - 1]
  const exact = (token: typeof first) => token.norm.length === token.end - token.start
  const start = exact(first) ? first.start + (from - joined.starts[match.from]) : match.start
  const endIndex = from + phrase.length
  const end = exact(last) ? last.start + (endIndex - joined.starts[match.to - 1]) : match.end
  return {start, end}
}

// Everyday words that hold a jargon term.
function isEveryday(match: PhraseMatch<Entry>): boolean {
  const joined = joinedText(match.sentence)
  const from = joined.text.indexOf(match.entry.phrase, joined.starts[match.from])
  if (from < 0) return false
  const to = from + match.entry.phrase.length
  const before = joined.text.slice(Math.max(0, from - 4), from)
  const after = joined.text.slice(to, to + 6)
  if (match.entry.phrase.startsWith('二线') || match.entry.phrase === '三线') return secondLineAfter.test(after) || /退居$/.test(before)
  if (match.entry.phrase === '打通') return !joinsSystems.test(joined.text.slice(to, to + 12)) || /电话/.test(before)
  if (match.entry.phrase === '对齐') return linesUp.test(joined.text.slice(Math.max(0, from - 8), from))
  if (match.entry.phrase === '挂起') return /电话|手机/.test(before)
  // “跟技术团队 sync 一下” is the agent's own step with colleagues; “sync 给您” hands the customer the jargon.
  if (match.entry.phrase === 'sync') return /[跟和与]/.test(joined.text.slice(Math.max(0, from - 8), from))
  if (match.entry.phrase.includes('升级'))
    return upgradeNear.test(before) || upgradeNear.test(after.replace(/^(?:到|至|为|成)/, '').slice(0, 4))
  return false
}

/** Abbreviations spelled out the ways Chinese replies do: “RMA（退货授权号）”, “退货授权号（RMA）”, “SLA即…”, “所谓SLA”. */
export function addChineseDefinitions(text: string, defined: Set<string>): void {
  for (const match of text.matchAll(/([A-Z][A-Za-z0-9&]{1,7}?)s?\s*[（(][^()（）]{2,}[)）]/g)) defined.add(match[1].toUpperCase())
  for (const match of text.matchAll(/[（(]\s*([A-Z][A-Za-z0-9&]{1,7})\s*[)）]/g)) defined.add(match[1].toUpperCase().replace(/S$/, ''))
  for (const match of text.matchAll(
    /([A-Z][A-Z0-9&]{1,7})\s*[,，]?\s*(?:即|也就是|就是|是指|指的是|意思是|的意思是|全称|代表|是.{1,12}的(?:缩写|简称)|(?:是|指)\s*[“"「『])/g
  ))
    defined.add(match[1])
  for (const match of text.matchAll(/所谓的?\s*([A-Z][A-Z0-9&]{1,7})/g)) defined.add(match[1])
}

function replyText(context: ReplyContext): string {
  return context.regions
    .filter((region) => region.kind === 'body' || region.kind === 'greeting')
    .map((region) => context.source.slice(region.start, region.end))
    .join('\n')
}
