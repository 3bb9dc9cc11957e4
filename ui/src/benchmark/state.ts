// The benchmark step's shared state: its query, the save tracker behind the "Saved / Saving… / Not saved" status,
// the context the sub-steps share, and small helpers.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ApiError, BenchmarkView, FieldError, Language, Network } from '../bindings';
import { notifyError } from '../errors';
import i18n from '../i18n';
import { benchErrorText } from './i18n';
import { benchApi } from './ipc';

export type Section = 'players' | 'observations' | 'voice' | 'trends' | 'comparison' | 'summary';
export const SECTIONS: readonly Section[] = ['players', 'observations', 'voice', 'trends', 'comparison', 'summary'];

export function isSection(v: unknown): v is Section {
  return (SECTIONS as readonly unknown[]).includes(v);
}

/** The wait after the last keystroke before a text field is saved. */
export const SAVE_DELAY_MS = 400;

export const benchmarkKey = (strategyId: number) => ['benchmark', strategyId] as const;

export const useBenchmark = (strategyId: number) =>
  useQuery({ queryKey: benchmarkKey(strategyId), queryFn: () => benchApi.get(strategyId) });

// ---------------------------------------------------------------------------------------------------------------
// Save tracker: every change goes through `run`, which counts what is in flight, remembers the last failure of each
// thing saved, and puts the backend's answer (the whole view) in the query cache, newest request last.

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; reason: string };

export class SaveTracker {
  private pending = 0;
  private saved = false;
  private failures = new Map<string, string>();
  private issued = 0;
  private applied = 0;
  private listeners = new Set<() => void>();
  private status: SaveStatus = { kind: 'idle' };

  constructor(
    private readonly client: QueryClient,
    private readonly strategyId: number,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getStatus = () => this.status;

  private update() {
    let next: SaveStatus;
    if (this.pending > 0) next = { kind: 'saving' };
    else if (this.failures.size > 0) next = { kind: 'error', reason: [...this.failures.values()].at(-1) ?? '' };
    else next = this.saved ? { kind: 'saved' } : { kind: 'idle' };
    const same =
      next.kind === this.status.kind &&
      (next.kind !== 'error' || (this.status.kind === 'error' && this.status.reason === next.reason));
    if (same) return;
    this.status = next;
    this.listeners.forEach((l) => l());
  }

  /** Sends a change; `key` names what is saved (the voice, one player form…) so a later success clears its failure. */
  async run(key: string, send: () => Promise<BenchmarkView>): Promise<BenchmarkView> {
    const seq = ++this.issued;
    this.pending += 1;
    this.update();
    try {
      const view = await send();
      // Each answer holds the whole benchmark: apply them in the order the requests were made.
      if (seq > this.applied) {
        this.applied = seq;
        this.client.setQueryData(benchmarkKey(this.strategyId), view);
      }
      this.failures.delete(key);
      this.saved = true;
      return view;
    } catch (e) {
      const err = e as ApiError;
      this.failures.delete(key);
      this.failures.set(key, failureReason(err));
      // Validation errors show under their fields; anything else deserves a notification.
      if (err.code !== 'validation') notifyError(err);
      throw err;
    } finally {
      this.pending -= 1;
      this.update();
    }
  }

  /** Forgets the failure of something given up (a form cancelled…). */
  forget(key: string) {
    if (this.failures.delete(key)) this.update();
  }
}

function failureReason(e: ApiError): string {
  if (e.code === 'validation') {
    const first = e.fields[0];
    return first ? benchErrorText(first.field, first.code) : i18n.t('errors.validation');
  }
  const key = `errors.${e.code}`;
  return i18n.exists(key) ? i18n.t(key, { message: e.message }) : i18n.t('errors.internal');
}

export function useSaveStatus(tracker: SaveTracker): SaveStatus {
  return useSyncExternalStore(tracker.subscribe, tracker.getStatus, tracker.getStatus);
}

/** The translated inline error of `field`, if the last answer had one. */
export function errorOf(errors: readonly FieldError[], field: string): string | undefined {
  const e = errors.find((f) => f.field === field);
  return e ? benchErrorText(field, e.code) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The context the sub-steps share.

export interface BenchCtx {
  strategyId: number;
  view: BenchmarkView;
  tracker: SaveTracker;
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

/** Numbers as typed in a NumberInput: '' is "not given"; text that is not (yet) a number cannot be sent. */
export type NumberDraft = number | string;

export function parseNumber(v: NumberDraft): { ok: true; value: number | null } | { ok: false } {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  const s = v.trim().replace(',', '.');
  if (s === '') return { ok: true, value: null };
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}

/** Brings an element into view (when the browser can) once it is rendered. */
export function scrollIntoView(id: string) {
  requestAnimationFrame(() => {
    document.getElementById(id)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  });
}
