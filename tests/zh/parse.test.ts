import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {lint} from '../../packages/tactful/src/index.js'
import {parseChinese} from '../../packages/tactful/src/parse/chinese.js'
import {detectLanguages, lineLanguage} from '../../packages/tactful/src/parse/detect.js'
import {parseReply} from '../../packages/tactful/src/parse/index.js'

// Every node with a position covers exactly its text in the input.
function checkPositions(tree: Root, text: string): void {
  const visit = (node: {type: string; position?: {start: {offset?: number}; end: {offset?: number}}; children?: unknown[]}) => {
    if (node.position && node.type !== 'RootNode') {
      expect(text.slice(node.position.start.offset, node.position.end.offset)).toBe(toString(node as never))
    }
    for (const child of (node.children ?? []) as Array<typeof node>) visit(child)
  }
  visit(tree as never)
}

describe('language detection', () => {
  it('reads a line by its Chinese characters against its other words', () => {
    expect(lineLanguage('您好，您的订单已发货。')).toBe('zh')
    expect(lineLanguage('请在App里打开Settings > Wi-Fi')).toBe('zh')
    expect(lineLanguage('Thanks for your order, 王先生.')).toBe('en')
    expect(lineLanguage('12345 😊')).toBeUndefined()
  })

  it('groups lines into blocks and gives lines without letters their paragraph’s language', () => {
    const text = '您好！您的订单已经发货了。\n订单号：\n12345\n\nThanks for waiting.'
    const {lang, blocks} = detectLanguages(text)
    expect(lang).toBe('zh')
    expect(blocks.map((block) => [block.lang, text.slice(block.start, block.end)])).toEqual([
      ['zh', '您好！您的订单已经发货了。\n订单号：\n12345\n\n'],
      ['en', 'Thanks for waiting.']
    ])
  })
})

describe('language detection without Chinese', () => {
  // The reading line by line, for text with no Chinese character: every line is English.
  const byLines = (text: string) => {
    const languages = text.split(/\r\n|\r|\n/).map(lineLanguage)
    return languages.every((lang) => lang === undefined || lang === 'en')
  }

  it('reads text with no Chinese character as one English block, whatever its lines hold', () => {
    for (const text of ['Hi Dana,\n\n12345\n\n😊\r\nThanks!\n', 'Ça marche, merci — спасибо!', '\n\n', ' ', '1.\n2.']) {
      expect(byLines(text)).toBe(true)
      expect(detectLanguages(text)).toEqual({lang: 'en', blocks: [{lang: 'en', start: 0, end: text.length}]})
    }
    expect(detectLanguages('')).toEqual({lang: 'en', blocks: []})
  })

  it('still reads line by line once one Chinese character appears', () => {
    const text = 'Hello there.\n谢谢'
    expect(detectLanguages(text).blocks.map((block) => block.lang)).toEqual(['en', 'zh'])
  })
})

describe('the Chinese parser', () => {
  it('gives the nlcst shape: paragraphs, sentences, words, punctuation, symbols and white space', () => {
    const text = '亲😊 您的订单已发货！请查收。\n\n感谢您的耐心等待～'
    const tree = parseChinese(text)
    expect(toString(tree)).toBe(text)
    checkPositions(tree, text)
    const paragraphs = tree.children.filter((child) => child.type === 'ParagraphNode')
    expect(paragraphs).toHaveLength(2)
    const sentences = paragraphs[0].type === 'ParagraphNode' ? paragraphs[0].children.filter((child) => child.type === 'SentenceNode') : []
    expect(sentences.map((sentence) => toString(sentence))).toEqual(['亲😊 您的订单已发货！', '请查收。'])
    const first = sentences[0].type === 'SentenceNode' ? sentences[0].children : []
    expect(first.map((node) => node.type)).toContain('SymbolNode')
    expect(
      first
        .filter((node) => node.type === 'WordNode')
        .map((node) => toString(node))
        .join('')
    ).toBe('亲您的订单已发货')
  })

  it('keeps Latin words, versions and full-width letters whole', () => {
    const tree = parseChinese('请在Wi-Fi下把iOS更新到17.2，再输入ＰＩＮ码。')
    const words: string[] = []
    const visit = (node: {type: string; children?: unknown[]}) => {
      if (node.type === 'WordNode') words.push(toString(node as never))
      else for (const child of (node.children ?? []) as Array<typeof node>) visit(child)
    }
    visit(tree as never)
    expect(words).toEqual(expect.arrayContaining(['Wi-Fi', 'iOS', '17.2', 'ＰＩＮ']))
  })

  it('ends a sentence at a line break and keeps closing quotes with it', () => {
    const text = '他说：“好的。”然后走了\n第二行'
    const tree = parseChinese(text)
    checkPositions(tree, text)
    const [paragraph] = tree.children
    const sentences =
      paragraph.type === 'ParagraphNode'
        ? paragraph.children.filter((child) => child.type === 'SentenceNode').map((node) => toString(node))
        : []
    expect(sentences).toEqual(['他说：“好的。”', '然后走了', '第二行'])
  })

  it('copes with empty text, blank lines and CRLF', () => {
    expect(parseChinese('').children).toEqual([])
    const text = '\r\n\r\n您好\r\n\r\n  谢谢  '
    const tree = parseChinese(text)
    expect(toString(tree)).toBe(text)
    checkPositions(tree, text)
  })
})

