import {quote} from './text.js'

/**
 * A typed fix for a finding, with the title an editor or agent shows for it. `replace` puts `text`
 * in place of the flagged text; `insert` adds `text` right after it (a missing thank-you).
 */
export interface Fix {
  kind: 'replace' | 'insert'
  /** What applying it does, for a menu: “Replace with “…””, “Add “…””. */
  title: string
  text: string
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Typed fixes, best first; `expected` holds the text each leaves where `actual` was. */
    fixes?: Fix[]
    /** A term a team can allow in its glossary so that the rule stops flagging it. */
    term?: string
  }
}

/** A fix that swaps the flagged text for `text`. */
export function replaceWith(text: string): Fix {
  return {kind: 'replace', title: `Replace with ${quote(text)}`, text}
}

/** A fix that adds `text` after the flagged text; its title names what is added, without the space or full stop that joins it on. */
export function insertAfter(text: string): Fix {
  return {kind: 'insert', title: `Add ${quote(text.replace(/^[\s.。]+/u, ''))}`, text}
}

/** The text `fix` leaves where `actual` was: a drop-in replacement for `actual`. */
export function applyFix(actual: string, fix: Fix): string {
  return fix.kind === 'insert' ? actual + fix.text : fix.text
}
