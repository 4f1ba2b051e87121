import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {type RegionKind, type ReplyParts, type SplitOptions, splitReply} from '../../packages/tactful/src/email/split.js'

interface Part {
  kind: RegionKind
  text: string
}

/** Regions must be sorted, non-empty, contiguous, cover `0..length`, and never repeat a kind side by side. */
function expectInvariant(text: string, result: ReplyParts): void {
  const {regions} = result
  if (text.length === 0) {
    expect(regions).toEqual([])
    return
  }
  expect(regions.length).toBeGreaterThan(0)
  expect(regions[0].start).toBe(0)
  expect(regions[regions.length - 1].end).toBe(text.length)
  for (let index = 0; index < regions.length; index++) {
    const region = regions[index]
    expect(region.end).toBeGreaterThan(region.start)
    if (index > 0) {
      expect(region.start).toBe(regions[index - 1].end)
      expect(region.kind).not.toBe(regions[index - 1].kind)
    }
  }
}

/** Split, check the invariant, and map the regions back to their text. */
function parts(text: string, options?: SplitOptions): Part[] {
  const result = splitReply(text, options)
  expectInvariant(text, result)
  return result.regions.map((region) => ({kind: region.kind, text: text.slice(region.start, region.end)}))
}

function kindsOf(text: string, options?: SplitOptions): RegionKind[] {
  return parts(text, options).map((part) => part.kind)
}

/** The text of every region of one kind. */
function textsOf(text: string, kind: RegionKind, options?: SplitOptions): string[] {
  return parts(text, options)
    .filter((part) => part.kind === kind)
    .map((part) => part.text)
}

describe('splitReply: basics', () => {
  it('returns no regions for empty text', () => {
    expect(splitReply('')).toEqual({regions: []})
    expect(splitReply('', {format: 'email'})).toEqual({regions: []})
  })

  it('keeps a plain one-line reply as body', () => {
    expect(parts('Your refund was issued today.')).toEqual([{kind: 'body', text: 'Your refund was issued today.'}])
  })

  it('keeps whitespace-only text as body', () => {
    expect(parts('\n \n\t\n')).toEqual([{kind: 'body', text: '\n \n\t\n'}])
  })

  it('never sets a date without a top header', () => {
    const text = 'Done.\n\n-----Original Message-----\nFrom: Sam\nSent: Tuesday, November 4, 2025 10:12 AM\nDate: Tue, 4 Nov 2025\n'
    expect(splitReply(text).date).toBeUndefined()
  })
})

describe('splitReply: quoted lines', () => {
  it('marks `>` lines between and after body paragraphs', () => {
    const text =
      'Thanks for checking.\n\n> Is the outage over?\n> It was down all night.\n\nYes, service is back.\n\n> Do I get a credit?\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'Thanks for checking.\n\n'},
      {kind: 'quote', text: '> Is the outage over?\n> It was down all night.\n\n'},
      {kind: 'body', text: 'Yes, service is back.\n\n'},
      {kind: 'quote', text: '> Do I get a credit?\n'}
    ])
  })

  it('joins nested quotes and the blank lines between them', () => {
    const text = 'Sorted.\n\n> first\n\n>> older\n  > > oldest\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'Sorted.\n\n'},
      {kind: 'quote', text: '> first\n\n>> older\n  > > oldest\n'}
    ])
  })

  it('splits the first concrete reply at its attribution', () => {
    const text =
      'Your replacement shipped this morning; the tracking number is 1Z999AA10123456784.\n\nOn Tue, 4 Nov 2025, Sam Lee <sam@example.com> wrote:\n> Thanks for your help so far. Any news on the replacement?'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'Your replacement shipped this morning; the tracking number is 1Z999AA10123456784.\n\n'},
      {
        kind: 'quote',
        text: 'On Tue, 4 Nov 2025, Sam Lee <sam@example.com> wrote:\n> Thanks for your help so far. Any news on the replacement?'
      }
    ])
  })

  it('takes everything after a one-line attribution as quote, even unprefixed lines', () => {
    const text = 'All set.\n\nOn 4 Nov 2025 at 10:12, Sam wrote:\nHi team,\nMy order is late.\n\nBest regards,\nSam\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'All set.\n\n'},
      {kind: 'quote', text: 'On 4 Nov 2025 at 10:12, Sam wrote:\nHi team,\nMy order is late.\n\nBest regards,\nSam\n'}
    ])
  })

  it('recognises an attribution wrapped onto two lines', () => {
    const text = 'Fixed now.\n\nOn Tue, 4 Nov 2025 at 10:12, Sam Lee <\nsam@example.com> wrote:\n\n> It still fails.\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'Fixed now.\n\n'},
      {kind: 'quote', text: 'On Tue, 4 Nov 2025 at 10:12, Sam Lee <\nsam@example.com> wrote:\n\n> It still fails.\n'}
    ])
  })

  it('recognises `Name wrote:` above quoted lines', () => {
    const text = 'Happy to help.\n\nSam Lee wrote:\n> Where is my parcel?\n'
    expect(textsOf(text, 'quote')).toEqual(['Sam Lee wrote:\n> Where is my parcel?\n'])
  })

  it('leaves `… wrote:` in prose alone when no quote follows', () => {
    const text = 'Here is what the manual wrote:\nRestart the router and wait two minutes.\n'
    expect(kindsOf(text)).toEqual(['body'])
  })

  it('recognises the Chinese attribution `在…写道:`', () => {
    const text = '已为您处理。\n\n在 2025年11月4日 周二 10:12,张三 <a@b.com> 写道:\n> 请问进度如何?\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: '已为您处理。\n\n'},
      {kind: 'quote', text: '在 2025年11月4日 周二 10:12,张三 <a@b.com> 写道:\n> 请问进度如何?\n'}
    ])
  })

  it('recognises the full-width colon in `写道：`', () => {
    const text = '好的。\n张三 写道：\n你好\n'
    expect(textsOf(text, 'quote')).toEqual(['张三 写道：\n你好\n'])
  })
})

