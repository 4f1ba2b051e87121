import {describe, expect, it} from 'vitest'
import {clean, run, seed, thankless} from './helpers.js'

describe('the CLI’s exit code', () => {
  it('is 0 for a clean reply', () => {
    expect(run([], {input: clean}).code).toBe(0)
  })

  it('is 0 when every finding is info, which is still reported', () => {
    const {code, stdout} = run(['--rule', 'missing-thanks=info'], {input: thankless})
    expect(code).toBe(0)
    expect(stdout).toMatch(/ info {2}The reply never thanks/)
    expect(stdout).toContain('1 problem (0 errors, 0 warnings, 1 info)')
  })

  it('is 1 for a warning, and for an error', () => {
    expect(run([], {input: thankless}).code).toBe(1)
    expect(run(['--rule', 'missing-thanks=error'], {input: thankless}).code).toBe(1)
  })

  it('is 2 for a usage, input or config error, even with findings', () => {
    expect(run(['--max-warnings', 'many'], {input: seed}).code).toBe(2)
    expect(run(['-', 'no-such-file.txt'], {input: seed}).code).toBe(2)
    expect(run(['--config', 'no-such-config.json'], {input: seed}).code).toBe(2)
  })

  it('allows as many warnings as --max-warnings says, and fails past them', () => {
    // The seed has four warnings.
    expect(run(['--max-warnings', '4'], {input: seed})).toMatchObject({code: 0, stderr: ''})
    const over = run(['--max-warnings', '3'], {input: seed})
    expect(over.code).toBe(1)
    expect(over.stderr).toBe('tactful: 4 warnings, more than `--max-warnings 3` allows\n')
    // The budget is for warnings: one error fails the run however large it is.
    expect(run(['--max-warnings', '100', '--rule', 'blame-shifting=error'], {input: seed}).code).toBe(1)
    expect(run(['--max-warnings', '-1'], {input: seed}).stderr).toBe(
      'tactful: Expected `--max-warnings` to be a whole number of warnings, 0 or more, not `-1`\n'
    )
  })

  it('reports and counts errors only with --quiet', () => {
    expect(run(['--quiet'], {input: seed})).toEqual({code: 0, stdout: '', stderr: ''})
    const errors = run(['--quiet', '--format', 'json', '--rule', 'blame-shifting=error'], {input: seed})
    expect(errors.code).toBe(1)
    const findings = JSON.parse(errors.stdout)[0].findings as Array<{ruleId: string; severity: string}>
    expect(findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['blame-shifting error', 'blame-shifting error'])
  })
})
