import {readFileSync, statSync} from 'node:fs'

const decoder = new TextDecoder('utf-8', {fatal: true})

/**
 * Read one input as UTF-8 text. Throws a clear error for a missing or unreadable file,
 * a folder, a binary file and invalid UTF-8.
 */
export function readReply(input: string): string {
  let bytes: Buffer
  try {
    if (input !== '-' && statSync(input).isDirectory()) throw new Error('is a folder; name the files in it, or a glob such as `replies/*.txt`')
    bytes = readFileSync(input === '-' ? 0 : input)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new Error('no such file', {cause: error})
    if (code === 'EACCES' || code === 'EPERM') throw new Error('permission denied', {cause: error})
    if (code === 'EISDIR') throw new Error('is a folder; name the files in it, or a glob such as `replies/*.txt`', {cause: error})
    throw error
  }
  if (bytes.includes(0)) throw new Error('looks like a binary file (it contains NUL bytes), not a reply')
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch (error) {
    throw new Error('is not valid UTF-8 text; save it as UTF-8 and try again', {cause: error})
  }
  return text
}