describe('splitReply: forwarded and Outlook history', () => {
  it('takes an Outlook From/Sent/To/Subject block and all after it', () => {
    const text =
      'The credit is on your next bill.\n\nFrom: Sam Lee <sam@example.com>\nSent: Tuesday, November 4, 2025 10:12 AM\nTo: Support <help@example.com>\nSubject: Credit\n\nWhere is my credit?\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'The credit is on your next bill.\n\n'},
      {
        kind: 'quote',
        text: 'From: Sam Lee <sam@example.com>\nSent: Tuesday, November 4, 2025 10:12 AM\nTo: Support <help@example.com>\nSubject: Credit\n\nWhere is my credit?\n'
      }
    ])
  })

  it('takes a From/Date block and markdown-bold headers', () => {
    expect(kindsOf('Done.\n\nFrom: Sam <sam@example.com>\nDate: 4 Nov 2025\n\nHello')).toEqual(['body', 'quote'])
    expect(kindsOf('Done.\n\nFrom: Sam\nDate: 4 Nov 2025\nTo: Support\nSubject: Help\n\nHello')).toEqual(['body', 'quote'])
    expect(kindsOf('Done.\n\n**From:** Sam\n**Sent:** 4 Nov 2025\n')).toEqual(['body', 'quote'])
  })

  it('starts the quote at Outlook’s underscore rule', () => {
    const text = 'Done.\n\n________________________________\nFrom: Sam Lee\nSent: 4 Nov 2025\n'
    expect(textsOf(text, 'quote')).toEqual(['________________________________\nFrom: Sam Lee\nSent: 4 Nov 2025\n'])
  })

  it('keeps a lone `From:` line and an appointment’s From/To/Date lines as body', () => {
    expect(kindsOf('From: our billing team, you will get a letter.\nIt explains the fee.\n')).toEqual(['body'])
    expect(kindsOf('Your visit:\nFrom: 9:00\nTo: 11:00\nDate: Friday 14 November\n\nSee you then.')).toEqual(['body'])
  })

  it('takes `-----Original Message-----` and all after it', () => {
    const text = 'See below.\n-----Original Message-----\nFrom: Sam\nIt is broken.'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'See below.\n'},
      {kind: 'quote', text: '-----Original Message-----\nFrom: Sam\nIt is broken.'}
    ])
  })

  it('takes Gmail and Apple Mail forwards', () => {
    expect(textsOf('FYI\n\n---------- Forwarded message ---------\nFrom: Sam\n', 'quote')).toEqual([
      '---------- Forwarded message ---------\nFrom: Sam\n'
    ])
    expect(textsOf('FYI\n\nBegin forwarded message:\n\nFrom: Sam\n', 'quote')).toEqual(['Begin forwarded message:\n\nFrom: Sam\n'])
  })

  it('takes a Chinese 发件人/发送时间 block', () => {
    const text = '已退款。\n\n发件人: 张三 <a@b.com>\n发送时间: 2025年11月4日 10:12\n收件人: 客服\n主题: 退款\n\n请尽快处理。\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: '已退款。\n\n'},
      {kind: 'quote', text: '发件人: 张三 <a@b.com>\n发送时间: 2025年11月4日 10:12\n收件人: 客服\n主题: 退款\n\n请尽快处理。\n'}
    ])
  })

  it('takes Chinese original-message separators', () => {
    expect(textsOf('好的\n-----原始邮件-----\n发件人: 张三\n', 'quote')).toEqual(['-----原始邮件-----\n发件人: 张三\n'])
    expect(textsOf('好的\n------------------ 原始邮件 ------------------\n内容\n', 'quote')).toEqual([
      '------------------ 原始邮件 ------------------\n内容\n'
    ])
  })

  it('treats a pasted Outlook block at the very top as quote, not header', () => {
    const text = 'From: Sam\nSent: Tuesday\nTo: Support\nSubject: Help\n\nIt is broken.\n'
    expect(parts(text)).toEqual([{kind: 'quote', text}])
  })
})

