// The week grid: a row of editorial items, then one row per network (kept networks in the order of their missions),
// one column per day. Each cell is a drop target; each post a draggable card (see Board.tsx). The month has its own
// grid (MonthGrid.tsx), which shares the editorial cards and their picker from here. While the planner's proposals
// are previewed, each shows in its cell as a ghost card, after the posts (PlanPreview.tsx).
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Badge, Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarRow, EditorialItem, Language, Post } from '../../bindings';
import { formatNumber } from '../../format';
import { template } from '../../i18n/template';
import { cellId } from './Board';
import { GhostCard } from './PlanPreview';
import { PostCard, postName, useCardTexts, type CardTexts } from './PostCard';
import { dayLabel, dayOf, timeOf, useCal, useGhosts, usePlanPreview, type Ghost } from './state';
import classes from './calendar.module.css';

export function isWeekend(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

const NO_POSTS: readonly Post[] = [];
export const NO_GHOSTS: readonly Ghost[] = [];
export const sameItems = <T,>(a: readonly T[] | undefined, b: readonly T[]) =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/** The posts of each cell (`network|day`). A cell whose posts are the same objects as last time keeps its array, so
 *  that after a drop only the cells that changed render again (the query keeps unchanged posts as the same objects).
 *  Likewise each row's list of cells, so that only the rows that changed render again. */
class CellIndex {
  private last = new Map<string, readonly Post[]>();
  private lastRows = new Map<string, readonly (readonly Post[])[]>();

  /** The posts of each day of `days` on each network of `networks`, by network. */
  rows(posts: readonly Post[], networks: readonly string[], days: readonly string[]) {
    const cells = this.of(posts);
    const rows = new Map<string, readonly (readonly Post[])[]>();
    for (const network of networks) {
      const list = days.map((d) => cells.get(`${network}|${d}`) ?? NO_POSTS);
      const old = this.lastRows.get(network);
      rows.set(network, old && sameItems(old, list) ? old : list);
    }
    this.lastRows = rows;
    return rows;
  }

  private of(posts: readonly Post[]): Map<string, readonly Post[]> {
    const m = new Map<string, Post[]>();
    for (const p of posts) {
      if (!p.scheduled_at) continue;
      const k = `${p.network}|${dayOf(p.scheduled_at)}`;
      const list = m.get(k);
      if (list) list.push(p);
      else m.set(k, [p]);
    }
    const kept = new Map<string, readonly Post[]>();
    for (const [k, list] of m) {
      const old = this.last.get(k);
      kept.set(k, old && sameItems(old, list) ? old : list);
    }
    this.last = kept;
    return kept;
  }
}

const Cell = memo(function Cell({ row, day, posts, ghosts, lang, today, selected, tooLongPosts, texts, labels, onOpen, onAdd }: {
  row: CalendarRow;
  day: string;
  posts: readonly Post[];
  /** The planner's proposals previewed in this cell. */
  ghosts: readonly Ghost[];
  lang: Language;
  today: boolean;
  selected: ReadonlySet<number>;
  /** The posts the checks found too long for their network. */
  tooLongPosts: ReadonlySet<number>;
  texts: CardTexts;
  labels: CellLabels;
  onOpen: (post: Post) => void;
  onAdd: (network: string, day: string) => void;
}) {
  const dayText = labels.day(day);
  const addLabel = labels.add(row.name, dayText);
  const add = (
    <button
      type="button"
      className={classes.add}
      title={addLabel}
      aria-label={addLabel}
      onClick={() => onAdd(row.network, day)}
    >
      +
    </button>
  );
  return (
    <div
      role="gridcell"
      className={classes.cell}
      data-testid={`cell-${row.network}-${day}`}
      data-drop={cellId(row.network, day)}
      data-weekend={isWeekend(day) || undefined}
      data-today={today || undefined}
    >
      {posts.map((p) => {
        const tooLong = tooLongPosts.has(p.id);
        return (
          <PostCard
            key={p.id}
            post={p}
            texts={texts}
            compact={false}
            selected={selected.has(p.id)}
            tooLong={tooLong}
            label={labels.card(p, row.name, `${dayText} ${timeOf(p.scheduled_at ?? '')}`, tooLong)}
            onOpen={onOpen}
          />
        );
      })}
      {ghosts.map((g) => (
        <GhostCard key={g.index} ghost={g} network={row.name} compact={false} lang={lang} />
      ))}
      {add}
    </div>
  );
});

/** The words of the cells, translated once for the whole grid. */
export interface CellLabels {
  day: (day: string) => string;
  add: (network: string, day: string) => string;
  more: (count: number) => string;
  card: (post: Post, network: string, time: string, tooLong: boolean) => string;
}

/** What an editorial card does when clicked or on Enter, as a post card does: it opens the item, and selects it (its
 *  relays light up on the grid). */
export interface EditorialPick {
  pick: (item: EditorialItem) => void;
  open: (item: EditorialItem) => void;
}

/** A day of the editorial row. It renders again only when its items, their relay counts or their selection do (most
 *  days have no items), not at every change of the calendar. */
const EditorialCell = memo(function EditorialCell({ day, items, relayCounts, selected, lang, picker, onAdd }: {
  day: string;
  items: readonly EditorialItem[];
  /** How many posts relay each item, in the order of `items` (a string, so that equal counts compare equal). */
  relayCounts: string;
  /** The selected item if it is one of this day's. */
  selected: number | null;
  lang: Language;
  picker: EditorialPick;
  onAdd: (day: string) => void;
}) {
  const { t } = useTranslation();
  const addLabel = t('calendar.grid.addEditorial', { day: dayLabel(day, lang, true) });
  const counts = relayCounts.split(',').map(Number);
  return (
    <div
      role="gridcell"
      className={classes.editorialCell}
      data-testid={`editorial-cell-${day}`}
    >
      {items.map((e, i) => (
        <EditorialCard key={e.id} item={e} relays={counts[i] ?? 0} selected={selected === e.id} compact={false} picker={picker} />
      ))}
      <button type="button" className={classes.add} title={addLabel} aria-label={addLabel} onClick={() => onAdd(day)}>
        +
      </button>
    </div>
  );
});

export function EditorialCard({ item: e, relays, selected, compact, picker }: {
  item: EditorialItem;
  relays: number;
  selected: boolean;
  compact: boolean;
  picker: EditorialPick;
}) {
  const { t } = useTranslation();
  const label = t('calendar.grid.editorialLabel', {
    type: t(`calendar.editorialTypes.${e.item_type}`),
    title: e.title,
    status: t(`calendar.editorialStatus.${e.status}`),
  });
  return (
    <Tooltip label={`${label} · ${t('calendar.grid.relays', { count: relays })}`} openDelay={400}>
      <UnstyledButton
        className={classes.editorial}
        data-selected={selected || undefined}
        data-testid={`editorial-card-${e.id}`}
        aria-haspopup="dialog"
        aria-label={label}
        onClick={() => {
          picker.pick(e);
          picker.open(e);
        }}
      >
        <Text size="xs" fw={600} lineClamp={compact ? 1 : 2}>
          {e.title}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}

/** The row of day headings (plain elements: a month has 31 of them, rendered again at each period). */
const DayHeads = memo(function DayHeads({ days, today, lang }: {
  days: readonly string[];
  today: string;
  lang: Language;
}) {
  const { t } = useTranslation();
  return (
    <div className={classes.row} role="row">
      <div className={classes.corner} role="columnheader">
        <Text size="xs" c="dimmed" p={6}>
          {t('calendar.grid.network')}
        </Text>
      </div>
      {days.map((d, i) => (
        <div
          // By column, not by day: another month reuses the elements (see `RowCells`).
          key={i}
          role="columnheader"
          className={classes.dayHead}
          data-today={d === today || undefined}
          title={d === today ? t('calendar.grid.today') : undefined}
        >
          <span className={classes.dayDate}>{dayLabel(d, lang)}</span>
        </div>
      ))}
    </div>
  );
});

/** The heading of the editorial row. */
const EditorialHead = memo(function EditorialHead() {
  const { t } = useTranslation();
  return (
    <div className={classes.rowHead} role="rowheader">
      <Tooltip label={t('calendar.grid.editorialRowHelp')} openDelay={400}>
        <Text size="sm" fw={700} c="yellow.8">
          {t('calendar.grid.editorialRow')}
        </Text>
      </Tooltip>
    </div>
  );
});

/** The posts the checks (Rust) found too long for their network: the same set for as long as the same posts. */
export function useTooLongPosts(): ReadonlySet<number> {
  const { view } = useCal();
  const tooLongKey = view.checks.findings
    .filter((f) => f.kind === 'post_too_long')
    .flatMap((f) => f.posts)
    .join(',');
  return useMemo(() => new Set(tooLongKey === '' ? [] : tooLongKey.split(',').map(Number)), [tooLongKey]);
}

/** The period's editorial items by day, the relays of each (of the period's posts and the ideas), and what a click on
 *  one of their cards does. */
export function useEditorialItems() {
  const { view, select, openEditorial } = useCal();
  const byDay = useMemo(() => {
    const m = new Map<string, EditorialItem[]>();
    for (const e of view.calendar.editorial) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return m;
  }, [view.calendar.editorial]);
  const relays = useMemo(() => {
    const m = new Map<number, number[]>();
    for (const list of [view.calendar.posts, view.calendar.ideas]) {
      for (const p of list) {
        if (p.editorial_item_id === null) continue;
        const ids = m.get(p.editorial_item_id);
        if (ids) ids.push(p.id);
        else m.set(p.editorial_item_id, [p.id]);
      }
    }
    return m;
  }, [view.calendar.posts, view.calendar.ideas]);
  // The cards read the relays when clicked, through a ref: so that they do not render again at every change.
  const relaysNow = useRef(relays);
  useLayoutEffect(() => {
    relaysNow.current = relays;
  }, [relays]);
  const picker = useMemo<EditorialPick>(
    () => ({
      pick: (e) => select(relaysNow.current.get(e.id) ?? [], e.id),
      open: (e) => openEditorial(e),
    }),
    [select, openEditorial],
  );
  const onAdd = useCallback((day: string) => openEditorial(null, { date: day }), [openEditorial]);
  /** How many posts relay each of `items`, as a string (so that equal counts compare equal). */
  const relayCounts = useCallback(
    (items: readonly EditorialItem[]) => items.map((e) => relays.get(e.id)?.length ?? 0).join(','),
    [relays],
  );
  return { byDay, relayCounts, picker, onAdd };
}

/** The labels of the cells and cards, translated once for the whole grid: hundreds of labels per month, each text
 *  looked up once (see `template`), and each day's and count's once. */
export function useCellLabels(texts: CardTexts): CellLabels {
  const { t } = useTranslation();
  const { lang } = useCal();
  return useMemo<CellLabels>(() => {
    const dayCache = new Map<string, string>();
    const moreCache = new Map<number, string>();
    const add = template(t, 'calendar.grid.addPost', ['network', 'day']);
    const card = template(t, 'calendar.grid.cardLabel', ['name', 'network', 'time', 'status']);
    return {
      day: (day) => {
        let text = dayCache.get(day);
        if (text === undefined) {
          text = dayLabel(day, lang, true);
          dayCache.set(day, text);
        }
        return text;
      },
      add: (network, day) => add({ network, day }),
      more: (count) => {
        let text = moreCache.get(count);
        if (text === undefined) {
          text = t('calendar.grid.more', { count });
          moreCache.set(count, text);
        }
        return text;
      },
      card: (p, network, time, tooLong) =>
        card({ name: postName(p, texts), network, time, status: texts.status[p.status] }) +
        (tooLong ? `, ${texts.tooLong}` : ''),
    };
  }, [lang, t, texts]);
}

export const Grid = memo(function Grid({ days }: { days: readonly string[] }) {
  const { t } = useTranslation();
  const { view, lang, selectedPosts, selectedEditorial, openPost } = useCal();
  const ghosts = useGhosts(usePlanPreview().preview, 'cell');

  // The posts of each cell; after a drop only the cells whose posts changed get a new array (see `CellIndex`).
  const tooLongPosts = useTooLongPosts();
  const [index] = useState(() => new CellIndex());
  const byRow = useMemo(
    () => index.rows(view.calendar.posts, view.rows.map((r) => r.network), days),
    [index, view.calendar.posts, view.rows, days],
  );
  const editorial = useEditorialItems();
  const noItems: EditorialItem[] = useMemo(() => [], []);

  const onAdd = useMemo(
    () => (network: string, day: string) => openPost(null, { network, scheduled_at: `${day}T10:00` }),
    [openPost],
  );
  const texts = useCardTexts();
  const labels = useCellLabels(texts);
  const headWidth = 130;
  const minColumn = 64;
  // Rows are flex lines (cheaper to lay out than a CSS grid of every cell): the heading column has a fixed width, the
  // days share the rest, and below their minimum the grid scrolls sideways.
  const gridStyle = {
    minWidth: headWidth + days.length * minColumn,
    '--cal-head': `${headWidth}px`,
    '--cal-col': `${minColumn}px`,
  } as CSSProperties;

  return (
    <Box
      className={classes.grid}
      style={gridStyle}
      role="grid"
      aria-label={t('calendar.grid.label', { from: dayLabel(days[0], lang, true), to: dayLabel(days[days.length - 1], lang, true) })}
      data-testid="calendar-grid"
    >
      <DayHeads days={days} today={view.today} lang={lang} />

      <div className={classes.row} role="row">
        <EditorialHead />
        {days.map((d, i) => {
          const items = editorial.byDay.get(d) ?? noItems;
          return (
            <EditorialCell
              key={i}
              day={d}
              items={items}
              relayCounts={editorial.relayCounts(items)}
              selected={items.some((e) => e.id === selectedEditorial) ? selectedEditorial : null}
              lang={lang}
              picker={editorial.picker}
              onAdd={editorial.onAdd}
            />
          );
        })}
      </div>

      {view.rows.map((row) => (
        <RowCells
          key={row.network}
          row={row}
          days={days}
          cells={byRow.get(row.network) ?? []}
          ghosts={ghosts}
          today={view.today}
          selected={selectedPosts}
          tooLongPosts={tooLongPosts}
          texts={texts}
          labels={labels}
          lang={lang}
          onOpen={openPost}
          onAdd={onAdd}
        />
      ))}
    </Box>
  );
});

/** A network's row. It renders again only when its posts or the days change. */
const RowCells = memo(function RowCells({ row, days, cells, ghosts, today, selected, tooLongPosts, texts, labels, lang, onOpen, onAdd }: {
  row: CalendarRow;
  days: readonly string[];
  /** The posts of each day. */
  cells: readonly (readonly Post[])[];
  /** The planner's proposals previewed, by `network|day` (the same map while the preview stays). */
  ghosts: ReadonlyMap<string, readonly Ghost[]>;
  today: string;
  selected: ReadonlySet<number>;
  tooLongPosts: ReadonlySet<number>;
  texts: CardTexts;
  labels: CellLabels;
  lang: Language;
  onOpen: (post: Post) => void;
  onAdd: (network: string, day: string) => void;
}) {
  const count = cells.reduce((n, posts) => n + posts.length, 0);
  return (
    <div className={classes.row} role="row">
      <RowHead row={row} count={count} lang={lang} />
      {days.map((d, i) => (
        <Cell
          // By column, not by day: the next week updates the cells in place rather than removing every one of them
          // and making new ones (a cell holds no state of its own).
          key={i}
          row={row}
          day={d}
          posts={cells[i]}
          ghosts={ghosts.get(`${row.network}|${d}`) ?? NO_GHOSTS}
          lang={lang}
          today={d === today}
          selected={selected}
          tooLongPosts={tooLongPosts}
          texts={texts}
          labels={labels}
          onOpen={onOpen}
          onAdd={onAdd}
        />
      ))}
    </div>
  );
});

/** A row's heading: the network, its posts in the period, its weekly target. */
const RowHead = memo(function RowHead({ row, count, lang }: { row: CalendarRow; count: number; lang: Language }) {
  const { t } = useTranslation();
  return (
    <div className={classes.rowHead} role="rowheader" data-testid={`row-${row.network}`}>
      <Text size="sm" fw={700} truncate>
        {row.name}
      </Text>
      <Group gap={4} wrap="wrap">
        <Badge size="xs" variant="light" color="gray">
          {formatNumber(count, lang)}
        </Badge>
        {row.posts_per_week !== null && (
          <Text size="10px" c="dimmed">
            {t('calendar.grid.perWeek', { count: row.posts_per_week, formatParams: {} })}
          </Text>
        )}
        {!row.kept && (
          <Badge size="xs" color="gray" variant="outline">
            {t('calendar.grid.notKept')}
          </Badge>
        )}
      </Group>
    </div>
  );
});
