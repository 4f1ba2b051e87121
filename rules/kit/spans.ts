/**
 * A set of non-overlapping spans `[start, end)`, for rules that must not flag the same text twice.
 * Kept sorted, so adding is a binary search; spans found in order are appended.
 */
export class SpanSet {
  private readonly starts: number[] = []
  private readonly ends: number[] = []

  /** Add a span unless it overlaps one already in the set; returns whether it was added. */
  add(start: number, end: number): boolean {
    let low = 0
    let high = this.starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.starts[middle] < start) low = middle + 1
      else high = middle
    }
    // Only the neighbours on either side can overlap.
    if (low > 0 && this.ends[low - 1] > start) return false
    if (low < this.starts.length && this.starts[low] < Math.max(end, start + 1)) return false
    this.starts.splice(low, 0, start)
    this.ends.splice(low, 0, end)
    return true
  }
}