describe('mixed replies', () => {
  it('parses each paragraph with the parser of its language, offsets unchanged', () => {
    const text = 'Hi Tom,\n\nWe can’t refund opened items.\n\n另外，我们不能修改地址。'
    const tree = parseReply(text)
    checkPositions(tree, text)
    expect(toString(tree)).toBe(text)
    const langs = tree.children.filter((child) => child.type === 'ParagraphNode').map((child) => child.data?.lang)
    expect(langs).toEqual(['en', 'en', 'zh'])
    expect(tree.data?.lang).toBe('en')
  })

  it('runs the English logic on English paragraphs and the Chinese logic on Chinese ones', async () => {
    const text = 'Thank you for your patience. We will get back to you soon.\n\n很抱歉，我们无法为您退款，我们会尽快联系您。'
    const {findings} = await lint(text)
    expect(findings.map((finding) => `${finding.ruleId} “${finding.actual}”`)).toEqual([
      'broken-promises “soon”',
      'negative-phrasing “我们无法为您退款”',
      'broken-promises “尽快”'
    ])
  })

  it('reads English jargon and abbreviations typed inside Chinese', async () => {
    const {findings} = await lint('您好，我们明天 touch base 一下，感谢您的耐心。')
    expect(findings.map((finding) => [finding.ruleId, finding.actual])).toEqual([['jargon', 'touch base']])
  })

  it('counts English thanks in a Chinese reply, and Chinese thanks in an English one', async () => {
    expect((await lint('已为您开通国际漫游，Thanks！')).findings).toEqual([])
    expect((await lint('Your refund has been processed today. 谢谢!')).findings).toEqual([])
  })

  it('suggests a thank-you in the language of the closing sentence', async () => {
    const chinese = await lint('您的订单已发货。')
    expect(chinese.findings[0].suggestions).toEqual(['您的订单已发货。感谢您的咨询。', '您的订单已发货。感谢您的耐心等待。'])
    const english = await lint('您好！\nYour order has shipped.')
    expect(english.findings[0].suggestions[0]).toBe('Your order has shipped. Thank you for getting in touch.')
  })
})

describe('Chinese email structure is context', () => {
  it('flags nothing in a “在 … 写道:” quoted history', async () => {
    const text =
      '您好，您的退款已于今天到账，感谢您的耐心等待。\n\n在 2025年5月3日 周六 14:20，王先生 <wang@example.com> 写道：\n> 这不是你们的错吗？你们会尽快处理吗？\n> 我们不能等了，SLA是多少？'
    expect((await lint(text)).findings).toEqual([])
  })

  it('flags nothing in a 发件人/发送时间 forwarded block', async () => {
    const text =
      '您好，已为您重新发货，感谢您的理解。\n\n发件人: 李娜\n发送时间: 2025年6月1日 9:30\n主题: 投诉\n\n这不是我们的错，我们无法退款。'
    expect((await lint(text)).findings).toEqual([])
  })

  it('flags nothing in a 此致 敬礼 sign-off and signature, and counts no thanks there', async () => {
    const signed = '尊敬的客户：\n您好！您的发票已重新开具，感谢您的耐心。\n\n此致\n敬礼\n\n张伟\n二线技术支持部 SLA组'
    expect((await lint(signed)).findings).toEqual([])
    const unthanked = '尊敬的客户：\n您好！您的发票已重新开具。\n\n此致\n敬礼\n\n张伟\n客户服务部'
    expect((await lint(unthanked)).findings.map((finding) => [finding.ruleId, finding.actual])).toEqual([
      ['missing-thanks', '您的发票已重新开具。']
    ])
  })

  it('counts 谢谢 above the name as thanks, like “Thanks,”', async () => {
    expect((await lint('亲，订单已发货～\n\n谢谢！\n小美')).findings).toEqual([])
    expect((await lint('您好，订单已发货。\n\n祝好！\n张伟')).findings.map((finding) => finding.ruleId)).toEqual(['missing-thanks'])
  })
})
