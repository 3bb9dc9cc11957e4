// Drag and drop on the calendar (dnd-kit): posts move between days, networks and the ideas backlog, with the pointer
// or the keyboard (Space to pick up, arrows to move from cell to cell, or in the month from day to day and week to
// week, Space to drop, Escape to cancel), and are copied instead when Alt or Ctrl is held at the drop. Every drop is
// saved at once (see `useCalendarActions`).
//
// A month of a busy plan shows a hundred cards or more. A dnd-kit draggable or droppable per card and per cell
// would make every drag re-render all of them (they all read the drag state). So there is one draggable, the drag
// source: a post's card hands its pointer-down or Space to it (`useBoard().start`), after laying the source over
// itself. Drop targets are plain elements marked `data-drop` ("cell|network|day" in the week, "day|YYYY-MM-DD" in
// the month, or the ideas); the board measures them when a drag starts and finds the one under the pointer (or, with
// the keyboard, under the dragged card) itself, marking it `data-over` directly in the page. Cards and cells are
// then plain memoised elements: a drop re-renders only the cells whose posts changed.
//
// The card that follows the pointer (the ghost) is not dnd-kit's DragOverlay either: that one is mounted for a drag
// and unmounted at the drop, and WebKit repaints the whole window when a fixed element goes away (about 30 ms of
// software painting on a month of posts, more than a frame). The ghost stays in the page, hidden between drags, and
// is moved by a transform set on it directly.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import {
  DndContext,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useSensor,
  useSensors,
  type Announcements,
  type ClientRect,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type DraggableSyntheticListeners,
} from '@dnd-kit/core';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../bindings';
import { PostCardView, useCardTexts } from './PostCard';
import { IDEAS, dayLabel, dropTarget, rowName, useCalLatest } from './state';

/** What a drop target is: a day on a network's row (the week), a day whatever the network (the month: the post
 *  keeps its own), or the ideas backlog. */
export type DropData = { kind: 'cell'; network: string; day: string } | { kind: 'day'; day: string } | { kind: 'ideas' };

/** The `data-drop` value of a cell of the week. */
export const cellId = (network: string, day: string) => `cell|${network}|${day}`;

/** The `data-drop` value of a day of the month. */
export const dayId = (day: string) => `day|${day}`;

export function parseDrop(id: string | null): DropData | null {
  if (id === IDEAS) return { kind: 'ideas' };
  if (id?.startsWith('day|')) return { kind: 'day', day: id.slice(4) };
  if (!id?.startsWith('cell|')) return null;
  const [, network, day] = id.split('|');
  return { kind: 'cell', network, day };
}

/** How the drop targets are laid out: the week's networks by days, or the month's days by weeks. */
export type BoardLayout = 'week' | 'month';

/**
 * Where an arrow key (`dir`: rows down, columns right) sends a post picked up over `current`: the `data-drop` of the
 * next target, or null when there is none. The week moves from cell to cell (down from the last row: the ideas; up
 * from the ideas: the last row). The month moves a day left and right, a week up and down (down from the last week:
 * the ideas; up from the ideas: the last day).
 */
export function nextDrop(
  layout: BoardLayout,
  rows: readonly string[],
  days: readonly string[],
  current: DropData | null,
  dir: readonly [number, number],
): string | null {
  if (days.length === 0) return null;
  if (layout === 'month') {
    const last = days.length - 1;
    if (current?.kind === 'ideas') return dir[0] < 0 ? dayId(days[last]) : IDEAS;
    const i = current?.kind === 'day' ? days.indexOf(current.day) : -1;
    if (i < 0) return dayId(days[0]);
    const next = i + dir[1] + 7 * dir[0];
    if (next > last) return dir[0] > 0 ? IDEAS : dayId(days[last]);
    return dayId(days[Math.max(0, next < 0 && dir[0] < 0 ? i : next)]);
  }
  if (rows.length === 0) return null;
  let r = -1;
  let c = 0;
  if (current?.kind === 'cell') {
    r = rows.indexOf(current.network);
    c = Math.max(0, days.indexOf(current.day));
  } else if (current?.kind === 'ideas') {
    r = rows.length;
  }
  if (r < 0) return cellId(rows[0], days[0]);
  const nr = Math.min(Math.max(r + dir[0], 0), rows.length);
  const nc = Math.min(Math.max(c + dir[1], 0), days.length - 1);
  return nr === rows.length ? IDEAS : cellId(rows[nr], days[nc]);
}