describe('splitReply: headers', () => {
  const eml =
    'From: Support <help@example.com>\nTo: Sam Lee <sam@example.com>\nSubject: Your refund\nDate: Tue, 4 Nov 2025\n 10:12:00 +0000\nMIME-Version: 1.0\n\nHi Sam,\n\nYour refund is on its way.\n'

  it('marks top headers with folded lines and reads the date', () => {
    const result = splitReply(eml)
    expectInvariant(eml, result)
    expect(result.date).toBe('Tue, 4 Nov 2025 10:12:00 +0000')
    expect(parts(eml)).toEqual([
      {
        kind: 'header',
        text: 'From: Support <help@example.com>\nTo: Sam Lee <sam@example.com>\nSubject: Your refund\nDate: Tue, 4 Nov 2025\n 10:12:00 +0000\nMIME-Version: 1.0\n\n'
      },
      {kind: 'greeting', text: 'Hi Sam,\n\n'},
      {kind: 'body', text: 'Your refund is on its way.\n'}
    ])
  })

  it('needs two header lines in plain text, one known header in email format', () => {
    const text = 'Subject: Your refund\n\nIt is on its way.\n'
    expect(kindsOf(text)).toEqual(['body'])
    expect(kindsOf(text, {format: 'email'})).toEqual(['header', 'body'])
    expect(splitReply('Subject: x\nDate: Mon, 3 Nov 2025\n\nBody', {format: 'markdown'}).date).toBe('Mon, 3 Nov 2025')
  })

  it('does not take a reply that merely has colons for headers', () => {
    expect(kindsOf('Note: your plan renews monthly.\nPrice: $20\n\nThanks!')).toEqual(['body'])
    expect(kindsOf('To: Dana\nSubject: refund\nyour refund is coming\n')).toEqual(['body'])
  })
})

