/**
 * missing-thanks and the channel a reply is written for: a turn that answers the customer's thanks,
 * part 2 or later of a numbered reply, or a broadcast to no one in particular needs no thank-you of its
 * own; and in a tweet or chat turn the closing sentence is often followed by initials, a part number or
 * a link, which the finding must step over.
 */
import type {Region, Sentence} from '../kit/index.js'

// “You’re welcome”, “my pleasure”, “不客气” answer a thanks: the customer has just thanked the agent.
// Read on a sentence’s normalized text (lower case, contractions expanded, tokens spaced).
const welcome =
  /(?:^|\s)(?:you are|your|you r|u r|ur|you re|ya|yo) (?:(?:so|very|most|more than|quite|always|all|both) )?welcome(?! (?:to|back|aboard|in|at|on|for|with|here|into)\b)(?:\s|$)|(?:^|\s)yw(?:\s|$)|(?:^|\s)(?:my|our) pleasure(?:\s|$)|pleasure (?:is|was) (?:all )?(?:mine|ours)|(?:glad|happy) (?:i|we) (?:could|were able to|was able to|did) help/u
// “Anytime!” opening the reply answers thanks; so does “No worries!” or “No problem.” opening a short
// reply that asks nothing (one that goes on to ask answers an apology as often as a thanks).
const anytime = /^(?:anytime|any time)(?: [!.,~])*(?: \S+)?(?: [!.,~])*$/u
const noWorries = /^(?:no worries|no problem|not a problem|no prob|np)(?: at all)?(?: [!.,~])*(?: \S+)?(?: [!.,~])*$/u
const welcomeZh = /不客气|不用客气|别客气|不用谢|不谢|客气了|应该的/u

// Thanks in a customer’s message; a short one that asks nothing is the customer signing off.
const thanksWord = /\b(?:thank|thanks|thx|thnx|thanx|ty|tysm|appreciate|appreciated|cheers)\b|谢谢|感谢|多谢/iu

