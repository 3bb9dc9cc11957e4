import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { CalendarStep } from './CalendarStep';
import { CAL_ROWS, calendarFinding, installCalendarBackend, post } from './testBackend';
import { stubGridBoxes } from './testRender';

stubGridBoxes();

let nextStrategy = 900;

/** The whole step, on the week of `anchor` (as the step remembers it), its help closed. */
async function renderStep(anchor: string) {
  await i18n.changeLanguage('en');
  const strategyId = nextStrategy++;
  localStorage.setItem(`cinq.calendar.${strategyId}`, JSON.stringify({ mode: 'week', anchor }));
  localStorage.setItem('cinq.calendar.help', 'closed');
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

  it('shows the number of findings whole on the checks button, in a circle up to 9', async () => {
    const findings = (n: number) =>
      Array.from({ length: n }, (_, i) => calendarFinding({ kind: 'post_collision', posts: [i] }));
    installCalendarBackend({ today: '2027-01-12', findings: findings(12) });
    await renderStep('2027-01-12');
    const many = within(screen.getByTestId('calendar-checks-toggle')).getByText('12');
    expect(many.closest('.mantine-Badge-root')).not.toHaveAttribute('data-circle');

    installCalendarBackend({ today: '2027-01-12', findings: findings(3) });
    await renderStep('2027-01-12');
    const few = within(screen.getAllByTestId('calendar-checks-toggle').at(-1)!).getByText('3');
    expect(few.closest('.mantine-Badge-root')).toHaveAttribute('data-circle');
  });
});
