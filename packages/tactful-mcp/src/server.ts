import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js'
import {createServer} from './create-server.js'

// The protocol owns stdout; anything that goes wrong is logged to stderr and the server keeps serving.
process.on('unhandledRejection', (reason) => {
  console.error('tactful-mcp: unhandled rejection:', reason)
})

try {
  await createServer().connect(new StdioServerTransport())
} catch (error) {
  console.error('tactful-mcp: cannot start:', error)
  process.exitCode = 1
}
