// The tactful VS Code extension: starts the bundled language server and passes it the settings.
// It holds no lint logic: every finding, quick fix and hover comes from the server.
import * as vscode from 'vscode'
import {LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind} from 'vscode-languageclient/node'
import {type ReplyFilter, replySelector} from './reply-selector.js'
import {showFindingCount} from './status-bar.js'

let client: LanguageClient | undefined
// Restarts run one after another, so two quick settings changes cannot start two servers.
let lifecycle: Promise<void> = Promise.resolve()

/** Start the server for the `tactful.languages` documents and `.eml` files, and register the commands. */
export function activate(context: vscode.ExtensionContext): void {
  // One channel for the whole session, so a restart keeps the earlier log.
  const output = vscode.window.createOutputChannel('tactful', {log: true})
  let selector = replySelector(languagesSetting())
  const status = showFindingCount(() => selector)

  const restart = (): Promise<void> => {
    lifecycle = lifecycle
      .then(async () => {
        const previous = client
        client = undefined
        await previous?.dispose().catch((error: unknown) => output.error(`Cannot stop the server: ${messageOf(error)}`))
        selector = replySelector(languagesSetting())
        client = createClient(context, output, selector)
        status.update()
        await client.start()
      })
      // Logged, and the chain stays usable: the restart command can try again.
      .catch((error: unknown) => output.error(`Cannot start the server: ${messageOf(error)}`))
    return lifecycle
  }

  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('tactful.restartServer', restart),
    vscode.commands.registerCommand('tactful.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The document selector is fixed when the client starts; other settings reach the running server.
      if (event.affectsConfiguration('tactful.languages')) void restart()
      else if (event.affectsConfiguration('tactful.enable')) status.update()
    })
  )
  void restart()
}

/** Stop the server; VS Code waits for the promise. */
export async function deactivate(): Promise<void> {
  await lifecycle
  const running = client
  client = undefined
  await running?.dispose()
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, selector: ReplyFilter[]): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js')
  // Young generation semi-spaces of 8 MiB, not 16: ~16 MB less resident after a burst of lints, at
  // about the same speed. Without the flag the server steers to the same cap itself (see
  // packages/language-server/src/heap.ts); only V8 holds it exactly.
  const execArgv = ['--max-semi-space-size=8']
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.ipc, options: {execArgv}},
    debug: {module, transport: TransportKind.ipc, options: {execArgv: [...execArgv, '--nolazy', '--inspect=6009']}}
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    // The server asks for the `tactful` section with `workspace/configuration` and registers for
    // its changes; the same section goes along at start for the first lint.
    initializationOptions: {tactful: settingsNow()},
    synchronize: {fileEvents: vscode.workspace.createFileSystemWatcher('**/.tactfulrc.json')}
  }
  return new LanguageClient('tactful', 'tactful', serverOptions, clientOptions)
}

function languagesSetting(): string[] {
  const languages = vscode.workspace.getConfiguration('tactful').get<unknown>('languages')
  // A broken value falls back to the default; the server reports the mistake itself.
  return Array.isArray(languages) && languages.every((language) => typeof language === 'string') ? languages : ['plaintext', 'markdown']
}

function settingsNow(): Record<string, unknown> {
  const settings = vscode.workspace.getConfiguration('tactful')
  const keys = ['enable', 'languages', 'rules', 'glossary', 'abbreviations']
  return Object.fromEntries(keys.map((key) => [key, settings.get(key)]))
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
