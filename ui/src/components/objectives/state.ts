// The objectives step's shared state: its query, its save tracker (see ../../autosave), the context the sub-steps
// share, and small helpers.
import { createContext, useContext } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { SaveTracker } from '../../autosave';
import type { FieldError, Finding, Language, Network, ObjectiveInput, ObjectivesView, Pillar } from '../../bindings';
import i18n from '../../i18n';
import { objErrorText } from './i18n';
import { objApi } from './ipc';

export type Section = 'goals' | 'objectives' | 'missions' | 'mix' | 'measurement' | 'summary';
export const SECTIONS: readonly Section[] = ['goals', 'objectives', 'missions', 'mix', 'measurement', 'summary'];

export const PILLARS: readonly Pillar[] = ['promotion', 'curation', 'interaction'];
/** The colour of each pillar, everywhere in the app (the calendar's cards too). */
export const PILLAR_COLORS: Record<Pillar, string> = { promotion: 'orange', curation: 'teal', interaction: 'grape' };

/** A social objective with nothing filled in yet. */
export const EMPTY_OBJECTIVE: ObjectiveInput = {
  title: '',
  objective_type: 'awareness',
  marketing_objective_id: null,
  kpi_metric: null,
  kpi_name: '',
  kpi_unit: '',
  direction: 'increase',
  baseline: null,
  target: null,
  deadline: null,
  networks: [],
  owner: '',
  contribution: '',
};

export const objectivesKey = (strategyId: number) => ['objectives', strategyId] as const;

export const useObjectives = (strategyId: number) =>
  useQuery({ queryKey: objectivesKey(strategyId), queryFn: () => objApi.get(strategyId) });

/** The save tracker of a strategy's objectives: the backend's answers go to its query. */
export function objTracker(client: QueryClient, strategyId: number): SaveTracker<ObjectivesView> {
  return new SaveTracker<ObjectivesView>(client, objectivesKey(strategyId), objErrorText);
}

/** The translated inline error of `field`, if the last answer had one. */
export function errorOf(errors: readonly FieldError[], field: string): string | undefined {
  const e = errors.find((f) => f.field === field);
  return e ? objErrorText(e) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The context the sub-steps share.

export interface ObjCtx {
  strategyId: number;
  view: ObjectivesView;
  tracker: SaveTracker<ObjectivesView>;
  lang: Language;
  /** Opens a sub-step; `anchor` names an element id to bring into view. */
  goTo: (section: Section, target?: { anchor?: string }) => void;
}

export const ObjContext = createContext<ObjCtx | null>(null);

export function useObj(): ObjCtx {
  const ctx = useContext(ObjContext);
  if (!ctx) throw new Error('useObj outside ObjContext');
  return ctx;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

/** The name of a network in the UI language (built-in owned media have translated names). */
export function networkName(networks: readonly Network[], key: string): string {
  const n = networks.find((x) => x.key === key);
  if (n && !n.custom) {
    const k = `objectives.networkNames.${key}`;
    if (i18n.exists(k)) return i18n.t(k);
  }
  return n?.name ?? key;
}

/** The findings about one objective (their link names it). */
export function findingsOf(view: ObjectivesView, objectiveId: number): Finding[] {
  return view.findings.filter((f) => f.link.step === 'objectives' && f.link.item === objectiveId);
}

/** A number for display in the UI language; at most two decimals. */
export function formatFigure(value: number | null | undefined, lang: Language): string {
  if (value == null) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
}

/** Brings an element into view (when the browser can) once it is rendered. */
export function scrollIntoView(id: string) {
  requestAnimationFrame(() => {
    document.getElementById(id)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  });
}
