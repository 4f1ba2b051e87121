import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js'
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js'
import {fix, lint, type LintOptions, ruleList} from 'tactful'
import packageJson from '../package.json' with {type: 'json'}
import {summarizeFix, summarizeLint, withActions} from './describe.js'
import {explainRule} from './explanations/index.js'
import {renderExplanation, renderFix, renderLint, type FixReport, type LintReport} from './render.js'
import {describeTooLong, explainInput, explainOutput, fixInput, fixOutput, lintInput, lintOutput, maxTextLength} from './schemas.js'

const readOnly = {readOnlyHint: true, idempotentHint: true, openWorldHint: false} as const

/** Make the tactful MCP server, its tools registered; connect it to a transport to serve. */
export function createServer(): McpServer {
  const server = new McpServer({name: 'tactful', version: packageJson.version})

  server.registerTool(
    'lint_reply',
    {
      title: 'Lint a customer-service reply',
      description:
        `Check a customer-service reply draft before sending it. What it checks: ${checks()}. ` +
        'Each finding has an `action`: one instruction saying exactly what to ' +
        'change (“Replace ‘…’ with ‘…’” or “Rewrite ‘…’: why”). Also lists the concrete commitments the reply makes. ' +
        'Revise the draft (or call `fix_reply`), then call `lint_reply` again; send the reply when the summary says there are no findings. ' +
        '`explain_rule` tells more about a finding’s rule.',
      inputSchema: lintInput,
      outputSchema: lintOutput,
      annotations: readOnly
    },
    async ({text, format, filePath, now}) =>
      run('lint_reply', async () => {
        checkSize(text)
        const options = optionsOf(format, filePath)
        if (now !== undefined) options.now = now
        const result = await lint(text, options)
        const report: LintReport = {
          summary: summarizeLint(result.findings, result.notices),
          findings: withActions(result.findings),
          commitments: result.commitments,
          notices: result.notices
        }
        // Parsing keeps exactly the declared fields, so a field the library adds later cannot break a client's schema check.
        return {content: [{type: 'text', text: renderLint(report)}], structuredContent: lintOutput.parse(report)}
      })
  )

  server.registerTool(
    'fix_reply',
    {
      title: 'Fix a customer-service reply',
      description:
        'Apply the safe, automatic rewrites to a customer-service reply draft (for example “We won’t be able to see you ' +
        'before Friday” → “We’ll be able to see you on Friday”). Returns the fixed `text`, the findings that were `applied`, ' +
        'and the findings still `remaining`, each with an `action` to carry out by hand. Nothing is sent to the customer.',
      inputSchema: fixInput,
      outputSchema: fixOutput,
      annotations: readOnly
    },
    async ({text, format, filePath}) =>
      run('fix_reply', async () => {
        checkSize(text)
        const result = await fix(text, optionsOf(format, filePath))
        const report: FixReport = {
          text: result.output,
          summary: summarizeFix(result.fixed, result.remaining),
          applied: result.fixed,
          remaining: withActions(result.remaining)
        }
        return {content: [{type: 'text', text: renderFix(report)}], structuredContent: fixOutput.parse(report)}
      })
  )

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a tactful rule',
      description:
        'Explain one rule by the `ruleId` of a finding: what it looks for, why it matters to the customer, a flagged ' +
        'example with its fixed version, and the documentation URL.',
      inputSchema: explainInput,
      outputSchema: explainOutput,
      annotations: readOnly
    },
    async ({ruleId}) =>
      run('explain_rule', async () => {
        const explanation = explainRule(ruleId)
        return {content: [{type: 'text', text: renderExplanation(explanation)}], structuredContent: explainOutput.parse(explanation)}
      })
  )

  return server
}

/** What the rules check, from their own descriptions: “flag replies that …; flag …”. */
function checks(): string {
  return ruleList.map((rule) => rule.meta.description.charAt(0).toLowerCase() + rule.meta.description.slice(1)).join('; ')
}

/** The lint options a tool's arguments give: the library chooses the format from `filePath` when `format` is not given. */
function optionsOf(format: string | undefined, filePath: string | undefined): LintOptions {
  const options: LintOptions = {}
  if (format !== undefined) options.format = format as LintOptions['format']
  if (filePath !== undefined) options.filePath = filePath
  return options
}

/** Run a tool's work, turning any exception into a tool error so that the server keeps serving. */
async function run(tool: string, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`tactful-mcp: ${tool} failed: ${message}`)
    return {content: [{type: 'text', text: `${tool} failed: ${message}`}], isError: true}
  }
}

/** Refuse a reply over the size limit before linting it; the input schema says so too. */
function checkSize(text: string): void {
  if (text.length > maxTextLength) {
    throw new Error(describeTooLong(text.length))
  }
}