/** The id of the hidden keyboard help every card points at (aria-describedby). */
export const DRAG_HELP_ID = 'calendar-drag-help';

/** What a card gives the board to start a drag. */
export interface BoardApi {
  startPointer: (event: ReactPointerEvent<HTMLElement>, post: Post) => void;
  startKey: (event: ReactKeyboardEvent<HTMLElement>, post: Post) => void;
}

const BoardContext = createContext<BoardApi | null>(null);

/** The board's drag starters (null outside a board: the card is then only clickable). */
export const useBoard = () => useContext(BoardContext);

/** What the drag source carries: the post picked up (set just before the drag starts). */
class SourceData {
  post: Post | null = null;

  pick(post: Post) {
    this.post = post;
  }
}

/** Whether Alt or Ctrl is held now (a drop with one of them copies). */
function useCopyModifier(): { current: boolean } {
  const held = useRef(false);
  useEffect(() => {
    const update = (e: KeyboardEvent | PointerEvent) => {
      held.current = e.altKey || e.ctrlKey;
    };
    const events = ['keydown', 'keyup', 'pointermove', 'pointerdown'] as const;
    for (const name of events) window.addEventListener(name, update, true);
    return () => {
      for (const name of events) window.removeEventListener(name, update, true);
    };
  }, []);
  return held;
}

