import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Board, nextDrop, parseDrop } from './Board';
import { Ideas } from './Ideas';
import { MONTH_CARDS, MonthGrid, NETWORK_COLORS, weeksOf } from './MonthGrid';
import { IDEAS, daysOf } from './state';
import { CAL_ROWS, calendarFinding, editorialItem, installCalendarBackend, post } from './testBackend';
import { JANUARY, renderInCalendar } from './testRender';

const JANUARY_DAYS = daysOf(JANUARY);
/** January 2027 begins on a Friday: four days of its first week are December's. */
const LEAD = 4;

// jsdom lays nothing out: the boxes a browser gives the month (days of 100 × 100 in rows of weeks under a heading of
// 50, a card 90 × 20 inside its day, the ideas under the last week), so that dnd-kit's keyboard sensor can move
// from day to day.
const original = Element.prototype.getBoundingClientRect;
function boxOf(el: Element): DOMRect {
  const day = el.closest('[data-drop^="day|"]');
  if (day) {
    const i = JANUARY_DAYS.indexOf(day.getAttribute('data-drop')!.slice(4)) + LEAD;
    const [x, y] = [(i % 7) * 100, 50 + Math.floor(i / 7) * 100];
    return el === day ? new DOMRect(x, y, 100, 100) : new DOMRect(x + 4, y + 24, 90, 20);
  }
  if (el.closest('[data-testid="ideas"]')) {
    const inCard = el.getAttribute('data-testid') !== 'ideas';
    return new DOMRect(0, 560 + (inCard ? 10 : 0), inCard ? 100 : 700, inCard ? 30 : 120);
  }
  // The drag source lies over the card picked up (focused).
  const focused = document.activeElement;
  if (focused && focused !== el && focused.closest('[data-drop]')) return boxOf(focused);
  return new DOMRect(0, 0, 0, 0);
}

beforeEach(() => {
  Element.prototype.getBoundingClientRect = function () {
    return boxOf(this);
  };
});
afterEach(() => {
  Element.prototype.getBoundingClientRect = original;
});

function Month({ onShowDay = () => undefined }: { onShowDay?: (day: string) => void }) {
  return (
    <Board rows={CAL_ROWS.map((r) => r.network)} days={JANUARY_DAYS} layout="month">
      <MonthGrid days={JANUARY_DAYS} onShowDay={onShowDay} />
      <Ideas />
    </Board>
  );
}

async function show(ui = <Month />, lang: 'en' | 'fr' = 'en') {
  const out = await renderInCalendar(ui, { range: JANUARY, lang });
  await screen.findByTestId('calendar-grid');
  return out;
}

const day = (d: string) => screen.getByTestId(`day-${d}`);
const cardsIn = (d: string) => within(day(d)).queryAllByTestId(/^post-card-/);

