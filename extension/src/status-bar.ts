import * as vscode from 'vscode'
import type {ReplyFilter} from './reply-selector.js'

/** The status-bar item; `update` redraws it after the selector or `tactful.enable` changed. */
export interface FindingCount extends vscode.Disposable {
  update(): void
}

/**
 * Show how many tactful findings the active reply has, counted from the diagnostics VS Code
 * holds, so it agrees with the Problems panel. Hidden for documents tactful does not lint.
 */
export function showFindingCount(selector: () => ReplyFilter[]): FindingCount {
  const item = vscode.window.createStatusBarItem('tactful.findings', vscode.StatusBarAlignment.Right, 100)
  item.name = 'tactful findings'
  item.command = 'workbench.actions.view.problems'

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document
    const enabled = vscode.workspace.getConfiguration('tactful', document?.uri).get<boolean>('enable') !== false
    if (!document || !enabled || vscode.languages.match(selector(), document) === 0) {
      item.hide()
      return
    }
    const count = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'tactful').length
    item.text = count === 0 ? '$(check) tactful' : `$(comment-discussion) tactful: ${count}`
    item.tooltip =
      count === 0
        ? 'tactful: no findings in this reply'
        : `tactful: ${count} ${count === 1 ? 'finding' : 'findings'} in this reply. Click to show them.`
    item.show()
  }

  const subscriptions = [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString()
      if (uri !== undefined && event.uris.some((changed) => changed.toString() === uri)) update()
    })
  ]
  update()
  return {update, dispose: () => vscode.Disposable.from(...subscriptions).dispose()}
}
