import retextEnglish from 'retext-english'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {fix, lint, retextTactful} from '../../packages/tactful/src/index.js'

const seed = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do."

describe('lint', () => {
  it('returns findings with exactly the documented fields', async () => {
    const {findings} = await lint(seed)
    expect(findings.map((finding) => finding.ruleId)).toEqual(['blame-shifting', 'blame-shifting', 'negative-phrasing', 'missing-thanks'])
    for (const finding of findings) {
      // `note` and typed `fixes` joined the documented fields; `glossaryTerm` only comes with jargon.
      expect(Object.keys(finding).sort()).toEqual([
        'actual',
        'end',
        'fixes',
        'message',
        'note',
        'ruleId',
        'severity',
        'start',
        'suggestions',
        'url'
      ])
      expect(finding.actual).toBe(seed.slice(finding.start.offset, finding.end.offset))
      expect(finding.url).toMatch(new RegExp(`/rules/${finding.ruleId}/README\\.md$`))
    }
    expect(findings[0]).toMatchObject({
      actual: "It's not our fault",
      start: {line: 1, column: 1, offset: 0},
      end: {line: 1, column: 19, offset: 18},
      severity: 'warning'
    })
  })

  it('counts lines and columns in UTF-16 code units across CRLF, CR and emoji', async () => {
    const text = 'Thanks!\r\n😀 Please raise an RMA.\rWe cannot ship it.'
    const {findings} = await lint(text)
    const rma = findings.find((finding) => finding.ruleId === 'jargon')
    expect(rma).toMatchObject({actual: 'an RMA', start: {line: 2, column: 17, offset: 25}})
    const refusal = findings.find((finding) => finding.ruleId === 'negative-phrasing')
    expect(refusal).toMatchObject({actual: 'We cannot ship it', start: {line: 3, column: 1, offset: 33}})
  })

  it('never reports inside quoted history or the signature, but reads thanks only in the body', async () => {
    const text = [
      'Your replacement shipped this morning.',
      '',
      '-- ',
      'Jo Park | Thank you for choosing us | tier 2 support',
      '',
      'On Tue, 4 Nov 2025, Sam Lee <sam@example.com> wrote:',
      "> It's not your fault. Thanks! We can't refund it ASAP, per my last email."
    ].join('\n')
    const {findings} = await lint(text)
    expect(findings.map((finding) => [finding.ruleId, finding.actual])).toEqual([
      ['missing-thanks', 'Your replacement shipped this morning.']
    ])
  })

  it('never flags code, code spans or URLs in markdown', async () => {
    const text =
      'Thanks! Run `kindly revert --asap` or see https://example.com/we-cannot-help-tier-2.\n\n```\nWe cannot do that. RMA SLA\n```\n'
    expect((await lint(text, {format: 'markdown'})).findings).toEqual([])
  })

  it('honours disable comments', async () => {
    const text = 'Thanks for asking.\n<!-- tactful-disable-next-line jargon -->\nPlease raise an RMA.\nOur SLA is two days.'
    const {findings} = await lint(text)
    expect(findings.map((finding) => finding.actual)).toEqual(['SLA'])
    const all = await lint(`<!-- tactful-disable -->\n${seed}`)
    expect(all.findings).toEqual([])
  })

  it('applies per-rule severity and turns rules off', async () => {
    const {findings} = await lint(seed, {rules: {'blame-shifting': 'error', 'missing-thanks': 'off', 'negative-phrasing': 'info'}})
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['blame-shifting', 'error'],
      ['blame-shifting', 'error'],
      ['negative-phrasing', 'info']
    ])
  })

  it('throws clear errors for bad input and options', async () => {
    await expect(lint(42 as unknown as string)).rejects.toThrow('Expected the reply as a string, not a number')
    await expect(lint('Hi', {rules: {jargn: 'off'}})).rejects.toThrow('Cannot find rule `jargn`')
    await expect(lint('Hi', {rules: {jargon: 'loud' as 'off'}})).rejects.toThrow(
      'Expected `off`, `info`, `warning` or `error` for rule `jargon`, not `loud`'
    )
    await expect(lint('Hi', {now: 'yesterday-ish'})).rejects.toThrow('Expected `now` to be a date')
  })

  it('copes with empty text, whitespace, emoji only and a signature only', async () => {
    for (const text of ['', '   \n\n', '🙂🙂', '-- \nJo Park\nSupport']) {
      expect(await lint(text)).toEqual({findings: [], commitments: [], notices: []})
    }
  })

  it('refuses a reply over the size limit with one notice', async () => {
    const result = await lint('We cannot help. '.repeat(10), {maxSize: 100})
    expect(result.findings).toEqual([])
    expect(result.notices).toEqual(['Not linted: the reply is 160 characters long, over the limit of 100 (set `maxSize` to raise it)'])
  })

  it('resolves commitments against now, or the email’s Date header', async () => {
    const now = new Date(2025, 10, 5, 10)
    const {commitments} = await lint("Thanks, Omar. I'll call you back at 3:30 pm tomorrow.", {now})
    expect(commitments).toEqual([
      {
        text: "I'll call you back at 3:30 pm tomorrow",
        start: {line: 1, column: 15, offset: 14},
        end: {line: 1, column: 53, offset: 52},
        due: new Date(2025, 10, 6, 15, 30).toISOString()
      }
    ])
    const email =
      'From: Support <help@example.com>\nTo: Omar <omar@example.com>\nSubject: Your order\nDate: Wed, 5 Nov 2025 10:00:00 +0000\n\nThanks, Omar. We will ship the replacement by Friday.'
    const fromHeader = await lint(email, {format: 'email'})
    expect(fromHeader.commitments.map((commitment) => commitment.due?.slice(0, 10))).toEqual(['2025-11-07'])
  })
})

