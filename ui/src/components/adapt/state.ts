// The shared state of step 5 (test, evaluate, adapt): its sub-steps, its query keys and queries, what to refresh after
// a change, and small display helpers. Every figure and rule (KPI status, rates, underperformers, best times) comes
// computed from Rust; nothing here recomputes them.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  BestTimes,
  ContentFormat,
  GroupBy,
  KpiStatus,
  Language,
  Measures,
  Network,
  NetworkBestTimes,
  Pillar,
  SlotEstimate,
} from '../../bindings';
import i18n from '../../i18n';
import { invalidateCalendar, undoStackOf } from '../calendar/state';
import { adaptApi } from './ipc';

/** The sub-steps of step 5, in order. A new one goes here, in `PARTS` in TestAdaptStep.tsx and in the texts
 *  (`adapt.tabs`). */
export type Section = 'results' | 'kpis' | 'performance' | 'times' | 'tests' | 'adaptations';
export const SECTIONS: readonly Section[] = ['results', 'kpis', 'performance', 'times', 'tests', 'adaptations'];

export const EXPORT_KINDS = ['x_posts', 'x_tweets', 'facebook_posts', 'instagram_posts', 'linkedin_posts'] as const;
export const GROUP_BYS: readonly GroupBy[] = ['network', 'pillar', 'topic', 'format'];
export const CONTENT_FORMATS: readonly ContentFormat[] = [
  'photo',
  'video',
  'carousel',
  'text',
  'link',
  'story',
  'live',
  'short_video',
];
/** The measures of a post, in the order the Rust side lists them. */
export const MEASURES: readonly (keyof Measures)[] = [
  'impressions',
  'reach',
  'reactions',
  'comments',
  'shares',
  'saves',
  'clicks',
  'video_views',
  'follows',
  'leads',
];
export const EMPTY_MEASURES: Measures = {
  impressions: null,
  reach: null,
  reactions: null,
  comments: null,
  shares: null,
  saves: null,
  clicks: null,
  video_views: null,
  follows: null,
  leads: null,
};

export const STATUS_COLORS: Record<KpiStatus, string> = {
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
  no_data: 'gray',
};

// ---------------------------------------------------------------------------------------------------------------
// Queries.

export const adaptKeys = {
  /** Every evaluation of a strategy, whatever the period. */
  evaluations: (strategyId: number) => ['evaluation', strategyId] as const,
  evaluation: (strategyId: number, from: string | null, to: string | null) =>
    ['evaluation', strategyId, from ?? '', to ?? ''] as const,
  unplanned: (strategyId: number) => ['unplanned', strategyId] as const,
  /** Every post's results of a strategy (the post editor's). */
  postResultsAll: (strategyId: number) => ['post-results', strategyId] as const,
  postResults: (strategyId: number, postId: number) => ['post-results', strategyId, postId] as const,
  /** The best times of every network of a strategy. */
  bestTimes: (strategyId: number) => ['best-times', strategyId] as const,
  /** Where a best slot picked moves a post on `day` (empty: today), by weekday. */
  bestTimeDays: (strategyId: number, day: string) => ['best-time-days', strategyId, day] as const,
};

/** The evaluation over a period (null: from the start, to today). It is computed from posts and results that other
 *  steps change too, so it is fetched again whenever a part showing it mounts. */
export const useEvaluation = (strategyId: number, from: string | null = null, to: string | null = null, enabled = true) =>
  useQuery({
    queryKey: adaptKeys.evaluation(strategyId, from, to),
    queryFn: () => adaptApi.evaluation(strategyId, from, to),
    staleTime: 0,
    enabled,
    placeholderData: (previous) => previous,
  });

/** The best times of every network (one query, which step 4's hints share): computed from the posts' results, so
 *  fetched again whenever a part showing them mounts, like the evaluation. */
export const useBestTimes = <T = BestTimes>(strategyId: number, select?: (b: BestTimes) => T) =>
  useQuery({
    queryKey: adaptKeys.bestTimes(strategyId),
    queryFn: () => adaptApi.bestTimes(strategyId),
    staleTime: 0,
    select,
  });

/** The days a post on `day` (empty: today) moves to when a best slot is picked, Monday first (Rust's rule: its own
 *  week, or the next one rather than the past). */
