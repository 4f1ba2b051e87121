// Builds extension/tactful-<version>.vsix offline: bundles client and server, then packs them with vsce.
// Run from the repository root: `npm run package`.
import {execFileSync} from 'node:child_process'
import {copyFileSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createVSIX} from '@vscode/vsce'

const extension = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(extension, '..')
const {version} = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8'))
const vsix = path.join(extension, `tactful-${version}.vsix`)

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {stdio: 'inherit'})
// One licence for the repository; the extension ships a copy.
copyFileSync(path.join(root, 'LICENSE'), path.join(extension, 'LICENSE'))
// The bundles hold every dependency, so vsce needs no node_modules (and no network).
// The extension lives in a monorepo with no public repository URL yet.
await createVSIX({cwd: extension, packagePath: vsix, dependencies: false, allowMissingRepository: true})
console.log(path.relative(process.cwd(), vsix))
