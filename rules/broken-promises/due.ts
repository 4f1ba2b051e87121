/**
 * When a commitment is due. The date parser is loaded on first use only, since most replies
 * have no commitment to resolve.
 */

type Chrono = typeof import('chrono-node')
type Parsed = ReturnType<Chrono['parse']>
let chrono: Promise<Chrono> | undefined

/**
 * The ISO 8601 date-time a sentence promises something by, resolved against `now`;
 * `null` when it names no date; `undefined` when it names no time at all (not a concrete commitment).
 */
export async function resolveDue(text: string, now: Date): Promise<string | null | undefined> {
  const working = /\bwithin (\d{1,2}) (?:business|working) days?\b/i.exec(text)
  if (working) return addWorkingDays(now, Number(working[1])).toISOString()
  // “Later this week”, “by the end of the week”: the working week ends on Friday.
  if (/\b(?:this|the) week\b/i.test(text) && !/\b(?:next|last|every|each|a|per) week\b/i.test(text)) {
    const friday = new Date(now)
    friday.setDate(friday.getDate() + ((5 - friday.getDay() + 7) % 7))
    friday.setHours(23, 59, 59, 0)
    return friday.toISOString()
  }
  chrono ??= import('chrono-node')
  const {parse} = await chrono
  // “By close of business tomorrow” is kept by 17:00 that day; “by end of day” by the end of it.
  const dayEnd = dayEnds.exec(text)
  const plain = dayEnd ? text.replace(dayEnds, ' ') : text
  const results = parse(plain, now, {forwardDate: true})
  if (dayEnd) {
    const day = results.find((result) => result.start.isCertain('day') || result.start.isCertain('weekday'))
    const date = day ? (day.end ?? day.start).date() : new Date(now)
    if (/business|working|cob/i.test(dayEnd[0])) date.setHours(17, 0, 0, 0)
    else date.setHours(23, 59, 59, 0)
    return date.toISOString()
  }
  if (results.length === 0) return undefined
  // A part of the day with no clock: a morning is kept by noon, an afternoon by 18:00.
  return dueOf(results, /\bmorning\b/i.test(text) ? 12 : /\bafternoon\b/i.test(text) ? 18 : undefined)
}

const dayEnds = /\b(?:(?:the )?(?:close|end) of (?:the )?(?:business |working )?day|eod|cob|close of business|end of business)\b/i

const han = '[0-9零〇一二两三四五六七八九十]{1,3}'
// “3个工作日内”, “3-5个工作日内” (the later end is the promise).
const workingZh = new RegExp(`(?:${han}[-~到至])?(${han})个?工作日(?:之|以)?内`)
// “24小时内”, “1.5小时内”, “一个半小时内”, “30分钟内”: counted here, since the parser misreads “1.5小时” as 5 hours.
const hoursZh = new RegExp(`(?:${han}[-~到至])?(${han}(?:\\.[0-9])?|半)个?(半)?(小时|钟头|分钟)(?:之|以)?内`)
// A part of the day with no clock: the parser reads “周五下午” as this afternoon, so it is left out.
const clocklessPart = /(?:上午|中午|下午|傍晚|晚上|晚间|凌晨|早上|早晨)(?![0-9一二两三四五六七八九十])/g
// 中午 is noon, and a morning ends there: “明天上午给您回电” is kept by 12:00.
const byNoon = /(?:上午|中午|早上|早晨|今早|明早)(?![0-9一二两三四五六七八九十])/
// “5点前给您回复”: at work, 1 to 6 o'clock with no part of the day is the afternoon, not the small hours.
const bareHour = /(?<![0-9一二两三四五六七八九十]|上午|中午|下午|傍晚|晚上|晚间|凌晨|早上|早晨|今早|明早|今晚|明晚)([1-6一二两三四五六])点/g

/**
 * The same for a Chinese commitment, read with the parser's Simplified Chinese locale: “3个工作日内”
 * skips weekends like “within 3 working days”, and “月底” is the last day of the month.
 * `null` when the time can't be resolved (“下周”).
 */
