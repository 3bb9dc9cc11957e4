// The adaptations log of step 5 on the Rust side: typed wrappers, the query keys, and what to refresh once an
// adaptation changed the plan. The due reviews of the home screen are in logDueIpc.ts (kept out of this module so
// that the home screen loads none of step 5).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Adaptation, AdaptationAction, AdaptationInput, Evaluation } from '../../bindings';
import { call } from '../../ipc';
import { qk } from '../../queries';
import { invalidateCalendar, undoStackOf } from '../calendar/state';
import { objectivesKey } from '../objectives/state';
import { abKeys } from './abIpc';
import { reviewsDueKey } from './logDueIpc';

export const logApi = {
  /** Every adaptation, newest first. */
  list: (strategyId: number) => call<Adaptation[]>('adaptations_get', { strategyId }),
  /** An adaptation written by hand (`adaptationId` null creates it); an edit keeps its action and changes. */
  save: (strategyId: number, adaptationId: number | null, input: AdaptationInput) =>
    call<Adaptation[]>('adaptation_save', { strategyId, adaptationId, input }),
  delete: (strategyId: number, adaptationId: number) =>
    call<Adaptation[]>('adaptation_delete', { strategyId, adaptationId }),
  /** Changes the plan and logs the change, in one transaction. Rejects with `conflict` when it would change
   *  nothing. */
  apply: (strategyId: number, input: AdaptationInput, action: AdaptationAction) =>
    call<Adaptation[]>('adaptation_apply', { strategyId, input, action }),
  /** The evaluation from the strategy's start to today: KPIs, underperformers, posts with results. */
  evaluation: (strategyId: number) => call<Evaluation>('evaluation_get', { strategyId, from: null, to: null }),
};

export const logKeys = {
  adaptations: (strategyId: number) => ['adaptations', strategyId] as const,
  /** Every evaluation of a strategy, whatever the period (the prefix step 5's own queries use). */
  evaluations: (strategyId: number) => ['evaluation', strategyId] as const,
  /** The evaluation from the start to today, under the key step 5's own query gives it. */
  evaluation: (strategyId: number) => ['evaluation', strategyId, '', ''] as const,
};

export const useAdaptations = (strategyId: number) =>
  useQuery({ queryKey: logKeys.adaptations(strategyId), queryFn: () => logApi.list(strategyId) });

export const useWholeEvaluation = (strategyId: number) =>
  useQuery({ queryKey: logKeys.evaluation(strategyId), queryFn: () => logApi.evaluation(strategyId), staleTime: 0 });

/** After the log changed: the due reviews of the home screen may have changed too. */
export function logChanged(client: QueryClient, strategyId: number, list: Adaptation[]) {
  client.setQueryData(logKeys.adaptations(strategyId), list);
  void client.invalidateQueries({ queryKey: reviewsDueKey });
  void client.invalidateQueries({ queryKey: qk.strategies });
}

/** After an action changed the plan: everything that shows the plan is out of date. A post moved, copied or changed
 *  outside the calendar cannot be undone there: its undo history is forgotten, as after an import. */
export function planChanged(client: QueryClient, strategyId: number, action: AdaptationAction) {
  void invalidateCalendar(client, strategyId);
  void client.invalidateQueries({ queryKey: objectivesKey(strategyId) });
  void client.invalidateQueries({ queryKey: logKeys.evaluations(strategyId) });
  void client.invalidateQueries({ queryKey: abKeys.tests(strategyId) });
  // The post editor's results (a replaced variant's format is stored with them).
  void client.invalidateQueries({ queryKey: ['post-results', strategyId] });
  if (action.type === 'move_post' || action.type === 'duplicate_post' || action.type === 'replace_variant') {
    undoStackOf(strategyId).clear();
  }
}
