import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps its marks in module state: each test loads it afresh.
async function fresh() {
  vi.resetModules();
  return import('./startup');
}

describe('start-up marks', () => {
  let now = 0;
  beforeEach(() => {
    now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());

  it('records each milestone once, until the first screen is ready', async () => {
    const s = await fresh();
    now = 10;
    s.markStartup('modules');
    now = 12;
    s.markStartup('modules');
    now = 20;
    const marks = s.finishStartup();
    now = 30;
    s.markStartup('late');
    expect(marks).toEqual({ script: 0, modules: 10, ready: 20 });
    expect(s.sentMarks(marks)).toEqual({ script: 0, modules: 10, ready: 20 });
  });

  it('sends the end of the first render task even when it came after ready', async () => {
    const s = await fresh();
    now = 20;
    const marks = s.finishStartup();
    now = 35;
    s.markFirstRenderFlushed();
    now = 50;
    s.markFirstRenderFlushed();
    expect(s.sentMarks({ ...marks, painted: 60 })).toEqual({ script: 0, ready: 20, painted: 60, flushed: 35 });
  });
});
