import {answerCommandLine} from './command-line.js'
import {createServer} from './create-server.js'
import {LineTransport} from './line-transport.js'

// `--help` and `--version` answer without starting the server.
const answered = answerCommandLine(process.argv.slice(2), process)
if (answered !== undefined) process.exit(answered)

// The protocol owns stdout; anything that goes wrong is logged to stderr and the server keeps serving.
process.on('unhandledRejection', (reason) => {
  console.error('tactful-mcp: unhandled rejection:', reason)
})

try {
  const server = createServer()
  // A client's malformed message is skipped; say so where the client's owner can see it.
  server.server.onerror = (error) => console.error(`tactful-mcp: ${error.message}`)
  await server.connect(new LineTransport())
} catch (error) {
  console.error('tactful-mcp: cannot start:', error)
  process.exitCode = 1
}
