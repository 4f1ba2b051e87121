/** A document filter that fits both `vscode.languages.match` and the language client. */
export interface ReplyFilter {
  scheme: string
  language?: string
  pattern?: string
}

// Saved and unsaved replies; not diffs, output panels or other virtual documents.
const schemes = ['file', 'untitled']

/** The documents tactful lints: the given language ids, and `.eml` files whatever their language. */
export function replySelector(languages: string[]): ReplyFilter[] {
  return [...languages.flatMap((language) => schemes.map((scheme) => ({scheme, language}))), {scheme: 'file', pattern: '**/*.eml'}]
}
