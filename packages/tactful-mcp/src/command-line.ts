import manifest from '../package.json' with {type: 'json'}

const usage = `Usage: tactful-mcp

An MCP server that lets AI agents lint a customer-service reply before sending it. An MCP client
starts it and speaks to it over standard input and output; it takes no options.

Options:
  -h, --help       show this help
  -v, --version    show the version`

/**
 * Answer `--help` and `--version` without starting the server, and refuse any other argument.
 * Returns the exit code when the process should stop here, `undefined` when the server should start.
 */
export function answerCommandLine(argv: string[], out: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): number | undefined {
  if (argv.length === 0) return undefined
  if (argv.includes('--help') || argv.includes('-h')) {
    out.stdout.write(`${usage}\n`)
    return 0
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    out.stdout.write(`${manifest.version}\n`)
    return 0
  }
  out.stderr.write(`tactful-mcp: unknown argument \`${argv[0]}\`; the server takes none. Run \`tactful-mcp --help\` for more\n`)
  return 2
}
