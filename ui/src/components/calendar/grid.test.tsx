import { useEffect, useLayoutEffect } from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { stoppedFakeClock } from '../../test/clock';
import type { CalendarView, Post } from '../../bindings';
import { Board } from './Board';
import { Grid } from './Grid';
import { Ideas } from './Ideas';
import { OPTIMISTIC_AFTER_MS, daysOf, placePost, useCal, useUndoStatus, type CalendarActions } from './state';
import { CAL_ROWS, calendarFinding, editorialItem, installCalendarBackend, post, viewOf } from './testBackend';
import { CELL_W, WEEK, renderInCalendar, stubGridBoxes } from './testRender';

stubGridBoxes();

function Probe() {
  const { actions, strategyId } = useCal();
  const status = useUndoStatus(strategyId);
  return (
    <div>
      <button type="button" data-testid="probe-undo" disabled={!status.canUndo} onClick={() => void actions.undo()}>
        undo {status.undoLabel}
      </button>
      <button type="button" data-testid="probe-redo" disabled={!status.canRedo} onClick={() => void actions.redo()}>
        redo
      </button>
    </div>
  );
}

function Screen({ days = daysOf(WEEK) }: { days?: string[] }) {
  return (
    <Board rows={CAL_ROWS.map((r) => r.network)} days={days}>
      <Grid days={days} />
      <Ideas />
      <Probe />
    </Board>
  );
}

async function show(...args: Parameters<typeof renderInCalendar>) {
  const out = await renderInCalendar(...args);
  await screen.findByTestId('calendar-grid');
  return out;
}

/** The week's grid, and the calendar's actions to call directly; `shown` gets the posts of each view the screen
 *  commits, `views` each view. */
async function showWithActions(shown: Post[][] = [], views: CalendarView[] = []): Promise<CalendarActions> {
  const grabbed: { actions: CalendarActions | null } = { actions: null };
  function Grab() {
    const { actions, view } = useCal();
    useEffect(() => {
      grabbed.actions = actions;
    }, [actions]);
    useLayoutEffect(() => {
      shown.push(view.calendar.posts);
      views.push(view);
    }, [view]);
    return null;
  }
  await show(
    <>
      <Screen />
      <Grab />
    </>,
  );
  return grabbed.actions!;
}

const cell = (network: string, day: string) => screen.getByTestId(`cell-${network}-${day}`);

async function keyboardMove(user: ReturnType<typeof import('@testing-library/user-event').default.setup>, p: Post, keys: string) {
  const card = screen.getByTestId(`post-card-${p.id}`);
  act(() => card.focus());
  await user.keyboard('[Space]');
  for (const k of keys.split(' ')) await user.keyboard(`[${k}]`);
  await user.keyboard('[Space]');
}

/** The store answers the move of `p` when told to, and its move makes `p` ready (as Rust may): the saved post differs
 *  from the one the screen would show without the answer. */
function answerWhenTold(fake: ReturnType<typeof installCalendarBackend>, p: Post) {
  const store = { answer: () => undefined as void };
  fake.overrides.post_move = (a) =>
    new Promise((resolve) => {
      store.answer = () => {
        const saved: Post = { ...p, network: a.network as string, scheduled_at: a.scheduledAt as string, status: 'ready' };
        fake.posts = [saved];
        const view = viewOf(fake, a.from as string, a.to as string);
        resolve({ post: saved, rows: view.rows, checks: view.checks });
      };
    });
  return store;
}

