// Drag and drop on the calendar (dnd-kit): posts move between days, networks and the ideas backlog, with the pointer
// or the keyboard (Space to pick up, arrows to move from cell to cell, Space to drop, Escape to cancel), and are
// copied instead when Alt or Ctrl is held at the drop. Every drop is saved at once (see `useCalendarActions`).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Over,
  type Active,
} from '@dnd-kit/core';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../bindings';
import { PostCardView, useCardTexts } from './PostCard';
import { IDEAS, dayLabel, dropTarget, rowName, useCal } from './state';

/** What a droppable is: a day on a network's row, or the ideas backlog. */
export type DropData = { kind: 'cell'; network: string; day: string } | { kind: 'ideas' };
/** What a draggable carries. */
export type DragData = { post: Post };

export const cellId = (network: string, day: string) => `cell|${network}|${day}`;

/** The pointer decides where a pointer drag is; a keyboard drag (no pointer) goes to the closest cell. */
const collision: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : closestCenter(args));

/** Whether Alt or Ctrl is held now (a drop with one of them copies). */
function useCopyModifier(): { current: boolean } {
  const held = useRef(false);
  useEffect(() => {
    const update = (e: KeyboardEvent | PointerEvent) => {
      held.current = e.altKey || e.ctrlKey;
    };
    window.addEventListener('keydown', update, true);
    window.addEventListener('keyup', update, true);
    window.addEventListener('pointermove', update, true);
    window.addEventListener('pointerdown', update, true);
    return () => {
      window.removeEventListener('keydown', update, true);
      window.removeEventListener('keyup', update, true);
      window.removeEventListener('pointermove', update, true);
      window.removeEventListener('pointerdown', update, true);
    };
  }, []);
  return held;
}

export function Board({ rows, days, children }: {
  /** The networks of the grid, top to bottom. */
  rows: readonly string[];
  /** The days of the grid, left to right. */
  days: readonly string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { view, lang, actions } = useCal();
  const copyHeld = useCopyModifier();
  const texts = useCardTexts();
  const [active, setActive] = useState<Post | null>(null);
  const [copying, setCopying] = useState(false);
  const overRef = useRef<string | null>(null);

  // Arrow keys move a picked-up post from cell to cell (down from the last row: the ideas; up from the ideas: the
  // last row).
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, { context: { droppableRects, collisionRect, over } }) => {
      const dirs: Record<string, [number, number]> = {
        [KeyboardCode.Right]: [0, 1],
        [KeyboardCode.Left]: [0, -1],
        [KeyboardCode.Down]: [1, 0],
        [KeyboardCode.Up]: [-1, 0],
      };
      const dir = dirs[event.code];
      if (!dir || !collisionRect) return undefined;
      event.preventDefault();
      const current = String(over?.id ?? overRef.current ?? '');
      let r = -1;
      let c = 0;
      if (current.startsWith('cell|')) {
        const [, network, day] = current.split('|');
        r = rows.indexOf(network);
        c = Math.max(0, days.indexOf(day));
      } else if (current === IDEAS) {
        r = rows.length;
      }
      let next: string;
      if (r < 0) next = cellId(rows[0], days[0]);
      else {
        const nr = Math.min(Math.max(r + dir[0], 0), rows.length);
        const nc = Math.min(Math.max(c + dir[1], 0), days.length - 1);
        next = nr === rows.length ? IDEAS : cellId(rows[nr], days[nc]);
      }
      const rect = droppableRects.get(next);
      if (!rect) return undefined;
      return {
        x: rect.left + rect.width / 2 - collisionRect.width / 2,
        y: rect.top + rect.height / 2 - collisionRect.height / 2,
      };
    },
    [rows, days],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const nameOf = useCallback(
    (a: Active | null) => {
      const p = (a?.data.current as DragData | undefined)?.post;
      return p ? p.title.trim() || p.text.trim().slice(0, 40) || t('calendar.grid.untitled') : '';
    },
    [t],
  );
  const targetOf = useCallback(
    (o: Over | null) => {
      const d = o?.data.current as DropData | undefined;
      if (!d) return null;
      if (d.kind === 'ideas') return t('calendar.drag.ideas');
      return t('calendar.drag.cell', { network: rowName(view, d.network), day: dayLabel(d.day, lang, true) });
    },
    [lang, t, view],
  );

  const announcements: Announcements = {
    onDragStart: ({ active: a }) => t('calendar.drag.start', { name: nameOf(a) }),
    onDragOver: ({ active: a, over }) => {
      const target = targetOf(over);
      return target
        ? t('calendar.drag.over', { name: nameOf(a), target })
        : t('calendar.drag.overNothing', { name: nameOf(a) });
    },
    onDragEnd: ({ active: a, over }) => {
      const target = targetOf(over);
      if (!target) return t('calendar.drag.endNothing', { name: nameOf(a) });
      return t(copyHeld.current ? 'calendar.drag.endCopy' : 'calendar.drag.end', { name: nameOf(a), target });
    },
    onDragCancel: ({ active: a }) => t('calendar.drag.cancel', { name: nameOf(a) }),
  };

  const onDragStart = (e: DragStartEvent) => {
    setActive((e.active.data.current as DragData).post);
    setCopying(copyHeld.current);
    overRef.current = null;
  };

  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    overRef.current = null;
    const post = (e.active.data.current as DragData).post;
    const target = e.over?.data.current as DropData | undefined;
    if (!target) return;
    const copy = copyHeld.current;
    const { network, scheduledAt } =
      target.kind === 'ideas' ? dropTarget(post, post.network, null) : dropTarget(post, target.network, target.day);
    if (!copy && network === post.network && scheduledAt === post.scheduled_at) return;
    void actions.move(post, network, scheduledAt, copy);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('calendar.help.keyboard') } }}
      onDragStart={onDragStart}
      onDragOver={(e) => {
        overRef.current = e.over ? String(e.over.id) : null;
        setCopying(copyHeld.current);
      }}
      onDragMove={() => {
        if (copyHeld.current !== copying) setCopying(copyHeld.current);
      }}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {active ? (
          <div style={{ position: 'relative' }}>
            <PostCardView post={active} texts={texts} compact={false} overlay />
            {copying && (
              <Badge size="xs" color="blue" style={{ position: 'absolute', top: -8, right: -8 }}>
                {t('calendar.drag.copyHint')}
              </Badge>
            )}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