describe('splitReply: signatures and sign-offs', () => {
  it('starts a signature at `-- ` (second concrete reply)', () => {
    const text =
      "I've reset your password; the new link works for 24 hours.\n\n-- \nJo Park\nBrightline Broadband | Thank you for choosing us"
    expect(parts(text)).toEqual([
      {kind: 'body', text: "I've reset your password; the new link works for 24 hours.\n\n"},
      {kind: 'signature', text: '-- \nJo Park\nBrightline Broadband | Thank you for choosing us'}
    ])
  })

  it('accepts `--` without the space and ends the signature at quoted history', () => {
    const text = 'Done.\n--\nJo\n\nOn Mon, 3 Nov 2025, Sam wrote:\n> help\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'Done.\n'},
      {kind: 'signature', text: '--\nJo\n\n'},
      {kind: 'quote', text: 'On Mon, 3 Nov 2025, Sam wrote:\n> help\n'}
    ])
  })

  it('does not take a hyphenated word or a `---` rule for a signature', () => {
    expect(kindsOf('A well-known issue.\n---\nMore text.')).toEqual(['body'])
  })

  it('splits `Best regards,` and a name', () => {
    expect(parts('Your order is on its way.\n\nBest regards,\nMarco')).toEqual([
      {kind: 'body', text: 'Your order is on its way.\n\n'},
      {kind: 'signoff', text: 'Best regards,\n'},
      {kind: 'signature', text: 'Marco'}
    ])
  })

  it('takes several signature lines', () => {
    expect(parts('Done.\n\nKind regards,\nPriya\nCustomer Care\n+1 555 0100\nhttps://example.com/help\n')).toEqual([
      {kind: 'body', text: 'Done.\n\n'},
      {kind: 'signoff', text: 'Kind regards,\n'},
      {kind: 'signature', text: 'Priya\nCustomer Care\n+1 555 0100\nhttps://example.com/help\n'}
    ])
  })

  it('takes `Thanks,` when a name follows', () => {
    expect(parts('I have refunded the fee.\n\nThanks,\nMia\n')).toEqual([
      {kind: 'body', text: 'I have refunded the fee.\n\n'},
      {kind: 'signoff', text: 'Thanks,\n'},
      {kind: 'signature', text: 'Mia\n'}
    ])
  })

  it('leaves a closing `Thanks!` without a name in the body', () => {
    expect(kindsOf('I have refunded the fee.\n\nThanks!\n')).toEqual(['body'])
    expect(kindsOf('已退款。\n谢谢!')).toEqual(['body'])
  })

  it('takes a sign-off with nothing after it, and a blank line before the name', () => {
    expect(kindsOf('Done.\n\nCheers!')).toEqual(['body', 'signoff'])
    expect(parts('Done.\n\nWarm regards,\n\nMarco Rossi\n')).toEqual([
      {kind: 'body', text: 'Done.\n\n'},
      {kind: 'signoff', text: 'Warm regards,\n\n'},
      {kind: 'signature', text: 'Marco Rossi\n'}
    ])
  })

  it('does not take `Best,` followed by a paragraph', () => {
    const text =
      'Best,\nI checked the logs and the outage was caused by a firmware update that has since been rolled back across all regions.\n'
    expect(kindsOf(text)).toEqual(['body'])
  })

  it('does not take a sign-off followed by a prose sentence or by too many lines', () => {
    expect(kindsOf('Thanks,\nI looked into it and it is fixed.\n')).toEqual(['body'])
    expect(kindsOf('Regards,\na\nb\nc\nd\ne\nf\ng\n')).toEqual(['body'])
  })

  it('does not take a sign-off in the middle of the reply', () => {
    const text = 'Thanks,\nMia\n\n> Is it fixed?\n\nYes, it is fixed now and you will see it tomorrow.\n'
    expect(kindsOf(text)).toEqual(['body', 'quote', 'body'])
  })

  it('takes a sign-off above quoted history', () => {
    const text = 'Fixed.\n\nBest,\nMia\n\nOn Mon, 3 Nov 2025, Sam wrote:\n> broken\n'
    expect(kindsOf(text)).toEqual(['body', 'signoff', 'signature', 'quote'])
    expect(kindsOf('Fixed.\n\nBest,\nMia\n\n> broken\n')).toEqual(['body', 'signoff', 'signature', 'quote'])
  })

  it('takes a sign-off above a `-- ` signature', () => {
    expect(kindsOf('Fixed.\n\nRegards,\nMia\n-- \nAcme Inc.\n')).toEqual(['body', 'signoff', 'signature'])
    expect(textsOf('Fixed.\n\nRegards,\nMia\n-- \nAcme Inc.\n', 'signature')).toEqual(['Mia\n-- \nAcme Inc.\n'])
  })

  it('splits `此致` / `敬礼!` and a name', () => {
    expect(parts('您的退款已处理。\n此致\n敬礼!\n张三')).toEqual([
      {kind: 'body', text: '您的退款已处理。\n'},
      {kind: 'signoff', text: '此致\n敬礼!\n'},
      {kind: 'signature', text: '张三'}
    ])
    expect(parts('此致\n敬礼!\n张三')).toEqual([
      {kind: 'signoff', text: '此致\n敬礼!\n'},
      {kind: 'signature', text: '张三'}
    ])
  })

  it('splits `祝好!` and a name, and `谢谢!` with a name', () => {
    expect(parts('祝好!\n李四')).toEqual([
      {kind: 'signoff', text: '祝好!\n'},
      {kind: 'signature', text: '李四'}
    ])
    expect(kindsOf('已退款。\n谢谢!\n王五')).toEqual(['body', 'signoff', 'signature'])
  })

  it('keeps a directive below the sign-off as a directive', () => {
    expect(kindsOf('Done.\n\nBest,\nMia\n<!-- tactful-enable -->\n')).toEqual(['body', 'signoff', 'signature', 'directive', 'body'])
  })
})

