import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js'

/** The built `tactful-mcp` bin, as a client would start it. */
export const binPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/tactful-mcp/bin/tactful-mcp.js')

/** Start the built server as a process and connect an MCP client to it over stdio. */
export async function startServer(): Promise<Client> {
  const client = new Client({name: 'tactful-tests', version: '0.0.0'})
  await client.connect(new StdioClientTransport({command: process.execPath, args: [binPath], stderr: 'pipe'}))
  return client
}

/** Call a tool; arguments are `unknown` so that tests can send what a confused model might. */
export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({name, arguments: args})) as CallToolResult
}

/** The text content of a tool result, joined. */
export function textOf(result: CallToolResult): string {
  return result.content
    .filter((item) => item.type === 'text')
    .map((item) => item.text)
    .join('\n')
}
