// Packs the three npm packages, installs the tarballs into a new project in a temp folder and uses them
// as a consumer would: ESM and CommonJS, a rule as a retext plugin, tsc, and each bin.
import {execFile, execFileSync, spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {builtinModules, createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {build} from 'esbuild'
import {StreamMessageReader, StreamMessageWriter, createMessageConnection} from 'vscode-jsonrpc/node'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const packages = ['packages/tactful', 'packages/language-server', 'packages/tactful-mcp']
const reply = 'Kindly revert with the RMA.'

// Every rule folder but the kit, as the build finds them.
const ruleIds = readdirSync(path.join(root, 'rules'), {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit' && readdirSync(path.join(root, 'rules', entry.name)).includes('index.ts'))
  .map((entry) => entry.name)

function npmVersion(): string | undefined {
  try {
    return execFileSync('npm', ['--version'], {encoding: 'utf8'}).trim()
  } catch {
    return undefined
  }
}

// npm run from `npm test` passes the repository's package and lifecycle to its children; the
// consumer's npm must see only its own project.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|config_workspace)/i.test(key)))

const npm = npmVersion()
let folder = ''
let app = ''

/** The installed package's folder in the consumer's project. */
const installed = (name: string) => path.join(app, 'node_modules', name)
const manifest = (name: string) => JSON.parse(readFileSync(path.join(installed(name), 'package.json'), 'utf8'))

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
}

/** The packages the files of `dir` ending in `extension` import, by package name. */
function importedPackages(dir: string, extension: string): Set<string> {
  const names = new Set<string>()
  for (const file of filesUnder(dir).filter((name) => name.endsWith(extension))) {
    const text = readFileSync(path.join(dir, file), 'utf8')
    const specifiers = [
      ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
      ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
      ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)
    ].map((match) => match[1])
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue
      const parts = specifier.split('/')
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
    }
  }
  return names
}

/** Run a program in the consumer's project; resolves with its exit code and output. */
function runIn(command: string, args: string[], input?: string): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: app, env})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    child.stdin.end(input ?? '')
  })
}