describe('splitReply: Twitter-style initials', () => {
  it('takes `^JK` at the end', () => {
    expect(parts("We've fixed it, let us know! ^JK")).toEqual([
      {kind: 'body', text: "We've fixed it, let us know! "},
      {kind: 'signature', text: '^JK'}
    ])
  })

  it('takes `-Becky`, `/AY`, `*TS` and `~Sam`, with a trailing line break', () => {
    expect(parts('Sorry for the wait -Becky\n')).toEqual([
      {kind: 'body', text: 'Sorry for the wait '},
      {kind: 'signature', text: '-Becky\n'}
    ])
    expect(textsOf('DM us your order number /AY', 'signature')).toEqual(['/AY'])
    expect(textsOf('It is on its way *TS', 'signature')).toEqual(['*TS'])
    expect(textsOf('First line.\nHappy to help ~Sam  ', 'signature')).toEqual(['~Sam  '])
  })

  it('keeps the body before the initials in one region', () => {
    expect(parts('Line one.\nLine two ^JK')).toEqual([
      {kind: 'body', text: 'Line one.\nLine two '},
      {kind: 'signature', text: '^JK'}
    ])
  })

  it('ignores times, lowercase words, hyphenated words and long tokens', () => {
    expect(kindsOf('We open at 9 - 5 pm')).toEqual(['body'])
    expect(kindsOf('Call us after 5 -tomorrow')).toEqual(['body'])
    expect(kindsOf('It is a well-Known issue')).toEqual(['body'])
    expect(kindsOf('Ping us -Abcdefghijklmn')).toEqual(['body'])
    expect(kindsOf('Ping us -J2')).toEqual(['body'])
  })
})

describe('splitReply: greetings', () => {
  it('marks the third concrete reply: greeting, quotes, body, sign-off', () => {
    const text =
      "Hi Sara,\n\n> Can I change my flight to Friday?\n\nYes, I've moved you to the 7:40 am flight on Friday 14 November.\n\n> Is there a fee?\n\nThere's no change fee on your fare.\n\nThank you for flying with us.\n\nKind regards,\nNadia"
    expect(parts(text)).toEqual([
      {kind: 'greeting', text: 'Hi Sara,\n\n'},
      {kind: 'quote', text: '> Can I change my flight to Friday?\n\n'},
      {kind: 'body', text: "Yes, I've moved you to the 7:40 am flight on Friday 14 November.\n\n"},
      {kind: 'quote', text: '> Is there a fee?\n\n'},
      {kind: 'body', text: "There's no change fee on your fare.\n\nThank you for flying with us.\n\n"},
      {kind: 'signoff', text: 'Kind regards,\n'},
      {kind: 'signature', text: 'Nadia'}
    ])
  })

  it('marks `Hi Ana,`', () => {
    expect(parts('Hi Ana,\n\nYour order shipped.')).toEqual([
      {kind: 'greeting', text: 'Hi Ana,\n\n'},
      {kind: 'body', text: 'Your order shipped.'}
    ])
  })

  it.each([
    'Hello Mr. Ortiz,',
    'Dear Customer,',
    'Dear valued customer,',
    'Hey there!',
    'Hi team,',
    'Good morning Dana:',
    'Hi',
    'Hi 张三,',
    '您好,',
    '尊敬的客户:',
    '亲,',
    '张先生，您好！'
  ])('marks %j as a greeting', (line) => {
    expect(kindsOf(`${line}\nYour order shipped.`)).toEqual(['greeting', 'body'])
  })

  it.each([
    'Hi, thanks for the quick reply and for the screenshots!',
    'Hiring is open.',
    'Dear,',
    'Hello, your order shipped today',
    'Hey, good news!'
  ])('does not mark %j as a greeting', (line) => {
    expect(kindsOf(`${line}\nMore.`)).toEqual(['body'])
  })

  it('only marks the first line with text, after leading blank lines', () => {
    expect(parts('\n\nHi Ana,\nOK')).toEqual([
      {kind: 'greeting', text: '\n\nHi Ana,\n'},
      {kind: 'body', text: 'OK'}
    ])
    expect(kindsOf('OK.\nHi Ana,\n')).toEqual(['body'])
    expect(kindsOf('> Hi\nHi Ana,\n')).toEqual(['quote', 'body'])
  })
})