describe('fix', () => {
  it('applies safe suggestions and reports what is left', async () => {
    const {output, fixed, remaining} = await fix("Thanks for your message. We won't be able to see you before Friday.")
    expect(output).toBe("Thanks for your message. We'll be able to see you on Friday.")
    expect(fixed.map((finding) => finding.ruleId)).toEqual(['negative-phrasing'])
    expect(remaining).toEqual([])
  })

  it('leaves findings that need a person', async () => {
    const {output, remaining} = await fix(seed)
    expect(output).toBe(seed)
    expect(remaining.map((finding) => finding.ruleId)).toContain('blame-shifting')
  })
})

describe('retextTactful', () => {
  it('works as a retext preset on unified', async () => {
    const file = await unified()
      .use(retextEnglish)
      .use(retextTactful, {rules: {'missing-thanks': 'off'}})
      .use(retextStringify)
      .process('Thanks! Please kindly revert with the RMA.\n\n> We cannot help, per my last email.')
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.source])).toEqual([
      ['jargon', 'kindly revert', 'tactful'],
      ['jargon', 'RMA', 'tactful']
    ])
  })

  it('leaves the tree as the parser made it: what the rules share stays out of its fields and JSON', async () => {
    const processor = unified().use(retextEnglish).use(retextTactful)
    const text = 'We can’t do that, it’s not our fault. Please kindly revert.'
    const tree = processor.parse(text)
    const before = JSON.stringify(tree)
    const file = new VFile(text)
    await processor.run(tree, file)
    expect(file.messages.length).toBeGreaterThan(0)
    expect(JSON.stringify(tree)).toBe(before)
    expect(Object.keys(tree).sort()).toEqual(['children', 'position', 'type'])
    // A second run on the same tree reports the same findings, once each.
    const again = new VFile(text)
    await processor.run(tree, again)
    expect(again.messages.map((message) => message.reason)).toEqual(file.messages.map((message) => message.reason))
  })
})
