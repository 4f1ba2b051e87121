// The real-editor test only: `npm run test:e2e` (after `bash scripts/e2e/setup.sh`). `npm test` skips it.
import {fileURLToPath} from 'node:url'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/e2e/**/*.e2e.test.ts'],
    env: {TACTFUL_E2E: '1'},
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000
  }
})