describe('the month view', () => {
  it('lays out the month Monday to Sunday, each day listing its posts by time in its network’s colour, in French', async () => {
    installCalendarBackend({
      posts: [
        post(1, { network: 'x', scheduled_at: '2027-01-20T18:00', title: 'Evening thread' }),
        post(2, { network: 'instagram', scheduled_at: '2027-01-20T08:30', title: 'Morning reel' }),
        post(3, { network: 'linkedin', scheduled_at: '2027-01-20T12:00', title: 'Lunch article' }),
        post(4, { network: 'linkedin', scheduled_at: '2027-01-04T09:00', title: 'Monday' }),
      ],
      editorial: [editorialItem(9, { date: '2027-01-20', title: 'Winter guide' })],
    });
    await show(<Month />, 'fr');
    const grid = screen.getByTestId('calendar-grid');
    const rows = within(grid).getAllByRole('row');
    // The weekdays, then five weeks.
    expect(within(rows[0]).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'lun.',
      'mar.',
      'mer.',
      'jeu.',
      'ven.',
      'sam.',
      'dim.',
    ]);
    expect(rows).toHaveLength(6);
    const first = within(rows[1]).getAllByRole('gridcell');
    expect(first).toHaveLength(7);
    // December's days are blank, and no drop target.
    expect(first.slice(0, LEAD).every((c) => c.childElementCount === 0 && !c.hasAttribute('data-drop'))).toBe(true);
    expect(first[LEAD]).toHaveAttribute('data-drop', 'day|2027-01-01');
    // Monday 4 January starts the second week.
    expect(within(rows[2]).getAllByRole('gridcell')[0]).toBe(day('2027-01-04'));

    // The day's editorial item, then its posts by time; each card one element, its time drawn from `data-time`.
    expect(within(day('2027-01-20')).getByTestId('editorial-card-9')).toHaveTextContent('Winter guide');
    const cards = cardsIn('2027-01-20');
    expect(cards.map((c) => c.textContent)).toEqual(['Morning reel', 'Lunch article', 'Evening thread']);
    expect(cards.map((c) => c.getAttribute('data-time'))).toEqual(['08:30', '12:00', '18:00']);
    expect(cards.every((c) => c.childElementCount === 0)).toBe(true);
    // Coloured by network (its row's place), which the legend names, with its posts in the month.
    expect(cards.map((c) => c.getAttribute('data-net'))).toEqual(['0', '1', '2']);
    expect(screen.getByTestId('legend-linkedin')).toHaveAttribute('data-net', '1');
    expect(screen.getByTestId('legend-linkedin')).toHaveTextContent('LinkedIn · 2 publications · 2 par semaine');
    expect(screen.getByTestId('legend-x')).toHaveTextContent('X · 1 publication');
    expect(screen.getByTestId('month-legend')).toHaveTextContent('Éditorial');
    // The whole title on hover (and in the name), with the network, the day and the time.
    expect(cards[1]).toHaveAttribute('title', expect.stringMatching(/^Lunch article, LinkedIn, mercredi 20 janvier 12:00/));
    expect(cards[1]).toHaveAccessibleName(/Lunch article, LinkedIn/);
    expect(within(day('2027-01-20')).getByRole('button', { name: 'Ajouter une publication le mercredi 20 janvier' })).toBeInTheDocument();
  });

  it(`shows ${MONTH_CARDS} posts a day, or ${MONTH_CARDS - 1} and "+N more", which opens the day's week, as its number does`, async () => {
    const posts = [1, 2, 3, 4, 5, 6].map((i) => post(i, { scheduled_at: `2027-01-14T0${i}:00` }));
    installCalendarBackend({ posts: [...posts, ...[7, 8, 9, 10].map((i) => post(i, { scheduled_at: `2027-01-15T0${i - 6}:00` }))] });
    const onShowDay = vi.fn();
    const { user } = await show(<Month onShowDay={onShowDay} />);
    expect(cardsIn('2027-01-14').map((c) => c.getAttribute('data-post-id'))).toEqual(['1', '2', '3']);
    const more = screen.getByTestId('day-more-2027-01-14');
    expect(more).toHaveTextContent('+3 more');
    await user.click(more);
    expect(onShowDay).toHaveBeenLastCalledWith('2027-01-14');
    // Four fit.
    expect(cardsIn('2027-01-15')).toHaveLength(MONTH_CARDS);
    expect(screen.queryByTestId('day-more-2027-01-15')).toBeNull();
    await user.click(within(day('2027-01-15')).getByRole('button', { name: 'Open the week of Friday, January 15' }));
    expect(onShowDay).toHaveBeenLastCalledWith('2027-01-15');
  });

  it('adds a post or an editorial item on a day, and marks a post too long', async () => {
    installCalendarBackend({
      posts: [post(1, { network: 'x', scheduled_at: '2027-01-05T10:00', text: 'é'.repeat(281), title: 'Thread' })],
      findings: [calendarFinding({ kind: 'post_too_long', network: 'x', posts: [1] })],
    });
    const { user, openPost, openEditorial } = await show();
    expect(within(screen.getByTestId('post-card-1')).getByTestId('post-too-long')).toBeInTheDocument();
    await user.click(within(day('2027-01-22')).getByRole('button', { name: 'Add a post on Friday, January 22' }));
    expect(openPost).toHaveBeenLastCalledWith(null, { network: CAL_ROWS[0].network, scheduled_at: '2027-01-22T10:00' });
    await user.click(within(day('2027-01-22')).getByRole('button', { name: 'Add an editorial item on Friday, January 22' }));
    expect(openEditorial).toHaveBeenLastCalledWith(null, { date: '2027-01-22' });
  });

  it('moves a post a day right and a week down with the keyboard, keeping its network and time, and announces it', async () => {
    const p = post(1, { network: 'linkedin', scheduled_at: '2027-01-12T09:30', title: 'Launch teaser' });
    const fake = installCalendarBackend({ posts: [p] });
    const { user } = await show();
    act(() => screen.getByTestId('post-card-1').focus());
    await user.keyboard('[Space]');
    await user.keyboard('[ArrowRight]');
    await user.keyboard('[ArrowDown]');
    await user.keyboard('[Space]');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(1));
    expect(fake.callsTo('post_move')[0].args).toMatchObject({
      postId: 1,
      network: 'linkedin',
      scheduledAt: '2027-01-20T09:30',
      copy: false,
    });
    await waitFor(() => expect(cardsIn('2027-01-20').map((c) => c.textContent)).toEqual(['Launch teaser']));
    expect(cardsIn('2027-01-12')).toHaveLength(0);
    expect(screen.getByText(/Launch teaser dropped on LinkedIn, Wednesday, January 20/)).toBeInTheDocument();
  });

  it('sends a post of the last week down to the ideas, and brings an idea up onto the last day', async () => {
    const p = post(1, { scheduled_at: '2027-01-27T09:30', title: 'Late' });
    const idea = post(2, { scheduled_at: null, status: 'idea', network: 'x', title: 'Someday' });
    const fake = installCalendarBackend({ posts: [p, idea] });
    const { user } = await show();
    act(() => screen.getByTestId('post-card-1').focus());
    await user.keyboard('[Space][ArrowDown][Space]');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(1));
    expect(fake.callsTo('post_move')[0].args).toMatchObject({ postId: 1, scheduledAt: null });
    await waitFor(() => expect(within(screen.getByTestId('ideas')).getByText('Late')).toBeInTheDocument());
    // The focus follows the dropped card first.
    await waitFor(() => expect(screen.getByTestId('post-card-1')).toHaveFocus());

    act(() => screen.getByTestId('post-card-2').focus());
    await user.keyboard('[Space][ArrowUp][Space]');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(2));
    // An idea gets 10:00 on the day, on its own network.
    expect(fake.callsTo('post_move')[1].args).toMatchObject({ postId: 2, network: 'x', scheduledAt: '2027-01-31T10:00' });
  });
});

