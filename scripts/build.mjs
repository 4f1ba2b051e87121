// Bundles each package's entry points with esbuild. Run by `npm ci` (prepare) and `npm test`.
import {existsSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// ESM packages: one bundle per entry, shared chunks, heavy parts split off to load on demand.
const packages = [
  {dir: 'packages/tactful', entries: ['src/index.ts', 'src/cli.ts']},
  {dir: 'packages/language-server', entries: ['src/main.ts']},
  {dir: 'packages/tactful-mcp', entries: ['src/server.ts']}
]

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  conditions: ['source'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none'
}

for (const {dir, entries} of packages) {
  const entryPoints = entries.map((entry) => path.join(root, dir, entry)).filter((entry) => existsSync(entry))
  if (entryPoints.length === 0) continue
  const outdir = path.join(root, dir, 'dist')
  rmSync(outdir, {recursive: true, force: true})
  await build({
    ...shared,
    entryPoints,
    outdir,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: {js: "import {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);"}
  })
}

// The VS Code extension is CommonJS, with the server bundled beside it.
const extensionEntry = path.join(root, 'extension/src/extension.ts')
if (existsSync(extensionEntry)) {
  const outdir = path.join(root, 'extension/dist')
  rmSync(outdir, {recursive: true, force: true})
  await build({...shared, entryPoints: [extensionEntry], outdir, format: 'cjs', external: ['vscode']})
  await build({
    ...shared,
    entryPoints: {server: path.join(root, 'packages/language-server/src/main.ts')},
    outdir,
    format: 'cjs'
  })
}