export const useBestTimeDays = (strategyId: number, day: string) =>
  useQuery({
    queryKey: adaptKeys.bestTimeDays(strategyId, day),
    queryFn: () => adaptApi.bestTimeDays(strategyId, day),
  });

/** One network's best times (undefined while loading, or for a network the strategy does not have): what step 4
 *  hints where a post's time is chosen (`best`, best first; `enough_data`, `note` when there is not enough yet). */
export const useNetworkBestTimes = (strategyId: number, network: string) =>
  useBestTimes(strategyId, (b): NetworkBestTimes | undefined => b.networks.find((n) => n.network === network));

export const useUnplanned = (strategyId: number) =>
  useQuery({
    queryKey: adaptKeys.unplanned(strategyId),
    queryFn: () => adaptApi.unplannedList(strategyId),
    staleTime: 0,
  });

/** After the results changed (an import, a link, numbers typed): the evaluation, the unplanned posts, the posts'
 *  results and the calendar (published posts, unplanned posts added or gone) are out of date. The calendar's undo
 *  history cannot describe such a change: it is forgotten, as after a calendar import. */
export function resultsChanged(client: QueryClient, strategyId: number, { calendar }: { calendar: boolean }) {
  void client.invalidateQueries({ queryKey: adaptKeys.evaluations(strategyId) });
  void client.invalidateQueries({ queryKey: adaptKeys.unplanned(strategyId) });
  void client.invalidateQueries({ queryKey: adaptKeys.postResultsAll(strategyId) });
  void client.invalidateQueries({ queryKey: adaptKeys.bestTimes(strategyId) });
  if (calendar) {
    void invalidateCalendar(client, strategyId);
    undoStackOf(strategyId).clear();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Display.

/** The name of a network in the UI language (built-in owned media have translated names). */
export function networkName(networks: readonly Network[] | undefined, key: string): string {
  const n = networks?.find((x) => x.key === key);
  if (n && !n.custom) {
    const k = `adapt.networkNames.${key}`;
    if (i18n.exists(k)) return i18n.t(k);
  }
  return n?.name ?? key;
}

/** A figure in the UI language, at most `digits` decimals; a dash when unknown. */
export function formatFigure(value: number | null | undefined, lang: Language, digits = 2): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/** A rate already in percent ("4.2%", "4,2 %"); a dash when unknown. */
export function formatPercent(value: number | null | undefined, lang: Language): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return i18n.t('adapt.percent', { value: formatFigure(value, lang, 1) });
}

/** A figure with its unit, when it has one. */
export function withUnit(value: number | null | undefined, unit: string, lang: Language): string {
  const figure = formatFigure(value, lang);
  return value == null || unit.trim() === '' ? figure : `${figure} ${unit}`;
}

/** The label of a performance group: pillars and formats by their key in the UI language, posts with none "None". */
export function groupLabel(by: GroupBy, key: string, label: string): string {
  if (key === '') return i18n.t('adapt.performance.none');
  if (by === 'pillar' && i18n.exists(`adapt.pillars.${key}`)) return i18n.t(`adapt.pillars.${key as Pillar}`);
  if (by === 'format' && i18n.exists(`adapt.formats.${key}`)) return i18n.t(`adapt.formats.${key as ContentFormat}`);
  return label || key;
}

/** The name of a weekday (1 = Monday … 7 = Sunday) in the UI language. */
export function weekdayName(weekday: number, lang: Language, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** An hour of the day as the calendar writes times ("09:00"). */
export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** A slot in words: "Tuesday 10:00" ("mardi 10:00"). */
export function slotName(slot: Pick<SlotEstimate, 'weekday' | 'hour'>, lang: Language, width: 'long' | 'short' = 'long') {
  return `${weekdayName(slot.weekday, lang, width)} ${hourText(slot.hour)}`;
}

/** A `YYYY-MM-DD` day as a time in ms (UTC), for a time axis. */
export function dayTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** A day on a chart's axis ("12 Jan"), from its time in ms. */
export function shortDay(time: number, lang: Language): string {
  // The chart library may ask for labels of ticks it has not placed yet (NaN): nothing to show then.
  if (!Number.isFinite(time)) return '';
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(time));
}

/** A day in full ("January 12, 2027"), from its time in ms. */
export function longDay(time: number, lang: Language): string {
  if (!Number.isFinite(time)) return '';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(time));
}

/** Whether `s` is a real day `YYYY-MM-DD`. */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = dayTime(s);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}
