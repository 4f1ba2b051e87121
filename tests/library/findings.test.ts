// What a finding carries for the CLI, the language server and the MCP server: the why (`note`),
// typed fixes with their own titles, and for jargon the term a glossary can allow.
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it, vi} from 'vitest'
import {applyFix, defineRule, report, ruleUrl} from '../../rules/kit/index.js'

// A rule written the old way: it sets `expected` on a message by hand, as STYLE's jargon example does.
vi.mock('../../rules/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../rules/index.js')>()
  const kit = await import('../../rules/kit/index.js')
  const byHand = kit.defineRule(
    {id: 'by-hand', description: 'Flag “zzyzx”', url: kit.ruleUrl('by-hand'), severity: 'info'},
    (_tree, file) => {
      const start = String(file.value).indexOf('zzyzx')
      if (start === -1) return
      const message = file.message('“zzyzx” is a place, not a word', {
        place: {start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: start + 6, offset: start + 5}}
      })
      message.actual = 'zzyzx'
      message.expected = ['Zzyzx Road', 'the road']
    }
  )
  const rules = [...original.rules, byHand]
  return {...original, rules, ruleIds: rules.map((rule) => rule.meta.id)}
})

const {lint, formatFromPath} = await import('../../packages/tactful/src/index.js')

describe('typed fixes', () => {
  it('give every suggestion a titled fix that leaves exactly that suggestion in place', async () => {
    const text = "Please raise an RMA. We won't be able to see you before Friday. Kindly revert with your order number"
    const {findings} = await lint(text)
    expect(findings.length).toBeGreaterThan(2)
    for (const finding of findings) {
      expect(finding.fixes).toHaveLength(finding.suggestions.length)
      finding.fixes.forEach((fix, index) => {
        expect(applyFix(finding.actual, fix)).toBe(finding.suggestions[index])
        expect(fix.title).toMatch(/^(Replace with|Add) “.+”$/)
      })
    }
    const negative = findings.find((finding) => finding.actual.startsWith('We won'))
    expect(negative?.fixes[0]).toEqual({
      kind: 'replace',
      title: "Replace with “We'll be able to see you on Friday”",
      text: "We'll be able to see you on Friday"
    })
  })

  it('add the thank-you after the closing sentence, titled by what is added', async () => {
    const {findings} = await lint('Your parcel is on its way')
    const [thanks] = findings
    expect(thanks.actual).toBe('Your parcel is on its way')
    expect(thanks.fixes.map((fix) => [fix.kind, fix.title, fix.text])).toEqual([
      ['insert', 'Add “Thank you for getting in touch.”', '. Thank you for getting in touch.'],
      ['insert', 'Add “Thank you for your patience.”', '. Thank you for your patience.']
    ])
    // The suggestions stay drop-in replacements for the closing sentence, as before.
    expect(thanks.suggestions[0]).toBe('Your parcel is on its way. Thank you for getting in touch.')
  })

  it('add a Chinese thank-you without the full stop that joins it on', async () => {
    const [thanks] = (await lint('您的订单已发货')).findings
    expect(thanks.fixes[0]).toEqual({kind: 'insert', title: 'Add “感谢您的咨询。”', text: '。感谢您的咨询。'})
  })

  it('are made from `expected` for a rule that sets it by hand', async () => {
    const [finding] = (await lint('We are on zzyzx now. Thanks!')).findings.filter((item) => item.ruleId === 'by-hand')
    expect(finding.suggestions).toEqual(['Zzyzx Road', 'the road'])
    expect(finding.fixes).toEqual([
      {kind: 'replace', title: 'Replace with “Zzyzx Road”', text: 'Zzyzx Road'},
      {kind: 'replace', title: 'Replace with “the road”', text: 'the road'}
    ])
    expect(finding).not.toHaveProperty('note')
  })

  it('come from `report`: `expected` as before, `insert` for an addition, `term` for the glossary', async () => {
    const swap = defineRule({id: 'swap', description: 'Swap a word', url: ruleUrl('swap'), severity: 'warning'}, (_tree, file) => {
      report(file, {start: 0, end: 5, reason: 'Swap it', expected: ['Howdy']})
      report(file, {start: 6, end: 11, reason: 'Add to it', insert: [' there'], term: 'world', note: 'Why it matters.'})
    })
    const file = new VFile('Hello world')
    const processor = unified().use(retextEnglish).use(swap)
    await processor.run(processor.parse(file), file)
    const result = file.messages as unknown as Array<Record<string, unknown>>
    expect(result.map((message) => [message.actual, message.expected, message.fixes, message.term, message.note])).toEqual([
      ['Hello', ['Howdy'], [{kind: 'replace', title: 'Replace with “Howdy”', text: 'Howdy'}], undefined, undefined],
      ['world', ['world there'], [{kind: 'insert', title: 'Add “there”', text: ' there'}], 'world', 'Why it matters.']
    ])
  })
})

