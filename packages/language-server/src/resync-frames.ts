import {Transform, type TransformCallback} from 'node:stream'

const headerEnd = Buffer.from('\r\n\r\n')
const marker = Buffer.from('content-length:')
// No client sends a message this large; a header that claims it is garbage, not a promise of bytes to wait for.
const maxLength = 512 * 1024 * 1024

/**
 * Pass only well-framed JSON-RPC messages (`Content-Length: n`, a blank line, n bytes) from a
 * byte stream. A header block without a usable `Content-Length` cannot say where its body ends,
 * and left in the stream it makes every later message unreadable: it is dropped, with whatever
 * follows it, up to the next `Content-Length:`. `skipped` hears how many bytes went, and why.
 */
export function resyncFrames(skipped: (bytes: number, why: string) => void): Transform {
  let chunks: Buffer[] = []
  let size = 0
  // Bytes the current message still needs (header and body), once its header is read.
  let needed = 0
  // Dropping bytes until the next `Content-Length:`.
  let resyncing = false
  let why = ''
  let dropped = 0

  const take = (): Buffer => {
    const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)
    chunks = [buffer]
    return buffer
  }
  const keep = (buffer: Buffer, from: number) => {
    const rest = buffer.subarray(from)
    chunks = rest.length > 0 ? [rest] : []
    size = rest.length
  }

  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      chunks.push(chunk)
      size += chunk.length
      for (;;) {
        if (needed > 0) {
          if (size < needed) break
          const buffer = take()
          this.push(buffer.subarray(0, needed))
          keep(buffer, needed)
          needed = 0
          continue
        }
        const buffer = take()
        if (resyncing) {
          const at = indexOfIgnoringCase(buffer, marker)
          if (at === -1) {
            // Keep what could be the start of a split `Content-Length:`.
            const from = Math.max(0, buffer.length - marker.length + 1)
            dropped += from
            keep(buffer, from)
            break
          }
          dropped += at
          skipped(dropped, why)
          resyncing = false
          dropped = 0
          keep(buffer, at)
          continue
        }
        const end = buffer.indexOf(headerEnd)
        if (end === -1) {
          // A header block is a few dozen bytes; this much without one is not a header.
          if (buffer.length > 64 * 1024) {
            resyncing = true
            why = 'no header in the first 64 KiB'
            dropped = 1
            keep(buffer, 1)
            continue
          }
          break
        }
        const length = contentLength(buffer.subarray(0, end).toString('latin1'))
        if (length === undefined) {
          resyncing = true
          why = `a header without a usable Content-Length: ${JSON.stringify(buffer.subarray(0, Math.min(end, 200)).toString('latin1'))}`
          dropped = end + headerEnd.length
          keep(buffer, end + headerEnd.length)
          continue
        }
        needed = end + headerEnd.length + length
      }
      done()
    },
    flush(done: TransformCallback) {
      if (size > 0 || dropped > 0) skipped(size + dropped, 'the stream ended inside a message')
      done()
    }
  })
}

function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon === -1 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue
    const value = line.slice(colon + 1).trim()
    if (!/^\d+$/.test(value)) return undefined
    const length = Number(value)
    return length <= maxLength ? length : undefined
  }
  return undefined
}

function indexOfIgnoringCase(buffer: Buffer, lowerCase: Buffer): number {
  const first = lowerCase[0]
  for (let index = 0; index <= buffer.length - lowerCase.length; index++) {
    if ((buffer[index] | 0x20) !== first) continue
    let matched = true
    for (let offset = 1; offset < lowerCase.length && matched; offset++) {
      const byte = buffer[index + offset]
      // ASCII letters fold to lower case; `-` and `:` must match exactly.
      matched = (byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte) === lowerCase[offset]
    }
    if (matched) return index
  }
  return -1
}
