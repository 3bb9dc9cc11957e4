// The calendar screen's state (step 4): the period on screen, the query of its view, and the changes, which update
// the screen at once (optimistically), are saved one after the other, roll back with a message when a save fails,
// and can be undone and redone (Ctrl+Z, Ctrl+Shift+Z).
//
// Undo and redo keep each change as snapshots: what to write back to undo it and to redo it (`CalendarChange`:
// posts and editorial items with their ids, and deletions). Changes are undone in stack order, so the ids a
// snapshot needs are free when it is written back (see src-tauri/cinq-core/src/calendar_view.rs).
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ApiError,
  CalendarChange,
  PostMoved,
  CalendarRow,
  CalendarView,
  EditorialItem,
  EditorialItemInput,
  Language,
  ObjectivesView,
  Plan,
  Post,
  PostInput,
  PostStatus,
  ProposedPost,
  ScopedChecks,
} from '../../bindings';
import { notifyError, notifySuccess } from '../../errors';
import { perfCommitted, perfEndAtCommit, perfMark, perfStart } from '../../perf';
import i18n from '../../i18n';
import { objectivesKey } from '../objectives/state';
import { adaptKeys } from '../adapt/state';
// The pillars' colours are step 3's (calendar.module.css repeats them for the cards, as `calendar-css.test.ts` checks).
export { PILLAR_COLORS } from '../objectives/state';
import { calApi, type CalApi, type Range } from './ipc';

export type ViewMode = 'week' | 'month' | 'list';
export const VIEW_MODES: readonly ViewMode[] = ['week', 'month', 'list'];
export const POST_STATUSES: readonly PostStatus[] = ['idea', 'draft', 'ready', 'scheduled', 'published'];
/** The grid's row of editorial items (a droppable id no network can take). */
export const EDITORIAL_ROW = '__editorial__';
/** The ideas backlog (a droppable id). */
export const IDEAS = '__ideas__';

// ---------------------------------------------------------------------------------------------------------------
// Dates: `YYYY-MM-DD` strings, computed in UTC so that no clock change shifts a day.

function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

/** The days from `from` to `to`, inclusive. */
export function daysOf(r: Range): string[] {
  const out: string[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The period shown for `anchor`: its week (Monday to Sunday) or its month (the list shows the month too). */
export function periodOf(mode: ViewMode, anchor: string): Range {
  if (mode === 'week') {
    const weekday = (parseDay(anchor).getUTCDay() + 6) % 7;
    const from = addDays(anchor, -weekday);
    return { from, to: addDays(from, 6) };
  }
  const d = parseDay(anchor);
  const from = isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
  const to = isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
  return { from, to };
}

/** The anchor of the next (`step` 1) or previous (-1) period. */
export function shiftAnchor(mode: ViewMode, anchor: string, step: number): string {
  if (mode === 'week') return addDays(anchor, 7 * step);
  const d = parseDay(anchor);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1)));
}

/** The day part of a post's `YYYY-MM-DDTHH:MM`. */
export const dayOf = (scheduledAt: string) => scheduledAt.slice(0, 10);
/** The time part of a post's `YYYY-MM-DDTHH:MM`. */
export const timeOf = (scheduledAt: string) => scheduledAt.slice(11, 16);

// Making an Intl formatter is slow (a month's grid asks for hundreds of labels): each is made once per language and
// options, and each label once.
const formatters = new Map<string, Intl.DateTimeFormat>();
const labels = new Map<string, string>();

/** `day` (`YYYY-MM-DD`) formatted for `lang` with `options` (in UTC, so that no clock change shifts it). */
export function formatDayWith(day: string, lang: Language, options: Intl.DateTimeFormatOptions): string {
  const optionsKey = JSON.stringify(options);
  const key = `${lang}|${optionsKey}|${day}`;
  let label = labels.get(key);
  if (label === undefined) {
    const fKey = `${lang}|${optionsKey}`;
    let f = formatters.get(fKey);
    if (!f) {
      f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
      formatters.set(fKey, f);
    }
    label = f.format(parseDay(day));
    if (labels.size > 5000) labels.clear();
    labels.set(key, label);
  }
  return label;
}

const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric' };
const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };

