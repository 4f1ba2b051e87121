// The tactful language server: documents in, diagnostics, quick fixes and hovers out.
// `createServer` serves one connection; `main.ts` makes the connection (stdio, IPC, socket) and listens.
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  type CodeAction,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkspaceFolder
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {type Finding, clearConfigCache} from 'tactful'
import {addToGlossary, maxTermLength} from './add-to-glossary.js'
import {fix, lint} from './off-thread.js'
import {type ActionSupport, commands, fixAllAction, fixAllKind, quickFixes} from './code-actions.js'
import {steered} from './heap.js'
import {hoverFor} from './hover.js'
import {type ConfigLookup, isLinted, lintOptionsFor} from './lint-options.js'
import {type ClientSettings, parseClientSettings} from './settings.js'
import {readDiagnosticData, toDiagnostic} from './to-diagnostic.js'

/** What one lint of one document version produced. */
interface Report {
  version: number
  findings: Finding[]
  diagnostics: Diagnostic[]
}

/**
 * Serve tactful on `connection`: register every handler and track its documents. All state lives
 * in the call, so one process can serve several connections (and tests can make a server in-process).
 * The caller starts it with `connection.listen()`.
 */
export function createServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)

  /** What the client said it can do, read once at `initialize`. */
  const client = {
    configuration: false,
    registerConfiguration: false,
    watchFiles: false,
    workspaceFolders: false,
    pull: false,
    refreshPull: false,
    showDocument: false,
    documentChanges: false,
    markdown: true
  }

  let folders: string[] = []
  // The `tactful` section from `initializationOptions` or `workspace/didChangeConfiguration`, for clients
  // that cannot answer `workspace/configuration` (Neovim 0.7 does not say it can).
  let pushedSettings: unknown
  const settingsCache = new Map<string, Promise<ClientSettings>>()
  // A change lints at once unless a lint of the document is running; changes that arrive meanwhile
  // are folded into one more lint of the newest text when it ends. Typing never waits on a timer, and
  // a burst of edits costs two lints, not one per edit.
  const running = new Set<string>()
  const stale = new Set<string>()
  // Set from one counter on every change and every lint started, so only the newest lint of a
  // document publishes, even across a close and reopen.
  const generations = new Map<string, number>()
  let lastGeneration = 0
  const reports = new Map<string, Report>()
  // Problems already shown, so a broken config is reported once, not per keystroke.
  const shown = new Set<string>()
  // Notices already shown per document, numbers masked: “the reply is 1,234,567 characters long” grows as the user types.
  const noticed = new Map<string, Set<string>>()

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities
    client.configuration = capabilities.workspace?.configuration === true
    client.registerConfiguration = client.configuration && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true
    client.watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    client.workspaceFolders = capabilities.workspace?.workspaceFolders === true
    client.pull = capabilities.textDocument?.diagnostic !== undefined
    client.refreshPull = capabilities.workspace?.diagnostics?.refreshSupport === true
    client.showDocument = capabilities.window?.showDocument?.support === true
    client.documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true
    const formats = capabilities.textDocument?.hover?.contentFormat
    client.markdown = formats === undefined || formats.includes('markdown')
    folders = foldersOf(params.workspaceFolders, params.rootUri)
    pushedSettings = sectionOf(params.initializationOptions)

    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]},
        hoverProvider: true,
        executeCommandProvider: {commands: [commands.addToGlossary, commands.showDocumentation]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'tactful-language-server'}
    }
    // Only clients that pull get a provider; the rest (Neovim 0.7, Helix, Emacs) are pushed to.
    if (client.pull)
      result.capabilities.diagnosticProvider = {identifier: 'tactful', interFileDependencies: false, workspaceDiagnostics: false}
    return result
  })

  connection.onInitialized(() => {
    if (client.registerConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, {section: 'tactful'}).catch(logError)
    if (client.watchFiles) {
      // `package.json` too: its `tactful` field is a config, as for the CLI.
      const watchers = [{globPattern: '**/.tactfulrc.json'}, {globPattern: '**/package.json'}]
      void connection.client.register(DidChangeWatchedFilesNotification.type, {watchers}).catch(logError)
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersOf(event.removed, null))
        folders = [...folders.filter((folder) => !removed.has(folder)), ...foldersOf(event.added, null)]
      })
    }
  })

  documents.onDidChangeContent(({document}) => {
    nextGeneration(document.uri)
    if (client.pull) return
    void lintSoon(document.uri)
  })

  async function lintSoon(uri: string): Promise<void> {
    if (running.has(uri)) {
      stale.add(uri)
      return
    }
    running.add(uri)
    try {
      await publish(uri)
    } finally {
      running.delete(uri)
    }
    if (stale.delete(uri) && documents.get(uri)) await lintSoon(uri)
  }

  documents.onDidClose(({document}) => {
    const uri = document.uri
    stale.delete(uri)
    generations.delete(uri)
    reports.delete(uri)
    settingsCache.delete(uri)
    noticed.delete(uri)
    void connection.sendDiagnostics({uri, diagnostics: []})
  })

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return {kind: DocumentDiagnosticReportKind.Full, items: []}
    const report = await reportFor(document)
    if (document.version === report.version) reports.set(document.uri, report)
    return {kind: DocumentDiagnosticReportKind.Full, items: report.diagnostics}
  })

  connection.onDidChangeConfiguration((params) => {
    pushedSettings = sectionOf(params.settings)
    settingsCache.clear()
    refreshAll()
  })

  connection.onDidChangeWatchedFiles(() => {
    clearConfigCache()
    refreshAll()
  })

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const support: ActionSupport = {
      documentChanges: client.documentChanges,
      showDocument: client.showDocument,
      glossary: glossaryFolder(document.uri) !== undefined
    }
    const diagnostics = params.context.diagnostics.map((diagnostic) => withData(document.uri, diagnostic))
    const actions: CodeAction[] = quickFixes(document, diagnostics, support)
    if (wantsFixAll(params.context.only)) {
      const action = await fixAllFor(document, support)
      if (action) actions.push(action)
    }
    return actions
  })

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return null
    const cached = reports.get(document.uri)
    const report = cached?.version === document.version ? cached : await reportFor(document)
    // The findings' offsets only fit the text they were found in.
    if (report.version !== document.version) return null
    return hoverFor(document, report.findings, params.position, client.markdown)
  })

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? []
    if (params.command === commands.addToGlossary) return allowTerm(args[0], args[1])
    if (params.command === commands.showDocumentation && typeof args[0] === 'string') {
      await connection.window.showDocument({uri: args[0], external: true})
    }
    return null
  })

  documents.listen(connection)

  async function publish(uri: string): Promise<void> {
    const document = documents.get(uri)
    if (!document) return
    const generation = nextGeneration(uri)
    const report = await reportFor(document)
    if (generations.get(uri) !== generation || documents.get(uri)?.version !== report.version) return
    reports.set(uri, report)
    await connection.sendDiagnostics({uri, version: report.version, diagnostics: report.diagnostics})
  }

  /** Lint the text the document has now; a problem is reported and gives an empty report. */
  async function reportFor(document: TextDocument): Promise<Report> {
    // Read now: the document object is updated in place by later changes.
    const {uri, languageId, version} = document
    const text = document.getText()
    try {
      const settings = await settingsFor(uri)
      if (!isLinted({uri, languageId}, settings)) return {version, findings: [], diagnostics: []}
      const result = await steered(() => lint(text, lintOptionsFor({uri, languageId}, settings, lookupFor(uri))))
      tellNotices(uri, result.notices)
      return {version, findings: result.findings, diagnostics: result.findings.map(toDiagnostic)}
    } catch (error) {
      showOnce(messageOf(error))
      return {version, findings: [], diagnostics: []}
    }
  }

  async function fixAllFor(document: TextDocument, support: ActionSupport): Promise<CodeAction | undefined> {
    const {uri, languageId, version} = document
    const text = document.getText()
    try {
      const settings = await settingsFor(uri)
      if (!isLinted({uri, languageId}, settings)) return undefined
      const {output} = await steered(() => fix(text, lintOptionsFor({uri, languageId}, settings, lookupFor(uri))))
      // Without versioned edits the client cannot tell an edit made for older text.
      if (document.version !== version) return undefined
      return fixAllAction(document, output, support)
    } catch (error) {
      showOnce(messageOf(error))
      return undefined
    }
  }

  function settingsFor(uri: string): Promise<ClientSettings> {
    let settings = settingsCache.get(uri)
    if (!settings) {
      settings = client.configuration
        ? connection.workspace.getConfiguration({scopeUri: uri, section: 'tactful'}).then(parseClientSettings)
        : Promise.resolve(pushedSettings).then(parseClientSettings)
      settingsCache.set(uri, settings)
    }
    return settings
  }

  function lookupFor(uri: string): ConfigLookup {
    // Without file watching nobody says when a config changes, so read it fresh each time.
    return {from: pathOf(uri) ?? folders[0], cached: client.watchFiles}
  }

  /** Settings or config files changed: forget what was reported and lint every open document again. */
  function refreshAll(): void {
    shown.clear()
    if (client.pull) {
      if (client.refreshPull) void connection.languages.diagnostics.refresh().catch(logError)
      return
    }
    for (const document of documents.all()) void publish(document.uri)
  }

  async function allowTerm(uri: unknown, term: unknown): Promise<null> {
    if (typeof uri !== 'string' || typeof term !== 'string' || term.trim() === '') {
      showError(`Expected \`${commands.addToGlossary}\` to get a document URI and a term, not ${JSON.stringify([uri, term]).slice(0, 200)}`)
      return null
    }
    if (term.length > maxTermLength) {
      showError(`Cannot add a term of ${term.length} characters to the glossary; terms are at most ${maxTermLength}`)
      return null
    }
    const folder = glossaryFolder(uri)
    if (!folder) {
      showError(`Cannot add “${term}” to the glossary: \`${uri}\` is not in a workspace folder`)
      return null
    }
    try {
      addToGlossary(folder, term)
    } catch (error) {
      showError(messageOf(error))
      return null
    }
    clearConfigCache()
    refreshAll()
    return null
  }

  /** The workspace folder holding the document; none for a file outside every workspace folder. */
  function glossaryFolder(uri: string): string | undefined {
    const file = pathOf(uri)
    if (file === undefined) return folders[0]
    const holding = folders
      .filter((folder) => file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))
      .sort((a, b) => b.length - a.length)
    return holding[0]
  }

  // Some clients send back diagnostics without `data`; find ours by code and range.
  function withData(uri: string, diagnostic: Diagnostic): Diagnostic {
    if (diagnostic.source !== 'tactful' || readDiagnosticData(diagnostic)) return diagnostic
    const same = reports.get(uri)?.diagnostics.find((ours) => ours.code === diagnostic.code && sameRange(ours, diagnostic))
    return same ? {...diagnostic, data: same.data} : diagnostic
  }

  function sameRange(a: Diagnostic, b: Diagnostic): boolean {
    const {start, end} = a.range
    return (
      start.line === b.range.start.line &&
      start.character === b.range.start.character &&
      end.line === b.range.end.line &&
      end.character === b.range.end.character
    )
  }

  function wantsFixAll(only: string[] | undefined): boolean {
    if (!only) return true
    return only.some((kind) => kind === fixAllKind || fixAllKind.startsWith(kind + '.'))
  }

  function nextGeneration(uri: string): number {
    generations.set(uri, ++lastGeneration)
    return lastGeneration
  }

  function showOnce(message: string): void {
    if (shown.has(message)) return
    shown.add(message)
    showError(message)
  }

  // Lint problems come through `showOnce`; a command the user ran gets an answer every time.
  function showError(message: string): void {
    connection.console.error(message)
    void connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Error, message})
  }

  /** Show each new notice for a document once, as information; they show again once a lint gives none. */
  function tellNotices(uri: string, notices: string[]): void {
    if (notices.length === 0) {
      noticed.delete(uri)
      return
    }
    const seen = noticed.get(uri) ?? new Set<string>()
    noticed.set(uri, seen)
    for (const notice of notices) {
      const key = notice.replace(/\d[\d,.]*/g, '#')
      if (seen.has(key)) continue
      seen.add(key)
      connection.console.info(notice)
      void connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Info, message: notice})
    }
  }

  function logError(error: unknown): void {
    connection.console.error(messageOf(error))
  }
}

function sectionOf(settings: unknown): unknown {
  return typeof settings === 'object' && settings !== null ? (settings as {tactful?: unknown}).tactful : undefined
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function foldersOf(list: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  const uris = list?.map((folder) => folder.uri) ?? (rootUri ? [rootUri] : [])
  return uris.map(pathOf).filter((folder): folder is string => folder !== undefined)
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}
