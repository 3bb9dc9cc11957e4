// The calendar's month on the sample strategy's first month as Rust answers it (test/fixtures/sample-calendar.json,
// written by src-tauri/cinq-core/tests/ui_fixtures.rs): the screen reads the shape Rust answers.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Board } from './Board';
import { Ideas } from './Ideas';
import { MONTH_CARDS, MonthGrid } from './MonthGrid';
import { daysOf } from './state';
import { installSampleCalendarBackend } from './testBackend';
import { renderInCalendar } from './testRender';

describe('the month view on the sample strategy', () => {
  it('lists each day’s posts of the sample’s first month, by their titles, and its ideas, from Rust’s view', async () => {
    const { fake, view } = installSampleCalendarBackend();
    const range = { from: view.from, to: view.to };
    const days = daysOf(range);
    await renderInCalendar(
      <Board rows={view.rows.map((r) => r.network)} days={days} layout="month">
        <MonthGrid days={days} onShowDay={() => undefined} />
        <Ideas />
      </Board>,
      { range },
    );
    await screen.findByTestId('calendar-grid');
    expect(fake.callsTo('calendar_get').map((c) => c.args)).toContainEqual(expect.objectContaining(range));

    const posts = view.calendar.posts;
    expect(posts.length).toBeGreaterThan(10);
    for (const day of days) {
      const ofDay = posts.filter((p) => p.scheduled_at?.startsWith(day));
      const cards = within(screen.getByTestId(`day-${day}`)).queryAllByTestId(/^post-card-/);
      expect(cards.map((c) => c.getAttribute('data-testid'))).toEqual(
        ofDay.slice(0, MONTH_CARDS).map((p) => `post-card-${p.id}`),
      );
      ofDay.slice(0, MONTH_CARDS).forEach((p, i) => {
        if (p.title) expect(cards[i]).toHaveTextContent(p.title);
      });
    }

    const ideas = within(screen.getByTestId('ideas')).queryAllByTestId(/^post-card-/);
    expect(ideas.map((c) => c.getAttribute('data-testid')).sort()).toEqual(
      view.calendar.ideas.map((p) => `post-card-${p.id}`).sort(),
    );
  });
});
