// The benchmark step's shared state: its query, its save tracker (see ../autosave), the context the sub-steps share,
// and small helpers.
import { createContext, useContext } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { SaveTracker } from '../../autosave';
import type { BenchmarkView, FieldError, Language, Network } from '../../bindings';
import i18n from '../../i18n';
import { benchErrorText } from './i18n';
import { benchApi } from './ipc';

export type Section = 'players' | 'observations' | 'voice' | 'trends' | 'comparison' | 'summary';
export const SECTIONS: readonly Section[] = ['players', 'observations', 'voice', 'trends', 'comparison', 'summary'];

export const benchmarkKey = (strategyId: number) => ['benchmark', strategyId] as const;

export const useBenchmark = (strategyId: number) =>
  useQuery({ queryKey: benchmarkKey(strategyId), queryFn: () => benchApi.get(strategyId) });

/** The save tracker of a strategy's benchmark: the backend's answers go to its query. */
export function benchTracker(client: QueryClient, strategyId: number): SaveTracker<BenchmarkView> {
  return new SaveTracker<BenchmarkView>(client, benchmarkKey(strategyId), benchErrorText);
}

/** The translated inline error of `field`, if the last answer had one. */
export function errorOf(errors: readonly FieldError[], field: string): string | undefined {
  const e = errors.find((f) => f.field === field);
  return e ? benchErrorText(e) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The context the sub-steps share.

export interface BenchCtx {
  strategyId: number;
  view: BenchmarkView;
  tracker: SaveTracker<BenchmarkView>;
  lang: Language;
  /** The networks of the audit, to offer first (empty when the audit is not loaded). */
  audited: readonly string[];
  /** Opens a sub-step; `anchor` names a part of it to bring into view, `network` one to show. */
  goTo: (section: Section, target?: { anchor?: string; network?: string | null }) => void;
  /** The network asked for by a finding's link, to show in the comparison. */
  focusNetwork: string | null;
}

export const BenchContext = createContext<BenchCtx | null>(null);

export function useBench(): BenchCtx {
  const ctx = useContext(BenchContext);
  if (!ctx) throw new Error('useBench outside BenchContext');
  return ctx;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

/** The name of a network in the UI language (built-in owned media have translated names). */
export function networkName(networks: readonly Network[], key: string): string {
  const n = networks.find((x) => x.key === key);
  if (n && !n.custom) {
    const k = `benchmark.networkNames.${key}`;
    if (i18n.exists(k)) return i18n.t(k);
  }
  return n?.name ?? key;
}

/** The networks, those of the audit first (each group in catalogue order). */
export function networkOptions(networks: readonly Network[], audited: readonly string[]) {
  const first = networks.filter((n) => audited.includes(n.key));
  const rest = networks.filter((n) => !audited.includes(n.key));
  const item = (n: Network) => ({ value: n.key, label: networkName(networks, n.key) });
  if (first.length === 0) return rest.map(item);
  return [
    { group: i18n.t('benchmark.observations.networkAudited'), items: first.map(item) },
    ...(rest.length ? [{ group: i18n.t('benchmark.observations.networkOther'), items: rest.map(item) }] : []),
  ];
}

/** A number for display in the UI language; at most one decimal. */
export function formatFigure(value: number | null | undefined, lang: Language): string {
  if (value == null) return i18n.t('benchmark.common.none');
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

/** Brings an element into view (when the browser can) once it is rendered. */
export function scrollIntoView(id: string) {
  requestAnimationFrame(() => {
    document.getElementById(id)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  });
}
