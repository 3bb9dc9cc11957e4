import { QueryClient, notifyManager, useQuery } from '@tanstack/react-query';
import type { ApiError, Strategy } from './bindings';
import { api } from './ipc';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

export const qk = {
  appInfo: ['appInfo'] as const,
  settings: ['settings'] as const,
  backups: ['backups'] as const,
  timezones: ['timezones'] as const,
  strategies: ['strategies'] as const,
  strategy: (id: number) => ['strategy', id] as const,
  audit: (strategyId: number) => ['audit', strategyId] as const,
};

// A change of the cache (an answer, an optimistic update) reaches the screen in the task that made it, not in a
// timer: WebKit runs a zero timer 4 ms later at the earliest, and after the next frame, so an optimistic update would
// miss the frame of the drop that made it.
notifyManager.setScheduler(queueMicrotask);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local IPC: no retries, and data only changes through our own mutations.
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

// What to ask for and how, shared by the hooks and by the fetches before the first render (firstScreen.ts).
export const appInfoQuery = { queryKey: qk.appInfo, queryFn: api.appInfo };
export const settingsQuery = { queryKey: qk.settings, queryFn: api.settingsGet };
export const strategyQuery = (id: number) => ({ queryKey: qk.strategy(id), queryFn: () => api.strategyGet(id) });

export const useAppInfo = () => useQuery(appInfoQuery);
export const useSettings = () => useQuery(settingsQuery);
export const useTimezones = () => useQuery({ queryKey: qk.timezones, queryFn: api.timezones });
export const useStrategies = () => useQuery({ queryKey: qk.strategies, queryFn: api.strategyList });
export const useStrategy = (id: number) => useQuery(strategyQuery(id));
const auditQuery = (strategyId: number) => ({ queryKey: qk.audit(strategyId), queryFn: () => api.auditGet(strategyId) });
export const useAudit = (strategyId: number) => useQuery(auditQuery(strategyId));

/** Asks for the data of the step `strategy` opens on (the audit's; the later steps load their code first), and
 *  resolves once it is in `client`: at start-up the first render then shows the step whole, in one render and one
 *  paint, rather than the strategy's frame with a loader first (measured by tests/bench/startup.sh). */
export function prefetchOpeningStep(client: QueryClient, strategy: Strategy): Promise<void> {
  return strategy.current_step === 'audit' ? client.prefetchQuery(auditQuery(strategy.id)) : Promise.resolve();
}