// Part numbers: “2/3”, “(2/2)”, “[3/4]”, “2/” is not one.
const partNumber = /^[([]?\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*[)\]]?$/u
// Text that continues an earlier part: “>> your booking”, “…and”, “(cont)”.
const continues = /^(?:>>|»|\.\.\.|…|\(cont|cont'?d\b|[（(]续[）)]|接上条)/iu
// Words before a date-like “3/4” (“on 3/4”, “by 3/4”): then it is a date, not a part number.
const dateWords = new Set([
  'on',
  'by',
  'from',
  'until',
  'till',
  'til',
  'before',
  'after',
  'since',
  'at',
  'of',
  'is',
  'was',
  'date',
  'dated',
  'due',
  'to',
  'for'
])

// What may trail the closing sentence of a tweet or chat turn: initials and names after a caret, dash,
// slash, asterisk or tilde (“^JK”, “-Becky”, “/RH”, “*TM”), part numbers, “>>”, links.
const emoticon = String.raw`(?:\p{Extended_Pictographic}\uFE0F?|[:;=]-?[)(DPp]|<3)`
const trailers = [
  /\s*(?:https?:\/\/|www\.)\S+$/iu,
  // Not a date: “on 3/4”, “by 12/1”.
  /(?<!\b(?:on|by|from|until|till|til|before|after|since|at|of|is|was|date|dated|due|to|for)\s*)(?:^|\s+|(?<=[>.!?,。！？，]))[([（［]?\d{1,2}\s*[/／]\s*\d{1,2}[)\]）］]?$/iu,
  /\s*\(\d\)$/u,
  /\s*(?:>+|»|-->?|=>)$/u,
  /(?:^|\s+)[\^*~/=]\s?\p{L}[\p{L}.]{0,14}(?:\s*\.)?$/u,
  /(?:^|\s+)[-–—]\s?\p{Lu}[\p{L}.]{0,14}(?:\s\p{Lu}\.?)?$/u,
  // A name or initials glued on after an emoticon: “:)-Amie”, “=) Yana”, “😉-Jazz”.
  new RegExp(`(?<=${emoticon})\\s*[-–—^*/~]?\\s?\\p{Lu}[\\p{L}.]{0,14}$`, 'u')
]
const leaders = [/^@\w+\s*/u, /^(?:>>+|»|\.\.\.|…)\s*/u, /^[([]?\d{1,2}\s*\/\s*\d{1,2}[)\]]?\s+/u]

// One-word sentences that are words, not the name of the agent who signs (“Sorry.”, “Enjoy.”).
const oneWordSentences = new Set([
  'absolutely',
  'agreed',
  'almost',
  'alright',
  'anytime',
  'apologies',
  'certainly',
  'cheers',
  'congrats',
  'congratulations',
  'correct',
  'definitely',
  'done',
  'down',
  'enjoy',
  'everyone',
  'exactly',
  'fixed',
  'great',
  'hello',
  'hi',
  'indeed',
  'it',
  'love',
  'no',
  'noted',
  'ok',
  'okay',
  'part',
  'perfect',
  'please',
  'right',
  'saludos',
  'sorry',
  'sure',
  'true',
  'welcome',
  'yes',
  'yep',
  'yup'
])

/** A span of the input, `[start, end)`. */
export interface Span {
  start: number
  end: number
}

/** Whether the reply answers the customer’s thanks: it says “you’re welcome”, or the customer’s last message (quoted below it) thanks. */
export function answersThanks(sentences: Sentence[], source: string, regions: Region[]): boolean {
  if (sentences.length === 0) return false
  if (sentences.some((sentence) => welcome.test(sentence.text) || welcomeZh.test(source.slice(sentence.start, sentence.end)))) return true
  const opening = sentences[0].text.replace(/^(?:@ \S+ )+/u, '')
  if (anytime.test(opening)) return true
  if (
    noWorries.test(opening) &&
    sentences.length <= 3 &&
    !sentences.some((sentence) => /[?？]/u.test(source.slice(sentence.start, sentence.end)))
  )
    return true
  return customerThanked(source, regions)
}

// The quoted message right under the reply is the customer’s last one: a short thanks with no
// question (“Thanks, that worked!”) ends the conversation rather than asking for anything.
function customerThanked(source: string, regions: Region[]): boolean {
  const quoted = regions.find((region) => region.kind === 'quote')
  if (!quoted) return false
  const lines = source
    .slice(quoted.start, quoted.end)
    .split('\n')
    .map((line) => line.replace(/^(?:\s*>)+\s?/u, '').trim())
    .filter((line) => line && !/\bwrote:$|写道[:：]$/u.test(line))
  const message = lines.join(' ')
  if (message.length === 0 || /[?？]/u.test(message) || !thanksWord.test(message)) return false
  // “Thanks in advance”, “… still not working, thanks” ask for something; they do not close.
  if (/\bin advance\b|\b(?:not|never|still|but|no longer|anymore)\b|n[’']t\b|提前|还是|没有|不/iu.test(message)) return false
  // “Thanks, please check my flight” asks again.
  if (/\b(?:please|pls|can you|could you|would you|help me|let me know)\b|请|帮|吗|能否|麻烦/iu.test(message)) return false
  return message.split(/\s+/u).length <= 20 && message.length <= 120
}

/** Whether the reply is part 2 or later of a numbered or continued multi-part reply (“2/3”, “(2/2)”, “>> …”). */
export function isLaterPart(source: string, reply: Span): boolean {
  const text = source
    .slice(reply.start, reply.end)
    .replace(/^(?:\s*@\w+)+\s*/u, '')
    .trim()
  if (continues.test(text)) return true
  // Initials glued to the part number (“2/2^ML”) are not part of it.
  const words = text.split(/\s+/u).map((word) => word.replace(/(?<=\d[)\]]?)[\^*~/-]\p{L}.*$/u, ''))
  // Parts pasted together from the first one on are the whole reply: “… 1/2 ^Jo⏎@123 … 2/2”.
  if (words.some((word) => /^[([]?1\s*\/\s*\d{1,2}[)\]]?$/u.test(word))) return false
  if (/(?:^|\s)[([]?1[)\]]?(?:\s+[\^*~/-]\s?\p{L}[\p{L}.]{0,14})?[ \t]*\n/u.test(text)) return false
  if (isPart(words[0])) return true
  // Chinese parts sit flush against the text: “（2/2）退款…”.
  const opening = /^[（(［[]\s*(\d{1,2})\s*[/／]\s*(\d{1,2})\s*[）)］\]]/u.exec(text)
  if (opening && isPart(`${opening[1]}/${opening[2]}`)) return true
  // A part number closes the reply, maybe before initials or a link: “… 2/2 ^CB”, “… done. 2 ^JS”.
  for (let index = words.length - 1; index >= Math.max(1, words.length - 3); index--) {
    if (isPart(words[index]) && !dateWords.has(words[index - 1].toLowerCase())) return true
    if (/^\(?[2-9]\)?$/u.test(words[index]) && (/[.!?]$/u.test(words[index - 1]) || words[index].startsWith('('))) return true
  }
  return false
}

/** Whether the reply goes on in a next part (“… >>”, “1/2”), so its last sentence may be cut off. */
export function continuesInNextPart(source: string, reply: Span): boolean {
  const text = source
    .slice(reply.start, reply.end)
    .replace(/(?:\s*(?:https?:\/\/|www\.)\S+)+\s*$/iu, '')
    .replace(/\s*[\^*~/-]\s?\p{L}[\p{L}.]{0,14}$/u, '')
    .trim()
  return /(?:>|»|\b1\s*\/\s*\d{1,2}[)\]]?|\(1\))$/u.test(text)
}

