/** Milestones of the start-up, in ms since the web view began loading the page (read by the start-up benchmark). */
export const startupMarks: Record<string, number> = { script: Math.round(performance.now()) };

let done = false;

/** Records when `name` first happened, until the first screen is ready. */
export function markStartup(name: string): void {
  if (!done && !(name in startupMarks)) startupMarks[name] = Math.round(performance.now());
}

/** The marks, with `ready` now; later marks are not recorded. */
export function finishStartup(): Record<string, number> {
  done = true;
  return { ...startupMarks, ready: Math.round(performance.now()) };
}
