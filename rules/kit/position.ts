/** A place in the input: 1-based line and column, 0-based offset, in UTF-16 code units. */
export interface Point {
  line: number
  column: number
  offset: number
}

import {memo} from './memo.js'

/**
 * Where each line starts. `\r\n`, `\r` and `\n` each end a line, as in the Language Server Protocol.
 */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) starts.push(index + 1)
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++
      starts.push(index + 1)
    }
  }
  return starts
}

/** The point at `offset`, using a line index built once per `owner`. */
export function pointAt(text: string, offset: number, owner: object = {}): Point {
  const starts = memo(owner, 'lines', () => lineStarts(text))
  const clamped = Math.max(0, Math.min(offset, text.length))
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= clamped) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: clamped - starts[low] + 1, offset: clamped}
}
