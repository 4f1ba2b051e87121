/**
 * A set of non-overlapping spans `[start, end)`, for rules that must not flag the same text twice.
 * Kept sorted in blocks of at most `blockSize` spans, so adding is a binary search and a short splice
 * wherever the span falls: spans found in order are appended, and spans found out of order (one kind
 * of finding after another) cost no more, however many the set holds.
 */
export class SpanSet {
  private readonly blocks: Array<{starts: number[]; ends: number[]}> = []

  /** Whether a span overlaps one already in the set. */
  overlaps(start: number, end: number): boolean {
    return this.place(start, end) === undefined
  }

  /** Add a span unless it overlaps one already in the set; returns whether it was added. */
  add(start: number, end: number): boolean {
    const place = this.place(start, end)
    if (!place) return false
    const {blocks} = this
    const {low, at} = place
    const block = blocks[low]
    if (!block) {
      blocks.push({starts: [start], ends: [end]})
      return true
    }
    block.starts.splice(at, 0, start)
    block.ends.splice(at, 0, end)
    if (block.starts.length > 2 * blockSize) {
      blocks.splice(low + 1, 0, {starts: block.starts.splice(blockSize), ends: block.ends.splice(blockSize)})
    }
    return true
  }

  // Where a span would go (its block and index there), or undefined when it overlaps one in the set.
  private place(start: number, end: number): {low: number; at: number} | undefined {
    const {blocks} = this
    // The last block whose first span starts before `start` (or the first block).
    let low = 0
    let high = blocks.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (blocks[middle].starts[0] < start) low = middle
      else high = middle - 1
    }
    const block = blocks[low]
    if (!block) return {low, at: 0}
    const at = firstNotBefore(block.starts, start)
    // Only the neighbours on either side can overlap, in this block or the next.
    const previousEnd = at > 0 ? block.ends[at - 1] : undefined
    const nextStart = at < block.starts.length ? block.starts[at] : blocks[low + 1]?.starts[0]
    if (previousEnd !== undefined && previousEnd > start) return undefined
    if (nextStart !== undefined && nextStart < Math.max(end, start + 1)) return undefined
    return {low, at}
  }
}

const blockSize = 256

function firstNotBefore(sorted: number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle] < value) low = middle + 1
    else high = middle
  }
  return low
}