describe('moving from target to target', () => {
  const rows = ['instagram', 'linkedin'];
  const days = ['2027-01-11', '2027-01-12', '2027-01-13'];
  const go = (layout: 'week' | 'month', ds: readonly string[], from: string | null, dir: [number, number]) =>
    nextDrop(layout, rows, ds, parseDrop(from), dir);

  it('goes from cell to cell in the week, and between the last row and the ideas', () => {
    expect(go('week', days, null, [0, 1])).toBe('cell|instagram|2027-01-11');
    expect(go('week', days, 'cell|instagram|2027-01-11', [0, 1])).toBe('cell|instagram|2027-01-12');
    expect(go('week', days, 'cell|instagram|2027-01-13', [0, 1])).toBe('cell|instagram|2027-01-13');
    expect(go('week', days, 'cell|instagram|2027-01-12', [1, 0])).toBe('cell|linkedin|2027-01-12');
    expect(go('week', days, 'cell|linkedin|2027-01-12', [1, 0])).toBe(IDEAS);
    expect(go('week', days, IDEAS, [-1, 0])).toBe('cell|linkedin|2027-01-11');
    expect(nextDrop('week', [], days, null, [0, 1])).toBeNull();
  });

  it('goes a day left or right and a week up or down in the month, and between the last week and the ideas', () => {
    const d = (i: number) => `day|${JANUARY_DAYS[i]}`;
    expect(go('month', JANUARY_DAYS, null, [0, 1])).toBe(d(0));
    expect(go('month', JANUARY_DAYS, d(3), [0, 1])).toBe(d(4));
    expect(go('month', JANUARY_DAYS, d(3), [0, -1])).toBe(d(2));
    expect(go('month', JANUARY_DAYS, d(0), [0, -1])).toBe(d(0));
    expect(go('month', JANUARY_DAYS, d(30), [0, 1])).toBe(d(30));
    expect(go('month', JANUARY_DAYS, d(3), [1, 0])).toBe(d(10));
    expect(go('month', JANUARY_DAYS, d(10), [-1, 0])).toBe(d(3));
    // Nothing above the first week: it stays.
    expect(go('month', JANUARY_DAYS, d(3), [-1, 0])).toBe(d(3));
    expect(go('month', JANUARY_DAYS, d(26), [1, 0])).toBe(IDEAS);
    expect(go('month', JANUARY_DAYS, IDEAS, [-1, 0])).toBe(d(30));
    expect(go('month', JANUARY_DAYS, IDEAS, [0, 1])).toBe(IDEAS);
  });

  it('lays a month out in weeks from Monday', () => {
    const weeks = weeksOf(JANUARY_DAYS);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weeks[4]).toEqual(['2027-01-25', '2027-01-26', '2027-01-27', '2027-01-28', '2027-01-29', '2027-01-30', '2027-01-31']);
    // February 2027 is exactly four weeks; a month may need six.
    expect(weeksOf(daysOf({ from: '2027-02-01', to: '2027-02-28' }))).toHaveLength(4);
    expect(weeksOf(daysOf({ from: '2027-05-01', to: '2027-05-31' }))).toHaveLength(6);
    expect(NETWORK_COLORS).toBe(8);
  });
});