/** The one draggable: an invisible box laid over the card being picked up. */
function DragSource({ data, onReady }: {
  data: SourceData;
  onReady: (node: HTMLElement | null, listeners: DraggableSyntheticListeners) => void;
}) {
  const { setNodeRef, listeners, node } = useDraggable({ id: 'drag-source', data });
  useEffect(() => onReady(node.current, listeners), [listeners, node, onReady]);
  return (
    <div
      ref={setNodeRef}
      aria-hidden
      data-testid="drag-source"
      style={{ position: 'fixed', left: -1000, top: -1000, width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
    />
  );
}

const center = (r: ClientRect | DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/** Where the ghost is: over the card picked up (`at`), moved by the drag's `delta`; hidden when `at` is null. */
function placeGhost(node: HTMLElement | null, at: DOMRect | null, delta = { x: 0, y: 0 }) {
  if (!node) return;
  if (!at) {
    node.style.visibility = 'hidden';
    return;
  }
  Object.assign(node.style, {
    visibility: 'visible',
    left: `${at.left}px`,
    top: `${at.top}px`,
    width: `${at.width}px`,
    transform: `translate3d(${delta.x}px, ${delta.y}px, 0)`,
  });
}

export function Board({ rows, days, layout = 'week', children }: {
  /** The networks of the grid, top to bottom. */
  rows: readonly string[];
  /** The days of the grid, left to right (the month: by weeks). */
  days: readonly string[];
  layout?: BoardLayout;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // Read when a drag needs them: the board does not render again at each change of the calendar (a drop's answer).
  const cal = useCalLatest();
  const copyHeld = useCopyModifier();
  const texts = useCardTexts();
  // The post the ghost shows: the one picked up, kept after the drop (the ghost is hidden then; emptying it would
  // cost a render and a paint for nothing).
  const [shown, setShown] = useState<Post | null>(null);
  const ghost = useRef<HTMLDivElement>(null);
  const ghostAt = useRef<DOMRect | null>(null);
  const [copying, setCopying] = useState(false);
  const [sourceData] = useState(() => new SourceData());
  const source = useRef<{ node: HTMLElement | null; listeners: DraggableSyntheticListeners }>({
    node: null,
    listeners: undefined,
  });
  // The drop targets' boxes, measured when a drag starts (and again when something scrolls during it).
  const targets = useRef(new Map<string, DOMRect>());
  const over = useRef<string | null>(null);
  const announced = useRef<string | null>(null);
  // Where the last drag ended (the announcement of the drop comes after the drop is handled).
  const dropped = useRef<string | null>(null);

  const measure = useCallback(() => {
    const m = new Map<string, DOMRect>();
    document.querySelectorAll<HTMLElement>('[data-drop]').forEach((el) => m.set(el.dataset.drop!, el.getBoundingClientRect()));
    targets.current = m;
  }, []);

  const setOver = useCallback((id: string | null) => {
    if (over.current === id) return;
    const mark = (value: string | null, on: boolean) => {
      if (value === null) return;
      const el = document.querySelector<HTMLElement>(`[data-drop="${CSS.escape(value)}"]`);
      if (el) {
        if (on) el.dataset.over = 'true';
        else delete el.dataset.over;
      }
    };
    mark(over.current, false);
    mark(id, true);
    over.current = id;
  }, []);

  const targetAt = useCallback((x: number, y: number): string | null => {
    for (const [id, r] of targets.current) {
      if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) return id;
    }
    return null;
  }, []);

  // While a drag goes on, a scroll moves the targets: measured again. Followed without a state, so that neither the
  // start nor the drop of a drag renders the board again.
  const stopFollowing = useRef<(() => void) | null>(null);
  const followScrolls = useCallback(() => {
    stopFollowing.current?.();
    window.addEventListener('scroll', measure, true);
    stopFollowing.current = () => {
      window.removeEventListener('scroll', measure, true);
      stopFollowing.current = null;
    };
  }, [measure]);
  useEffect(() => () => stopFollowing.current?.(), []);

  const lay = useCallback((card: HTMLElement, post: Post) => {
    const node = source.current.node;
    if (!node) return false;
    const r = card.getBoundingClientRect();
    Object.assign(node.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    sourceData.pick(post);
    return true;
  }, [sourceData]);

  const api = useMemo<BoardApi>(
    () => ({
      startPointer: (event, post) => {
        if (lay(event.currentTarget, post)) source.current.listeners?.onPointerDown?.(event);
      },
      startKey: (event, post) => {
        if (event.code !== 'Space') return;
        if (lay(event.currentTarget, post)) source.current.listeners?.onKeyDown?.(event);
      },
    }),
    [lay],
  );

  // Arrow keys move a picked-up post from target to target (see `nextDrop`).
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, { context: { collisionRect } }) => {
      const dirs: Record<string, [number, number]> = {
        [KeyboardCode.Right]: [0, 1],
        [KeyboardCode.Left]: [0, -1],
        [KeyboardCode.Down]: [1, 0],
        [KeyboardCode.Up]: [-1, 0],
      };
      const dir = dirs[event.code];
      if (!dir || !collisionRect) return undefined;
      const next = nextDrop(layout, rows, days, parseDrop(over.current), dir);
      if (next === null) return undefined;
      event.preventDefault();
      const rect = targets.current.get(next);
      if (!rect) return undefined;
      const { x, y } = center(rect);
      return { x: x - collisionRect.width / 2, y: y - collisionRect.height / 2 };
    },
    [layout, rows, days],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const name = useCallback(
    () => {
      const p = sourceData.post;
      return p ? p.title.trim() || p.text.trim().slice(0, 40) || t('calendar.grid.untitled') : '';
    },
    [sourceData, t],
  );
  const describe = useCallback(
    (id: string | null) => {
      const d = parseDrop(id);
      if (!d) return null;
      if (d.kind === 'ideas') return t('calendar.drag.ideas');
      // A day of the month: the post keeps its network.
      const network = d.kind === 'cell' ? d.network : (sourceData.post?.network ?? '');
      const { view, lang } = cal();
      return t('calendar.drag.cell', { network: rowName(view, network), day: dayLabel(d.day, lang, true) });
    },
    [cal, sourceData, t],
  );

  /** Where the drag is now: under the pointer, or (keyboard) under the middle of the dragged card. */
  const locate = (e: DragMoveEvent | DragEndEvent): string | null => {
    const start = e.activatorEvent;
    if (start instanceof PointerEvent || start instanceof MouseEvent) {
      return targetAt(start.clientX + e.delta.x, start.clientY + e.delta.y);
    }
    const rect = e.active.rect.current.translated;
    if (!rect) return null;
    const { x, y } = center(rect);
    return targetAt(x, y);
  };

  const announcements: Announcements = {
    onDragStart: () => t('calendar.drag.start', { name: name() }),
    onDragMove: () => {
      if (announced.current === over.current) return undefined;
      announced.current = over.current;
      const target = describe(over.current);
      return target ? t('calendar.drag.over', { name: name(), target }) : t('calendar.drag.overNothing', { name: name() });
    },
    onDragOver: () => undefined,
    onDragEnd: () => {
      const target = describe(dropped.current);
      if (!target) return t('calendar.drag.endNothing', { name: name() });
      return t(copyHeld.current ? 'calendar.drag.endCopy' : 'calendar.drag.end', { name: name(), target });
    },
    onDragCancel: () => t('calendar.drag.cancel', { name: name() }),
  };

  const onDragStart = (e: DragStartEvent) => {
    const post = (e.active.data.current as SourceData).post;
    setShown(post);
    setCopying(copyHeld.current);
    measure();
    followScrolls();
    // Start where the card is, so that the first arrow key moves from its cell.
    const card = post && document.querySelector<HTMLElement>(`[data-post-id="${post.id}"]`);
    card?.setAttribute('data-dragging', 'true');
    const r = card?.getBoundingClientRect();
    ghostAt.current = r ?? null;
    placeGhost(ghost.current, ghostAt.current);
    over.current = null;
    announced.current = null;
    setOver(r ? targetAt(center(r).x, center(r).y) : null);
    announced.current = over.current;
  };

  const finish = (post: Post | null) => {
    stopFollowing.current?.();
    ghostAt.current = null;
    placeGhost(ghost.current, null);
    setOver(null);
    if (post) {
      const card = document.querySelector<HTMLElement>(`[data-post-id="${post.id}"]`);
      card?.removeAttribute('data-dragging');
    }
  };

  const onDragEnd = (e: DragEndEvent) => {
    const post = sourceData.post;
    dropped.current = locate(e) ?? over.current;
    const target = parseDrop(dropped.current);
    const copy = copyHeld.current;
    finish(post);
    if (!post || !target) return;
    const { network, scheduledAt } =
      target.kind === 'ideas'
        ? dropTarget(post, post.network, null)
        : dropTarget(post, target.kind === 'cell' ? target.network : post.network, target.day);
    if (!copy && network === post.network && scheduledAt === post.scheduled_at) return;
    void cal().actions.move(post, network, scheduledAt, copy).then(() => {
      // Keyboard users stay on the post they moved.
      if (!(e.activatorEvent instanceof KeyboardEvent)) return;
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-post-id="${post.id}"]`)?.focus());
    });
  };

  const onReady = useCallback((node: HTMLElement | null, listeners: DraggableSyntheticListeners) => {
    source.current = { node, listeners };
  }, []);

  return (
    <DndContext
      sensors={sensors}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('calendar.help.keyboard') } }}
      onDragStart={onDragStart}
      onDragMove={(e) => {
        placeGhost(ghost.current, ghostAt.current, e.delta);
        setOver(locate(e));
        if (copyHeld.current !== copying) setCopying(copyHeld.current);
      }}
      onDragEnd={onDragEnd}
      onDragCancel={() => finish(sourceData.post)}
      autoScroll={false}
    >
      <BoardContext.Provider value={api}>{children}</BoardContext.Provider>
      <div id={DRAG_HELP_ID} hidden>
        {t('calendar.help.keyboard')}
      </div>
      <DragSource data={sourceData} onReady={onReady} />
      <div
        ref={ghost}
        aria-hidden
        data-testid="drag-ghost"
        style={{ position: 'fixed', left: 0, top: 0, zIndex: 999, visibility: 'hidden', pointerEvents: 'none' }}
      >
        {shown && <PostCardView post={shown} texts={texts} compact={false} overlay />}
        {copying && (
          <Badge size="xs" color="blue" style={{ position: 'absolute', top: -8, right: -8 }}>
            {t('calendar.drag.copyHint')}
          </Badge>
        )}
      </div>
    </DndContext>
  );
}
