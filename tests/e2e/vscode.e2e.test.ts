// Real VS Code (code-server 4.139.1 = VS Code 1.139.1) with the packaged extension, driven by
// headless Chromium: the findings must show as squiggles and Problems rows, and a quick fix must work.
// Run with `npm run test:e2e` after `bash scripts/e2e/setup.sh`; `npm test` skips it.
import {existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {type Browser, type BrowserServer, type Page, chromium} from 'playwright-core'
import {lint} from 'tactful'
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import {
  type CodeServer,
  type CodeServerInstall,
  type Profile,
  createProfile,
  findCodeServer,
  runCli,
  startCodeServer,
  tail
} from './code-server.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const manifest = JSON.parse(readFileSync(path.join(root, 'extension/package.json'), 'utf8')) as {
  publisher: string
  name: string
  version: string
}
const extensionId = `${manifest.publisher}.${manifest.name}`
const vsix = path.join(root, `extension/tactful-${manifest.version}.vsix`)
const screenshot = path.join(root, 'docs/images/vscode-problems.png')

// The seed's wrong example, as an agent might draft it.
const reply = "It's not our fault that the product arrived defective. You should use it correctly. There's nothing we can do.\n\n"

const userSettings = {
  'workbench.editor.enablePreview': false,
  'editor.wordWrap': 'on',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false
}

// Every wait is bounded; none is a bare sleep.
const workbenchTimeout = 60_000
const diagnosticsTimeout = 60_000
const uiTimeout = 15_000

const rowSelector = '.markers-panel .monaco-list-row'

describe.runIf(process.env.TACTFUL_E2E === '1')('VS Code with the tactful extension', () => {
  let install: CodeServerInstall
  let profile: Profile | undefined
  let server: CodeServer | undefined
  let browserServer: BrowserServer | undefined
  let browser: Browser | undefined
  let page: Page
  let failed = false

  beforeAll(async () => {
    install = findCodeServer()
    if (!existsSync(vsix)) throw new Error(`Cannot find ${vsix}; run \`npm run package\` first`)
    profile = createProfile({'reply.txt': reply}, userSettings)

    const installed = await runCli(install, profile, ['--install-extension', vsix, '--force'])
    expect(installed).toMatch(/successfully installed/)
    // Without the extension there is nothing to see: the test cannot pass by accident.
    expect((await runCli(install, profile, ['--list-extensions'])).split('\n')).toContain(extensionId)

    server = await startCodeServer(install, profile)
    browserServer = await chromium.launchServer({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ],
      timeout: 30_000
    })
    browser = await chromium.connect(browserServer.wsEndpoint(), {timeout: 30_000})
    page = await browser.newPage({viewport: {width: 1280, height: 800}, deviceScaleFactor: 1})
    page.setDefaultTimeout(uiTimeout)
  })

  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true
  })

  afterAll(async () => {
    if (failed && page && profile) {
      await page.screenshot({path: path.join(profile.root, 'failure.png'), timeout: 5000}).catch(() => {})
      console.error(`e2e failed; profile kept in ${profile.root} (failure.png, code-server.log)\n${tail(profile.log, 20)}`)
    }
    await browser?.close().catch(() => {})
    const pid = browserServer?.process().pid
    await browserServer?.close().catch(() => {})
    if (pid !== undefined) killGroup(pid)
    await server?.stop()
    if (profile && !failed) rmSync(profile.root, {recursive: true, force: true})
  })

  it('shows the findings as squiggles and Problems rows, and applies a quick fix', async () => {
    const expected = (await lint(reply)).findings
    const wanted = ['blame-shifting', 'negative-phrasing', 'missing-thanks']
    for (const ruleId of wanted) expect(expected.map((finding) => finding.ruleId)).toContain(ruleId)

    await page.goto(`${server!.url}/?folder=${profile!.workspace}`, {timeout: workbenchTimeout})
    await page.locator('.monaco-workbench').waitFor({timeout: workbenchTimeout})

    // Open the reply from the explorer, as a user would.
    await page.getByRole('treeitem', {name: 'reply.txt'}).click({timeout: workbenchTimeout})
    await page.locator('.tabs-container .tab.active', {hasText: 'reply.txt'}).waitFor()
    const squiggles = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info')
    await squiggles.first().waitFor({timeout: diagnosticsTimeout})

    // The Problems panel lists one row per finding: message, source, code and position.
    await page.locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.press('Control+Shift+M')
    for (const ruleId of wanted) await page.locator(rowSelector, {hasText: ruleId}).first().waitFor({timeout: diagnosticsTimeout})
    const rows = await rowTexts(page)
    for (const finding of expected.filter((each) => wanted.includes(each.ruleId))) {
      const row = rows.find((text) => text.includes(finding.message))
      expect(row, `a Problems row for ${finding.ruleId}: ${finding.message}`).toBeDefined()
      expect(row).toContain('tactful')
      expect(row).toContain(finding.ruleId)
      expect(row).toContain(`[Ln ${finding.start.line}, Col ${finding.start.column}]`)
    }

    mkdirSync(path.dirname(screenshot), {recursive: true})
    await page.screenshot({path: screenshot})

    // Quick fix: reveal the missing-thanks finding in the editor, Ctrl+., pick “Add “Thank you …””.
    const thanks = expected.find((finding) => finding.ruleId === 'missing-thanks')!
    await page.locator(rowSelector, {hasText: 'missing-thanks'}).first().click()
    await page.keyboard.press('Control+1')
    await page.locator('.monaco-editor.focused').waitFor()
    // The lightbulb means the automatic code-action request for the new selection has answered;
    // one still running when Ctrl+. is pressed can replace the menu with the lightbulb alone.
    await page.locator('.monaco-editor .lightBulbWidget').waitFor()
    const fix = page
      .locator('.action-widget .monaco-list-row', {hasText: `Add “${thanks.suggestions[0]!.slice(thanks.actual.length).trim()}”`})
      .first()
    await vi.waitFor(
      async () => {
        await page.keyboard.press('Control+.')
        await fix.waitFor({timeout: 5000})
      },
      {timeout: 30_000, interval: 500}
    )
    await fix.click()

    await expect
      .poll(async () => (await rowTexts(page)).some((text) => text.includes('missing-thanks')), {
        timeout: diagnosticsTimeout,
        interval: 250
      })
      .toBe(false)
    // The other findings stay: the row went because of the fix, not because diagnostics were lost.
    expect((await rowTexts(page)).some((text) => text.includes('negative-phrasing'))).toBe(true)
    // Word wrap splits the view into lines; compare without whitespace.
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with its line breaks
    const shown = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\s+/g, '')
    expect(shown).toContain(thanks.suggestions[0]!.replace(/\s+/g, ''))
  })
})

async function rowTexts(page: Page): Promise<string[]> {
  return (await page.locator(rowSelector).allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}
