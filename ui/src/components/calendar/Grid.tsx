// The week and month grids: a row of editorial items, then one row per network (kept networks in the order of their
// missions), one column per day. Each cell is a drop target; each post a draggable card (see Board.tsx).
import { memo, useMemo, useState, type CSSProperties } from 'react';
import { Badge, Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarRow, EditorialItem, Language, Post } from '../../bindings';
import { formatNumber } from '../../format';
import { cellId } from './Board';
import { PostCard, postName, useCardTexts, type CardTexts } from './PostCard';
import { dayLabel, dayOf, formatDayWith, timeOf, useCal } from './state';

const DAY_NUMBER: Intl.DateTimeFormatOptions = { day: 'numeric' };
const NARROW_WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'narrow' };
import classes from './calendar.module.css';

/** At most this many cards in a cell of the month view; the rest behind "+N more". */
const MONTH_CARDS = 3;

function isWeekend(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/** The posts of each cell (`network|day`). A cell whose posts are the same objects as last time keeps its array, so
 *  that after a drop only the cells that changed render again (the query keeps unchanged posts as the same objects). */
class CellIndex {
  private last = new Map<string, Post[]>();

  of(posts: readonly Post[]): Map<string, Post[]> {
    const m = new Map<string, Post[]>();
    for (const p of posts) {
      if (!p.scheduled_at) continue;
      const k = `${p.network}|${dayOf(p.scheduled_at)}`;
      const list = m.get(k);
      if (list) list.push(p);
      else m.set(k, [p]);
    }
    for (const [k, list] of m) {
      const old = this.last.get(k);
      if (old && old.length === list.length && old.every((p, i) => p === list[i])) m.set(k, old);
    }
    this.last = m;
    return m;
  }
}

const Cell = memo(function Cell({ row, day, posts, compact, today, selected, tooLongPosts, texts, labels, onOpen, onAdd, onShowDay }: {
  row: CalendarRow;
  day: string;
  posts: readonly Post[];
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
  const shown = compact ? posts.slice(0, MONTH_CARDS) : posts;
  const hidden = posts.length - shown.length;
  const dayText = labels.day(day);
  const addLabel = labels.add(row.name, dayText);
  return (
    <div
      role="gridcell"
      className={classes.cell}
      data-testid={`cell-${row.network}-${day}`}
      data-drop={cellId(row.network, day)}
      data-compact={compact || undefined}
      data-weekend={isWeekend(day) || undefined}
      data-today={today || undefined}
    >
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
      {hidden > 0 && (
        <button
          type="button"
          className={classes.more}
          onClick={() => onShowDay(day)}
          data-testid={`cell-more-${row.network}-${day}`}
        >
          {labels.more(hidden)}
        </button>
      )}
      <button
        type="button"
        className={classes.add}
        title={addLabel}
        aria-label={addLabel}
        onClick={() => onAdd(row.network, day)}
      >
        +
      </button>
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

function EditorialCell({ day, items, compact }: { day: string; items: readonly EditorialItem[]; compact: boolean }) {
  const { t } = useTranslation();
  const { lang, selectedEditorial, select, openEditorial, view } = useCal();
  const dayText = dayLabel(day, lang, true);
  return (
    <div
      role="gridcell"
      className={classes.editorialCell}
      data-compact={compact || undefined}
      data-testid={`editorial-cell-${day}`}
    >
      {items.map((e) => {
        const relays = [...view.calendar.posts, ...view.calendar.ideas].filter((p) => p.editorial_item_id === e.id);
        const label = t('calendar.grid.editorialLabel', {
          type: t(`calendar.editorialTypes.${e.item_type}`),
          title: e.title,
          status: t(`calendar.editorialStatus.${e.status}`),
        });
        const isSelected = selectedEditorial === e.id;
        return (
          <Tooltip key={e.id} label={`${label} · ${t('calendar.grid.relays', { count: relays.length })}`} openDelay={400}>
            <UnstyledButton
              className={classes.editorial}
              data-selected={isSelected || undefined}
              data-testid={`editorial-card-${e.id}`}
              aria-pressed={isSelected}
              aria-label={label}
              onClick={() => {
                // The first click selects it (its relays light up); a second one opens it.
                if (isSelected) openEditorial(e);
                else select(relays.map((p) => p.id), e.id);
              }}
              onDoubleClick={() => openEditorial(e)}
            >
              <Text size="xs" fw={600} lineClamp={compact ? 1 : 2}>
                {e.title}
              </Text>
            </UnstyledButton>
          </Tooltip>
        );
      })}
      <button
        type="button"
        className={classes.add}
        title={t('calendar.grid.addEditorial', { day: dayText })}
        aria-label={t('calendar.grid.addEditorial', { day: dayText })}
        onClick={() => openEditorial(null, { date: day })}
      >
        +
      </button>
    </div>
  );
}

export const Grid = memo(function Grid({ days, compact, onShowDay }: {
  days: readonly string[];
  /** The month view: narrow columns and small cards. */
  compact: boolean;
  onShowDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { view, lang, selectedPosts, openPost } = useCal();

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
  const byCell = useMemo(() => index.of(view.calendar.posts), [index, view.calendar.posts]);
  const editorialByDay = useMemo(() => {
    const m = new Map<string, EditorialItem[]>();
    for (const e of view.calendar.editorial) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return m;
  }, [view.calendar.editorial]);

  const onAdd = useMemo(
    () => (network: string, day: string) => openPost(null, { network, scheduled_at: `${day}T10:00` }),
    [openPost],
  );
  const noPosts: Post[] = useMemo(() => [], []);
  const texts = useCardTexts();
  const labels = useMemo<CellLabels>(() => {
    const dayCache = new Map<string, string>();
    return {
      day: (day) => {
        let text = dayCache.get(day);
        if (text === undefined) {
          text = dayLabel(day, lang, true);
          dayCache.set(day, text);
        }
        return text;
      },
      add: (network, day) => t('calendar.grid.addPost', { network, day }),
      more: (count) => t('calendar.grid.more', { count }),
      card: (p, network, time, tooLong) =>
        t('calendar.grid.cardLabel', { name: postName(p, texts), network, time, status: texts.status[p.status] }) +
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
      className={classes.grid}
      style={gridStyle}
      role="grid"
      aria-label={t('calendar.grid.label', { from: dayLabel(days[0], lang, true), to: dayLabel(days[days.length - 1], lang, true) })}
      data-testid="calendar-grid"
    >
      <div className={classes.row} role="row">
      <div className={classes.corner} role="columnheader">
        <Text size="xs" c="dimmed" p={6}>
          {t('calendar.grid.network')}
        </Text>
      </div>
      {days.map((d) => (
        <div
          key={d}
          role="columnheader"
          className={classes.dayHead}
          data-today={d === view.today || undefined}
          title={d === view.today ? t('calendar.grid.today') : undefined}
        >
          <Text size="xs" fw={600}>
            {compact
              ? formatDayWith(d, lang, DAY_NUMBER)
              : dayLabel(d, lang)}
          </Text>
          {compact && (
            <Text size="10px" c="dimmed">
              {formatDayWith(d, lang, NARROW_WEEKDAY)}
            </Text>
          )}
        </div>
      ))}
      </div>

      <div className={classes.row} role="row">
      <div className={classes.rowHead} role="rowheader">
        <Tooltip label={t('calendar.grid.editorialRowHelp')} openDelay={400}>
          <Text size="sm" fw={700} c="yellow.8">
            {t('calendar.grid.editorialRow')}
          </Text>
        </Tooltip>
      </div>
      {days.map((d) => (
        <EditorialCell key={d} day={d} items={editorialByDay.get(d) ?? []} compact={compact} />
      ))}
      </div>

      {view.rows.map((row) => (
        <RowCells
          key={row.network}
          row={row}
          days={days}
          byCell={byCell}
          noPosts={noPosts}
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

function RowCells({ row, days, byCell, noPosts, compact, today, selected, tooLongPosts, texts, labels, lang, onOpen, onAdd, onShowDay }: {
  row: CalendarRow;
  days: readonly string[];
  byCell: Map<string, Post[]>;
  noPosts: Post[];
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
  const { t } = useTranslation();
  const count = days.reduce((n, d) => n + (byCell.get(`${row.network}|${d}`)?.length ?? 0), 0);
  return (
    <div className={classes.row} role="row">
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
      {days.map((d) => (
        <Cell
          key={d}
          row={row}
          day={d}
          posts={byCell.get(`${row.network}|${d}`) ?? noPosts}
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
}
