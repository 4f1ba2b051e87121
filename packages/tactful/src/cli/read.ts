import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

const decoder = new TextDecoder('utf-8', {fatal: true})
const chunkSize = 64 * 1024
const folderMessage = 'is a folder; name the files in it, or a glob such as `replies/*.txt`'

/** An input larger than the caller wants to read; only its size (at least `bytes`) is known. */
export class InputTooLarge extends Error {
  constructor(
    readonly bytes: number,
    /** Whether `bytes` is the whole size, or only what was read before giving up (a pipe or device). */
    readonly exact: boolean
  ) {
    super(`is ${exact ? '' : 'more than '}${bytes.toLocaleString('en-US')} bytes long`)
  }
}

/**
 * Read one input (`-` for standard input) as UTF-8 text. Throws a clear error for a missing or
 * unreadable file, a folder, a binary file and invalid UTF-8, and `InputTooLarge` past `maxBytes`
 * (without reading the rest, so that a huge file or an endless device cannot exhaust memory).
 */
export function readReply(input: string, {maxBytes = Number.POSITIVE_INFINITY}: {maxBytes?: number} = {}): string {
  let bytes: Buffer
  try {
    bytes = readBytes(input, maxBytes)
  } catch (error) {
    if (error instanceof InputTooLarge) throw error
    throw new Error(describeReadError(error), {cause: error})
  }
  return decodeReply(bytes)
}

/** Decode the bytes of a reply as `readReply` does (a byte order mark is dropped). */
export function decodeReply(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new Error('looks like a binary file (it contains NUL bytes), not a reply')
  try {
    return decoder.decode(bytes)
  } catch (error) {
    throw new Error('is not valid UTF-8 text; save it as UTF-8 and try again', {cause: error})
  }
}

function readBytes(input: string, maxBytes: number): Buffer {
  const fd = input === '-' ? 0 : openSync(input, 'r')
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw Object.assign(new Error(folderMessage), {code: 'EISDIR'})
    // A regular file says how large it is; a pipe or a device (`/dev/zero`) only tells by being read.
    if (stat.isFile() && stat.size > maxBytes) throw new InputTooLarge(stat.size, true)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize)
      const read = readChunk(fd, chunk)
      if (read === 0) break
      chunks.push(chunk.subarray(0, read))
      total += read
      if (total > maxBytes) throw new InputTooLarge(total, false)
    }
    return Buffer.concat(chunks, total)
  } finally {
    if (fd !== 0) closeSync(fd)
  }
}

// Standard input may be non-blocking (some terminals and parents set it so): wait for data then.
function readChunk(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EOF') return 0
      if (code !== 'EAGAIN') throw error
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
    }
  }
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'ENOTDIR') return 'no such file (a folder in its path is a file)'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return folderMessage
  if (code === 'ELOOP') return 'is a symbolic link that loops back on itself'
  if (code === 'ENAMETOOLONG') return 'the path is too long'
  return `cannot be read (${code ?? (error as Error).message})`
}
