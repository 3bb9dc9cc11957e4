// The A/B tests of step 5 on the Rust side: typed wrappers, their query, and the dated posts of the plan that a test
// (or an adaptation) can name. Every verdict, status and rate comes computed from Rust; nothing here recomputes them.
import { useQuery } from '@tanstack/react-query';
import type { AbTest, AbTestInput, AbVariantData, AbVariantInput, CalendarView, Language } from '../../bindings';
import { formatDateTime } from '../../format';
import { call } from '../../ipc';
import { useStrategy } from '../../queries';
import { calendarKey } from '../calendar/state';

export const abApi = {
  /** Every test with its verdict, newest first. */
  list: (strategyId: number) => call<AbTest[]>('ab_tests_get', { strategyId }),
  /** `testId` null creates the test; answers with every test. */
  save: (strategyId: number, testId: number | null, input: AbTestInput) =>
    call<AbTest[]>('ab_test_save', { strategyId, testId, input }),
  delete: (strategyId: number, testId: number) => call<AbTest[]>('ab_test_delete', { strategyId, testId }),
  /** The calendar over a period (`YYYY-MM-DD`, inclusive): its dated posts and its networks' names. */
  calendar: (strategyId: number, from: string, to: string) =>
    call<CalendarView>('calendar_get', { strategyId, from, to }),
};

export const abKeys = {
  tests: (strategyId: number) => ['ab-tests', strategyId] as const,
};

export const useAbTests = (strategyId: number) =>
  useQuery({ queryKey: abKeys.tests(strategyId), queryFn: () => abApi.list(strategyId) });

/** The computed data of a test's variants (counts as the test uses them, post titles). */
export function variantData(test: AbTest): AbVariantData[] {
  return test.variant_data;
}

/** The input a test was saved with (typed counts included, even for a variant whose post has results). */
export function inputOf(test: AbTest): AbTestInput {
  const variants: AbVariantInput[] = test.variants.map((v) => ({ ...v }));
  return {
    name: test.name,
    hypothesis: test.hypothesis,
    varied: test.varied,
    metric: test.metric,
    numerator: test.numerator,
    denominator: test.denominator,
    variants,
    learning: test.learning,
  };
}

/** The period over which the plan's posts are offered: from the year before the strategy's start to the end of next
 *  year (or of the year after the start, if later). */
export function planRange(startDate: string | undefined, today: Date = new Date()): { from: string; to: string } {
  const now = today.getFullYear();
  const start = startDate && /^\d{4}/.test(startDate) ? Number(startDate.slice(0, 4)) : now;
  return { from: `${Math.min(start, now) - 1}-01-01`, to: `${Math.max(start, now) + 1}-12-31` };
}

/** The calendar over the whole plan (see `planRange`): its dated posts, grouped by network in the selects. It shares
 *  the calendar's query keys, so that a change of the calendar refreshes it. */
export function usePlanCalendar(strategyId: number) {
  const strategy = useStrategy(strategyId);
  const range = planRange(strategy.data?.start_date);
  return useQuery({
    queryKey: calendarKey(strategyId, range),
    queryFn: () => abApi.calendar(strategyId, range.from, range.to),
    enabled: strategy.isSuccess,
    staleTime: 0,
  });
}

/** The name of a network: the calendar's row names it (custom networks included); else its key. */
export function networkLabel(view: CalendarView | undefined, key: string): string {
  return view?.rows.find((r) => r.network === key)?.name ?? key;
}

/** A post as the selects show it. */
export interface PostRef {
  id: number;
  network: string;
  title: string;
  scheduled_at: string | null;
}

/** What a post is called in a select: its title (or its number) and its slot. */
export function postLabel(p: PostRef, lang: Language): string {
  const when = p.scheduled_at ? formatDateTime(p.scheduled_at, lang) : '';
  return [p.title.trim() || `#${p.id}`, when].filter(Boolean).join(' · ');
}

/** The dated posts of the plan grouped by network, for a searchable select; `extra` posts (those a record names
 *  already) are kept even when outside the plan's period. */
export function planPostGroups(view: CalendarView | undefined, lang: Language, extra: readonly PostRef[] = []) {
  const groups = new Map<string, { value: string; label: string }[]>();
  const seen = new Set<number>();
  for (const p of [...(view?.calendar.posts ?? []), ...extra]) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const name = networkLabel(view, p.network) || '—';
    const items = groups.get(name) ?? [];
    items.push({ value: String(p.id), label: postLabel(p, lang) });
    groups.set(name, items);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}
