import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Position,
  TextDocumentEdit,
  TextEdit,
  type WorkspaceEdit
} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {readDiagnosticData} from './to-diagnostic.js'

/** The code action kind of "Fix all safe findings". */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.tactful`

/** Commands the server runs for its code actions (`workspace/executeCommand`). */
export const commands = {
  /** Arguments: the document's URI and the term. */
  addToGlossary: 'tactful.addToGlossary',
  /** Argument: the docs URL. */
  showDocumentation: 'tactful.showDocumentation'
} as const

/** What the client and workspace allow the actions to do. */
export interface ActionSupport {
  /** The client takes versioned `documentChanges`, so a late edit cannot land on newer text. */
  documentChanges: boolean
  /** The client can open a URL (`window/showDocument`). */
  showDocument: boolean
  /** There is a workspace folder to keep a glossary in. */
  glossary: boolean
}

/**
 * Quick fixes for tactful diagnostics in `document`, each linked to its diagnostic: each of the
 * finding's fixes under its own title (the first preferred), “Ignore this in this reply”, adding the
 * finding's glossary term to the workspace glossary, and its documentation. Diagnostics whose text no
 * longer matches what was flagged are skipped: they are stale.
 */
export function quickFixes(document: TextDocument, diagnostics: Diagnostic[], support: ActionSupport): CodeAction[] {
  const actions: CodeAction[] = []
  for (const diagnostic of diagnostics) {
    const data = readDiagnosticData(diagnostic)
    if (!data || document.getText(diagnostic.range) !== data.actual) continue
    const link = {kind: CodeActionKind.QuickFix, diagnostics: [diagnostic]}
    data.fixes.forEach((fix, index) => {
      const edit = fix.kind === 'insert' ? TextEdit.insert(diagnostic.range.end, fix.text) : TextEdit.replace(diagnostic.range, fix.text)
      actions.push({...link, title: fix.title, edit: editOf(document, [edit], support), isPreferred: index === 0})
    })
    actions.push({
      ...link,
      title: 'Ignore this in this reply',
      edit: editOf(document, [ignoreEdit(document, diagnostic.range.start, data.ruleId)], support)
    })
    if (data.glossaryTerm !== undefined && support.glossary) {
      const term = data.glossaryTerm
      const title = `Add ‘${term}’ to the workspace glossary`
      actions.push({...link, title, command: {title, command: commands.addToGlossary, arguments: [document.uri, term]}})
    }
    const href = diagnostic.codeDescription?.href
    if (href && support.showDocument) {
      const title = `Show documentation for ${data.ruleId}`
      actions.push({...link, title, command: {title, command: commands.showDocumentation, arguments: [href]}})
    }
  }
  return actions
}

/** "Fix all safe findings": one edit that swaps the whole text for `output`, or nothing when `output` is the same. */
export function fixAllAction(document: TextDocument, output: string, support: ActionSupport): CodeAction | undefined {
  const text = document.getText()
  if (output === text) return undefined
  const range = {start: {line: 0, character: 0}, end: document.positionAt(text.length)}
  return {title: 'Fix all safe findings', kind: fixAllKind, edit: editOf(document, [TextEdit.replace(range, output)], support)}
}

// The comment goes on its own line above the finding, indented like it, so lists and quotes keep their shape.
function ignoreEdit(document: TextDocument, start: Position, ruleId: string): TextEdit {
  const line = document.getText({start: {line: start.line, character: 0}, end: {line: start.line + 1, character: 0}})
  const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
  return TextEdit.insert(
    {line: start.line, character: 0},
    `${indent}<!-- tactful-disable-next-line ${ruleId} -->${lineEnding(document.getText())}`
  )
}

function lineEnding(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n'
}

function editOf(document: TextDocument, edits: TextEdit[], support: ActionSupport): WorkspaceEdit {
  if (support.documentChanges) return {documentChanges: [TextDocumentEdit.create({uri: document.uri, version: document.version}, edits)]}
  return {changes: {[document.uri]: edits}}
}
