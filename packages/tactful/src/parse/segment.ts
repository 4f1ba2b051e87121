/**
 * Word segmentation of Chinese text: ICU's dictionary-based word breaker, built into Node
 * (`Intl.Segmenter`), so nothing is downloaded or loaded from disk.
 */

let segmenter: Intl.Segmenter | undefined

/** Split a run of Chinese characters into words; the words join back into `run`. */
export function segmentChinese(run: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', {granularity: 'word'})
  const words: string[] = []
  // ICU's dictionary break iterator slows down sharply on long unbroken runs (50k characters take
  // half a second, 75k a minute), so a long run is segmented in pieces cut where a sentence or clause ends.
  for (let start = 0; start < run.length; ) {
    const end = pieceEnd(run, start)
    for (const {segment} of segmenter.segment(run.slice(start, end))) words.push(segment)
    start = end
  }
  return words
}

const maxPiece = 400
const breaks = new Set([...'。！？；，、：.!?;,: \t\n\r'])

function pieceEnd(run: string, start: number): number {
  if (run.length - start <= maxPiece) return run.length
  // Prefer the last punctuation mark or space in the window; a run with none is cut where it must be.
  for (let index = start + maxPiece - 1; index > start + maxPiece / 2; index--) {
    if (breaks.has(run[index])) return index + 1
  }
  const end = start + maxPiece
  // Never cut a surrogate pair in two.
  const code = run.charCodeAt(end - 1)
  return code >= 0xd800 && code <= 0xdbff ? end + 1 : end
}
