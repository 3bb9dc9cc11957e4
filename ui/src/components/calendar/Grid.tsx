// The week and month grids: a row of editorial items, then one row per network (kept networks in the order of their
// missions), one column per day. Each cell is a drop target; each post a draggable card (see Board.tsx).
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Badge, Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarRow, EditorialItem, Language, Post } from '../../bindings';
import { formatNumber } from '../../format';
import { template } from '../../i18n/template';
import { cellId } from './Board';
import { PostCard, postName, useCardTexts, type CardTexts } from './PostCard';
import { dayLabel, dayOf, formatDayWith, timeOf, useCal } from './state';
import { useVisible, type Visible } from './visible';

const DAY_NUMBER: Intl.DateTimeFormatOptions = { day: 'numeric' };
const NARROW_WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'narrow' };
import classes from './calendar.module.css';

/** At most this many cards in a cell of the month view; the rest behind "+N more". */
const MONTH_CARDS = 3;

/** The height of a month row's cells, from the most cards one of them shows: the cells off screen are laid out
 *  empty (see visible.ts), at the height they have when filled. These figures are those of calendar.module.css
 *  (`.cell[data-compact]`, `.card[data-compact]`, `.more`): 2px of padding above and below, a bottom border of 1px,
 *  cards of 20px and a last line of 18px ("+N", and the add button), 2px apart. */
function monthCellHeight(cards: number): number {
  return Math.max(44, 23 + 22 * cards);
}

function isWeekend(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

const NO_POSTS: readonly Post[] = [];
const sameItems = <T,>(a: readonly T[] | undefined, b: readonly T[]) =>
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

const Cell = memo(function Cell({ row, day, posts, filled, compact, today, selected, tooLongPosts, texts, labels, onOpen, onAdd, onShowDay }: {
  row: CalendarRow;
  day: string;
  posts: readonly Post[];
  /** False for a cell of the month view off screen: laid out (a drop target, at its height) but empty. */
  filled: boolean;
  compact: boolean;
  today: boolean;
  selected: ReadonlySet<number>;
  /** The posts the checks found too long for their network. */
  tooLongPosts: ReadonlySet<number>;
  texts: CardTexts;
  labels: CellLabels;
  onOpen: (post: Post) => void;
  onAdd: (network: string, day: string) => void;
  onShowDay: (day: string) => void;
}) {
  const attributes = {
    role: 'gridcell',
    className: classes.cell,
    'data-testid': `cell-${row.network}-${day}`,
    'data-drop': cellId(row.network, day),
    'data-compact': compact || undefined,
    'data-weekend': isWeekend(day) || undefined,
    'data-today': today || undefined,
  };
  if (!filled) return <div {...attributes} />;
  const shown = compact ? posts.slice(0, MONTH_CARDS) : posts;
  const hidden = posts.length - shown.length;
  const dayText = labels.day(day);
  const addLabel = labels.add(row.name, dayText);
  const more = hidden > 0 && (
    <button
      type="button"
      className={classes.more}
      onClick={() => onShowDay(day)}
      data-testid={`cell-more-${row.network}-${day}`}
      // The month's narrow columns show "+N"; its name and tooltip say it in words.
      aria-label={compact ? labels.more(hidden) : undefined}
      title={compact ? labels.more(hidden) : undefined}
    >
      {compact ? `+${hidden}` : labels.more(hidden)}
    </button>
  );
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
    <div {...attributes}>
      {shown.map((p) => {
        const tooLong = tooLongPosts.has(p.id);
        return (
          <PostCard
            key={p.id}
            post={p}
            texts={texts}
            compact={compact}
            selected={selected.has(p.id)}
            tooLong={tooLong}
            label={labels.card(p, row.name, `${dayText} ${timeOf(p.scheduled_at ?? '')}`, tooLong)}
            onOpen={onOpen}
          />
        );
      })}
      {more}
      {add}
    </div>
  );
});

/** The words of the cells, translated once for the whole grid. */
interface CellLabels {
  day: (day: string) => string;
  add: (network: string, day: string) => string;
  more: (count: number) => string;
  card: (post: Post, network: string, time: string, tooLong: boolean) => string;
}

