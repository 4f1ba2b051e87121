/**
 * Word segmentation of Chinese text: ICU's dictionary-based word breaker, built into Node
 * (`Intl.Segmenter`), so nothing is downloaded or loaded from disk.
 */

let segmenter: Intl.Segmenter | undefined

/** Split a run of Chinese characters into words; the words join back into `run`. */
export function segmentChinese(run: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', {granularity: 'word'})
  const words: string[] = []
  for (const {segment} of segmenter.segment(run)) words.push(segment)
  return words
}
