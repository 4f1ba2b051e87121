import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'rules/**/*.test.ts'],
    // The real-editor test needs code-server and Chromium: `npm run test:e2e` runs it.
    exclude: ['tests/e2e/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
