import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { CHECKS_BESIDE, CalendarStep } from './CalendarStep';
import { CAL_ROWS, calendarFinding, installCalendarBackend, post } from './testBackend';
import { stubGridBoxes } from './testRender';

stubGridBoxes();

let nextStrategy = 900;

/** The whole step, on the week of `anchor` (as the step remembers it), its help closed unless asked. */
async function renderStep(anchor: string, { help = false, lang = 'en', mode = 'week', checks = false } = {}) {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  localStorage.setItem(`cinq.calendar.${strategyId}`, JSON.stringify({ mode, anchor }));
  if (!help) localStorage.setItem('cinq.calendar.help', 'closed');
  // The checks shown, as the user left them; else as they are the first time.
  if (checks) localStorage.setItem('cinq.calendar.checks', 'shown');
  const user = userEvent.setup();
  render(
    <AppProviders client={createQueryClient()}>
      <CalendarStep strategyId={strategyId} />
    </AppProviders>,
  );
  await screen.findByTestId('calendar-grid');
  return user;
}

describe('the calendar toolbar', () => {
  it('puts a new post on today in the week that holds it, else on the first day of the week shown', async () => {
    installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep('2027-01-12');
    const newPost = async () => {
      await user.click(screen.getByTestId('calendar-new'));
      await user.click(await screen.findByTestId('calendar-new-post'));
      return screen.findByTestId('post-editor');
    };

    await newPost();
    expect(await screen.findByTestId('post-editor-day')).toHaveTextContent('January 12, 2027');
    expect(screen.getByTestId('post-editor-network')).toHaveValue(CAL_ROWS[0].name);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('post-editor')).not.toBeInTheDocument());

    // The next week: the action follows the period shown.
    await user.click(screen.getByTestId('calendar-next'));
    await waitFor(() => expect(screen.getByTestId('calendar-period')).toHaveTextContent('18'));
    await newPost();
    expect(await screen.findByTestId('post-editor-day')).toHaveTextContent('January 18, 2027');
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z what the undo button names', async () => {
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Launch teaser' });
    const fake = installCalendarBackend({ today: '2027-01-12', posts: [p] });
    const user = await renderStep('2027-01-12');
    const cell = (day: string) => screen.getByTestId(`cell-instagram-${day}`);
    // Nothing to undo yet: the keys do nothing.
    await user.keyboard('{Control>}z{/Control}');
    expect(fake.callsTo('calendar_apply')).toHaveLength(0);

    act(() => screen.getByTestId('post-card-1').focus());
    await user.keyboard('[Space][ArrowRight][Space]');
    await waitFor(() => expect(within(cell('2027-01-13')).getByText('Launch teaser')).toBeInTheDocument());
    await waitFor(() => expect(screen.getByTestId('calendar-undo')).toBeEnabled());

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(fake.callsTo('calendar_apply')).toHaveLength(1));
    await waitFor(() => expect(within(cell('2027-01-12')).getByText('Launch teaser')).toBeInTheDocument());
    expect(await screen.findByText(/Undone: .*Launch teaser/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('calendar-redo')).toBeEnabled());

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(fake.callsTo('calendar_apply')).toHaveLength(2));
    await waitFor(() => expect(within(cell('2027-01-13')).getByText('Launch teaser')).toBeInTheDocument());
    await waitFor(() => expect(screen.getByTestId('calendar-redo')).toBeDisabled());
  });

  it('puts a new editorial item on the first day of the period shown', async () => {
    installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep('2027-01-12');
    await user.click(screen.getByTestId('calendar-next'));
    await waitFor(() => expect(screen.getByTestId('calendar-period')).toHaveTextContent('18'));
    await user.click(screen.getByTestId('calendar-new'));
    await user.click(await screen.findByTestId('calendar-new-editorial'));
    expect(await screen.findByTestId('editorial-editor-date')).toHaveTextContent('January 18, 2027');
  });

  it('counts on the checks button the findings of the scope shown, and says which; the whole plan from its own command', async () => {
    const findings = (n: number) =>
      Array.from({ length: n }, (_, i) => calendarFinding({ kind: 'post_collision', posts: [i] }));
    const p = post(1, { scheduled_at: '2027-01-12T09:30', title: 'Launch teaser' });
    const fake = installCalendarBackend({ today: '2027-01-12', posts: [p], findings: findings(3), planFindings: findings(12) });
    const user = await renderStep('2027-01-12', { checks: true });
    const badge = screen.getByTestId('calendar-checks-badge');
    expect(badge).toHaveTextContent(/^3 · This week$/);
    expect(screen.getByTestId('calendar-checks-toggle')).toHaveAttribute('title', '3 findings: This week');
    expect(within(screen.getByTestId('checks-panel')).getAllByTestId('calendar-finding')).toHaveLength(3);
    // The whole plan is asked for only once shown.
    expect(fake.callsTo('calendar_plan_checks')).toHaveLength(0);

    await user.click(within(screen.getByTestId('checks-scope')).getByText('Whole plan'));
    await waitFor(() => expect(badge).toHaveTextContent(/^12 · Whole plan$/));
    expect(within(screen.getByTestId('checks-panel')).getAllByTestId('calendar-finding')).toHaveLength(12);
    expect(screen.getByTestId('checks-period')).toHaveTextContent('All the posts, from 2027-01-12 to 2027-01-12, and the ideas.');
    expect(fake.callsTo('calendar_plan_checks')).toHaveLength(1);

    // A change checks the whole plan again.
    fake.planFindings = findings(11);
    act(() => screen.getByTestId('post-card-1').focus());
    await user.keyboard('[Space][ArrowRight][Space]');
    await waitFor(() => expect(fake.callsTo('post_move')).toHaveLength(1));
    await waitFor(() => expect(badge).toHaveTextContent(/^11 · Whole plan$/));
    expect(fake.callsTo('calendar_plan_checks')).toHaveLength(2);
    expect(screen.getByTestId('checks-period')).toHaveTextContent('from 2027-01-13 to 2027-01-13');

    // Back to the week: its own count.
    await user.click(within(screen.getByTestId('checks-scope')).getByText('This week'));
    await waitFor(() => expect(badge).toHaveTextContent(/^3 · This week$/));
  });

  it('puts the checks below the calendar in a narrow window, shown or hidden by the button, as the user left them', async () => {
    installCalendarBackend({ today: '2027-01-12' });
    // The first time, in a narrow window (jsdom's: no media query matches), the calendar keeps the room.
    const user = await renderStep('2027-01-12', { help: true });
    // The help says where the blog's articles go.
    expect(screen.getByTestId('calendar-help-channels')).toHaveTextContent(/^A blog or a newsletter has no row of its own: its articles and issues go in the editorial row/);
    expect(screen.queryByTestId('calendar-checks')).not.toBeInTheDocument();
    expect(screen.getByTestId('calendar-help-checks')).toHaveTextContent(
      'The Checks button shows or hides the checks, below the calendar (on its right in a wider window)',
    );
    const toggle = screen.getByTestId('calendar-checks-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByTestId('calendar-checks')).toHaveAttribute('data-place', 'below');
    expect(within(screen.getByTestId('calendar-checks')).getByTestId('checks-panel')).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAttribute('aria-controls', 'calendar-checks');
    // Remembered.
    expect(localStorage.getItem('cinq.calendar.checks')).toBe('shown');
    await user.click(toggle);
    expect(screen.queryByTestId('calendar-checks')).not.toBeInTheDocument();
    expect(localStorage.getItem('cinq.calendar.checks')).toBe('hidden');
  });

  it('puts the checks beside the calendar in a wide window, and says so in French', async () => {
    const narrow = window.matchMedia;
    // A window of 1440 pixels.
    window.matchMedia = ((query: string) => ({
      ...narrow(query),
      matches: query === CHECKS_BESIDE || query === '(min-width: 1440px)',
    })) as typeof window.matchMedia;
    try {
      installCalendarBackend({ today: '2027-01-12' });
      // The first time, in a wide window, the checks are shown.
      await renderStep('2027-01-12', { help: true, lang: 'fr' });
      expect(screen.getByTestId('calendar-help-channels')).toHaveTextContent(/^Un blog ou une newsletter n’a pas de ligne propre : ses articles et ses envois vont dans la ligne éditoriale/);
      const checks = screen.getByTestId('calendar-checks');
      expect(checks).toHaveAttribute('data-place', 'beside');
      // In the row of the grid, after it: it narrows the grid rather than covering it.
      expect(checks.previousElementSibling).toContainElement(screen.getByTestId('calendar-grid'));
      expect(screen.getByTestId('calendar-help-checks')).toHaveTextContent(
        'Le bouton Vérifications affiche ou masque les vérifications, à droite du calendrier : sur la période affichée ou sur tout le plan',
      );
      expect(screen.getByTestId('calendar-checks-badge')).toHaveTextContent('0 · Cette semaine');
      expect(within(screen.getByTestId('checks-scope')).getByText('Tout le plan')).toBeInTheDocument();
    } finally {
      window.matchMedia = narrow;
    }
  });

  it('shows the month without a sideways scroll, and opens a day’s week from it', async () => {
    installCalendarBackend({ today: '2027-01-12', posts: [post(1, { scheduled_at: '2027-01-20T09:30', title: 'Mid-month' })] });
    const user = await renderStep('2027-01-12', { mode: 'month' });
    expect(screen.getByTestId('calendar-period')).toHaveTextContent('January 2027');
    // The month is not in the week's scroll area, and has no minimum width.
    expect(screen.queryByTestId('calendar-scroll')).not.toBeInTheDocument();
    expect(screen.getByTestId('calendar-grid').style.minWidth).toBe('');
    expect(within(screen.getByTestId('day-2027-01-20')).getByTestId('post-card-1')).toHaveTextContent('Mid-month');
    expect(screen.getByTestId('calendar-checks-badge')).toHaveTextContent('0 · This month');
    await user.click(screen.getByRole('button', { name: 'Open the week of Wednesday, January 20' }));
    await waitFor(() => expect(screen.getByTestId('calendar-period')).toHaveTextContent('18'));
    expect(within(screen.getByTestId('cell-instagram-2027-01-20')).getByTestId('post-card-1')).toBeInTheDocument();
  });
});
