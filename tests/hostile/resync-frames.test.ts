import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {resyncFrames} from '../../packages/language-server/src/resync-frames.js'

function frame(body: string): Buffer {
  return Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
}

// Feed `bytes` in pieces cut at `cuts`, and collect what comes out and what was skipped.
async function pass(bytes: Buffer, cuts: number[]): Promise<{output: Buffer; skipped: string[]}> {
  const skipped: string[] = []
  const stream = resyncFrames((count, why) => skipped.push(`${count}: ${why}`))
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => stream.on('end', resolve))
  let from = 0
  for (const cut of [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)) {
    stream.write(bytes.subarray(from, cut))
    from = cut
  }
  stream.end(bytes.subarray(from))
  await ended
  return {output: Buffer.concat(chunks), skipped}
}

const body = fc.oneof(
  fc.json(),
  fc.string({unit: 'binary', maxLength: 200}).map((text) => JSON.stringify({jsonrpc: '2.0', method: 'x', params: {text}}))
)
// Bytes that are not a message and do not contain `Content-Length:`.
const garbage = fc
  .oneof(
    fc.constantFrom(
      'X-Garbage: 1\r\n\r\n{}',
      'Content-Length: abc\r\n\r\n{"id":1}',
      'Content-Length: -3\r\n\r\nabc',
      'hello?\r\n\r\n',
      'Content-Type: text/plain\r\n\r\n'
    ),
    fc.string({unit: 'binary', maxLength: 100}).map((text) => `${text.replace(/content-length/gi, '')}\r\n\r\n`)
  )
  .filter((text) => !/content-length:/i.test(text.replace(/^Content-Length: (abc|-3)/, '')))

describe('resyncFrames', () => {
  it('passes well-framed messages through unchanged, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(body, {minLength: 1, maxLength: 8}), fc.array(fc.nat(), {maxLength: 20}), async (bodies, cuts) => {
        const bytes = Buffer.concat(bodies.map(frame))
        const {output, skipped} = await pass(bytes, cuts)
        expect(output.equals(bytes)).toBe(true)
        expect(skipped).toEqual([])
      })
    )
  })

  it('drops a frame without a usable Content-Length and every byte up to the next message, and no more', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.option(garbage, {nil: undefined}), body), {minLength: 1, maxLength: 6}),
        fc.array(fc.nat(), {maxLength: 20}),
        async (items, cuts) => {
          const bytes = Buffer.concat(
            items.flatMap(([junk, text]) => (junk === undefined ? [frame(text)] : [Buffer.from(junk), frame(text)]))
          )
          const {output, skipped} = await pass(bytes, cuts)
          expect(output.toString()).toBe(Buffer.concat(items.map(([, text]) => frame(text))).toString())
          expect(skipped).toHaveLength(items.filter(([junk]) => junk !== undefined).length)
        }
      )
    )
  })

  it('drops a megabyte of bytes with no header at all, then reads on', async () => {
    const junk = Buffer.alloc(1024 * 1024, 'x')
    const bytes = Buffer.concat([junk, frame('{"jsonrpc":"2.0","method":"exit"}')])
    const {output, skipped} = await pass(bytes, [1000, 70_000, 500_000])
    expect(output.toString()).toBe(frame('{"jsonrpc":"2.0","method":"exit"}').toString())
    expect(skipped).toEqual([`${junk.length}: no header in the first 64 KiB`])
  })
})