describe('splitReply: code', () => {
  it('marks a fenced code block, quote and signature markers inside it included', () => {
    const text = 'Run this:\n\n```sh\n> not a quote\n-- \nOn Mon, Sam wrote:\n```\n\nThen restart.\n'
    expect(parts(text)).toEqual([
      {kind: 'body', text: 'Run this:\n\n'},
      {kind: 'code', text: '```sh\n> not a quote\n-- \nOn Mon, Sam wrote:\n```\n\n'},
      {kind: 'body', text: 'Then restart.\n'}
    ])
  })

  it('marks a tilde fence and runs an unclosed fence to the end', () => {
    expect(kindsOf('Try:\n~~~\nls\n~~~\nok')).toEqual(['body', 'code', 'body'])
    expect(parts('Try:\n```\nls\nmore')).toEqual([
      {kind: 'body', text: 'Try:\n'},
      {kind: 'code', text: '```\nls\nmore'}
    ])
  })

  it('stops an unclosed fence at quoted history', () => {
    expect(kindsOf('Try:\n```\nls\n\nOn Mon, 3 Nov 2025, Sam wrote:\n> hi\n')).toEqual(['body', 'code', 'quote'])
  })

  it('marks inline code spans, with matching backtick runs', () => {
    expect(parts('Run `npm ci` then ``a ` b``.')).toEqual([
      {kind: 'body', text: 'Run '},
      {kind: 'code', text: '`npm ci`'},
      {kind: 'body', text: ' then '},
      {kind: 'code', text: '``a ` b``'},
      {kind: 'body', text: '.'}
    ])
  })

  it('leaves unmatched backticks and spans across blank lines as body', () => {
    expect(kindsOf('It costs `5 dollars.')).toEqual(['body'])
    expect(kindsOf('One `tick\n\nother` tick.')).toEqual(['body'])
    expect(kindsOf('One `tick\nother` tick.')).toEqual(['body', 'code', 'body'])
  })

  it('marks indented code only in markdown', () => {
    const text = 'Run:\n\n    npm ci\n    npm test\n\nDone.\n'
    expect(kindsOf(text)).toEqual(['body'])
    expect(parts(text, {format: 'markdown'})).toEqual([
      {kind: 'body', text: 'Run:\n\n'},
      {kind: 'code', text: '    npm ci\n    npm test\n\n'},
      {kind: 'body', text: 'Done.\n'}
    ])
  })

  it('does not take indented list continuations or wrapped lines for code', () => {
    expect(kindsOf('1. Open settings\n\n    Then pick Wi-Fi.\n', {format: 'markdown'})).toEqual(['body'])
    expect(kindsOf('A line\n    continued here.\n', {format: 'markdown'})).toEqual(['body'])
  })
})

describe('splitReply: URLs, emails and directives', () => {
  it('marks a URL and an email address without the sentence’s period', () => {
    expect(parts('See https://example.com/help?id=4 or write to help@example.com.')).toEqual([
      {kind: 'body', text: 'See '},
      {kind: 'url', text: 'https://example.com/help?id=4'},
      {kind: 'body', text: ' or write to '},
      {kind: 'url', text: 'help@example.com'},
      {kind: 'body', text: '.'}
    ])
  })

  it('handles parentheses, markdown links, www, t.co and angle brackets', () => {
    expect(textsOf('(see https://example.com/a).', 'url')).toEqual(['https://example.com/a'])
    expect(textsOf('The page https://en.wikipedia.org/wiki/Foo_(bar), here.', 'url')).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)'])
    expect(textsOf('[docs](https://example.com/docs).', 'url')).toEqual(['https://example.com/docs'])
    expect(textsOf('Visit www.example.com! Or t.co/abc123?', 'url')).toEqual(['www.example.com', 't.co/abc123'])
    expect(textsOf('Mail <sam@example.com>; or mailto:sam@example.com,', 'url')).toEqual(['sam@example.com', 'mailto:sam@example.com'])
  })

  it('stops a URL at CJK punctuation', () => {
    expect(textsOf('请访问https://example.com/help。谢谢', 'url')).toEqual(['https://example.com/help'])
  })

  it('does not take non-URLs for URLs', () => {
    expect(kindsOf('Use the http:// prefix, a @handle, v1.2@home, or xhttp://no.')).toEqual(['body'])
  })

  it('marks directive comments, also over several lines', () => {
    expect(parts('<!-- tactful-disable jargon -->\nWe will escalate the ticket.')).toEqual([
      {kind: 'directive', text: '<!-- tactful-disable jargon -->'},
      {kind: 'body', text: '\nWe will escalate the ticket.'}
    ])
    expect(kindsOf('A\n<!-- tactful-disable-next-line\n  blame -->\nB')).toEqual(['body', 'directive', 'body'])
    expect(kindsOf('Text <!-- tactful-enable --> more')).toEqual(['body', 'directive', 'body'])
  })

  it('prefers code over a comment inside it, and leaves an unclosed comment as body', () => {
    expect(kindsOf('Type `<!-- x -->` here.')).toEqual(['body', 'code', 'body'])
    expect(kindsOf('Broken <!-- comment\nstill body')).toEqual(['body'])
  })

  it('does not look for inline regions in quotes or signatures', () => {
    expect(kindsOf('Hi.\n\n> see https://example.com\n')).toEqual(['body', 'quote'])
    expect(kindsOf('Hi.\n-- \nhttps://example.com\n')).toEqual(['body', 'signature'])
  })
})

