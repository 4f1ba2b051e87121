// Bundles each package's entry points with esbuild and emits the library's types. Run by `npm ci`
// (prepare) and `npm test`.
import {execFile} from 'node:child_process'
import {existsSync, readdirSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tactfulSource = path.join(root, 'packages/tactful/src/index.ts')

// Every rule folder (a folder of rules/ with an index.ts, but not the kit) is an entry of its own:
// `tactful/rules/<id>`. A new rule needs no edit here.
const ruleEntries = Object.fromEntries(
  readdirSync(path.join(root, 'rules'), {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && entry.name !== 'kit' && existsSync(path.join(root, 'rules', entry.name, 'index.ts')))
    .map((entry) => [`rules/${entry.name}`, `rules/${entry.name}/index.ts`])
)

// The npm packages: each bundles only its own code (the library bundles the rules too) and imports
// its dependencies from node_modules, so `dependencies` lists exactly what the bundles import. The
// servers import `tactful` as a dependency rather than carrying their own copy.
const packages = [
  {dir: 'packages/tactful', entries: {index: 'packages/tactful/src/index.ts', cli: 'packages/tactful/src/cli.ts', ...ruleEntries}},
  // heap.ts as an entry too puts it in a chunk of its own that main.js imports first, so its V8
  // settings apply before the dependencies load, as they did when the server bundled them.
  // lint-worker.ts: the worker thread each server lints long replies in.
  {
    dir: 'packages/language-server',
    entries: {
      main: 'packages/language-server/src/main.ts',
      heap: 'packages/language-server/src/heap.ts',
      'lint-worker': 'packages/language-server/src/lint-worker.ts'
    }
  },
  {
    dir: 'packages/tactful-mcp',
    entries: {server: 'packages/tactful-mcp/src/server.ts', 'lint-worker': 'packages/tactful-mcp/src/lint-worker.ts'}
  }
]

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none'
}

// The library's types, for consumers: declarations of its source and of the rules it imports, laid out
// as in the repository (dist/types/packages/tactful/src, dist/types/rules) so the relative imports hold.
// Emitted without type checking (`npm run typecheck` does that), beside the bundling. Plain tsc rather
// than a d.ts bundler: dts-bundle-generator took 13 s of CPU for the `.` entry alone against tsc's 4 s
// for everything, and one bundle per entry would repeat the kit's types in each.
const types = existsSync(tactfulSource) ? emitTypes() : Promise.resolve()

for (const {dir, entries} of packages) {
  const entryPoints = Object.fromEntries(
    Object.entries(entries)
      .map(([name, entry]) => [name, path.join(root, entry)])
      .filter(([, entry]) => existsSync(entry))
  )
  if (Object.keys(entryPoints).length === 0) continue
  const outdir = path.join(root, dir, 'dist')
  // dist/types is emitted beside this, by emitTypes.
  for (const entry of existsSync(outdir) ? readdirSync(outdir) : []) {
    if (entry !== 'types') rmSync(path.join(outdir, entry), {recursive: true, force: true})
  }
  await build({
    ...shared,
    entryPoints,
    outdir,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    packages: 'external',
    // tsconfig.json maps `tactful` to its source for type checking; the servers import the package.
    external: ['tactful']
  })
}

// The VS Code extension is CommonJS, with the server and everything it needs bundled beside it: the
// .vsix carries no node_modules. The library is bundled from source.
const extensionEntry = path.join(root, 'extension/src/extension.ts')
if (existsSync(extensionEntry)) {
  const outdir = path.join(root, 'extension/dist')
  rmSync(outdir, {recursive: true, force: true})
  await build({...shared, entryPoints: [extensionEntry], outdir, format: 'cjs', external: ['vscode']})
  await build({
    ...shared,
    entryPoints: {
      server: path.join(root, 'packages/language-server/src/main.ts'),
      'lint-worker': path.join(root, 'packages/language-server/src/lint-worker.ts')
    },
    outdir,
    format: 'cjs',
    alias: {tactful: tactfulSource},
    // CommonJS has no import.meta; the server finds its lint worker from __filename instead.
    define: {'import.meta.url': 'undefined'}
  })
}

await types

/** Run tsc on packages/tactful/tsconfig.types.json into a fresh dist/types. */
async function emitTypes() {
  rmSync(path.join(root, 'packages/tactful/dist/types'), {recursive: true, force: true})
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const config = path.join(root, 'packages/tactful/tsconfig.types.json')
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', config])
  } catch (error) {
    throw new Error(`Cannot emit the library's types: ${error.stdout || error.message}`, {cause: error})
  }
}
