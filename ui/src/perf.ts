// Timings the benchmarks read from the page (tests/bench/calendar.mjs): a few named spans, each from a start (an
// IPC call, a drop) to the first paint after the screen showed its result, with marks in between (the IPC answered,
// React committed). Kept in `window.__cinqPerf`, the last 500 only; measuring costs a `performance.now()` and an
// animation frame.
declare global {
  interface Window {
    __cinqPerf?: { name: string; ms: number; marks: Record<string, number> }[];
  }
}

const started = new Map<string, { start: number; marks: Record<string, number> }>();

const atCommit = new Set<string>();

export function perfStart(name: string) {
  started.set(name, { start: performance.now(), marks: {} });
  atCommit.delete(name);
}

/** Ends the span `name` after the paint that follows React's next commit of the calendar (`perfCommitted`): an answer
 *  put in the query cache renders in a later task, and the frame asked for at once could come before it. */
export function perfEndAtCommit(name: string) {
  if (started.has(name)) atCommit.add(name);
}

/** React committed the calendar (called from a layout effect): the spans waiting for it end after the next paint. */
export function perfCommitted() {
  for (const name of atCommit) perfEndAfterPaint(name);
  atCommit.clear();
}

/** Notes how far into the span `name` something happened (e.g. "ipc" when the answer came). */
export function perfMark(name: string, mark: string) {
  const span = started.get(name);
  if (span) span.marks[mark] = Math.round((performance.now() - span.start) * 10) / 10;
}

/** Ends the span `name` after the next paint (an animation frame, then a task once the frame is painted). */
export function perfEndAfterPaint(name: string) {
  const span = started.get(name);
  if (span === undefined) return;
  started.delete(name);
  span.marks.commit = Math.round((performance.now() - span.start) * 10) / 10;
  // The layout the paint will need, done now so that it is timed apart from the frame itself.
  void document.body.offsetHeight;
  span.marks.layout = Math.round((performance.now() - span.start) * 10) / 10;
  // "raf": the frame began (what follows is its paint).
  requestAnimationFrame(() => {
    span.marks.raf = Math.round((performance.now() - span.start) * 10) / 10;
    setTimeout(() => {
      const list = (window.__cinqPerf ??= []);
      list.push({ name, ms: performance.now() - span.start, marks: span.marks });
      if (list.length > 500) list.splice(0, list.length - 500);
    }, 0);
  });
}
