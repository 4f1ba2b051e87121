// Starts the built language server and speaks JSON-RPC to it over stdio, as an editor would.
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {mkdtempSync, realpathSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection} from 'vscode-jsonrpc/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {
  ClientCapabilities,
  ConfigurationItem,
  InitializeResult,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit
} from 'vscode-languageserver'

/** The built server's bin, as users start it. */
export const serverBin = fileURLToPath(new URL('../packages/language-server/bin/tactful-language-server.js', import.meta.url))

/** How a test client behaves. */
export interface ClientOptions {
  capabilities?: ClientCapabilities
  /** Workspace folders (paths) sent in `initialize`. */
  folders?: string[]
  /** Answers `workspace/configuration`; advertise `workspace.configuration` for the server to ask. */
  configuration?: (items: ConfigurationItem[]) => unknown[]
}

/** What to wait for in `waitForDiagnostics`. */
export interface DiagnosticsQuery {
  version?: number
  /** Only publications received at or after this index of `published` (see `mark`). */
  since?: number
  where?: (params: PublishDiagnosticsParams) => boolean
}

/** A test client connected to a running server. */
export interface LspClient {
  connection: MessageConnection
  initializeResult: InitializeResult
  /** Every `textDocument/publishDiagnostics` received, in order. */
  published: PublishDiagnosticsParams[]
  /** Every `window/showMessage` received, in order. */
  messages: ShowMessageParams[]
  /** Every server-to-client request received, by method, with its params. */
  requests: Array<{method: string; params: unknown}>
  /** The index the next publication will get, to wait only for newer ones. */
  mark(): number
  waitForDiagnostics(uri: string, query?: DiagnosticsQuery): Promise<PublishDiagnosticsParams>
  waitForMessage(where: (params: ShowMessageParams) => boolean): Promise<ShowMessageParams>
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>
  close(uri: string): Promise<void>
  /** Bytes straight to the server's standard input, bypassing JSON-RPC framing. */
  writeRaw(bytes: string): void
  /** Everything the server wrote to standard error. */
  stderr(): string
  /** The server process has exited. */
  exited(): boolean
  stop(): Promise<void>
}

/** Start the built server with `--stdio` and initialize it. */
export async function startServer(options: ClientOptions = {}): Promise<LspClient> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [serverBin, '--stdio'], {stdio: 'pipe'})
  let stderr = ''
  let exited = false
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.on('exit', () => (exited = true))
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const published: PublishDiagnosticsParams[] = []
  const messages: ShowMessageParams[] = []
  const requests: Array<{method: string; params: unknown}> = []
  const waiters = new Set<() => void>()
  const notify = () => {
    for (const waiter of [...waiters]) waiter()
  }

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params)
    notify()
  })
  connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
    messages.push(params)
    notify()
  })
  connection.onNotification('window/logMessage', () => {})
  connection.onRequest((method: string, params: unknown) => {
    requests.push({method, params})
    notify()
    if (method === 'workspace/configuration') return options.configuration?.((params as {items: ConfigurationItem[]}).items) ?? []
    if (method === 'window/showDocument') return {success: true}
    return null
  })
  connection.listen()

  // Resolves with what `find` finds (or what `start` answers), rejects if the server exits first.
  const waitUntil = <T>(find: () => T | undefined, what: string, start?: () => Promise<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      const done = (found: T) => {
        waiters.delete(check)
        waiters.delete(onExit)
        resolve(found)
      }
      const check = () => {
        const found = find()
        if (found !== undefined) done(found)
      }
      start?.().then(done, reject)
      // Fails fast with the server's own words rather than waiting for the test timeout.
      const onExit = () => {
        if (!exited) return
        waiters.delete(check)
        waiters.delete(onExit)
        reject(new Error(`The server exited while waiting for ${what}:\n${stderr}`))
      }
      waiters.add(check)
      waiters.add(onExit)
      check()
    })
  child.on('exit', notify)

  const folders = options.folders ?? []
  const initializeResult = await waitUntil<InitializeResult>(
    () => undefined,
    'the answer to initialize',
    () =>
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
        workspaceFolders:
          folders.length > 0 ? folders.map((folder) => ({uri: pathToFileURL(folder).href, name: path.basename(folder)})) : null,
        capabilities: options.capabilities ?? {}
      })
  )
  await connection.sendNotification('initialized', {})

  return {
    connection,
    initializeResult,
    published,
    messages,
    requests,
    mark: () => published.length,
    waitForDiagnostics: (uri, query = {}) =>
      waitUntil(
        () =>
          published
            .slice(query.since ?? 0)
            .find(
              (params) =>
                params.uri === uri &&
                (query.version === undefined || params.version === query.version) &&
                (query.where === undefined || query.where(params))
            ),
        `diagnostics for ${uri}${query.version === undefined ? '' : ` version ${query.version}`}`
      ),
    waitForMessage: (where) => waitUntil(() => messages.find(where), 'a message'),
    open: (uri, text, languageId = 'plaintext', version = 1) =>
      connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}}),
    change: (uri, version, changes) =>
      connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: changes}),
    close: (uri) => connection.sendNotification('textDocument/didClose', {textDocument: {uri}}),
    writeRaw: (bytes) => child.stdin.write(bytes),
    stderr: () => stderr,
    exited: () => exited,
    async stop() {
      connection.dispose()
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve))
        child.kill()
        await gone
      }
    }
  }
}

const workspaces: string[] = []

/** A fresh folder for a test workspace (its real path, so URIs match what the server sees). */
export function makeWorkspace(): string {
  const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tactful-lsp-')))
  workspaces.push(folder)
  return folder
}

/** Remove every folder `makeWorkspace` made; call it once the servers using them are stopped. */
export function removeWorkspaces(): void {
  for (const folder of workspaces.splice(0)) rmSync(folder, {recursive: true, force: true})
}

/** The `file:` URI of `name` in `folder`. */
export function uriOf(folder: string, name: string): string {
  return pathToFileURL(path.join(folder, name)).href
}

/** The text edits a workspace edit makes to `uri`, whether sent as `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])]
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]))
  }
  return edits
}

/** Apply text edits to `text`, as an editor would. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 1, text), edits)
}
