import { beforeEach, describe, expect, it, vi } from 'vitest';
import { prefetchFirstScreen } from './firstScreen';
import { preloadStep } from './lazy';
import { createQueryClient, qk } from './queries';
import { holdAudit, installBackend, makeStrategy } from './test/backend';

// The steps' code is not loaded here: only which step is asked for.
vi.mock('./lazy', () => ({ preloadStep: vi.fn() }));

describe('the first screen, fetched before the first render', () => {
  beforeEach(() => vi.mocked(preloadStep).mockClear());

  it('asks for the opening audit with the strategy, and waits for it: the first render shows it at once', async () => {
    const s = makeStrategy({ current_step: 'audit' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    const { release } = holdAudit(backend);
    const client = createQueryClient();

    let done = false;
    const fetched = prefetchFirstScreen(client).then(() => (done = true));
    await vi.waitFor(() => expect(backend.callsTo('audit_get')).toHaveLength(1));
    expect(client.getQueryData(qk.strategy(s.id))).toMatchObject({ id: s.id });
    expect(preloadStep).toHaveBeenCalledWith('audit');
    // Asked for, still on its way: the first render waits (main.tsx bounds the wait).
    await Promise.resolve();
    expect(done).toBe(false);

    release();
    await fetched;
    expect(client.getQueryData(qk.audit(s.id))).toBeDefined();
    expect(client.getQueryData(qk.settings)).toBeDefined();
  });

  it('loads the code of a later step, and not the audit', async () => {
    const s = makeStrategy({ current_step: 'calendar' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    await prefetchFirstScreen(createQueryClient());
    expect(preloadStep).toHaveBeenCalledWith('calendar');
    expect(backend.callsTo('audit_get')).toHaveLength(0);
  });

  it('asks for no strategy when there is none to reopen, and survives one that is gone', async () => {
    const backend = installBackend({ lastStrategyId: null });
    await prefetchFirstScreen(createQueryClient());
    expect(backend.callsTo('strategy_get')).toHaveLength(0);

    const gone = installBackend({ lastStrategyId: 999 });
    await expect(prefetchFirstScreen(createQueryClient())).resolves.toBeDefined();
    expect(gone.callsTo('strategy_get')).toHaveLength(1);
    expect(preloadStep).not.toHaveBeenCalled();
  });
});