describe('splitReply: one-line replies', () => {
  it('finds every line marker on a reply of one line', () => {
    expect(parts('Best regards,')).toEqual([{kind: 'signoff', text: 'Best regards,'}])
    expect(parts('\u212aind regards,')).toEqual([{kind: 'signoff', text: '\u212aind regards,'}])
    expect(parts('Hi Dana,')).toEqual([{kind: 'greeting', text: 'Hi Dana,'}])
    expect(parts('@x 您好')).toEqual([{kind: 'greeting', text: '@x 您好'}])
    expect(kindsOf('On Monday, Sam wrote:')).toEqual(['quote'])
    expect(kindsOf('张三 写道：')).toEqual(['quote'])
    expect(kindsOf('-----Original Message-----')).toEqual(['quote'])
    expect(kindsOf('Begin forwarded message')).toEqual(['quote'])
    expect(kindsOf('> quoted')).toEqual(['quote'])
    expect(kindsOf('```')).toEqual(['code'])
    expect(kindsOf('    code', {format: 'markdown'})).toEqual(['code'])
    expect(kindsOf('--')).toEqual(['signature'])
    expect(kindsOf('Subject: refund', {format: 'email'})).toEqual(['header'])
  })

  it('keeps one-line lookalikes as body', () => {
    expect(kindsOf('Thanks!')).toEqual(['body'])
    expect(kindsOf('Sam Lee wrote:')).toEqual(['body'])
    expect(kindsOf('    code')).toEqual(['body'])
    expect(kindsOf('Subject: refund')).toEqual(['body'])
    expect(kindsOf('Hi there: see https://e.com')).toEqual(['body', 'url'])
  })

  it('splits a tweet around its URL and initials', () => {
    expect(parts('@AskX Sorry! DM us: https://t.co/AbC123 ^KB')).toEqual([
      {kind: 'body', text: '@AskX Sorry! DM us: '},
      {kind: 'url', text: 'https://t.co/AbC123'},
      {kind: 'body', text: ' '},
      {kind: 'signature', text: '^KB'}
    ])
    expect(parts('@sam Thanks, -Becky')).toEqual([
      {kind: 'body', text: '@sam Thanks, '},
      {kind: 'signature', text: '-Becky'}
    ])
    expect(parts('^JK')).toEqual([{kind: 'signature', text: '^JK'}])
  })
})

describe('splitReply: inline regions next to each other', () => {
  it('matches schemes in any case, only at the start of a word', () => {
    expect(textsOf('HTTPS://EXAMPLE.COM/A', 'url')).toEqual(['HTTPS://EXAMPLE.COM/A'])
    expect(textsOf('Go to WWW.Example.com.', 'url')).toEqual(['WWW.Example.com'])
    expect(kindsOf('xwww.example.com and xhttps://e.com')).toEqual(['body'])
    expect(textsOf('t.co/x.www.e.com', 'url')).toEqual(['t.co/x.www.e.com'])
  })

  it('starts a URL right after a code span or a comment', () => {
    expect(kindsOf('see `code`https://e.com')).toEqual(['body', 'code', 'url'])
    expect(kindsOf('Ok <!-- tactful-disable --> https://e.com')).toEqual(['body', 'directive', 'body', 'url'])
  })

  it('does not reach back into an address for the next one', () => {
    expect(parts('a@b.co@c.com')).toEqual([
      {kind: 'url', text: 'a@b.co'},
      {kind: 'body', text: '@c.com'}
    ])
  })
})

