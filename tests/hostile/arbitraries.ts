// Inputs for the property tests: any text at all, and realistic replies mixed with noise.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'

const root = path.resolve(import.meta.dirname, '../..')

/** Any UTF-16 code unit, lone surrogates and control characters included. */
export const codeUnit = fc.integer({min: 0, max: 0xffff}).map((code) => String.fromCharCode(code))

/** A lone high or low surrogate. */
export const loneSurrogate = fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code))

/** A C0 or C1 control character, DEL or a line ending. */
export const control = fc.oneof(
  fc.integer({min: 0, max: 0x1f}).map((code) => String.fromCharCode(code)),
  fc.integer({min: 0x7f, max: 0x9f}).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\r\n', '\r', '\n', '\u2028', '\u2029', '\u0085')
)

/** Marks that change direction or join glyphs without being seen. */
export const invisible = fc.constantFrom(
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2069',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad'
)

/** Emoji, including flags, skin tones and ZWJ sequences. */
export const emoji = fc.constantFrom('😀', '👍🏽', '👩‍👩‍👧‍👦', '🇫🇷', '❤️', '🙏', '✅', '1️⃣', '🏳️‍🌈')

/** Text in other scripts: Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, Thai, combining marks. */
export const otherScripts = fc.constantFrom(
  '您好，您的订单已发货。',
  '我们无法退款。',
  '非常感谢您的耐心等待！',
  'ご注文ありがとうございます。',
  '주문해 주셔서 감사합니다.',
  'شكرا لتواصلك معنا.',
  'תודה רבה על הסבלנות.',
  'आपके धैर्य के लिए धन्यवाद।',
  'ขอบคุณสำหรับการรอคอย',
  'Ça marche, merci beaucoup.',
  'e\u0301\u0301\u0301 Z\u0351\u0363\u036a\u0300a\u0315l\u0362go'
)

/** The pieces of an email that are context, not reply. */
export const emailParts = fc.constantFrom(
  'Hi Sam,\n',
  'Dear Ms Laurent,\r\n',
  '> ',
  '\n> It is not our fault, we cannot do anything ASAP.\n',
  'On Mon, 3 Nov 2025, Ben <ben@example.com> wrote:\n',
  '-----Original Message-----\nFrom: Ben\n',
  '-- \nJo Park | Thank you for choosing us | tier 2 support\n',
  'Kind regards,\nJo\n',
  'From: Sam <sam@example.com>\nTo: support@example.com\nSubject: Refund\nDate: Mon, 3 Nov 2025 09:00:00 +0000\n\n',
  '```\nWe cannot do that. RMA SLA\n```\n',
  '`kindly revert`',
  'https://example.com/we-cannot-help',
  '<!-- tactful-disable-next-line jargon -->\n',
  '<!-- tactful-disable -->'
)

// Every sentence of the fixtures and every phrase the rules look for: text the rules react to.
function realisticLines(): string[] {
  const lines = new Set<string>()
  const fixtures = path.join(root, 'rules')
  for (const rule of readdirSync(fixtures)) {
    for (const name of ['ok.txt', 'not-ok.txt']) {
      const file = path.join(fixtures, rule, 'test/fixtures', name)
      try {
        for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) lines.add(line)
      } catch {
        // A fixture being written right now is simply not used.
      }
    }
  }
  const rules = path.join(root, 'rules')
  for (const rule of readdirSync(rules)) {
    let names: string[]
    try {
      names = readdirSync(path.join(rules, rule)).filter((name) => /^phrases(\.[a-z]+)?\.json$/.test(name))
    } catch {
      continue
    }
    for (const name of names) {
      try {
        const entries = JSON.parse(readFileSync(path.join(rules, rule, name), 'utf8')) as Array<{phrase: string}>
        for (const entry of entries) lines.add(entry.phrase)
      } catch {
        // Data being edited right now is simply not used.
      }
    }
  }
  return [...lines]
}

/** A sentence or phrase from the fixtures and phrase data, as written or upper-cased. */
export const realistic = fc
  .tuple(fc.constantFrom(...realisticLines()), fc.constantFrom('as is', 'upper', 'lower'))
  .map(([line, casing]) => (casing === 'upper' ? line.toUpperCase() : casing === 'lower' ? line.toLowerCase() : line))

