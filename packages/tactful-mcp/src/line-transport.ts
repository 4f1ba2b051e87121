import process from 'node:process'
import type {Readable, Writable} from 'node:stream'
import type {Transport} from '@modelcontextprotocol/sdk/shared/transport.js'
import {ErrorCode, type JSONRPCMessage, JSONRPCMessageSchema} from '@modelcontextprotocol/sdk/types.js'

/** The longest line read, in bytes: room for any reply the tools take (they refuse long ones themselves). */
export const maxLineBytes = 256 * 1024 * 1024

/**
 * The MCP stdio transport (one JSON-RPC message per line), made to survive a bad client: a line
 * that is not JSON, or not JSON-RPC, is skipped (answered with an error when it has an `id`, so the
 * caller does not wait forever), and a line too long to read is dropped, not the connection.
 */
export class LineTransport implements Transport {
  onclose?: () => void
  onerror?: (error: Error) => void
  onmessage?: (message: JSONRPCMessage) => void

  private chunks: Buffer[] = []
  private size = 0
  // Inside a line over `maxLineBytes`: its bytes are dropped until it ends.
  private dropping = false
  private closed = false

  constructor(
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
    private readonly maxLine = maxLineBytes
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.read)
    this.input.on('error', this.fail)
    this.input.on('end', () => void this.close())
    // The client went away: nothing more can be sent, so stop rather than crash on the next write.
    this.output.on('error', (error) => {
      this.fail(error)
      void this.close()
    })
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return
    const line = `${JSON.stringify(message)}\n`
    if (this.output.write(line)) return
    await new Promise<void>((resolve) => {
      const done = () => {
        this.output.off('drain', done)
        this.output.off('close', done)
        resolve()
      }
      this.output.on('drain', done)
      this.output.on('close', done)
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.input.off('data', this.read)
    this.input.pause()
    this.chunks = []
    this.size = 0
    this.onclose?.()
  }

  private readonly fail = (error: Error) => {
    this.onerror?.(error)
  }

  private readonly read = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    let start = 0
    for (;;) {
      const newline = bytes.indexOf(0x0a, start)
      this.append(bytes.subarray(start, newline === -1 ? bytes.length : newline))
      if (newline === -1) return
      this.endLine()
      start = newline + 1
    }
  }

  private append(part: Buffer): void {
    if (this.dropping || part.length === 0) return
    if (this.size + part.length > this.maxLine) {
      this.dropping = true
      this.chunks = []
      this.size = 0
      return
    }
    this.chunks.push(part)
    this.size += part.length
  }

  private endLine(): void {
    if (this.dropping) {
      this.dropping = false
      this.fail(new Error(`Skipped a message longer than ${this.maxLine} bytes`))
      return
    }
    const line = Buffer.concat(this.chunks, this.size).toString('utf8').replace(/\r$/, '')
    this.chunks = []
    this.size = 0
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      this.fail(new Error(`Skipped a message that is not JSON: ${(error as Error).message}`, {cause: error}))
      return
    }
    const parsed = JSONRPCMessageSchema.safeParse(value)
    if (parsed.success) {
      this.onmessage?.(parsed.data)
      return
    }
    this.fail(new Error(`Skipped a message that is not JSON-RPC 2.0: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`))
    const id = (value as {id?: unknown} | null)?.id
    if (typeof id === 'string' || typeof id === 'number') {
      void this.send({
        jsonrpc: '2.0',
        id,
        error: {
          code: ErrorCode.InvalidRequest,
          message: 'Invalid request: expected a JSON-RPC 2.0 request with a string `method` and object `params`'
        }
      })
    }
  }
}