describe.skipIf(!npm)(
  npm ? 'the packed packages, installed in a new project' : 'the packed packages (skipped: `npm` is not available)',
  () => {
    beforeAll(async () => {
      folder = mkdtempSync(path.join(os.tmpdir(), 'tactful-consumer-'))
      app = path.join(folder, 'app')
      mkdirSync(app)
      const {stdout} = await run('npm', ['pack', '--json', '--pack-destination', folder, ...packages.flatMap((dir) => ['-w', dir])], {
        cwd: root,
        env
      })
      const tarballs = (JSON.parse(stdout) as Array<{filename: string}>).map((pack) => path.join(folder, pack.filename))
      writeFileSync(path.join(app, 'package.json'), `${JSON.stringify({name: 'consumer', private: true, type: 'module'}, null, 2)}\n`)
      // retext is the consumer's own: a rule is a plugin for it.
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs, 'retext@^9'], {cwd: app, env})
    }, 240_000)

    afterAll(() => {
      if (folder) rmSync(folder, {recursive: true, force: true})
    })

    it.each(['tactful', 'tactful-language-server', 'tactful-mcp'])(
      '%s carries README, LICENSE and where it comes from, and no sources',
      (name) => {
        const files = filesUnder(installed(name))
        expect(files).toContain('README.md')
        expect(readFileSync(path.join(installed(name), 'LICENSE'), 'utf8')).toBe(readFileSync(path.join(root, 'LICENSE'), 'utf8'))
        expect(files.filter((file) => file.startsWith('src') || (file.endsWith('.ts') && !file.endsWith('.d.ts')))).toEqual([])
        const {repository, homepage, bugs, exports} = manifest(name)
        expect(repository).toMatchObject({type: 'git', url: expect.any(String)})
        expect(homepage).toEqual(expect.any(String))
        expect(bugs).toEqual(expect.any(String))
        expect(JSON.stringify(exports ?? {})).not.toContain('"source"')
      }
    )

    it.each(['tactful', 'tactful-language-server', 'tactful-mcp'])('%s depends on exactly what its built code imports', (name) => {
      const runtime = importedPackages(path.join(installed(name), 'dist'), '.js')
      const types = importedPackages(path.join(installed(name), 'dist'), '.d.ts')
      const dependencies = Object.keys(manifest(name).dependencies ?? {}).sort()
      // A type package (`@types/nlcst`) is imported by the name of what it types (`nlcst`).
      const imported = new Set([...runtime, ...[...types].flatMap((type) => [type, `@types/${type}`])])
      expect(
        [...runtime].filter((dependency) => !dependencies.includes(dependency)),
        'imported but not a dependency'
      ).toEqual([])
      expect(
        dependencies.filter((dependency) => !imported.has(dependency)),
        'a dependency nothing imports'
      ).toEqual([])
    })

    it.each(['tactful-language-server', 'tactful-mcp'])('%s uses the tactful dependency rather than a copy of its own', (name) => {
      expect(manifest(name).dependencies).toHaveProperty('tactful')
      expect(importedPackages(path.join(installed(name), 'dist'), '.js')).toContain('tactful')
      const code = filesUnder(path.join(installed(name), 'dist'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(path.join(installed(name), 'dist', file), 'utf8'))
        .join('\n')
      expect(code).not.toMatch(/\/\/ (packages\/tactful|rules)\//)
    })

    it('lints a reply through the ESM import', async () => {
      writeFileSync(
        path.join(app, 'esm.js'),
        `import {lint} from 'tactful'\nconst {findings} = await lint(${JSON.stringify(reply)})\nconsole.log(JSON.stringify(findings.map((finding) => finding.ruleId)))\n`
      )
      const {code, stdout, stderr} = await runIn(process.execPath, ['esm.js'])
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toEqual(['jargon', 'missing-thanks', 'jargon'])
    })

    it('imports each rule as a retext plugin from tactful/rules/<id>', async () => {
      const script = `import {retext} from 'retext'
for (const id of process.argv.slice(2)) {
  const {default: rule} = await import(\`tactful/rules/\${id}\`)
  if (rule.meta.id !== id) throw new Error(\`tactful/rules/\${id} is \${rule.meta.id}\`)
}
const {default: jargon} = await import('tactful/rules/jargon')
const file = await retext().use(jargon, 'error').process(${JSON.stringify(reply)})
console.log(JSON.stringify(file.messages.map((message) => [message.ruleId, message.actual, message.fatal])))
`
      writeFileSync(path.join(app, 'plugin.js'), script)
      const {code, stdout, stderr} = await runIn(process.execPath, ['plugin.js', ...ruleIds])
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toEqual([
        ['jargon', 'Kindly revert', true],
        ['jargon', 'RMA', true]
      ])
    })

    it('does not export the rules’ kit', async () => {
      const {code, stderr} = await runIn(process.execPath, ['--input-type=module', '-e', "await import('tactful/rules/kit')"])
      expect(code).not.toBe(0)
      expect(stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED')
    })

    it('works through require() where Node can require ES modules, and says why where it cannot', async () => {
      writeFileSync(
        path.join(app, 'cjs.cjs'),
        `const {lint} = require('tactful')\nlint(${JSON.stringify(reply)}).then(({findings}) => console.log(findings.length))\n`
      )
      const {code, stdout, stderr} = await runIn(process.execPath, ['cjs.cjs'])
      // Node 20.19 and later (tactful's engines) require() ES modules unless started with --no-experimental-require-module.
      if (process.features.require_module) {
        expect(code, stderr).toBe(0)
        expect(stdout.trim()).toBe('3')
      } else {
        expect(code).not.toBe(0)
        expect(stderr).toContain('ERR_REQUIRE_ESM')
      }
    })

    it('type-checks a typed consumer under nodenext and bundler resolution', async () => {
      const consumer = [
        "import {retext} from 'retext'",
        "import {type Finding, type LintOptions, lint, ruleIds} from 'tactful'",
        "import jargon from 'tactful/rules/jargon'",
        '',
        "const options: LintOptions = {rules: {jargon: 'error'}}",
        `const {findings} = await lint(${JSON.stringify(reply)}, options)`,
        'const first: Finding | undefined = findings[0]',
        'const line: number | undefined = first?.start.line',
        'const ids: readonly string[] = ruleIds',
        `const file = await retext().use(jargon, 'error').process(${JSON.stringify(reply)})`,
        'const reasons: string[] = file.messages.map((message) => message.reason)',
        '// @ts-expect-error -- `loud` is not a severity: the types are real, not `any`.',
        "const loud: LintOptions = {rules: {jargon: 'loud'}}",
        'export {first, ids, line, loud, reasons}'
      ].join('\n')
      writeFileSync(path.join(app, 'typed.ts'), `${consumer}\n`)
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
      const check = async (module: string, moduleResolution: string) => {
        const options = {target: 'ES2022', module, moduleResolution, strict: true, noEmit: true, skipLibCheck: false, types: []}
        const config = path.join(app, `tsconfig.${moduleResolution.toLowerCase()}.json`)
        writeFileSync(config, JSON.stringify({compilerOptions: options, files: ['typed.ts']}))
        const {code, stdout} = await runIn(process.execPath, [tsc, '-p', config])
        return {moduleResolution, code, stdout}
      }
      const results = await Promise.all([check('NodeNext', 'NodeNext'), check('ESNext', 'Bundler')])
      expect(results).toEqual([
        {moduleResolution: 'NodeNext', code: 0, stdout: ''},
        {moduleResolution: 'Bundler', code: 0, stdout: ''}
      ])
    }, 120_000)

    it('bundles for a consumer whose bundler asks for a `source` condition', async () => {
      writeFileSync(
        path.join(app, 'bundled.js'),
        "import {lint} from 'tactful'\nimport jargon from 'tactful/rules/jargon'\nexport {jargon, lint}\n"
      )
      const result = await build({
        absWorkingDir: app,
        entryPoints: ['bundled.js'],
        bundle: true,
        platform: 'node',
        format: 'esm',
        conditions: ['source'],
        write: false,
        logLevel: 'silent'
      })
      expect(result.errors).toEqual([])
    })

    it('tactful lints standard input and exits 1 with findings', async () => {
      const {code, stdout} = await runIn(path.join(app, 'node_modules/.bin/tactful'), [], reply)
      expect(code).toBe(1)
      expect(stdout).toContain('“Kindly revert” is support jargon')
      expect(stdout).toContain('3 problems')
    })

    it('tactful-language-server answers initialize over stdio', async () => {
      const child = spawn(path.join(app, 'node_modules/.bin/tactful-language-server'), ['--stdio'], {cwd: app, env})
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
      connection.listen()
      try {
        const result = await connection.sendRequest('initialize', {processId: null, rootUri: null, capabilities: {}})
        expect(result).toMatchObject({serverInfo: {name: 'tactful-language-server'}, capabilities: {textDocumentSync: expect.anything()}})
        await connection.sendRequest('shutdown')
        await connection.sendNotification('exit')
      } finally {
        connection.dispose()
        child.kill()
      }
    })

    it('tactful-mcp lists its tools and lints a reply', async () => {
      const client = new Client({name: 'tactful-consumer-test', version: '0.0.0'})
      await client.connect(new StdioClientTransport({command: path.join(app, 'node_modules/.bin/tactful-mcp'), cwd: app, stderr: 'pipe'}))
      try {
        const {tools} = await client.listTools()
        expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_rule', 'fix_reply', 'lint_reply'])
        const result = await client.callTool({name: 'lint_reply', arguments: {text: reply}})
        expect(JSON.stringify(result)).toContain('Kindly revert')
      } finally {
        await client.close()
      }
    })
  }
)