const separator = fc.constantFrom(' ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '', '. ', ', ', '\t')

/** Any string: graphemes, code points, raw UTF-16 units (lone surrogates included) or ASCII. */
export const anyString = fc.oneof(
  fc.string({unit: 'grapheme', maxLength: 60}),
  fc.string({unit: 'grapheme-composite', maxLength: 30}),
  fc.string({unit: 'binary', maxLength: 60}),
  fc.string({unit: codeUnit, maxLength: 60}),
  fc.string({unit: 'grapheme-ascii', maxLength: 60})
)

/** One piece of a hostile reply. */
export const piece = fc.oneof(
  {weight: 6, arbitrary: realistic},
  {weight: 3, arbitrary: separator},
  {weight: 2, arbitrary: emailParts},
  {weight: 2, arbitrary: anyString},
  {weight: 1, arbitrary: control},
  {weight: 1, arbitrary: invisible},
  {weight: 1, arbitrary: loneSurrogate},
  {weight: 1, arbitrary: emoji},
  {weight: 1, arbitrary: otherScripts}
)

/** A reply: realistic text mixed with noise, from empty to a few thousand characters. */
export const reply = fc.array(piece, {maxLength: 40}).map((pieces) => pieces.join(''))

/** Any text at all, or a reply mixed with noise. */
export const hostileText = fc.oneof({weight: 1, arbitrary: anyString}, {weight: 3, arbitrary: reply})

/** A large reply, 10k to 100k characters, built by repeating a hostile reply. */
export const largeText = fc
  .tuple(reply, fc.integer({min: 10_000, max: 100_000}))
  .filter(([text]) => text.length > 0)
  .map(([text, size]) => text.repeat(Math.ceil(size / text.length)).slice(0, size))

/** How the text is read. */
export const format = fc.constantFrom(undefined, 'text' as const, 'markdown' as const, 'email' as const)

/**
 * Units that, repeated into one long run, once made tactful crash or take super-linear time (issue 12):
 * joined words, promises and jargon in capitals, certainty, Chinese with no punctuation, disable
 * comments before findings, routes of airport codes, unclosed comments. The complexity bench lints each
 * at 10k, 100k and 1M characters.
 */
export const adversarialUnits: ReadonlyArray<{id: string; unit: string}> = [
  {id: 'joined-hyphen', unit: 'a-'},
  {id: 'joined-dot', unit: 'a.'},
  {id: 'joined-apostrophe', unit: "a'"},
  {id: 'joined-at', unit: 'a@'},
  {id: 'hyphenated-words', unit: 'well-known '},
  {id: 'promise-capitals', unit: 'WE WILL CALL YOU SOON '},
  {id: 'jargon-capitals', unit: 'ASAP KYC RMA '},
  {id: 'definitely', unit: 'we will definitely call you soon and '},
  {id: 'promise-clause', unit: 'I promise it will arrive soon and '},
  {id: 'dated-promises', unit: 'we will email you by friday at 5pm and '},
  {id: 'chinese-unpunctuated', unit: '我们会尽快给您回复请您耐心等待我保证再也不会发生'},
  {id: 'disable-then-jargon', unit: '<!-- tactful-disable-next-line blame-shifting -->\n'},
  {id: 'airport-routes', unit: 'KUL-BKK LHR to JFK '},
  {id: 'unclosed-comments', unit: '<!-- '},
  {id: 'blame-clauses', unit: 'it is not our fault you should have checked and '},
  {id: 'negative-clauses', unit: 'we cannot refund it but we will not '},
  {id: 'sign-offs', unit: 'Thanks, '}
]

/**
 * Text of `size` code units built from an adversarial unit; `disable-then-jargon` is half disable
 * comments, then half jargon the comments do not cover.
 */
export function adversarialText(id: string, size: number): string {
  const {unit} = adversarialUnits.find((entry) => entry.id === id)!
  if (id === 'disable-then-jargon') {
    const half = Math.floor(size / 2)
    const jargon = 'Kindly revert with the RMA.\n'
    return (
      unit.repeat(Math.ceil(half / unit.length)).slice(0, half - (half % unit.length)) + jargon.repeat(Math.ceil(size / jargon.length))
    ).slice(0, size)
  }
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}

/** An adversarial run of 1k to 20k characters, alone or inside a realistic reply. */
export const adversarial = fc
  .tuple(fc.constantFrom(...adversarialUnits.map((entry) => entry.id)), fc.integer({min: 1_000, max: 20_000}), reply, reply)
  .map(([id, size, before, after]) => `${before}${adversarialText(id, size)}${after}`)
