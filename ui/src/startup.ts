/** Milestones of the start-up, in ms since the web view began loading the page (read by the start-up benchmark). */
export const startupMarks: Record<string, number> = { script: Math.round(performance.now()) };

let done = false;

/** Records when `name` first happened, until the first screen is ready. */
export function markStartup(name: string): void {
  if (!done && !(name in startupMarks)) startupMarks[name] = Math.round(performance.now());
}

/** Records when the task that rendered the first screen ended ("flushed": its effects ran, with the renders they
 *  asked for), even once the first screen is ready; sent with the marks at the paint (`sentMarks`). */
export function markFirstRenderFlushed(): void {
  if (!('flushed' in startupMarks)) startupMarks.flushed = Math.round(performance.now());
}

/** The marks, with `ready` now; later marks are not recorded, but for `flushed`. */
export function finishStartup(): Record<string, number> {
  done = true;
  return { ...startupMarks, ready: Math.round(performance.now()) };
}

/** What the benchmark is sent once the first screen is painted: `marks` (from `finishStartup`, with the marks taken
 *  since), and `flushed` if it came after `ready`. */
export function sentMarks(marks: Record<string, number>): Record<string, number> {
  return 'flushed' in startupMarks ? { ...marks, flushed: startupMarks.flushed } : marks;
}