/** What an editorial card does when clicked or on Enter, as a post card does: it opens the item, and selects it (its
 *  relays light up on the grid). */
interface EditorialPick {
  pick: (item: EditorialItem) => void;
  open: (item: EditorialItem) => void;
}

/** A day of the editorial row. It renders again only when its items, their relay counts or their selection do (most
 *  days have no items), not at every change of the calendar. */
const EditorialCell = memo(function EditorialCell({ day, items, relayCounts, selected, compact, lang, picker, onAdd }: {
  day: string;
  items: readonly EditorialItem[];
  /** How many posts relay each item, in the order of `items` (a string, so that equal counts compare equal). */
  relayCounts: string;
  /** The selected item if it is one of this day's. */
  selected: number | null;
  compact: boolean;
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
      data-compact={compact || undefined}
      data-testid={`editorial-cell-${day}`}
    >
      {items.map((e, i) => (
        <EditorialCard key={e.id} item={e} relays={counts[i] ?? 0} selected={selected === e.id} compact={compact} picker={picker} />
      ))}
      <button type="button" className={classes.add} title={addLabel} aria-label={addLabel} onClick={() => onAdd(day)}>
        +
      </button>
    </div>
  );
});

function EditorialCard({ item: e, relays, selected, compact, picker }: {
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
const DayHeads = memo(function DayHeads({ days, today, compact, lang }: {
  days: readonly string[];
  today: string;
  compact: boolean;
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
          data-grid-col
          className={classes.dayHead}
          data-today={d === today || undefined}
          title={d === today ? t('calendar.grid.today') : undefined}
        >
          <span className={classes.dayDate}>{compact ? formatDayWith(d, lang, DAY_NUMBER) : dayLabel(d, lang)}</span>
          {compact && <span className={classes.dayWeekday}>{formatDayWith(d, lang, NARROW_WEEKDAY)}</span>}
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

export const Grid = memo(function Grid({ days, compact, onShowDay }: {
  days: readonly string[];
  /** The month view: narrow columns and small cards. */
  compact: boolean;
  onShowDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { view, lang, selectedPosts, selectedEditorial, select, openPost, openEditorial } = useCal();
  const gridRef = useRef<HTMLDivElement>(null);
  // The month view fills only the cells on screen (see visible.ts); the week view, a few dozen cells, fills them all.
  const visible = useVisible(gridRef, compact, `${days[0]}|${days.length}|${view.rows.map((r) => r.network).join(',')}`);

  // The posts of each cell; after a drop only the cells whose posts changed get a new array (see `CellIndex`).
  // Posts too long for their network, as the checks (Rust) found them; the same set for as long as the same posts.
  const tooLongKey = view.checks.findings
    .filter((f) => f.kind === 'post_too_long')
    .flatMap((f) => f.posts)
    .join(',');
  const tooLongPosts = useMemo(
    () => new Set(tooLongKey === '' ? [] : tooLongKey.split(',').map(Number)),
    [tooLongKey],
  );
  const [index] = useState(() => new CellIndex());
  const byRow = useMemo(
    () => index.rows(view.calendar.posts, view.rows.map((r) => r.network), days),
    [index, view.calendar.posts, view.rows, days],
  );
  const editorialByDay = useMemo(() => {
    const m = new Map<string, EditorialItem[]>();
    for (const e of view.calendar.editorial) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return m;
  }, [view.calendar.editorial]);
  const noItems: EditorialItem[] = useMemo(() => [], []);
  const onAddEditorial = useCallback((day: string) => openEditorial(null, { date: day }), [openEditorial]);
  // The posts relaying each editorial item (of the period's posts and the ideas).
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

  const onAdd = useMemo(
    () => (network: string, day: string) => openPost(null, { network, scheduled_at: `${day}T10:00` }),
    [openPost],
  );
  const texts = useCardTexts();
  // Hundreds of labels per month: each text is looked up once (see `template`), and each day's and count's once.
  const labels = useMemo<CellLabels>(() => {
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
  const headWidth = compact ? 120 : 140;
  const minColumn = compact ? 44 : 108;
  // Rows are flex lines (cheaper to lay out than a CSS grid of every cell): the heading column has a fixed width, the
  // days share the rest, and below their minimum the grid scrolls sideways.
  const gridStyle = {
    minWidth: headWidth + days.length * minColumn,
    '--cal-head': `${headWidth}px`,
    '--cal-col': `${minColumn}px`,
  } as CSSProperties;

  return (
    <Box
      ref={gridRef}
      className={classes.grid}
      style={gridStyle}
      role="grid"
      aria-label={t('calendar.grid.label', { from: dayLabel(days[0], lang, true), to: dayLabel(days[days.length - 1], lang, true) })}
      data-testid="calendar-grid"
    >
      <DayHeads days={days} today={view.today} compact={compact} lang={lang} />

      <div className={classes.row} role="row">
        <EditorialHead />
        {days.map((d, i) => {
          const items = editorialByDay.get(d) ?? noItems;
          return (
            <EditorialCell
              key={i}
              day={d}
              items={items}
              relayCounts={items.map((e) => relays.get(e.id)?.length ?? 0).join(',')}
              selected={items.some((e) => e.id === selectedEditorial) ? selectedEditorial : null}
              compact={compact}
              lang={lang}
              picker={picker}
              onAdd={onAddEditorial}
            />
          );
        })}
      </div>

      {view.rows.map((row, i) => (
        <RowCells
          key={row.network}
          row={row}
          days={days}
          cells={byRow.get(row.network) ?? []}
          {...filledColumns(visible, i, days.length)}
          compact={compact}
          today={view.today}
          selected={selectedPosts}
          tooLongPosts={tooLongPosts}
          texts={texts}
          labels={labels}
          lang={lang}
          onOpen={openPost}
          onAdd={onAdd}
          onShowDay={onShowDay}
        />
      ))}
    </Box>
  );
});

/** The columns to fill in row `row`: none when the row is off screen (whatever the sideways scroll, so that it does
 *  not render again), all of them when everything is filled. */
function filledColumns(visible: Visible | null, row: number, days: number) {
  if (visible === null) return { firstCol: 0, lastCol: days - 1 };
  if (row < visible.rows[0] || row > visible.rows[1]) return { firstCol: 0, lastCol: -1 };
  return { firstCol: visible.cols[0], lastCol: visible.cols[1] };
}

/** A network's row. It renders again only when its posts, the days, or what is visible of it change. */
const RowCells = memo(function RowCells({ row, days, cells, firstCol, lastCol, compact, today, selected, tooLongPosts, texts, labels, lang, onOpen, onAdd, onShowDay }: {
  row: CalendarRow;
  days: readonly string[];
  /** The posts of each day. */
  cells: readonly (readonly Post[])[];
  /** The cells on screen (see visible.ts), from `firstCol` to `lastCol`; the others are laid out empty. */
  firstCol: number;
  lastCol: number;
  compact: boolean;
  today: string;
  selected: ReadonlySet<number>;
  tooLongPosts: ReadonlySet<number>;
  texts: CardTexts;
  labels: CellLabels;
  lang: Language;
  onOpen: (post: Post) => void;
  onAdd: (network: string, day: string) => void;
  onShowDay: (day: string) => void;
}) {
  const count = cells.reduce((n, posts) => n + posts.length, 0);
  const style = compact
    ? ({ '--cell-min': `${monthCellHeight(Math.min(MONTH_CARDS, Math.max(0, ...cells.map((p) => p.length))))}px` } as CSSProperties)
    : undefined;
  return (
    <div className={classes.row} role="row" data-grid-row style={style}>
      <RowHead row={row} count={count} lang={lang} />
      {days.map((d, i) => (
        <Cell
          // By column, not by day: the next month updates the cells in place rather than removing every one of them
          // and making new ones (a cell holds no state of its own).
          key={i}
          row={row}
          day={d}
          posts={cells[i]}
          filled={i >= firstCol && i <= lastCol}
          compact={compact}
          today={d === today}
          selected={selected}
          tooLongPosts={tooLongPosts}
          texts={texts}
          labels={labels}
          onOpen={onOpen}
          onAdd={onAdd}
          onShowDay={onShowDay}
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
