// Scaffolds a rule and registers it everywhere rules are listed:
//   npm run new-rule <id>
// Creates rules/<id>/ (meta.json, index.ts, phrase data, README.md, a test file, English and Chinese
// fixtures), then runs the generator (scripts/generate.mjs) so the rules index, the README table, the
// extension's settings and the rule lists in the docs name the new rule. The scaffold is a working
// phrase rule that passes the meta, drift and fixture tests; replace its placeholder phrases, meta
// and fixtures with the real ones (CONTRIBUTING.md, "Adding a rule").
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {camelCase, generate} from './generate.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const id = process.argv[2]
const usage = 'Usage: npm run new-rule -- <id>   (kebab-case, names the problem: `over-apologizing`)'

if (!id || !/^[a-z]+(?:-[a-z]+)*$/.test(id)) {
  console.error(`${id ? `Expected a kebab-case rule id, not \`${id}\`` : 'Missing the rule id'}\n${usage}`)
  process.exit(2)
}
const folder = path.join(root, 'rules', id)
if (id === 'kit' || existsSync(folder)) {
  console.error(`Cannot create rule \`${id}\`: \`rules/${id}\` already exists\n${usage}`)
  process.exit(2)
}

// Placeholders the tests can check: the English phrase is the id's words, the Chinese one says "placeholder".
const phrase = id.replace(/-/g, ' ')
const phraseZh = '占位短语'
const reason = (actual) => `“${actual}” is what ${id} looks for; say why in a few words and offer a better wording`

const notOk = `Hi Sam,\n\nThanks for your message. This sentence says ${phrase}, which the rule flags.\n\nBest,\nAlex\nSupport\n`
const notOkZh = '王女士您好：\n\n感谢您的来信。这句话里有占位短语，规则会标出它。\n\n祝好，\n小林\n客户服务部\n'

/** `line:column-line:column` of `phrase` in `text`, 1-based, as the fixtures write findings. */
function span(text, actual) {
  const start = text.indexOf(actual)
  const before = text.slice(0, start).split('\n')
  const line = before.length
  const column = before[before.length - 1].length + 1
  return `${line}:${column}-${line}:${column + actual.length}`
}

const meta = {
  id,
  description: `Flag ${phrase}`,
  severity: 'warning',
  docs: {
    looksFor: `Replies that say “${phrase}”.`,
    why: 'Say why this matters to the customer, grounded in the guidance quoted below.',
    guidance: [{seed: '000', quote: 'Quote the guidance this rule stands on, from ../shared/seeds/.'}],
    example: {
      flagged: `Thanks for your message. This sentence says ${phrase}.`,
      fixed: 'Thanks for your message. This sentence says it better.'
    }
  }
}

const files = {
  'meta.json': `${JSON.stringify(meta, null, 2)}\n`,
  'phrases.json': `${JSON.stringify([{phrase}], null, 2)}\n`,
  'phrases.zh.json': `${JSON.stringify([{phrase: phraseZh}], null, 2)}\n`,
  'index.ts': `import {definePhrases, defineRule, findPhrases, quote, report, ruleMeta} from '../kit/index.js'
import metaData from './meta.json' with {type: 'json'}
import data from './phrases.json' with {type: 'json'}
import dataZh from './phrases.zh.json' with {type: 'json'}

const meta = ruleMeta(metaData)

const phrases = definePhrases(data)
const phrasesZh = definePhrases(dataZh, 'zh')

export default defineRule(meta, (tree, file, context) => {
  for (const match of [...findPhrases(tree, file, phrases), ...findPhrases(tree, file, phrasesZh)]) {
    const actual = context.source.slice(match.start, match.end)
    report(file, {start: match.start, end: match.end, reason: \`\${quote(actual)} is what ${id} looks for; say why in a few words and offer a better wording\`})
  }
})
`,
  'README.md': `# ${id}

${meta.description}

What the rule flags, in a paragraph: the phrases it looks for and the ones it leaves alone.

## Why

> ${meta.docs.guidance[0].quote}
>
> — seed ${meta.docs.guidance[0].seed}

## Flagged

- *${meta.docs.example.flagged}*
  - ${reason(phrase)}

A whole reply is in \`test/fixtures/not-ok.txt\`, and one in Chinese in \`test/fixtures/not-ok.zh.txt\`.

## Not flagged

- *${meta.docs.example.fixed}*

\`test/fixtures/ok.txt\` and \`test/fixtures/ok.zh.txt\` are whole replies that yield no finding.

## Options

Only the severity: \`{"rules": {"${id}": "off"}}\` (or \`info\`, \`warning\`, \`error\`).

## Adding a phrase

Add an entry to \`phrases.json\` (Chinese: \`phrases.zh.json\`), lower-case, one per phrase, then a case
to \`test/${id}.test.ts\` (one that must be flagged and one like it that must not).
`,
  [`test/${id}.test.ts`]: `import {describe, expect, it} from 'vitest'
import {ruleUrl} from '../../kit/index.js'
import ${camelCase(id)} from '../index.js'
import {lintLines, lintMessages} from '../../../tests/helpers.js'

describe('${id}', () => {
  it('flags the phrase it looks for', async () => {
    expect(await lintLines(${camelCase(id)}, 'This sentence says ${phrase}.')).toEqual(['1:20-1:${20 + phrase.length} ${id} “${phrase}”'])
  })

  it('leaves other replies alone', async () => {
    expect(await lintLines(${camelCase(id)}, 'Thanks for your message. This sentence says it better.')).toEqual([])
  })

  it('stamps its meta on each finding', async () => {
    const [finding] = await lintMessages(${camelCase(id)}, 'This sentence says ${phrase}.')
    expect(finding).toMatchObject({ruleId: '${id}', url: ruleUrl('${id}'), severity: 'warning'})
  })
})
`,
  'test/fixtures/ok.txt': 'Hi Sam,\n\nThanks for your message. Your refund of $25 was issued this morning.\n\nBest,\nAlex\nSupport\n',
  'test/fixtures/not-ok.txt': notOk,
  'test/fixtures/not-ok.expected.txt': `${span(notOk, phrase)} ${id} ${reason(phrase)}\n`,
  'test/fixtures/ok.zh.txt': '王女士您好：\n\n感谢您的来信。您的退款已经在今天上午退回原支付账户。\n\n祝好，\n小林\n客户服务部\n',
  'test/fixtures/not-ok.zh.txt': notOkZh,
  'test/fixtures/not-ok.zh.expected.txt': `${span(notOkZh, phraseZh)} ${id} ${reason(phraseZh)}\n`
}

for (const [name, content] of Object.entries(files)) {
  const file = path.join(folder, name)
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, content)
  console.log(`created rules/${id}/${name}`)
}
for (const {file, content} of generate(root)) {
  if (readFileSync(path.join(root, file), 'utf8') === content) continue
  writeFileSync(path.join(root, file), content)
  console.log(`updated ${file}`)
}
console.log(`
Next: replace the placeholders in rules/${id}/ (meta.json, phrases*.json, index.ts, README.md, the test
and the fixtures), run \`npm run generate\` after editing meta.json, then
  npx vitest run tests/meta.test.ts tests/scripts/ tests/fixtures.test.ts rules/${id}/
See CONTRIBUTING.md, "Adding a rule".`)