export async function resolveDueZh(text: string, now: Date): Promise<string | null> {
  const working = workingZh.exec(text)
  if (working) {
    const days = numberOf(working[1])
    return days > 0 ? addWorkingDays(now, days).toISOString() : null
  }
  const hours = hoursZh.exec(text)
  if (hours) {
    const [whole, fraction = '0'] = hours[1] === '半' ? ['0', '5'] : hours[1].split('.')
    const count = numberOf(whole) + Number(fraction) / 10 + (hours[2] ? 0.5 : 0)
    if (!(count > 0)) return null
    return new Date(now.getTime() + count * (hours[3] === '分钟' ? 60_000 : 3_600_000)).toISOString()
  }
  const monthEnd = new RegExp(`(下个?|${han})?月(?:底|末)`).exec(text)
  if (monthEnd) {
    // “月底”, “下个月底”, “12月底” (the next one to come).
    const named = monthEnd[1] && !monthEnd[1].startsWith('下') ? numberOf(monthEnd[1]) - 1 : undefined
    if (named !== undefined && !(named >= 0 && named < 12)) return null
    const month = named === undefined ? now.getMonth() + (monthEnd[1] ? 1 : 0) : named + (named < now.getMonth() ? 12 : 0)
    return new Date(now.getFullYear(), month + 1, 0, 23, 59, 59).toISOString()
  }
  if (/年(?:底|末)/.test(text)) return new Date(now.getFullYear(), 11, 31, 23, 59, 59).toISOString()
  chrono ??= import('chrono-node')
  const {zh} = await chrono
  const plain = text.replace(clocklessPart, '').replace(bareHour, '下午$1点')
  let results = zh.hans.parse(plain, now, {forwardDate: true})
  // “下午给您回电”: with no day either, the part of the day is all there is.
  if (results.length === 0) results = zh.hans.parse(text, now, {forwardDate: true})
  if (results.length === 0) return null
  return dueOf(results, byNoon.test(text) ? 12 : undefined)
}

// Prefer the result that names a day; a time of day in another result completes it.
function dueOf(results: Parsed, endHour: number | undefined): string | null {
  const day = results.find((result) => result.start.isCertain('day') || result.start.isCertain('weekday')) ?? results[0]
  const time = results.filter((result) => result.start.isCertain('hour')).at(-1)
  const point = day.end ?? day.start
  const date = point.date()
  if (time && time !== day && !point.isCertain('hour')) {
    const at = (time.end ?? time.start).date()
    date.setHours(at.getHours(), at.getMinutes(), 0, 0)
  } else if (!point.isCertain('hour')) {
    // “By Friday” is kept if it happens any time on Friday; “明天中午前” and “tomorrow morning” by noon.
    if (endHour !== undefined) date.setHours(endHour, 0, 0, 0)
    else date.setHours(23, 59, 59, 0)
  }
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const digits: Record<string, number> = {零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9}

// “3”, “三”, “十五”, “二十”: the numbers a count of days is written in; NaN otherwise.
function numberOf(text: string): number {
  if (/^[0-9]+$/.test(text)) return Number(text)
  const ten = text.indexOf('十')
  if (ten < 0) return text.length === 1 ? (digits[text] ?? Number.NaN) : Number.NaN
  const tens = ten === 0 ? 1 : (digits[text.slice(0, ten)] ?? Number.NaN)
  const ones = ten === text.length - 1 ? 0 : (digits[text.slice(ten + 1)] ?? Number.NaN)
  return tens * 10 + ones
}

// “Within 3 working days”: weekends don't count; the day is kept if it happens any time that day.
function addWorkingDays(from: Date, days: number): Date {
  const date = new Date(from)
  let left = days
  while (left > 0) {
    date.setDate(date.getDate() + 1)
    const day = date.getDay()
    if (day !== 0 && day !== 6) left--
  }
  date.setHours(23, 59, 59, 0)
  return date
}