/** "Mon 12", "lun. 12": a column's heading; `long`: "Monday, January 12". */
export function dayLabel(day: string, lang: Language, long = false): string {
  return formatDayWith(day, lang, long ? LONG_DAY : SHORT_DAY);
}

/** A period in words: "12 – 18 January 2027". */
export function rangeLabel(r: Range, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(
    parseDay(r.from),
    parseDay(r.to),
  );
}

/** The period on screen in words: "12 – 18 January 2027" for a week, "January 2027" for a month. */
export function periodLabel(mode: ViewMode, r: Range, lang: Language): string {
  if (mode === 'week') return rangeLabel(r, lang);
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(parseDay(r.from));
}

// ---------------------------------------------------------------------------------------------------------------
// Posts.

export const EMPTY_POST: PostInput = {
  network: '',
  scheduled_at: null,
  pillar: null,
  topic_id: null,
  title: '',
  text: '',
  link: '',
  media_notes: '',
  status: 'draft',
  editorial_item_id: null,
  objective_id: null,
  campaign: '',
};

/** What a new post on `network` starts with, as Rust's row of the calendar says: the mission's first pillar, and the
 *  objective it serves when there is only one. Nothing for a network with no row. */
export function newPostDefaults(rows: readonly CalendarRow[] | undefined, network: string | undefined): Partial<PostInput> {
  const row = rows?.find((r) => r.network === network);
  return row ? { pillar: row.new_pillar, objective_id: row.new_objective } : {};
}

export const EMPTY_EDITORIAL: EditorialItemInput = {
  item_type: 'article',
  date: '',
  title: '',
  theme: '',
  owner: '',
  status: 'planned',
  link: '',
};

/** A post's input part (what a save sends). */
export function inputOf(p: Post): PostInput {
  const { id: _id, ...input } = p;
  return input;
}

/** The length of a text as the networks count it: Rust's rule, checked against Rust (see ../../textLength.ts). */
export { textLength } from '../../textLength';

/** Where a post goes when dropped: a network and a day keep the post's time (10:00 for an idea), the ideas none. */
export function dropTarget(post: Post, network: string, day: string | null): { network: string; scheduledAt: string | null } {
  if (day === null) return { network: post.network, scheduledAt: null };
  const time = post.scheduled_at ? timeOf(post.scheduled_at) : '10:00';
  return { network, scheduledAt: `${day}T${time}` };
}

/** The posts of the view (dated and ideas) by id. */
export function postById(view: CalendarView, id: number): Post | undefined {
  return view.calendar.posts.find((p) => p.id === id) ?? view.calendar.ideas.find((p) => p.id === id);
}

// ---------------------------------------------------------------------------------------------------------------
// The query.

export const calendarKey = (strategyId: number, r: Range) => ['calendar', strategyId, r.from, r.to] as const;

export const useCalendarView = (strategyId: number, r: Range, api: CalApi = calApi) =>
  useQuery({
    queryKey: calendarKey(strategyId, r),
    queryFn: async () => {
      perfStart('calendar-load');
      const view = await api.get(strategyId, r);
      perfMark('calendar-load', 'ipc');
      return view;
    },
    placeholderData: (previous) => previous,
  });

/** Which checks the panel shows: the period on screen's (in the view) or the whole plan's (`usePlanChecks`). */
export type ChecksScopeKind = ScopedChecks['scope']['kind'];

/** The whole plan's checks: under the calendar's key, so that every change (and `invalidateCalendar`) makes them
 *  stale; fetched only while they are shown. */
export const planChecksKey = (strategyId: number) => ['calendar', strategyId, 'plan'] as const;

export const usePlanChecks = (strategyId: number, enabled: boolean, api: CalApi = calApi) =>
  useQuery({
    queryKey: planChecksKey(strategyId),
    queryFn: () => api.planChecks(strategyId),
    enabled,
    placeholderData: (previous) => previous,
  });

/** `view` with the posts `removed` taken out and `post` put where the store lists it (`Store::calendar`): a dated post
 *  of the period among the posts by time then id, one outside the period nowhere, an idea among the ideas newest
 *  (highest id) first. */
