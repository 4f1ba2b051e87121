// V8 heap settings for a server that lints in bursts: each lint allocates a lot and keeps little.
// With V8's defaults a burst leaves ~90 MB of mostly empty heap resident: a young generation of two
// 16 MiB semi-spaces, and an old generation allowed to grow to 4 × what is live. Imported first by the
// server, so the settings hold however it is started (the bin, the extension, tests).
import v8 from 'node:v8'

/**
 * The largest semi-space (half the young generation). 8 MiB lints a 5,000-word document as fast as
 * V8's default 16 MiB; at 6 MiB and below it takes twice as long, as the lint's own tree gets copied
 * and promoted.
 */
const maxSemiSpace = 8 * 1024 * 1024

// Flags V8 reads each time it uses them, so setting them now takes effect. A flag given on the command
// line (or in NODE_OPTIONS) wins.
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((arg) => arg.replace(/_/g, '-'))
const isGiven = (flag: string) => given.some((arg) => arg === flag || arg.startsWith(`${flag}=`))

// After a full collection the old generation may grow to 1.2 × what survived it, plus 8 MiB and the
// young generation's size (V8 always allows those), instead of up to 4 ×. What survives is ~16 MB,
// so full collections stay short.
if (!isGiven('--heap-growing-percent')) v8.setFlagsFromString('--heap-growing-percent=20')

// `--max-semi-space-size` is read once, when the heap is made, so it only works on the command line
// (the VS Code extension passes it). Started without it, the server caps the young generation itself.
const steering = !isGiven('--max-semi-space-size') && !isGiven('--semi-space-growth-factor')
let growthFactor = 2

/**
 * After this long without a lint, V8 finds the allocation rate low and shrinks the young generation at
 * its next scavenge (at most 8 MiB allocated since the last one, over 10 s, is under its 1 MB/s mark).
 */
const idleSpellMs = 10_000
let lastLintEnd = performance.now()

/**
 * Keep the young generation within `maxSemiSpace`. V8 grows it when enough survives a scavenge, to
 * `--semi-space-growth-factor` × its size, and reads the flag each time: 2 (V8's own) below the cap,
 * 1 at the cap, and 2 again with `growBack`, for a lint after an idle spell, in which V8 shrinks it.
 * A lint that doubles it more than once can take it past the cap, up to V8's maximum of 16 MiB, until
 * V8 next shrinks it.
 */
export function steerYoungGeneration(growBack = false): void {
  if (!steering) return
  const space = v8.getHeapSpaceStatistics().find((statistics) => statistics.space_name === 'new_space')
  if (!space) return
  // The size counts both semi-spaces, except before the first scavenge, when the one in use (its
  // used plus available bytes, less page headers) is all there is.
  const semiSpace = space.space_used_size + space.space_available_size > space.space_size / 2 ? space.space_size : space.space_size / 2
  const factor = semiSpace < maxSemiSpace || growBack ? 2 : 1
  if (factor === growthFactor) return
  v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`)
  growthFactor = factor
}

/** Run `task` (a lint, a fix) with the young generation steered before and after it. */
export async function steered<T>(task: () => Promise<T>): Promise<T> {
  steerYoungGeneration(performance.now() - lastLintEnd >= idleSpellMs)
  try {
    return await task()
  } finally {
    steerYoungGeneration()
    lastLintEnd = performance.now()
  }
}

steerYoungGeneration()
