import {pathToFileURL} from 'node:url'
import {lintOffThread} from 'tactful'

// The lint worker is bundled beside this file's bundle (server.js); a CommonJS bundle has no import.meta.
const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url

/** `lint` and `fix`, with long replies run in a worker thread so that other requests are answered meanwhile. */
export const {lint, fix} = lintOffThread(new URL('./lint-worker.js', here))
