// Starts the tactful language server on the transport the command line names (--stdio, --node-ipc,
// --socket=): the bin and the VS Code extension run this file.
// First, so its V8 heap settings apply before the rest loads.
import {steerYoungGeneration} from './heap.js'
import {inspect} from 'node:util'
import {type Connection, ProposedFeatures, createConnection} from 'vscode-languageserver/node'
import {answerCommandLine} from './command-line.js'
import {resyncFrames} from './resync-frames.js'
import {createServer} from './server.js'

// `--help`, `--version` or no transport: answer and stop before a connection is made.
const answered = answerCommandLine(process.argv.slice(2), process)
if (answered !== undefined) process.exit(answered)

const stdio = process.argv.includes('--stdio')
// Over stdio, a malformed frame must not leave the server deaf to every later message.
const connection: Connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(resyncFrames(reportSkipped)), process.stdout)
  : createConnection(ProposedFeatures.all)
if (stdio) keepStdoutForProtocol()

// A stray rejection is logged, not fatal: one bad document must not end the session.
process.on('unhandledRejection', (error) => connection.console.error(error instanceof Error ? error.message : String(error)))

createServer(connection)
connection.listen()
// Loading the server grows the young generation; steer it from here on.
steerYoungGeneration()

function reportSkipped(bytes: number, why: string): void {
  connection.console.error(`Skipped ${bytes} bytes of input that were not a well-framed message (${why})`)
}

// Standard output carries the protocol: what anything in the process logs goes to the client's log instead.
function keepStdoutForProtocol(): void {
  const format = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ')
  console.log = console.info = console.debug = console.trace = (...args: unknown[]) => connection.console.log(format(args))
  console.dir = (value: unknown) => connection.console.log(inspect(value))
  console.warn = (...args: unknown[]) => connection.console.warn(format(args))
  console.error = (...args: unknown[]) => connection.console.error(format(args))
}