function isPart(word: string | undefined): boolean {
  const match = word ? partNumber.exec(word) : null
  if (!match) return false
  const part = Number(match[1])
  const total = Number(match[2])
  return part >= 2 && part <= total && total <= 20
}

/**
 * Whether the reply is a broadcast: no handle or greeting to address, no “you”, no question, and it
 * speaks of an audience (“customers”, “all passengers”) or an incident. Read conservatively: most
 * replies that look unaddressed are still answers to one person.
 */
export function isBroadcast(sentences: Sentence[], source: string, regions: Region[]): boolean {
  if (sentences.length === 0 || regions.some((region) => region.kind === 'greeting')) return false
  if (/(?:^|\s)@\w/u.test(source) || /[?？]/u.test(source)) return false
  let audience = false
  for (const sentence of sentences) {
    for (const token of sentence.tokens) {
      if (secondPerson.has(token.norm) || /[您你亲]/u.test(token.raw)) return false
      if (audienceWords.has(token.norm) || /各位|广大|所有用户|全体/u.test(token.raw)) audience = true
    }
  }
  return audience
}

const secondPerson = new Set(['you', 'your', 'yours', 'yourself', 'yourselves', 'u', 'ur', 'ya', "y'all", 'yall', 'thee', 'dm'])
const audienceWords = new Set([
  'customers',
  'users',
  'members',
  'passengers',
  'guests',
  'everyone',
  'everybody',
  'travellers',
  'travelers',
  'riders',
  'subscribers',
  'players',
  'fans',
  'folks',
  'outage',
  'disruption',
  'disruptions',
  'maintenance'
])

/**
 * The closing of the reply: its last sentence that is more than a name, initials or a part number,
 * without the handles, initials, part numbers and continuation marks around it; a link that completes
 * it (“… here: https://…”) is part of it. With `complete`, only a sentence that ends as one. Undefined
 * when no sentence is left.
 */
