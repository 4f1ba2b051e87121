// The CLI, the language server, the MCP server and the VS Code extension format what the library
// returns; none names a rule. What a rule knows (its fixes' titles, its glossary term, why it
// matters) comes with its findings.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ruleIds} from '../rules/index.js'

const root = path.resolve(import.meta.dirname, '..')

const consumers = [
  'packages/language-server/src',
  'packages/tactful-mcp/src',
  'extension/src',
  'packages/tactful/src/cli.ts',
  'packages/tactful/src/cli'
]
// Being removed: the rule explanations move into the rules' meta.
const excluded = new Set(['packages/tactful-mcp/src/explanations'])

function filesUnder(relative: string): string[] {
  if (excluded.has(relative) || !existsSync(path.join(root, relative))) return []
  if (statSync(path.join(root, relative)).isFile()) return [relative]
  return readdirSync(path.join(root, relative)).flatMap((name) => filesUnder(path.posix.join(relative, name)))
}

// A rule id as a word of its own: `jargon`, but not `jargon-free` or `jargonish`.
function mentions(text: string): string[] {
  return ruleIds.filter((id) => new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(text))
}

describe('consumers never name a rule', () => {
  it('finds a rule id where one is written', () => {
    expect(mentions("if (data.ruleId === 'missing-thanks')")).toEqual(['missing-thanks'])
    expect(mentions('Flags blame-shifting and jargon,')).toEqual(['blame-shifting', 'jargon'])
    expect(mentions('jargon-free, jargonish')).toEqual([])
  })

  const files = consumers.flatMap(filesUnder).filter((file) => /\.(?:ts|js|mjs|json)$/.test(file))

  it('looks at every consumer’s source', () => {
    for (const folder of ['packages/language-server/src', 'packages/tactful-mcp/src', 'extension/src']) {
      expect(
        files.some((file) => file.startsWith(`${folder}/`)),
        folder
      ).toBe(true)
    }
    expect(files).toContain('packages/tactful/src/cli.ts')
  })

  it.each(files)('%s names no rule', (file) => {
    expect(mentions(readFileSync(path.join(root, file), 'utf8'))).toEqual([])
  })
})
