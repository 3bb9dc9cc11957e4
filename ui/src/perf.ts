// Timings the benchmarks read from the page (tests/bench/calendar.mjs): a few named spans, each from a start (an
// IPC call, a drop) to the first paint after the screen showed its result. Kept in `window.__cinqPerf`, the last
// 500 only; measuring costs a `performance.now()` and an animation frame.
declare global {
  interface Window {
    __cinqPerf?: { name: string; ms: number }[];
  }
}

const started = new Map<string, number>();

export function perfStart(name: string) {
  started.set(name, performance.now());
}

/** Ends the span `name` after the next paint (an animation frame, then a task once the frame is painted). */
export function perfEndAfterPaint(name: string) {
  const start = started.get(name);
  if (start === undefined) return;
  started.delete(name);
  requestAnimationFrame(() =>
    setTimeout(() => {
      const list = (window.__cinqPerf ??= []);
      list.push({ name, ms: performance.now() - start });
      if (list.length > 500) list.splice(0, list.length - 500);
    }, 0),
  );
}
