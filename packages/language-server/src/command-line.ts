import manifest from '../package.json' with {type: 'json'}

const usage = `Usage: tactful-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The tactful language server: customer-service reply findings as editor diagnostics, with quick fixes.
Editors start it; to run it by hand, name the transport the editor speaks (most use --stdio).

Options:
  --stdio            speak the Language Server Protocol over standard input and output
  --node-ipc         speak it over Node's IPC channel (as VS Code starts it)
  --socket=<port>    speak it over a TCP socket on this port
  --pipe=<name>      speak it over this named pipe
  -h, --help         show this help
  -v, --version      show the version`

const transports = /^--(?:stdio|node-ipc|socket=.+|pipe=.+)$/

/**
 * Answer `--help` and `--version`, and a start without a transport, before any connection is made.
 * Returns the exit code when the process should stop here, `undefined` when the server should start.
 */
export function answerCommandLine(argv: string[], out: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): number | undefined {
  // Editors pass more than the transport (`--clientProcessId=…`): only these are read.
  if (argv.includes('--help') || argv.includes('-h')) {
    out.stdout.write(`${usage}\n`)
    return 0
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    out.stdout.write(`${manifest.version}\n`)
    return 0
  }
  if (!argv.some((arg) => transports.test(arg))) {
    out.stderr.write(`tactful-language-server: name a transport, such as --stdio; editors start the server with one\n\n${usage}\n`)
    return 2
  }
  return undefined
}
