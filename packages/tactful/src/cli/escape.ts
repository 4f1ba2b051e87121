// C0 and C1 controls but the tab, DEL, and the marks that reorder text on screen (bidirectional
// overrides and isolates), which can hide or disguise what a line says.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const unsafe = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/**
 * Show the characters of untrusted text (a reply, a file name, a config value) that would drive the
 * terminal as `\u001b`-style escapes, so that printing it cannot clear the screen, move the cursor or
 * reorder a line. For human output only: JSON is exact already.
 */
export function escapeControls(text: string): string {
  return text.replace(unsafe, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
