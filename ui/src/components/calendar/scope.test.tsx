import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { ChecksPanel } from './ChecksPanel';
import { calendarFinding, installCalendarBackend, post } from './testBackend';
import { renderInCalendar } from './testRender';

beforeAll(() => {
  // jsdom lays nothing out, so the donut's container has no size: recharts says so for every chart; keep quiet.
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('of chart should be greater than 0')) return;
    warn(...args);
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the scope of the checks', () => {
  it('shows the period’s checks, then the whole plan’s, each saying what it covers', async () => {
    const fake = installCalendarBackend({
      posts: [post(1), post(2, { scheduled_at: '2027-03-02T10:00' })],
      findings: [calendarFinding({ kind: 'post_collision', posts: [1] })],
      planFindings: [
        calendarFinding({ kind: 'mix_off_target' }),
        calendarFinding({ kind: 'frequency_too_low', severity: 'info' }),
      ],
    });
    const { user } = await renderInCalendar(<ChecksPanel />);
    const scope = await screen.findByTestId('checks-scope');
    expect(within(scope).getByRole('radio', { name: 'This week' })).toBeChecked();
    expect(screen.getByTestId('checks-period')).toHaveAttribute('data-scope', 'period');
    expect(screen.getAllByTestId('calendar-finding').map((f) => f.getAttribute('data-kind'))).toEqual(['post_collision']);
    // The gauge of every network says so, not "whole plan": it is the period's.
    expect(screen.getByTestId('mix-gauge-strategy')).toHaveTextContent('All networks');

    await user.click(within(scope).getByText('Whole plan'));
    await waitFor(() => expect(screen.getByTestId('checks-period')).toHaveAttribute('data-scope', 'plan'));
    expect(screen.getByTestId('checks-period')).toHaveTextContent('All the posts, from 2027-01-12 to 2027-03-02, and the ideas.');
    expect(screen.getAllByTestId('calendar-finding').map((f) => f.getAttribute('data-kind'))).toEqual([
      'mix_off_target',
      'frequency_too_low',
    ]);
    expect(screen.getByTestId('checks-count-warning')).toHaveTextContent('1 warning');
    expect(screen.getByTestId('checks-count-info')).toHaveTextContent('1 tip');
    expect(fake.callsTo('calendar_plan_checks')).toEqual([{ cmd: 'calendar_plan_checks', args: expect.objectContaining({ strategyId: expect.any(Number) }) }]);
  });

  it('says when the whole plan has nothing to report, in French', async () => {
    installCalendarBackend({ posts: [post(1)], findings: [calendarFinding({ kind: 'post_collision', posts: [1] })] });
    const { user } = await renderInCalendar(<ChecksPanel />, { lang: 'fr' });
    const scope = await screen.findByTestId('checks-scope');
    expect(within(scope).getByText('Cette semaine')).toBeInTheDocument();
    await user.click(within(scope).getByText('Tout le plan'));
    expect(await screen.findByTestId('checks-findings-empty')).toHaveTextContent('Rien à signaler sur tout le plan');
    expect(screen.getByTestId('checks-period')).toHaveTextContent('Toutes les publications, du 2027-01-12 au 2027-01-12, et les idées.');
    expect(screen.getByTestId('mix-gauge-strategy')).toHaveTextContent('Tous les réseaux');
  });

  it('says when the whole plan could not be checked, and tries again', async () => {
    const fake = installCalendarBackend({ posts: [post(1)] });
    fake.overrides.calendar_plan_checks = () => {
      throw { code: 'io', message: 'disk error', fields: [] };
    };
    const { user } = await renderInCalendar(<ChecksPanel scope="plan" />);
    const failed = await screen.findByTestId('checks-plan-failed');
    expect(failed).toHaveTextContent('The whole plan could not be checked.');
    delete fake.overrides.calendar_plan_checks;
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('checks-period')).toHaveAttribute('data-scope', 'plan'));
  });
});