export function placePost(view: CalendarView, removed: readonly number[], post: Post): CalendarView {
  const keep = (list: Post[]) => (removed.length === 0 ? list : list.filter((p) => !removed.includes(p.id)));
  let posts = keep(view.calendar.posts);
  let ideas = keep(view.calendar.ideas);
  const at = post.scheduled_at;
  if (at === null) {
    ideas = [post, ...ideas].sort((a, b) => b.id - a.id);
  } else if (at >= view.from && at.slice(0, 10) <= view.to) {
    // The store's order (by time, then id; times compared as SQLite does, code unit by code unit), by a binary search
    // for the post's place rather than a sort of the period's posts.
    const before = (p: Post) => {
      const t = p.scheduled_at ?? '';
      return t < at || (t === at && p.id < post.id);
    };
    let lo = 0;
    let hi = posts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(posts[mid])) lo = mid + 1;
      else hi = mid;
    }
    posts = [...posts.slice(0, lo), post, ...posts.slice(lo)];
  }
  return { ...view, calendar: { ...view.calendar, posts, ideas } };
}

/** The id a copy has on screen until the store answers with its own (above any the store gives). */
let nextCopyId = Number.MAX_SAFE_INTEGER;
export const copyId = () => nextCopyId--;

/** Puts a post where a move sends it, in a copy of the view (the optimistic update of a drop); a copy gets `copy`'s
 *  id (see `copyId`). */
export function movedView(
  view: CalendarView,
  post: Post,
  network: string,
  scheduledAt: string | null,
  copy: number | null,
): CalendarView {
  // Only the place changes here; what a move does to the status is decided in Rust (`Store::move_post`) and comes
  // back with the saved post.
  const moved: Post = { ...post, id: copy ?? post.id, network, scheduled_at: scheduledAt };
  return placePost(view, copy === null ? [post.id] : [], moved);
}

// ---------------------------------------------------------------------------------------------------------------
// Undo and redo.

export interface UndoEntry {
  /** What was done, in words (for the buttons' tooltips and the announcements). */
  label: string;
  undo: CalendarChange;
  redo: CalendarChange;
  /** Successive changes of one group (the saves of one editing session) make one entry: the first one's undo, the
   *  last one's redo. */
  group?: string;
}

const NO_CHANGE: CalendarChange = { posts: [], editorial: [], delete_posts: [], delete_editorial: [] };
export const change = (c: Partial<CalendarChange>): CalendarChange => ({ ...NO_CHANGE, ...c });

/** The undo and redo stacks of one strategy, for the session. */
export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private listeners = new Set<() => void>();
  private version = 0;

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };
  snapshot = () => this.version;
  private changed() {
    this.version += 1;
    this.listeners.forEach((l) => l());
  }

  push(e: UndoEntry) {
    const top = this.done[this.done.length - 1];
    if (e.group !== undefined && top?.group === e.group && this.undone.length === 0) {
      this.done[this.done.length - 1] = { ...e, undo: top.undo };
    } else {
      this.done.push(e);
    }
    this.undone = [];
    this.changed();
  }
  peekUndo(): UndoEntry | undefined {
    return this.done[this.done.length - 1];
  }
  peekRedo(): UndoEntry | undefined {
    return this.undone[this.undone.length - 1];
  }
  /** The entry was undone (written back): it moves to the redo stack. */
  undid() {
    const e = this.done.pop();
    if (e) this.undone.push(e);
    this.changed();
  }
  redid() {
    const e = this.undone.pop();
    if (e) this.done.push(e);
    this.changed();
  }
  /** After a change the stacks cannot describe (an import), or a write-back that failed. */
  clear() {
    this.done = [];
    this.undone = [];
    this.changed();
  }
}