describe('calendar grid', () => {
  it('shows the editorial row, one row per network in order, and each post in its cell', async () => {
    installCalendarBackend({
      posts: [post(1, { network: 'linkedin', scheduled_at: '2027-01-13T09:00', title: 'Hiring tips' }), post(2, { scheduled_at: null, status: 'idea', title: 'Later' })],
      editorial: [editorialItem(5, { date: '2027-01-14', title: 'Winter guide' })],
    });
    await show(<Screen />);
    const heads = screen.getAllByRole('rowheader').map((h) => h.textContent ?? '');
    expect(heads[0]).toContain('Editorial');
    expect(heads.slice(1).map((h) => h.replace(/\d.*$/, ''))).toEqual(['Instagram', 'LinkedIn', 'X']);
    expect(within(cell('linkedin', '2027-01-13')).getByText('Hiring tips')).toBeInTheDocument();
    expect(within(screen.getByTestId('editorial-cell-2027-01-14')).getByText('Winter guide')).toBeInTheDocument();
    expect(within(screen.getByTestId('ideas')).getByText('Later')).toBeInTheDocument();
    expect(screen.getByTestId('post-card-1')).toHaveAccessibleName(/Hiring tips, LinkedIn, .*09:00, Draft/);
    expect(screen.queryByTestId('post-too-long')).toBeNull();
  });

  it('marks a post too long for the network it sits on', async () => {
    installCalendarBackend({
      posts: [post(1, { network: 'x', text: 'é'.repeat(281), title: 'Thread' })],
      // What the Rust checks report for it.
      findings: [calendarFinding({ kind: 'post_too_long', network: 'x', posts: [1] })],
    });
    await show(<Screen />);
    expect(within(screen.getByTestId('post-card-1')).getByTestId('post-too-long')).toBeInTheDocument();
    expect(screen.getByTestId('post-card-1')).toHaveAccessibleName(/Thread, X, .*too long for this network/);
  });

  it('moves a post to the next day with the keyboard, saves it, announces it, and undoes it', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Launch teaser' });
    const fake = installCalendarBackend({ posts: [p] });
    const { user } = await show(<Screen />);
    await keyboardMove(user, p, 'ArrowRight');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(1));
    expect(fake.callsTo('post_move')[0].args).toMatchObject({
      postId: 1,
      network: 'instagram',
      scheduledAt: '2027-01-13T09:30',
      copy: false,
    });
    await waitFor(() => expect(within(cell('instagram', '2027-01-13')).getByText('Launch teaser')).toBeInTheDocument());
    expect(screen.getByText(/Launch teaser dropped on Instagram/)).toBeInTheDocument();

    await waitFor(() => expect(screen.getByTestId('probe-undo')).toBeEnabled());
    await user.click(screen.getByTestId('probe-undo'));
    await waitFor(() => expect(fake.callsTo('calendar_apply')).toHaveLength(1));
    expect(fake.callsTo('calendar_apply')[0].args.change).toMatchObject({ posts: [{ id: 1, scheduled_at: '2027-01-12T09:30' }] });
    await waitFor(() => expect(within(cell('instagram', '2027-01-12')).getByText('Launch teaser')).toBeInTheDocument());

    await user.click(screen.getByTestId('probe-redo'));
    await waitFor(() => expect(within(cell('instagram', '2027-01-13')).getByText('Launch teaser')).toBeInTheDocument());
  });

  it('shows the post picked up in a ghost that follows it, and hides the ghost at the drop without removing it', async () => {
    // WebKit repaints the whole window when a fixed element leaves the page: the ghost stays, hidden.
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Ghostly' });
    installCalendarBackend({ posts: [p] });
    const { user } = await show(<Screen />);
    const ghost = screen.getByTestId('drag-ghost');
    expect(ghost.style.visibility).toBe('hidden');
    act(() => screen.getByTestId('post-card-1').focus());
    await user.keyboard('[Space]');
    await waitFor(() => expect(ghost.style.visibility).toBe('visible'));
    expect(within(ghost).getByText('Ghostly')).toBeInTheDocument();
    // Over the card picked up (see `boxOf`), then moved by the drag.
    expect(ghost.style.left).toBe(`${150 + daysOf(WEEK).indexOf('2027-01-12') * CELL_W + 4}px`);
    await user.keyboard('[ArrowRight]');
    // Centred on the next day's cell (120 × 60, the card 100 × 30 at 4, 4 in its own).
    await waitFor(() => expect(ghost.style.transform).toBe(`translate3d(${CELL_W + 6}px, 11px, 0)`));
    await user.keyboard('[Space]');
    await waitFor(() => expect(within(cell('instagram', '2027-01-13')).getByText('Ghostly')).toBeInTheDocument());
    expect(screen.getByTestId('drag-ghost')).toBe(ghost);
    expect(ghost.style.visibility).toBe('hidden');
  });

  it('moves a post to another network, and to the ideas', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', status: 'scheduled', title: 'Poll' });
    const fake = installCalendarBackend({ posts: [p] });
    const { user } = await show(<Screen />);
    await keyboardMove(user, p, 'ArrowDown');
    await waitFor(() => expect(within(cell('linkedin', '2027-01-12')).getByText('Poll')).toBeInTheDocument());
    expect(fake.callsTo('post_move')[0].args).toMatchObject({ network: 'linkedin', scheduledAt: '2027-01-12T09:30' });

    await keyboardMove(user, { ...p, network: 'linkedin' }, 'ArrowDown ArrowDown');
    await waitFor(() => expect(within(screen.getByTestId('ideas')).getByText('Poll')).toBeInTheDocument());
    expect(fake.callsTo('post_move')[1].args).toMatchObject({ network: 'linkedin', scheduledAt: null });
    // An idea cannot stay scheduled.
    expect(fake.posts[0].status).toBe('ready');
  });

  it('copies instead of moving when Ctrl is held at the drop', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Tip' });
    const fake = installCalendarBackend({ posts: [p] });
    const { user } = await show(<Screen />);
    const card = screen.getByTestId('post-card-1');
    act(() => card.focus());
    await user.keyboard('[Space]');
    await user.keyboard('[ArrowRight]');
    await user.keyboard('{Control>}[Space]{/Control}');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(1));
    expect(fake.callsTo('post_move')[0].args).toMatchObject({ copy: true, scheduledAt: '2027-01-13T09:30' });
    await waitFor(() => expect(within(cell('instagram', '2027-01-13')).getByText('Tip')).toBeInTheDocument());
    expect(within(cell('instagram', '2027-01-12')).getByText('Tip')).toBeInTheDocument();
  });

  it('puts the post back and says why when the save fails', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Risky' });
    const fake = installCalendarBackend({ posts: [p] });
    fake.overrides.post_move = () => {
      throw { code: 'io', message: 'disk full', fields: [] };
    };
    const { user } = await show(<Screen />);
    await keyboardMove(user, p, 'ArrowRight');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(1));
    expect(await screen.findByText(/disk full/)).toBeInTheDocument();
    await waitFor(() => expect(within(cell('instagram', '2027-01-12')).getByText('Risky')).toBeInTheDocument());
    expect(within(cell('instagram', '2027-01-13')).queryByText('Risky')).toBeNull();
    expect(screen.getByTestId('probe-undo')).toBeDisabled();
  });

  it('shows a move while its save is slow, and puts it back if the save then fails', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Slow one' });
    const fake = installCalendarBackend({ posts: [p] });
    let fail = () => undefined as void;
    fake.overrides.post_move = () =>
      new Promise((_, reject) => {
        fail = () => reject({ code: 'io', message: 'disk full', fields: [] });
      });
    const { user } = await show(<Screen />);
    await keyboardMove(user, p, 'ArrowRight');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(1));
    // Not answered: the move is on screen all the same.
    await waitFor(() => expect(within(cell('instagram', '2027-01-13')).getByText('Slow one')).toBeInTheDocument());
    expect(within(cell('instagram', '2027-01-12')).queryByText('Slow one')).toBeNull();

    fail();
    expect(await screen.findByText(/disk full/)).toBeInTheDocument();
    await waitFor(() => expect(within(cell('instagram', '2027-01-12')).getByText('Slow one')).toBeInTheDocument());
    expect(within(cell('instagram', '2027-01-13')).queryByText('Slow one')).toBeNull();
  });

  it('opens a post on click and a new one from a cell, and highlights the relays of an editorial item', async () => {
    installCalendarBackend({
      posts: [post(1, { editorial_item_id: 5 }), post(2, { network: 'x', scheduled_at: '2027-01-15T12:00' })],
      editorial: [editorialItem(5, { date: '2027-01-12', title: 'Guide' })],
    });
    const { user, openPost, openEditorial } = await show(<Screen />);
    await user.click(screen.getByTestId('post-card-2'));
    expect(openPost).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
    await user.click(within(cell('linkedin', '2027-01-14')).getByRole('button', { name: /Add a post on LinkedIn/ }));
    expect(openPost).toHaveBeenLastCalledWith(null, { network: 'linkedin', scheduled_at: '2027-01-14T10:00' });

    // One click opens an editorial item, as it does a post, and lights up its relays.
    await user.click(screen.getByTestId('editorial-card-5'));
    expect(openEditorial).toHaveBeenCalledTimes(1);
    expect(openEditorial).toHaveBeenCalledWith(expect.objectContaining({ id: 5 }));
    await waitFor(() => expect(screen.getByTestId('post-card-1')).toHaveAttribute('data-selected'));
    expect(screen.getByTestId('editorial-card-5')).toHaveAttribute('data-selected');
    expect(screen.getByTestId('post-card-2')).not.toHaveAttribute('data-selected');
  });

  it('opens an editorial item with Enter on its focused card, and a post with Enter on its card', async () => {
    installCalendarBackend({
      posts: [post(1, { editorial_item_id: 5 })],
      editorial: [editorialItem(5, { date: '2027-01-12', title: 'Guide' })],
    });
    const { user, openPost, openEditorial } = await show(<Screen />);
    screen.getByTestId('editorial-card-5').focus();
    await user.keyboard('{Enter}');
    expect(openEditorial).toHaveBeenCalledTimes(1);
    expect(openEditorial).toHaveBeenCalledWith(expect.objectContaining({ id: 5 }));
    screen.getByTestId('post-card-1').focus();
    await user.keyboard('{Enter}');
    expect(openPost).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }));
    expect(openEditorial).toHaveBeenCalledTimes(1);
  });

  it('puts a saved post where the store lists it: by time then id, ideas newest first, nowhere outside the period', () => {
    const at = (id: number, scheduled_at: string | null) => post(id, { scheduled_at, status: scheduled_at ? 'draft' : 'idea' });
    const fake = installCalendarBackend({ posts: [at(3, '2027-01-12T09:30'), at(5, '2027-01-12T09:30'), at(7, null), at(2, null)] });
    const view = viewOf(fake, WEEK.from, WEEK.to);
    const ids = (v: typeof view) => [v.calendar.posts.map((p) => p.id), v.calendar.ideas.map((p) => p.id)];
    expect(ids(view)).toEqual([[3, 5], [7, 2]]);
    // Moved to the same time as others: among them by id.
    expect(ids(placePost(view, [7], at(4, '2027-01-12T09:30')))).toEqual([[3, 4, 5], [2]]);
    // Back to the ideas: by id, newest first.
    expect(ids(placePost(view, [3], at(3, null)))).toEqual([[5], [7, 3, 2]]);
    // Out of the period: gone from the view.
    expect(ids(placePost(view, [5], at(5, '2027-02-01T10:00')))).toEqual([[3], [7, 2]]);
  });

  it('puts a moved post where a sort by time then id would, on random periods', () => {
    let seed = 20261208;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const time = () => `2027-01-${String(11 + next(7)).padStart(2, '0')}T${String(next(24)).padStart(2, '0')}:${next(2) ? '00' : '30'}`;
    const byTimeThenId = (a: Post, b: Post) => {
      const [x, y] = [a.scheduled_at ?? '', b.scheduled_at ?? ''];
      return x < y ? -1 : x > y ? 1 : a.id - b.id;
    };
    for (let i = 0; i < 200; i++) {
      const posts = Array.from({ length: next(30) }, (_, k) => post(k + 1, { scheduled_at: time() })).sort(byTimeThenId);
      const view = viewOf(installCalendarBackend({ posts }), WEEK.from, WEEK.to);
      const moved = post(next(40) + 1, { scheduled_at: time() });
      const placed = placePost(view, [moved.id], moved).calendar.posts;
      const expected = [...view.calendar.posts.filter((p) => p.id !== moved.id), moved].sort(byTimeThenId);
      expect(placed.map((p) => [p.scheduled_at, p.id])).toEqual(expected.map((p) => [p.scheduled_at, p.id]));
    }
  });

  it('shows a post saved just before a drop, once the save and the move are both answered', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Dragged' });
    const fake = installCalendarBackend({ posts: [p] });
    let release = () => undefined as void;
    const late = new Promise<void>((r) => {
      release = r;
    });
    // The store has written the new post; its answer comes late, while the move waits behind it.
    fake.overrides.post_save = async (a) => {
      const saved = { ...(a.input as Post), id: 50 };
      fake.posts = [...fake.posts, saved];
      const view = viewOf(fake, a.from as string, a.to as string);
      await late;
      return { posts: [saved], editorial: [], view };
    };
    const a = await showWithActions();
    void a.savePost(null, post(0, { scheduled_at: '2027-01-14T10:00', title: 'Saved first' }));
    const moved = a.move(p, 'instagram', '2027-01-13T09:30', false);
    release();
    await act(async () => {
      await moved;
    });
    await waitFor(() => expect(within(cell('instagram', '2027-01-13')).getByText('Dragged')).toBeInTheDocument());
    expect(within(cell('instagram', '2027-01-14')).getByText('Saved first')).toBeInTheDocument();
    expect(fake.callsTo('post_move')).toHaveLength(1);
  });

  it('shows a move the store answers at once in one render, as saved, never as it was before the save', async () => {
    stoppedFakeClock();
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Quick', status: 'draft' });
    const fake = installCalendarBackend({ posts: [p] });
    const store = answerWhenTold(fake, p);
    const shown: Post[][] = [];
    const a = await showWithActions(shown);
    const before = shown.length;
    let moved: Promise<unknown> = Promise.resolve();
    act(() => {
      moved = a.move(p, 'instagram', '2027-01-13T09:30', false);
    });
    expect(fake.callsTo('post_move')).toHaveLength(1);
    // Answered within the wait: nothing was shown before the answer, then the saved move, once.
    await act(async () => {
      vi.advanceTimersByTime(OPTIMISTIC_AFTER_MS - 1);
      store.answer();
      await moved;
    });
    expect(shown.slice(before).map((posts) => posts.map((x) => [x.scheduled_at, x.status]))).toEqual([
      [['2027-01-13T09:30', 'ready']],
    ]);
    expect(within(cell('instagram', '2027-01-13')).getByTestId('post-card-1')).toHaveAttribute('data-status', 'ready');
    // The wait's timer was stopped: it shows nothing more.
    await act(async () => vi.advanceTimersByTime(1000));
    expect(shown).toHaveLength(before + 1);
  });

  it('shows a move before the store answers once the store has taken OPTIMISTIC_AFTER_MS, then as saved', async () => {
    stoppedFakeClock();
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Patient', status: 'draft' });
    const fake = installCalendarBackend({ posts: [p] });
    const store = answerWhenTold(fake, p);
    const a = await showWithActions();
    let moved: Promise<unknown> = Promise.resolve();
    act(() => {
      moved = a.move(p, 'instagram', '2027-01-13T09:30', false);
    });
    await act(async () => vi.advanceTimersByTime(OPTIMISTIC_AFTER_MS - 1));
    expect(within(cell('instagram', '2027-01-12')).getByText('Patient')).toBeInTheDocument();
    // The store is slow: the move is shown as the user made it.
    await act(async () => vi.advanceTimersByTime(1));
    expect(within(cell('instagram', '2027-01-13')).getByTestId('post-card-1')).toHaveAttribute('data-status', 'draft');
    expect(within(cell('instagram', '2027-01-12')).queryByText('Patient')).toBeNull();
    await act(async () => {
      store.answer();
      await moved;
    });
    expect(within(cell('instagram', '2027-01-13')).getByTestId('post-card-1')).toHaveAttribute('data-status', 'ready');
  });

  it('keeps what the store answers as it was shown when it holds the same data, so that it does not render again', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Same rows' });
    const fake = installCalendarBackend({ posts: [p] });
    // The store sends the rows and checks again, as new objects holding the same data (as the IPC does).
    fake.overrides.post_move = (m) => {
      const saved: Post = { ...p, network: m.network as string, scheduled_at: m.scheduledAt as string };
      fake.posts = [saved];
      const view = viewOf(fake, m.from as string, m.to as string);
      return { post: saved, rows: structuredClone(view.rows), checks: structuredClone(view.checks) };
    };
    const shown: Post[][] = [];
    const views: CalendarView[] = [];
    const a = await showWithActions(shown, views);
    const before = views[views.length - 1];
    await act(async () => {
      await a.move(p, 'instagram', '2027-01-13T09:30', false);
    });
    const after = views[views.length - 1];
    // A new view with the post moved, and the rows the store sent again (equal, new objects) kept as they were.
    expect(after).not.toBe(before);
    expect(after.rows).toBe(before.rows);
    expect(after.checks).toBe(before.checks);
  });

  it('sends a move before showing it, and shows two quick moves before either is answered, saved one after the other', async () => {
    const p1 = post(1, { scheduled_at: '2027-01-12T09:30', title: 'First' });
    const p2 = post(2, { scheduled_at: '2027-01-12T11:00', title: 'Second' });
    const fake = installCalendarBackend({ posts: [p1, p2] });
    const answers: (() => void)[] = [];
    // The store answers each move only when told to.
    fake.overrides.post_move = (a) =>
      new Promise((resolve) => {
        answers.push(() => {
          const at = fake.posts.findIndex((x) => x.id === a.postId);
          const saved = { ...fake.posts[at], network: a.network as string, scheduled_at: a.scheduledAt as string };
          fake.posts = fake.posts.map((x, i) => (i === at ? saved : x));
          const view = viewOf(fake, a.from as string, a.to as string);
          resolve({ post: saved, rows: view.rows, checks: view.checks });
        });
      });
    const a = await showWithActions();
    let first: Promise<unknown> = Promise.resolve();
    let second: Promise<unknown> = Promise.resolve();
    act(() => {
      first = a.move(p1, 'instagram', '2027-01-13T09:30', false);
      // Sent before anything renders (the store saves while the page draws).
      expect(fake.callsTo('post_move')).toHaveLength(1);
      second = a.move(p2, 'instagram', '2027-01-14T11:00', false);
    });
    // Neither answered: both moves are on screen, the second on top of the first.
    await waitFor(() => expect(within(cell('instagram', '2027-01-13')).getByText('First')).toBeInTheDocument());
    expect(within(cell('instagram', '2027-01-14')).getByText('Second')).toBeInTheDocument();
    expect(within(cell('instagram', '2027-01-12')).queryByText('First')).toBeNull();
    expect(within(cell('instagram', '2027-01-12')).queryByText('Second')).toBeNull();
    // The second waits for the first's answer before it is sent.
    expect(fake.callsTo('post_move')).toHaveLength(1);
    await waitFor(() => expect(answers).toHaveLength(1));
    answers[0]();
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[1]();
    await act(async () => {
      await Promise.all([first, second]);
    });
    expect(within(cell('instagram', '2027-01-13')).getByText('First')).toBeInTheDocument();
    expect(within(cell('instagram', '2027-01-14')).getByText('Second')).toBeInTheDocument();
  });
});
