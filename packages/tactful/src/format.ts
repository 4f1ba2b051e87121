/** How a reply is read; all three understand quoted history and signatures. */
export type ReplyFormat = 'text' | 'markdown' | 'email'

/** Every format, in the order error messages list them. */
export const replyFormats: readonly ReplyFormat[] = ['text', 'markdown', 'email']

const byExtension = new Map<string, ReplyFormat>([
  ['.eml', 'email'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.txt', 'text']
])

/**
 * The format a file's name implies: `.eml` is an email, `.md` and `.markdown` are Markdown, `.txt`
 * is plain text; `undefined` for any other name. Takes a path or a URI (`file:///…/reply.eml`).
 */
export function formatFromPath(name: string): ReplyFormat | undefined {
  const extension = /\.[^./\\?#]+(?=$|[?#])/.exec(name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1))
  return extension ? byExtension.get(extension[0].toLowerCase()) : undefined
}