const stacks = new Map<number, UndoStack>();
export function undoStackOf(strategyId: number): UndoStack {
  let s = stacks.get(strategyId);
  if (!s) {
    s = new UndoStack();
    stacks.set(strategyId, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// The changes.

export interface CalendarActions {
  move: (post: Post, network: string, scheduledAt: string | null, copy: boolean) => Promise<PostMoved | null>;
  /** `before` null creates the post. Resolves with the post saved, or rejects with the `ApiError` (the editor shows
   *  it; nothing is notified). Saves with the same `group` (an editor's autosaves) make one undo entry. */
  savePost: (before: Post | null, input: PostInput, group?: string) => Promise<Post>;
  deletePost: (post: Post) => Promise<void>;
  /** Like `savePost`, for editorial items. */
  saveEditorial: (before: EditorialItem | null, input: EditorialItemInput, group?: string) => Promise<EditorialItem>;
  deleteEditorial: (item: EditorialItem) => Promise<void>;
  createRelays: (item: EditorialItem, networks: string[]) => Promise<Post[]>;
  /** Writes the planner's proposed posts kept (one undo entry removes them all); resolves with them as stored, or
   *  rejects with the `ApiError` (the planner's dialog shows it). */
  acceptPlan: (posts: ProposedPost[]) => Promise<Post[]>;
  /** Puts a view the Rust side answered with (after an import) on screen, and forgets what can be undone. */
  replaceView: (view: CalendarView) => void;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** What can be undone and redone now, in words (for the toolbar). */
export interface UndoStatus {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

/** The undo status of a strategy's calendar; only what shows it re-renders when it changes. */
export function useUndoStatus(strategyId: number): UndoStatus {
  const stack = undoStackOf(strategyId);
  // Followed after the next paint, in a transition: a change pushes on the stack as its answer is shown, and the
  // undo button can wait for the frame after the grid's (a store read with `useSyncExternalStore` would render it in
  // the same one, and a transition started at once could still render before that frame is painted, and delay it).
  const [, setVersion] = useState(stack.snapshot);
  useEffect(() => {
    let frame = 0;
    let task: ReturnType<typeof setTimeout> | undefined;
    const update = () => startTransition(() => setVersion(stack.snapshot()));
    const follow = () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
      frame = requestAnimationFrame(() => {
        task = setTimeout(update, 0);
      });
    };
    update();
    const stop = stack.subscribe(follow);
    return () => {
      stop();
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [stack]);
  return {
    canUndo: stack.peekUndo() !== undefined,
    canRedo: stack.peekRedo() !== undefined,
    undoLabel: stack.peekUndo()?.label ?? null,
    redoLabel: stack.peekRedo()?.label ?? null,
  };
}

function postName(p: { title: string; text: string }): string {
  const name = p.title.trim() || p.text.trim().slice(0, 40);
  return name || i18n.t('calendar.grid.untitled');
}

/** How long a change waits for the store's answer before it is shown without it (see `run` below). */
export const OPTIMISTIC_AFTER_MS = 16;

/** The calendar's changes over the period `r`, saved one after the other. */
export function useCalendarActions(strategyId: number, r: Range, api: CalApi = calApi): CalendarActions {
  const client = useQueryClient();
  const stack = undoStackOf(strategyId);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const waiting = useRef<CalendarView | null>(null);
  const flushUnshown = useRef<(() => void) | null>(null);
  const key = useMemo(() => calendarKey(strategyId, r), [strategyId, r]);
  /** A published post moved, changed or deleted: step 5's best times (hinted in the post editor) are out of date. */
  const bestTimesChanged = useCallback(
    () => void client.invalidateQueries({ queryKey: adaptKeys.bestTimes(strategyId) }),
    [client, strategyId],
  );

  /** Runs `write` after the writes before it; while others are still pending, the view they answer with waits (in
   *  `waiting`). A write that answers with a part of the view only (a move) gives `answered`, which puts that part
   *  in the view shown at once (the writes after it change other posts) and in the view waiting, if any: the last
   *  answer then shows the waiting view with every move after it. `optimistic` shows the change before the store
   *  answers: behind other writes at once; with none pending, only if the store has not answered within
   *  OPTIMISTIC_AFTER_MS. A drop the store answers in a few milliseconds (nearly all of them) is then rendered and
   *  painted once, as saved, rather than twice (measured in tests/bench/calendar.sh). The write is sent at once:
   *  the store saves while the page draws. */
  const run = useCallback(
    <T extends { view: CalendarView } | CalendarView | PostMoved>(
      write: () => Promise<T>,
      optimistic?: (v: CalendarView) => CalendarView,
      answered?: (v: CalendarView, out: T) => CalendarView,
    ): Promise<T> => {
      const before = client.getQueryData<CalendarView>(key);
      const idle = pending.current === 0;
      // The change on screen before the store answers: at once behind other writes, else only if the store has not
      // answered within OPTIMISTIC_AFTER_MS (it almost always has: the grid then renders and paints once).
      let unshown = optimistic && before ? optimistic : undefined;
      const showOptimistic = () => {
        if (!unshown) return;
        const f = unshown;
        unshown = undefined;
        client.setQueryData<CalendarView>(key, (v) => v && f(v));
        perfMark('calendar-drop', 'optimistic');
      };
      if (!idle) {
        // Behind other writes: the one still unshown first, then this one.
        flushUnshown.current?.();
        showOptimistic();
      }
      const timer = unshown ? setTimeout(showOptimistic, OPTIMISTIC_AFTER_MS) : undefined;
      flushUnshown.current = showOptimistic;
      pending.current += 1;
      const started = idle ? new Promise<T>((resolve) => resolve(write())) : queue.current.then(write, write);
      const p = started.then(
        (out) => {
          clearTimeout(timer);
          pending.current -= 1;
          const shown = client.getQueryData<CalendarView>(key);
          const late = unshown;
          unshown = undefined;
          // Answered before the change was shown: both in one render.
          const answer = late && answered ? (v: CalendarView, o: T) => answered(late(v), o) : answered;
          if (answer) {
            if (waiting.current) waiting.current = answer(waiting.current, out);
            if (pending.current === 0 && waiting.current) client.setQueryData(key, waiting.current);
            else client.setQueryData<CalendarView>(key, (v) => v && answer(v, out));
          } else if (!('post' in out)) {
            const view: CalendarView = 'view' in out ? out.view : out;
            if (pending.current === 0) client.setQueryData(key, view);
            else waiting.current = view;
          }
          if (pending.current === 0) waiting.current = null;
          // The view shown was already the answer (the cache keeps equal data as it was): nothing renders, so the
          // benchmark's spans that wait for a commit end with the next paint.
          if (client.getQueryData<CalendarView>(key) === shown) perfCommitted();
          // Step 3 shows the mix the calendar plans: fetch it again when it is next shown. The whole plan's checks
          // too, at once if they are shown (the period's come with the answer).
          void client.invalidateQueries({ queryKey: objectivesKey(strategyId), refetchType: 'none' });
          void client.invalidateQueries({ queryKey: planChecksKey(strategyId) });
          return out;
        },
        (e: unknown) => {
          clearTimeout(timer);
          unshown = undefined;
          pending.current -= 1;
          if (pending.current === 0) waiting.current = null;
          if (before) client.setQueryData(key, before);
          void client.invalidateQueries({ queryKey: key });
          throw e;
        },
      );
      queue.current = p.catch(() => undefined);
      return p;
    },
    [client, key, strategyId],
  );

  const move = useCallback<CalendarActions['move']>(
    async (post, network, scheduledAt, copy) => {
      try {
        perfStart('calendar-drop');
        const shownCopy = copy ? copyId() : null;
        const out = await run(
          async () => {
            perfMark('calendar-drop', 'invoke');
            const out = await api.postMove(strategyId, post.id, network, scheduledAt, copy, r);
            perfMark('calendar-drop', 'ipc');
            // The span ends once the saved move (and its checks) is rendered and painted.
            perfEndAtCommit('calendar-drop');
            return out;
          },
          (v) => movedView(v, post, network, scheduledAt, shownCopy),
          // The saved post replaces the one shown since the drop (or the copy shown), with the checks after it. The
          // cache's structural sharing keeps rows and checks equal to those shown as the same objects: what shows
          // them does not render again.
          (v, saved) => ({
            ...placePost(v, [shownCopy ?? post.id], saved.post),
            rows: saved.rows,
            checks: saved.checks,
          }),
        );
        const after = out.post;
        if (post.status === 'published') bestTimesChanged();
        const label = i18n.t(copy ? 'calendar.undo.copy' : 'calendar.undo.move', { name: postName(post) });
        stack.push(
          copy
            ? { label, undo: change({ delete_posts: [after.id] }), redo: change({ posts: [after] }) }
            : { label, undo: change({ posts: [post] }), redo: change({ posts: [after] }) },
        );
        return out;
      } catch (e) {
        notifyError(e as ApiError);
        return null;
      }
    },
    [api, bestTimesChanged, r, run, stack, strategyId],
  );

  const savePost = useCallback<CalendarActions['savePost']>(
    async (before, input, group) => {
      const out = await run(() => api.postSave(strategyId, before?.id ?? null, input, r));
      const after = out.posts[0];
      // A published post's time, network or status changed (not its words): the best times learn from it.
      const published = before?.status === 'published' || after.status === 'published';
      const slot = (p: Post | null) => p && `${p.network} ${p.scheduled_at ?? ''} ${p.status}`;
      if (published && slot(before) !== slot(after)) bestTimesChanged();
      const label = i18n.t(before ? 'calendar.undo.editPost' : 'calendar.undo.createPost', { name: postName(after) });
      stack.push({
        label,
        undo: before ? change({ posts: [before] }) : change({ delete_posts: [after.id] }),
        redo: change({ posts: [after] }),
        group,
      });
      return after;
    },
    [api, bestTimesChanged, r, run, stack, strategyId],
  );

  const deletePost = useCallback<CalendarActions['deletePost']>(
    async (post) => {
      await run(
        () => api.postDelete(strategyId, post.id, r),
        (v) => ({
          ...v,
          calendar: {
            ...v.calendar,
            posts: v.calendar.posts.filter((p) => p.id !== post.id),
            ideas: v.calendar.ideas.filter((p) => p.id !== post.id),
          },
        }),
      );
      if (post.status === 'published') bestTimesChanged();
      stack.push({
        label: i18n.t('calendar.undo.deletePost', { name: postName(post) }),
        undo: change({ posts: [post] }),
        redo: change({ delete_posts: [post.id] }),
      });
    },
    [api, bestTimesChanged, r, run, stack, strategyId],
  );

  const saveEditorial = useCallback<CalendarActions['saveEditorial']>(
    async (before, input, group) => {
      const out = await run(() => api.editorialSave(strategyId, before?.id ?? null, input, r));
      const after = out.editorial[0];
      stack.push({
        label: i18n.t(before ? 'calendar.undo.editEditorial' : 'calendar.undo.createEditorial', { name: after.title }),
        undo: before ? change({ editorial: [before] }) : change({ delete_editorial: [after.id] }),
        redo: change({ editorial: [after] }),
        group,
      });
      return after;
    },
    [api, r, run, stack, strategyId],
  );

  const deleteEditorial = useCallback<CalendarActions['deleteEditorial']>(
    async (item) => {
      const out = await run(() => api.editorialDelete(strategyId, item.id, r));
      stack.push({
        label: i18n.t('calendar.undo.deleteEditorial', { name: item.title }),
        // The posts that relayed it (as they were) get their link back.
        undo: change({ editorial: [item], posts: out.posts }),
        redo: change({ delete_editorial: [item.id] }),
      });
    },
    [api, r, run, stack, strategyId],
  );

  const createRelays = useCallback<CalendarActions['createRelays']>(
    async (item, networks) => {
      const out = await run(() => api.relayCreate(strategyId, item.id, networks, r));
      stack.push({
        label: i18n.t('calendar.undo.relays', { name: item.title, count: out.posts.length }),
        undo: change({ delete_posts: out.posts.map((p) => p.id) }),
        redo: change({ posts: out.posts }),
      });
      return out.posts;
    },
    [api, r, run, stack, strategyId],
  );

  const acceptPlan = useCallback<CalendarActions['acceptPlan']>(
    async (posts) => {
      const out = await run(() => api.planAccept(strategyId, posts, r));
      stack.push({
        label: i18n.t('calendar.undo.plan', { count: out.posts.length }),
        undo: change({ delete_posts: out.posts.map((p) => p.id) }),
        redo: change({ posts: out.posts }),
      });
      return out.posts;
    },
    [api, r, run, stack, strategyId],
  );

  const writeBack = useCallback(
    async (which: 'undo' | 'redo') => {
      const entry = which === 'undo' ? stack.peekUndo() : stack.peekRedo();
      if (!entry) return;
      try {
        const c = which === 'undo' ? entry.undo : entry.redo;
        await run(() => api.apply(strategyId, c, r));
        // A published post moved back (or its deletion undone): its time counts again in the best times.
        if (c.posts.some((p) => p.status === 'published') || c.delete_posts.length > 0) bestTimesChanged();
        if (which === 'undo') stack.undid();
        else stack.redid();
      } catch (e) {
        // The calendar has changed in a way the stack cannot follow (e.g. a topic deleted in step 3).
        stack.clear();
        notifyError(e as ApiError);
      }
    },
    [api, bestTimesChanged, r, run, stack, strategyId],
  );

  const replaceView = useCallback(
    (view: CalendarView) => {
      client.setQueryData(key, view);
      stack.clear();
    },
    [client, key, stack],
  );

  // One object for as long as the period stays: what reads it does not re-render when the undo stack changes.
  return useMemo(
    () => ({
      move,
      savePost,
      deletePost,
      saveEditorial,
      deleteEditorial,
      createRelays,
      acceptPlan,
      replaceView,
      undo: () => writeBack('undo'),
      redo: () => writeBack('redo'),
    }),
    [move, savePost, deletePost, saveEditorial, deleteEditorial, createRelays, acceptPlan, replaceView, writeBack],
  );
}

/** The learnings of the decided A/B tests shown to a post on `network`; without `network`, those of every network
 *  (to invalidate them all once a test is decided or its learning changes). */
export const learningsKey = (strategyId: number, network?: string) =>
  network === undefined ? (['learnings', strategyId] as const) : (['learnings', strategyId, network] as const);

/** The learnings that apply to a post on `network` (none asked while the post has no network). Fetched again each
 *  time an editor shows them: step 5 decides the tests. */
export const useLearnings = (strategyId: number, network: string, api: CalApi = calApi) =>
  useQuery({
    queryKey: learningsKey(strategyId, network),
    queryFn: () => api.learnings(strategyId, network),
    enabled: network !== '',
    staleTime: 0,
  });

/** Refreshes every cached period of a strategy's calendar (after a change made elsewhere, e.g. an import). */
export function invalidateCalendar(client: QueryClient, strategyId: number) {
  return client.invalidateQueries({ queryKey: ['calendar', strategyId] });
}

// ---------------------------------------------------------------------------------------------------------------
// The plan preview: the planner's proposed posts shown on the grid as ghosts until the user accepts them (in one
// change, which one undo removes) or discards them (nothing written). It lives in the provider, above the grids and
// the periods: it follows the navigation, and the dialog's options come back with it.

/** The planner's options, as its dialog holds them (kept while its proposals are previewed). */
export interface PlanChoices {
  from: string | null;
  to: string | null;
  networks: string[];
  avoid: string[];
  recycle: boolean;
  /** Empty: the planner's default. */
  cooldown: number | '';
}

/** A proposed post on the grid: its place in the plan, and the post. */
export interface Ghost {
  index: number;
  post: ProposedPost;
}

export interface PlanPreviewState {
  plan: Plan;
  /** The proposed posts not dropped, by their place in the plan, in the plan's order. */
  kept: readonly number[];
  /** The options that asked for the plan ("Back to the options" opens the dialog on them). */
  choices: PlanChoices;
  /** Accepting (the proposals are being written). */
  busy: boolean;
}

export interface PlanPreviewCtx {
  preview: PlanPreviewState | null;
  /** Shows a plan's proposals on the grid (replacing any shown). */
  show: (plan: Plan, choices: PlanChoices) => void;
  /** Drops a proposal (its place in the plan). */
  drop: (index: number) => void;
  /** Leaves the preview; nothing is written. */
  discard: () => void;
  /** Writes the proposals kept as planned drafts in one change and leaves the preview; on an error, it stays (and
   *  says why). Resolves with whether they were written. */
  accept: () => Promise<boolean>;
}

/** The preview's state and what changes it, for the provider; `actions` writes the proposals accepted. */
export function usePlanPreviewState(actions: CalendarActions): PlanPreviewCtx {
  const [preview, setPreview] = useState<PlanPreviewState | null>(null);
  /** An accept under way (a second click before the bar shows it waits for nothing). */
  const accepting = useRef(false);
  const show = useCallback((plan: Plan, choices: PlanChoices) => {
    setPreview({ plan, kept: plan.posts.map((_, i) => i), choices, busy: false });
  }, []);
  const drop = useCallback((index: number) => {
    setPreview((p) => (p && !p.busy ? { ...p, kept: p.kept.filter((i) => i !== index) } : p));
  }, []);
  const discard = useCallback(() => {
    setPreview((p) => (p && !p.busy ? null : p));
  }, []);
  const accept = useCallback(async () => {
    const p = preview;
    if (!p || p.busy || p.kept.length === 0 || accepting.current) return false;
    accepting.current = true;
    setPreview({ ...p, busy: true });
    try {
      const saved = await actions.acceptPlan(p.kept.map((i) => p.plan.posts[i]));
      setPreview(null);
      notifySuccess(i18n.t('calendar.plan.added', { count: saved.length }));
      return true;
    } catch (e) {
      setPreview((now) => (now ? { ...now, busy: false } : now));
      notifyError(e as ApiError);
      return false;
    } finally {
      accepting.current = false;
    }
  }, [actions, preview]);
  return useMemo(() => ({ preview, show, drop, discard, accept }), [preview, show, drop, discard, accept]);
}

const NO_PREVIEW: PlanPreviewCtx = {
  preview: null,
  show: () => undefined,
  drop: () => undefined,
  discard: () => undefined,
  accept: () => Promise.resolve(false),
};

export const PlanPreviewContext = createContext<PlanPreviewCtx>(NO_PREVIEW);

/** The plan preview (none outside the calendar's provider). */
export const usePlanPreview = () => useContext(PlanPreviewContext);

/** The proposals kept of the preview, by `network|day` (the week's cells) or by day (`YYYY-MM-DD`, the month's), in
 *  the plan's order; the same map for as long as the preview stays. */
export function useGhosts(preview: PlanPreviewState | null, by: 'cell' | 'day'): ReadonlyMap<string, readonly Ghost[]> {
  return useMemo(() => {
    const m = new Map<string, Ghost[]>();
    if (!preview) return m;
    for (const index of preview.kept) {
      const post = preview.plan.posts[index];
      if (!post.scheduled_at) continue;
      const day = dayOf(post.scheduled_at);
      const k = by === 'cell' ? `${post.network}|${day}` : day;
      m.set(k, [...(m.get(k) ?? []), { index, post }]);
    }
    return m;
  }, [preview, by]);
}

// ---------------------------------------------------------------------------------------------------------------
// What the parts of the screen share.

export interface CalCtx {
  strategyId: number;
  lang: Language;
  range: Range;
  view: CalendarView;
  /** Step 3's view: topics, objectives, the mix (names for the selects). */
  objectives: ObjectivesView | undefined;
  actions: CalendarActions;
  /** The posts (and editorial items) highlighted: by a finding, or as relays of the selected editorial item. */
  selectedPosts: ReadonlySet<number>;
  selectedEditorial: number | null;
  select: (posts: number[], editorial?: number | null) => void;
  /** Opens the post editor on a post, or on a new one with some fields set. */
  openPost: (post: Post | null, preset?: Partial<PostInput>) => void;
  openEditorial: (item: EditorialItem | null, preset?: Partial<EditorialItemInput>) => void;
}

export const CalContext = createContext<CalCtx | null>(null);

export function useCal(): CalCtx {
  const ctx = useContext(CalContext);
  if (!ctx) throw new Error('useCal outside the calendar step');
  return ctx;
}

/** What the screen shares, read when an event needs it: the same function for the step's life, so that a part that
 *  only reads it in handlers (the drag and drop board) does not render again at each change of the calendar. */
export const CalLatestContext = createContext<(() => CalCtx) | null>(null);

export function useCalLatest(): () => CalCtx {
  const latest = useContext(CalLatestContext);
  if (!latest) throw new Error('useCalLatest outside the calendar step');
  return latest;
}

/** A network's name as the grid shows it. */
export function rowName(view: CalendarView, network: string): string {
  return view.rows.find((r) => r.network === network)?.name ?? network;
}