describe('notes and glossary terms', () => {
  it('keep the rule’s note: the why, beyond the message', async () => {
    const [finding] = (await lint('Kindly revert with your order number. Thanks!')).findings
    expect(finding).toMatchObject({ruleId: 'jargon', note: 'Many readers take “revert” to mean “undo”.'})
  })

  it('name the jargon term without the article its fix takes along', async () => {
    const [rma] = (await lint('Please request an RMA before sending it back. Thanks!')).findings
    expect(rma).toMatchObject({actual: 'an RMA', suggestions: ['a return authorization'], glossaryTerm: 'RMA'})
  })

  it('give an unknown abbreviation its term too, and no other rule one', async () => {
    const {findings} = await lint("Your MFA code is on its way. We can't refund you. Thanks!")
    expect(findings.find((finding) => finding.actual === 'MFA')?.glossaryTerm).toBe('MFA')
    expect(findings.filter((finding) => finding.ruleId !== 'jargon').every((finding) => finding.glossaryTerm === undefined)).toBe(true)
  })

  it('give no term for a term the team itself flags: allowing it would not stop the flag', async () => {
    const [finding] = (await lint('Your ticket went to tier two. Thanks!', {glossary: {flag: {'tier two': ['our specialist team']}}}))
      .findings
    expect(finding).toMatchObject({actual: 'tier two', suggestions: ['our specialist team']})
    expect(finding).not.toHaveProperty('glossaryTerm')
  })
})

describe('format from the file name', () => {
  it('reads .eml as email, .md and .markdown as Markdown, .txt as text, from a path or a URI', () => {
    expect(formatFromPath('replies/refund.eml')).toBe('email')
    expect(formatFromPath('C:\\replies\\REFUND.EML')).toBe('email')
    expect(formatFromPath('file:///home/sam/replies/refund.eml')).toBe('email')
    expect(formatFromPath('notes.md')).toBe('markdown')
    expect(formatFromPath('notes.markdown')).toBe('markdown')
    expect(formatFromPath('reply.txt')).toBe('text')
    expect(formatFromPath('reply')).toBeUndefined()
    expect(formatFromPath('untitled:Untitled-1')).toBeUndefined()
    expect(formatFromPath('archive.eml/reply')).toBeUndefined()
  })

  it('lets `filePath` choose the format, and an explicit `format` win over it', async () => {
    const email = 'Subject: We cannot refund you\n\nHi Alex,\n\nYour parcel is on its way. Thanks!\n'
    expect((await lint(email)).findings.map((finding) => finding.actual)).toEqual(['We cannot refund you'])
    expect((await lint(email, {filePath: 'reply.eml'})).findings).toEqual([])
    expect((await lint(email, {format: 'email'})).findings).toEqual([])
    expect((await lint(email, {filePath: 'reply.eml', format: 'text'})).findings.map((finding) => finding.actual)).toEqual([
      'We cannot refund you'
    ])
  })

  it('rejects a `filePath` that is not a string', async () => {
    await expect(lint('Hi', {filePath: 42} as never)).rejects.toThrow(
      "Expected `filePath` in options to be the reply's file name, not number"
    )
  })
})
