/**
 * The parts of an email reply, as regions with offsets into the original text.
 * (Interface fixed; implementation in progress.)
 */
export type RegionKind =
  | 'header'
  | 'greeting'
  | 'body'
  | 'quote'
  | 'signoff'
  | 'signature'
  | 'code'
  | 'url'
  | 'directive'

/** A run of the input of one kind: `[start, end)` in UTF-16 code units. */
export interface Region {
  kind: RegionKind
  start: number
  end: number
}

/** What `splitReply` finds in a reply. */
export interface ReplyParts {
  /** Sorted, non-overlapping, and together covering the whole text. */
  regions: Region[]
  /** The value of a `Date:` (or `发送时间:`) header at the top of the text or of the first quoted message, if any. */
  date?: string
}

/** Options for `splitReply`. */
export interface SplitOptions {
  format?: 'text' | 'markdown' | 'email'
}

/** Split a reply into regions; never edits the text. */
export function splitReply(text: string, _options: SplitOptions = {}): ReplyParts {
  return {regions: text.length > 0 ? [{kind: 'body', start: 0, end: text.length}] : []}
}
