/**
 * When a commitment is due. The date parser is loaded on first use only, since most replies
 * have no commitment to resolve.
 */

type Chrono = typeof import('chrono-node')
let chrono: Promise<Chrono> | undefined

/**
 * The ISO 8601 date-time a sentence promises something by, resolved against `now`;
 * `null` when it names no date; `undefined` when it names no time at all (not a concrete commitment).
 */
export async function resolveDue(text: string, now: Date): Promise<string | null | undefined> {
  const working = /\bwithin (\d{1,2}) (?:business|working) days?\b/i.exec(text)
  if (working) return addWorkingDays(now, Number(working[1])).toISOString()
  chrono ??= import('chrono-node')
  const {parse} = await chrono
  const results = parse(text, now, {forwardDate: true})
  if (results.length === 0) return undefined
  // Prefer the result that names a day; a time of day in another result completes it.
  const day = results.find((result) => result.start.isCertain('day') || result.start.isCertain('weekday')) ?? results[0]
  const time = results.filter((result) => result.start.isCertain('hour')).at(-1)
  const point = day.end ?? day.start
  const date = point.date()
  if (time && time !== day && !point.isCertain('hour')) {
    const at = (time.end ?? time.start).date()
    date.setHours(at.getHours(), at.getMinutes(), 0, 0)
  } else if (!point.isCertain('hour')) {
    // “By Friday” is kept if it happens any time on Friday.
    date.setHours(23, 59, 59, 0)
  }
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
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