describe('splitReply: line endings and odd input', () => {
  it('handles CRLF line endings', () => {
    const text = 'Hi Ana,\r\n\r\nFixed.\r\n\r\nOn Mon, 3 Nov 2025, Sam wrote:\r\n> broken\r\n'
    expect(parts(text)).toEqual([
      {kind: 'greeting', text: 'Hi Ana,\r\n\r\n'},
      {kind: 'body', text: 'Fixed.\r\n\r\n'},
      {kind: 'quote', text: 'On Mon, 3 Nov 2025, Sam wrote:\r\n> broken\r\n'}
    ])
    expect(kindsOf('Done.\r\n\r\nBest regards,\r\nMarco\r\n')).toEqual(['body', 'signoff', 'signature'])
  })

  it('handles lone CR line endings', () => {
    const text = 'Hi Ana,\r\rFixed.\r-- \rJo\r\r> broken\r'
    expect(parts(text)).toEqual([
      {kind: 'greeting', text: 'Hi Ana,\r\r'},
      {kind: 'body', text: 'Fixed.\r'},
      {kind: 'signature', text: '-- \rJo\r\r'},
      {kind: 'quote', text: '> broken\r'}
    ])
  })

  it('handles lone surrogates and NUL bytes', () => {
    const text = 'Hi \uD800 Ana,\n\u0000bad\uDC00 `x\u0000` https://e.com/\uD83D\n> \u0000\n'
    expect(kindsOf(text)).toEqual(['greeting', 'body', 'code', 'body', 'url', 'body', 'quote'])
    expect(kindsOf('\u0000')).toEqual(['body'])
    expect(kindsOf('\uDFFF\r\n\uD800')).toEqual(['body'])
  })

  it('splits a 1 MB reply', () => {
    const paragraph = 'Hi Ana, see `code` at https://example.com/x or mail a@example.com <!-- c -->.\n> quoted\n\n'
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)) + 'Best,\nMia'
    expect(text.length).toBeGreaterThan(1_000_000)
    const result = splitReply(text, {format: 'markdown'})
    expectInvariant(text, result)
    expect(result.regions[result.regions.length - 1].kind).toBe('signature')
  })

  it('splits pathological inputs', () => {
    const size = 200_000
    const inputs = [
      'x'.repeat(size),
      '`'.repeat(size),
      Array.from({length: 600}, (_, index) => '`'.repeat(index + 1)).join(' '),
      '<!--'.repeat(size / 4),
      '<!--x'.repeat(size / 5) + '-->',
      'http://('.repeat(size / 8),
      'a@'.repeat(size / 2),
      'www.'.repeat(size / 4),
      '>'.repeat(size),
      '\n'.repeat(size),
      '\r'.repeat(size),
      '\r\n'.repeat(size / 2),
      ' '.repeat(size) + 'x',
      'On '.repeat(size / 3) + 'wrote:',
      'From: a\n'.repeat(size / 8),
      '```\n'.repeat(size / 4),
      '-'.repeat(size),
      'Hi '.repeat(size / 3),
      // Many body runs, each with a comment that never closes.
      '<!--\n> q\n'.repeat(size / 8),
      'x.'.repeat(size / 2),
      'mailto:'.repeat(size / 7)
    ]
    for (const text of inputs) {
      for (const format of ['text', 'markdown', 'email'] as const) {
        expectInvariant(text, splitReply(text, {format}))
      }
    }
  })

  it('keeps the invariant on arbitrary input', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\r\n',
        ' ',
        '> ',
        '-- ',
        '--',
        '`',
        '```',
        '~~~',
        '    ',
        '<!--',
        '-->',
        'On ',
        ' wrote:',
        '写道:',
        'From: ',
        'Sent: ',
        'Date: ',
        'http://',
        'www.a.',
        '@',
        '.com',
        'Best,',
        'Thanks,',
        '此致',
        '敬礼!',
        'Hi ',
        ' ^JK',
        ' -Becky',
        'Mia',
        '\u0000',
        '\uD800',
        '\uDC00'
      ),
      fc.integer({min: 0, max: 0xffff}).map((code) => String.fromCharCode(code))
    )
    fc.assert(
      fc.property(
        fc.string({unit, maxLength: 60}),
        fc.constantFrom('text', 'markdown', 'email') as fc.Arbitrary<SplitOptions['format']>,
        (text, format) => {
          expectInvariant(text, splitReply(text, {format}))
        }
      ),
      {numRuns: 2000}
    )
  })
})
