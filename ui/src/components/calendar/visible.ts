// The part of the month grid on screen. A month holds some 250 cells and hundreds of cards, of which a window of
// 1280×800 shows a fifth: the grid lays out every cell (each one a drop target, with its height), but fills with
// cards only the cells on screen and a margin around them. The window follows scrolling (the page and the grid's
// own sideways scroll) and resizing, and is computed before the browser paints, so that no empty cell is ever
// shown on a first paint.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The rows (networks) and columns (days) to fill, inclusive; `null` fills them all. */
export interface Visible {
  rows: [number, number];
  cols: [number, number];
}

const NOTHING: Visible = { rows: [0, -1], cols: [0, -1] };

/** How far beyond the edges of what is visible cells are filled, so that a scroll rarely shows an empty one. A new
 *  period is first filled where it is seen, and the margin just after that is painted: filling the margin as well
 *  would make the first paint of a month wait for about twice as many cards. */
const MARGIN = { x: 60, y: 150 };
const NO_MARGIN = { x: 0, y: 0 };

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function clipOf(el: HTMLElement): Box {
  const clip = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const r = p.getBoundingClientRect();
    clip.top = Math.max(clip.top, r.top);
    clip.left = Math.max(clip.left, r.left);
    clip.bottom = Math.min(clip.bottom, r.bottom);
    clip.right = Math.min(clip.right, r.right);
  }
  return clip;
}

/** The first and last of `els` whose boxes meet [from, to] along one axis (from edge `start` to edge `end`); an
 *  empty range ([0, -1]) when none does. */
function span(
  els: readonly Element[],
  start: 'top' | 'left',
  end: 'bottom' | 'right',
  from: number,
  to: number,
): [number, number] {
  let first = -1;
  let last = -1;
  els.forEach((el, i) => {
    const r = el.getBoundingClientRect();
    if (r[end] >= from && r[start] <= to) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? [0, -1] : [first, last];
}

/**
 * The visible part of a grid whose `rowEls` are its network rows and `colEls` its day headings, or `null` when it
 * cannot be measured (not laid out, as in tests without a layout engine): then every cell is filled. The cell that
 * holds the focus is always in it, so that scrolling never takes the focus away.
 */
export function measureVisible(
  grid: HTMLElement,
  rowEls: readonly Element[],
  colEls: readonly Element[],
  margin: { x: number; y: number } = MARGIN,
): Visible | null {
  const g = grid.getBoundingClientRect();
  if (g.width === 0 && g.height === 0) return null;
  const clip = clipOf(grid);
  const rows = span(rowEls, 'top', 'bottom', clip.top - margin.y, clip.bottom + margin.y);
  const cols = span(colEls, 'left', 'right', clip.left - margin.x, clip.right + margin.x);
  // The focused cell: its row among the rows, its column among the row's cells (after the row's heading).
  const cell = document.activeElement?.closest('[data-drop]');
  const r = cell ? rowEls.indexOf(cell.parentElement as Element) : -1;
  if (cell && r >= 0) {
    const c = Array.prototype.indexOf.call(cell.parentElement!.children, cell) - 1;
    return { rows: widen(rows, r), cols: c >= 0 ? widen(cols, c) : cols };
  }
  return { rows, cols };
}

/** `range` grown to hold `i`. */
function widen([from, to]: [number, number], i: number): [number, number] {
  return to < from ? [i, i] : [Math.min(from, i), Math.max(to, i)];
}

const same = (a: Visible | null, b: Visible | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.rows[0] === b.rows[0] &&
    a.rows[1] === b.rows[1] &&
    a.cols[0] === b.cols[0] &&
    a.cols[1] === b.cols[1]);

/**
 * The visible part of the grid `ref` (see `measureVisible`), kept up to date; `null` (everything) when `enabled` is
 * false. It is measured before the paint whenever `layoutKey` (the grid's days and rows) changes (without the margin,
 * which is added once that paint is done), and after any scroll or resize of the window or the grid.
 * Rows are the grid's children marked `data-grid-row`; columns its day headings, marked `data-grid-col`.
 */
export function useVisible(ref: RefObject<HTMLElement | null>, enabled: boolean, layoutKey: string): Visible | null {
  // Until it is measured (just before the first paint), a grid fills nothing: the cells off screen are never built.
  // `exact` is the window without its margin, and `key` the layout it was measured on.
  const [state, setState] = useState<{ enabled: boolean; key: string; exact: Visible | null; visible: Visible | null }>({
    enabled,
    key: layoutKey,
    exact: enabled ? NOTHING : null,
    visible: enabled ? NOTHING : null,
  });
  const update = useCallback(
    (key: string, withMargin: boolean) => {
      const grid = ref.current;
      const measure = (margin: { x: number; y: number }) =>
        enabled && grid
          ? measureVisible(
              grid,
              [...grid.querySelectorAll(':scope > [data-grid-row]')],
              [...grid.querySelectorAll(':scope > :first-child > [data-grid-col]')],
              margin,
            )
          : null;
      const exact = measure(NO_MARGIN);
      const visible = withMargin ? measure(MARGIN) : exact;
      setState((old) =>
        old.enabled === enabled && old.key === key && same(old.exact, exact) && same(old.visible, visible)
          ? old
          : { enabled, key, exact, visible },
      );
    },
    [ref, enabled],
  );

  // Before the paint: a new period (or mode) is shown filled where it is seen; its margin, after that paint. Not
  // after every render: a drop changes a cell or two, and a taller row resizes the grid, which the observer below
  // sees.
  const keyNow = useRef(layoutKey);
  useLayoutEffect(() => {
    keyNow.current = layoutKey;
    update(layoutKey, false);
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => update(layoutKey, true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [update, layoutKey]);

  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const schedule = () => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          update(keyNow.current, true);
        });
      }
    };
    // Any scroll: the page's, the grid's own sideways scroll, or the step's.
    window.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    // The focus going to a cell that may be empty (off screen); a card is only ever in a filled cell, and after a
    // drop the focus comes back to the card moved: measuring then would cost a layout for nothing.
    const onFocus = (e: FocusEvent) => {
      if (!(e.target instanceof Element && e.target.closest('[data-post-id]'))) schedule();
    };
    document.addEventListener('focusin', onFocus);
    // The grid resized (the window, the checks panel opening beside it), or moved without a scroll: something above
    // it changed height (the help closed), which resizes one of its ancestors.
    const observer = new ResizeObserver(schedule);
    for (let el = ref.current; el; el = el.parentElement) observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
      document.removeEventListener('focusin', onFocus);
    };
  }, [ref, enabled, update]);

  if (state.enabled !== enabled) return enabled ? NOTHING : null;
  // A new layout (another month): until it is measured, the part seen last time, without its margin.
  if (state.key !== layoutKey) return state.exact;
  return state.visible;
}