export function closingOf(sentences: Sentence[], source: string, reply: Span, complete = false): Span | undefined {
  for (let index = sentences.length - 1; index >= 0; index--) {
    const span = trimmed(sentences[index], source)
    if (!span) continue
    const text = source.slice(span.start, span.end)
    if (isSignature(text, index > 0)) continue
    // “Can you...” before a link is a tweet cut short, not a sentence to add to.
    if (index > 0 && /\p{L}\s?(?:\.\.\.|…)$/u.test(text) && /^\s*(?:https?:\/\/|www\.)/iu.test(source.slice(span.end, reply.end))) continue
    // “… here:” with nothing after it (the link was an attachment) cannot take a thank-you after it.
    const extended = throughLink(span, source, reply)
    const closing = source.slice(extended.start, extended.end)
    // A reply that goes on in a next part may stop mid-sentence: close on a sentence that is whole.
    if (complete && !/[.!?…。！？]["”’)\]]*$/u.test(closing) && !emoji.test(closing) && !link.test(closing)) continue
    if (/[:,;–—-]$/u.test(closing) && index > 0) continue
    return extended
  }
  // A reply of only emoji (“👍”) still closes somewhere; a name, initials or part number alone does not.
  for (let index = sentences.length - 1; index >= 0; index--) {
    const span = trimmed(sentences[index], source, false)
    // Only what has no words: a sentence passed over above for its words stays passed over.
    if (span && !/\p{L}/u.test(source.slice(span.start, span.end))) return span
  }
  // A link alone is not the reply's words: a finding never points inside a link.
  return undefined
}

const link = /(?:https?:\/\/|www\.)\S+$/iu

/** The last sentence of a part that the next part finishes (“… you can either print it or >>”): no thank-you can follow it. */
export function cutClosing(sentences: Sentence[], source: string): Span | undefined {
  for (let index = sentences.length - 1; index >= 0; index--) {
    const span = trimmed(sentences[index], source)
    if (span && !isSignature(source.slice(span.start, span.end), index > 0)) return span
  }
  return undefined
}

function trimmed(sentence: Sentence, source: string, wordy = true): Span | undefined {
  let index = 0
  while (index + 1 < sentence.tokens.length && sentence.tokens[index].raw === '@') index += 2
  let start = sentence.tokens[Math.min(index, sentence.tokens.length - 1)].start
  let end = sentence.end
  let text = source.slice(start, end)
  for (let changed = true; changed; ) {
    changed = false
    for (const pattern of leaders) {
      const match = pattern.exec(text)
      if (match && match[0].length < text.length) {
        start += match[0].length
        text = text.slice(match[0].length)
        changed = true
      }
    }
    for (const pattern of trailers) {
      const match = pattern.exec(text)
      if (match) {
        end -= match[0].length
        text = text.slice(0, text.length - match[0].length)
        changed = true
      }
    }
  }
  text = text.trimEnd()
  end = start + text.length
  // “<3”, “2”, “#ImLovinIt” or “Kind regards” alone are no closing sentence.
  if (!wordy) return /[^\p{N}\p{P}\s]/u.test(text) ? {start, end} : undefined
  if (!/\p{L}/u.test(text.replace(/#\S+/gu, '')) || /^(?:(?:kind|best|warm|warmest)\s+)?(?:regards|rgds)\b|^cheers[!.,]?$/iu.test(text))
    return undefined
  return {start, end}
}

// “Jo”, “- Jo”, “Phil.” on their own after the reply sign it; “Enjoy.” does not.
function isSignature(text: string, afterOther: boolean): boolean {
  const words = text.replace(/^[-–—~^*/\s]+/u, '').split(/\s+/u)
  if (words.length > 2) return false
  if (/[!?！？。]/u.test(text)) return false
  // “-yana”, “^kl”: a mark before a name signs the reply whatever its case.
  if (/^[-–—~^*/]/u.test(text)) return true
  if (!words.every((word) => /^\p{Lu}/u.test(word))) return false
  if (!/\.$/u.test(text)) return true
  return afterOther && words.length === 1 && !oneWordSentences.has(words[0].replace(/\.$/u, '').toLowerCase())
}

// A closing that ends in “:” or mid-sentence before a link (“Steps here: https://…”, “more at https://…”)
// runs through the link.
function throughLink(span: Span, source: string, reply: Span): Span {
  const text = source.slice(span.start, span.end)
  if (/[.!?…。！？]["”’)\]]*$/u.test(text)) return span
  const after = /^\s*(?:(?:https?:\/\/|www\.)\S+\s*)+/iu.exec(source.slice(span.end, reply.end))
  if (!after) return span
  return {start: span.start, end: span.end + after[0].trimEnd().length}
}

const emoji = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D|[:;=]-?[)(DPp3]|\bx[DP]|\(:|<3|\^_?\^|:-?\/)$/u

/** What joins a thank-you onto the closing: a space after a full stop, an emoji or a link; else a full stop first. */
export function joinerFor(closing: string): string {
  if (/[.!?…]["”’)\]]*$/u.test(closing) || emoji.test(closing) || /(?:https?:\/\/|www\.)\S+$/iu.test(closing)) return ' '
  if (/[:,;–—-]$/u.test(closing)) return '\n'
  return '. '
}
