// The month view: a classic month, Monday to Sunday, one row per week. Each day is a drop target (a post dropped on
// it keeps its network and its time; networks are changed in the week view) and lists its editorial items, then its
// posts by time as one line each, "10:00 Title", in the colour of their network (the legend above says which); past
// MONTH_CARDS posts, "+N more" opens the day's week. While the planner's proposals are previewed, a day shows its own
// after its posts, as ghost cards (PlanPreview.tsx). The columns share the width: the month never scrolls sideways.
//
// A month is at most 31 cells of at most MONTH_CARDS cards: the whole month is drawn at once (no window of cells on
// screen to follow), and a card is one element (PostCard.tsx). Cells are memoised on their posts (`DayIndex`): a
// drop renders again only the days whose posts changed.
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarRow, EditorialItem, Language, Post } from '../../bindings';
import { formatNumber } from '../../format';
import { template } from '../../i18n/template';
import { dayId } from './Board';
import {
  EditorialCard,
  NO_GHOSTS,
  isWeekend,
  sameItems,
  useCellLabels,
  useEditorialItems,
  useTooLongPosts,
  type CellLabels,
  type EditorialPick,
} from './Grid';
import { GhostCard } from './PlanPreview';
import { PostCard, useCardTexts, type CardTexts } from './PostCard';
import { addDays, dayOf, formatDayWith, timeOf, useCal, useGhosts, usePlanPreview, type Ghost } from './state';
import classes from './calendar.module.css';

/** At most this many cards in a day; past them, one line fewer and "+N more". */
export const MONTH_CARDS = 4;

/** The networks' colours cycle through this many (calendar.module.css, `[data-net]`). */
export const NETWORK_COLORS = 8;

const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'short' };
const DAY_NUMBER: Intl.DateTimeFormatOptions = { day: 'numeric' };
/** A Monday: the weekdays' names are those of its week. */
const A_MONDAY = '2024-01-01';

const NO_POSTS: readonly Post[] = [];
const NO_ITEMS: readonly EditorialItem[] = [];

