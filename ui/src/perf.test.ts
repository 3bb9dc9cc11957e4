import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { perfCommitted, perfEndAtCommit, perfMark, perfStart } from './perf';

const spans = () => (window.__cinqPerf ?? []).map((p) => ({ name: p.name, marks: Object.keys(p.marks) }));

describe('the benchmark spans', () => {
  beforeEach(() => {
    window.__cinqPerf = [];
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('ends a span waiting for a commit only after the commit, then after the paint', () => {
    perfStart('calendar-drop');
    perfMark('calendar-drop', 'ipc');
    perfEndAtCommit('calendar-drop');
    vi.runAllTimers();
    expect(spans()).toEqual([]);
    perfCommitted();
    expect(spans()).toEqual([]);
    vi.runAllTimers();
    expect(spans()).toEqual([{ name: 'calendar-drop', marks: ['ipc', 'commit', 'layout', 'raf'] }]);
    // Once ended, a later commit ends nothing.
    perfCommitted();
    vi.runAllTimers();
    expect(spans()).toHaveLength(1);
  });

  it('forgets a span that waited for a commit when the same span starts again', () => {
    perfStart('calendar-drop');
    perfEndAtCommit('calendar-drop');
    perfStart('calendar-drop');
    perfCommitted();
    vi.runAllTimers();
    expect(spans()).toEqual([]);
  });
});
