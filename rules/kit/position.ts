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
  // Native searches find the breaks; most replies have few or none.
  let feed = text.indexOf('\n')
  let ret = text.indexOf('\r')
  while (feed !== -1 || ret !== -1) {
    if (ret === -1 || (feed !== -1 && feed < ret)) {
      starts.push(feed + 1)
      feed = text.indexOf('\n', feed + 1)
    } else {
      // `\r\n` is one break.
      const end = text.charCodeAt(ret + 1) === 10 ? ret + 2 : ret + 1
      starts.push(end)
      if (end === ret + 2) feed = text.indexOf('\n', end)
      ret = text.indexOf('\r', end)
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