/** Monday 0 … Sunday 6. */
function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The month's days by week, Monday to Sunday; null for the days of the weeks outside the month. */
export function weeksOf(days: readonly string[]): (string | null)[][] {
  if (days.length === 0) return [];
  const cells: (string | null)[] = [...Array<null>(weekdayOf(days[0])).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The posts of each day. A day whose posts are the same objects as last time keeps its array, so that after a drop
 *  only the days that changed render again (the query keeps unchanged posts as the same objects). */
class DayIndex {
  private last = new Map<string, readonly Post[]>();

  of(posts: readonly Post[]): Map<string, readonly Post[]> {
    const m = new Map<string, Post[]>();
    for (const p of posts) {
      if (!p.scheduled_at) continue;
      const d = dayOf(p.scheduled_at);
      const list = m.get(d);
      if (list) list.push(p);
      else m.set(d, [p]);
    }
    const kept = new Map<string, readonly Post[]>();
    for (const [d, list] of m) {
      const old = this.last.get(d);
      kept.set(d, old && sameItems(old, list) ? old : list);
    }
    this.last = kept;
    return kept;
  }
}

/** What the days share, the same objects from one render to the next while the networks and the language stay. */
interface DayShared {
  texts: CardTexts;
  labels: CellLabels;
  /** Each network's name and colour (its row's place). */
  networks: ReadonlyMap<string, { name: string; color: number }>;
  picker: EditorialPick;
  showWeek: (day: string) => string;
  addPost: (day: string) => string;
  addEditorial: (day: string) => string;
  onOpen: (post: Post) => void;
  onAdd: (day: string) => void;
  onAddEditorial: (day: string) => void;
  onShowDay: (day: string) => void;
}

export const MonthGrid = memo(function MonthGrid({ days, onShowDay }: {
  days: readonly string[];
  onShowDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { view, lang, selectedPosts, selectedEditorial, openPost } = useCal();
  const tooLongPosts = useTooLongPosts();
  const [index] = useState(() => new DayIndex());
  const byDay = useMemo(() => index.of(view.calendar.posts), [index, view.calendar.posts]);
  const ghosts = useGhosts(usePlanPreview().preview, 'day');
  const editorial = useEditorialItems();
  const texts = useCardTexts();
  const labels = useCellLabels(texts);
  const firstNetwork = view.rows[0]?.network ?? '';
  const networks = useMemo(
    () => new Map(view.rows.map((r, i) => [r.network, { name: r.name, color: i % NETWORK_COLORS }])),
    [view.rows],
  );
  const shared = useMemo<DayShared>(() => {
    const showWeek = template(t, 'calendar.grid.showWeek', ['day']);
    const addPost = template(t, 'calendar.grid.addPostOn', ['day']);
    const addEditorial = template(t, 'calendar.grid.addEditorial', ['day']);
    return {
      texts,
      labels,
      networks,
      picker: editorial.picker,
      showWeek: (day) => showWeek({ day: labels.day(day) }),
      addPost: (day) => addPost({ day: labels.day(day) }),
      addEditorial: (day) => addEditorial({ day: labels.day(day) }),
      onOpen: openPost,
      onAdd: (day) => openPost(null, { network: firstNetwork, scheduled_at: `${day}T10:00` }),
      onAddEditorial: editorial.onAdd,
      onShowDay,
    };
  }, [texts, labels, networks, editorial.picker, editorial.onAdd, t, openPost, firstNetwork, onShowDay]);
  const weeks = useMemo(() => weeksOf(days), [days]);
  const weekdays = useMemo(
    () => Array.from({ length: 7 }, (_, i) => formatDayWith(addDays(A_MONDAY, i), lang, WEEKDAY)),
    [lang],
  );
  // The legend's counts, the same object while they stay the same (a drop within the month changes none).
  const [lastCounts] = useState(() => ({ current: new Map<string, number>() }));
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of view.calendar.posts) m.set(p.network, (m.get(p.network) ?? 0) + 1);
    const old = lastCounts.current;
    if (old.size === m.size && [...m].every(([k, n]) => old.get(k) === n)) return old;
    lastCounts.current = m;
    return m;
  }, [view.calendar.posts, lastCounts]);

  return (
    <div className={classes.month}>
      <Legend rows={view.rows} counts={counts} lang={lang} />
      <div
        className={classes.monthGrid}
        role="grid"
        aria-label={t('calendar.grid.label', { from: labels.day(days[0]), to: labels.day(days[days.length - 1]) })}
        data-testid="calendar-grid"
      >
        <div className={classes.monthRow} role="row">
          {weekdays.map((w, i) => (
            <div key={i} role="columnheader" className={classes.weekday}>
              {w}
            </div>
          ))}
        </div>
        {weeks.map((week, w) => (
          <div key={w} className={classes.monthRow} role="row">
            {week.map((d, i) => {
              if (d === null) return <div key={i} role="gridcell" className={classes.outside} />;
              const items = editorial.byDay.get(d) ?? NO_ITEMS;
              return (
                <Day
                  // By column, not by day: another month updates the cells in place.
                  key={i}
                  day={d}
                  posts={byDay.get(d) ?? NO_POSTS}
                  ghosts={ghosts.get(d) ?? NO_GHOSTS}
                  items={items}
                  relayCounts={editorial.relayCounts(items)}
                  selectedItem={items.some((e) => e.id === selectedEditorial) ? selectedEditorial : null}
                  today={d === view.today}
                  selected={selectedPosts}
                  tooLongPosts={tooLongPosts}
                  lang={lang}
                  shared={shared}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
});

/** A day: its number (which opens its week), the add buttons, its editorial items, then its posts by time. It renders
 *  again only when what it shows changes. */
const Day = memo(function Day({ day, posts, ghosts, items, relayCounts, selectedItem, today, selected, tooLongPosts, lang, shared }: {
  day: string;
  posts: readonly Post[];
  /** The planner's proposals previewed on this day (all of them: no "+N more" hides one). */
  ghosts: readonly Ghost[];
  items: readonly EditorialItem[];
  /** How many posts relay each of `items` (see `EditorialCell`). */
  relayCounts: string;
  selectedItem: number | null;
  today: boolean;
  selected: ReadonlySet<number>;
  tooLongPosts: ReadonlySet<number>;
  lang: Language;
  shared: DayShared;
}) {
  const { texts, labels, networks } = shared;
  const shown = posts.length > MONTH_CARDS ? posts.slice(0, MONTH_CARDS - 1) : posts;
  const hidden = posts.length - shown.length;
  const counts = relayCounts.split(',').map(Number);
  const dayText = labels.day(day);
  const showWeek = shared.showWeek(day);
  const addPost = shared.addPost(day);
  const addEditorial = shared.addEditorial(day);
  return (
    <div
      role="gridcell"
      className={classes.day}
      data-testid={`day-${day}`}
      data-drop={dayId(day)}
      data-weekend={isWeekend(day) || undefined}
      data-today={today || undefined}
    >
      <button
        type="button"
        className={classes.dayNumber}
        title={showWeek}
        aria-label={showWeek}
        onClick={() => shared.onShowDay(day)}
      >
        {formatDayWith(day, lang, DAY_NUMBER)}
      </button>
      <button
        type="button"
        className={classes.add}
        data-kind="editorial"
        title={addEditorial}
        aria-label={addEditorial}
        onClick={() => shared.onAddEditorial(day)}
      >
        +
      </button>
      <button type="button" className={classes.add} title={addPost} aria-label={addPost} onClick={() => shared.onAdd(day)}>
        +
      </button>
      {items.map((e, i) => (
        <EditorialCard
          key={e.id}
          item={e}
          relays={counts[i] ?? 0}
          selected={selectedItem === e.id}
          compact
          picker={shared.picker}
        />
      ))}
      {shown.map((p) => {
        const tooLong = tooLongPosts.has(p.id);
        const network = networks.get(p.network);
        return (
          <PostCard
            key={p.id}
            post={p}
            texts={texts}
            compact
            network={network?.color ?? 0}
            selected={selected.has(p.id)}
            tooLong={tooLong}
            label={labels.card(p, network?.name ?? p.network, `${dayText} ${timeOf(p.scheduled_at ?? '')}`, tooLong)}
            onOpen={shared.onOpen}
          />
        );
      })}
      {hidden > 0 && (
        <button
          type="button"
          className={classes.more}
          onClick={() => shared.onShowDay(day)}
          data-testid={`day-more-${day}`}
        >
          {labels.more(hidden)}
        </button>
      )}
      {ghosts.map((g) => {
        const network = networks.get(g.post.network);
        return (
          <GhostCard
            key={g.index}
            ghost={g}
            network={network?.name ?? g.post.network}
            compact
            lang={lang}
            netColor={network?.color ?? 0}
          />
        );
      })}
    </div>
  );
});

/** Which colour is which network, with each one's posts in the month and its weekly target. */
const Legend = memo(function Legend({ rows, counts, lang }: {
  rows: readonly CalendarRow[];
  counts: ReadonlyMap<string, number>;
  lang: Language;
}) {
  const { t } = useTranslation();
  return (
    <ul className={classes.legend} aria-label={t('calendar.grid.legend')} data-testid="month-legend">
      {rows.map((r, i) => (
        <li
          key={r.network}
          className={classes.legendItem}
          data-net={i % NETWORK_COLORS}
          data-testid={`legend-${r.network}`}
        >
          <strong>{r.name}</strong>
          {' · '}
          {t('calendar.grid.legendPosts', { count: counts.get(r.network) ?? 0, n: formatNumber(counts.get(r.network) ?? 0, lang) })}
          {r.posts_per_week !== null && ` · ${t('calendar.grid.legendPerWeek', { n: formatNumber(r.posts_per_week, lang) })}`}
          {!r.kept && ` · ${t('calendar.grid.notKept')}`}
        </li>
      ))}
      <li className={classes.legendItem} data-editorial title={t('calendar.grid.editorialRowHelp')}>
        <strong>{t('calendar.grid.editorialRow')}</strong>
      </li>
    </ul>
  );
});
