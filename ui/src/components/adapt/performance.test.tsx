// Step 5's performance: the period, the totals, the groups by network, pillar, topic and format, the week-by-week
// chart, the best and weakest posts, and the underperformers with their suggested adjustment.
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Evaluation } from '../../bindings';
import i18n from '../../i18n';
import { pickDate } from '../../test/dates';
import { evaluation, group, installAdaptBackend, postPerformance, totals, underperformer } from './testBackend';
import { quietCharts, renderAdapt } from './testRender';

beforeAll(() => {
  quietCharts();
});
afterAll(() => {
  vi.restoreAllMocks();
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

const week = (w: string, engagement_rate: number, click_through_rate: number | null) => ({
  week: w,
  totals: totals({ posts: 2, impressions: 2000, engagement_rate, click_through_rate }),
});

const FULL: Evaluation = evaluation({
  from: '2027-01-04',
  to: '2027-01-31',
  overall: totals({ posts: 12, impressions: 24000, engagements: 1200, clicks: 240, engagement_rate: 5, click_through_rate: 1 }),
  groups: [
    group({
      by: 'network',
      key: 'instagram',
      label: 'Instagram',
      totals: totals({ posts: 8, impressions: 16000, engagement_rate: 6.25, click_through_rate: 0.5 }),
      median_engagement_rate: 5.5,
      weeks: [week('2027-01-04', 6, 0.4), week('2027-01-11', 6.5, 0.6)],
    }),
    group({
      by: 'network',
      key: 'linkedin',
      label: 'LinkedIn',
      totals: totals({ posts: 4, impressions: 8000, engagement_rate: 2.5, click_through_rate: 2 }),
      median_engagement_rate: 2.25,
      weeks: [week('2027-01-11', 2.5, 2)],
    }),
    group({ by: 'pillar', key: 'promotion', label: 'Promotion', totals: totals({ posts: 9, engagement_rate: 4 }) }),
    group({ by: 'pillar', key: '', label: '', totals: totals({ posts: 3, engagement_rate: 8 }) }),
    group({ by: 'topic', key: '40', label: 'Gardening tips', totals: totals({ posts: 5 }) }),
    group({ by: 'format', key: 'short_video', label: 'short video', totals: totals({ posts: 7, engagement_rate: 7.5 }) }),
    group({ by: 'format', key: '', label: '', totals: totals({ posts: 5, engagement_rate: 1.25 }) }),
  ],
  posts: [
    postPerformance({ post_id: 1, title: 'Spring sale is on', engagement_rate: 9.5, click_through_rate: 1.2 }),
    postPerformance({
      post_id: 2,
      title: 'Our guide to compost',
      network: 'linkedin',
      scheduled_at: '2027-01-14T08:00',
      engagement_rate: 0.8,
      click_through_rate: null,
      unplanned: true,
    }),
  ],
  top: [1],
  bottom: [2],
  underperformers: [
    underperformer({ kind: 'post', post_id: 2, network: 'linkedin', value: 0.8, baseline: 2.25 }),
    underperformer({ kind: 'format', format: 'short_video', value: 1.5, baseline: 4 }),
  ],
});

async function openPerformance(lang: 'en' | 'fr' = 'en') {
  const r = await renderAdapt({ lang });
  await r.user.click(screen.getByTestId('adapt-tab-performance'));
  await screen.findByTestId('perf-totals');
  return r;
}

describe('performance', () => {
  it('shows the totals and the groups, and switches the grouping', async () => {
    const fake = installAdaptBackend({ evaluation: FULL });
    const { user, strategyId } = await openPerformance();
    expect(fake.callsTo('evaluation_get')[0].args).toEqual({ strategyId, from: null, to: null });
    expect(screen.getByTestId('perf-period')).toHaveTextContent('From January 4, 2027 to January 31, 2027');

    expect(screen.getByTestId('perf-total-posts')).toHaveTextContent('12');
    expect(screen.getByTestId('perf-total-impressions')).toHaveTextContent('24,000');
    expect(screen.getByTestId('perf-total-engagement_rate')).toHaveTextContent('5%');
    expect(screen.getByTestId('perf-total-click_through_rate')).toHaveTextContent('1%');

    const table = screen.getByTestId('perf-table');
    expect(screen.getByTestId('perf-group-by')).toHaveAttribute('data-value', 'network');
    const rows = within(table).getAllByTestId(/^perf-row-/);
    expect(rows.map((r) => r.dataset.testid)).toEqual(['perf-row-instagram', 'perf-row-linkedin']);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Instagram', '8', '16,000', '6.3%', '0.5%', '5.5%']);

    await user.click(within(screen.getByTestId('perf-group-by')).getByLabelText('By format'));
    expect(screen.getByTestId('perf-group-by')).toHaveAttribute('data-value', 'format');
    expect(within(table).getAllByTestId(/^perf-row-/).map((r) => r.textContent)).toEqual([
      'Short video707.5%——',
      'None501.3%——',
    ]);

    await user.click(within(screen.getByTestId('perf-group-by')).getByLabelText('By pillar'));
    expect(within(screen.getByTestId('perf-row-promotion')).getAllByRole('cell')[0]).toHaveTextContent('Promotion');
    expect(within(screen.getByTestId('perf-row-none')).getAllByRole('cell')[0]).toHaveTextContent('None');

    await user.click(within(screen.getByTestId('perf-group-by')).getByLabelText('By topic'));
    expect(within(screen.getByTestId('perf-row-40')).getAllByRole('cell')[0]).toHaveTextContent('Gardening tips');
  });

  it('draws the chosen rate week by week, and lists the best and weakest posts', async () => {
    installAdaptBackend({ evaluation: FULL });
    const { user } = await openPerformance();

    const chart = screen.getByTestId('perf-chart');
    expect(chart).toHaveAttribute('data-rate', 'engagement');
    expect(chart).toHaveAccessibleName('Engagement rate per week, by group');
    await user.click(within(screen.getByTestId('perf-rate')).getByLabelText('Click-through rate'));
    expect(screen.getByTestId('perf-chart')).toHaveAttribute('data-rate', 'ctr');
    expect(screen.getByTestId('perf-chart')).toHaveAccessibleName('Click-through rate per week, by group');

    const top = screen.getByTestId('perf-top');
    expect(within(top).getByTestId('perf-post-1')).toHaveTextContent(
      'Spring sale is onInstagram · January 12, 2027Engagement 9.5% · clicks 1.2%',
    );
    const bottom = screen.getByTestId('perf-bottom');
    expect(within(bottom).getByTestId('perf-post-2')).toHaveTextContent(
      'Our guide to compostLinkedIn · January 14, 2027unplannedEngagement 0.8% · clicks —',
    );
  });

  it('shows each underperformer in a card with its suggested adjustment', async () => {
    installAdaptBackend({ evaluation: FULL });
    await openPerformance();

    const post = screen.getByTestId('underperformer-0');
    expect(post).toHaveAttribute('data-kind', 'post');
    expect(post).toHaveTextContent('EN post falls short');
    expect(post).toHaveTextContent('Post');
    expect(post).toHaveTextContent('LinkedIn');
    expect(screen.getByTestId('underperformer-0-figures')).toHaveTextContent('0.8% against 2.3% usually');
    expect(post).toHaveTextContent('EN why post');
    expect(screen.getByTestId('underperformer-0-suggestion')).toHaveTextContent('Adjustment to try: EN try another post');

    const format = screen.getByTestId('underperformer-1');
    expect(format).toHaveAttribute('data-kind', 'format');
    expect(screen.getByTestId('underperformer-1-figures')).toHaveTextContent('1.5% against 4% usually');
    expect(screen.getByTestId('underperformer-1-suggestion')).toHaveTextContent('Adjustment to try: EN try another format');
  });

  it('asks for the period chosen, refuses a start after the end, and goes back to the whole strategy', async () => {
    const fake = installAdaptBackend({ evaluation: FULL });
    const { user, strategyId } = await openPerformance();
    const from = await screen.findByTestId('perf-from');
    const to = await screen.findByTestId('perf-to');

    await pickDate(user, from, '2027-01-11');
    await waitFor(() =>
      expect(fake.callsTo('evaluation_get').at(-1)?.args).toEqual({ strategyId, from: '2027-01-11', to: null }),
    );
    expect(await screen.findByTestId('perf-period')).toHaveTextContent('From January 11, 2027 to January 31, 2027');

    await pickDate(user, to, '2027-01-05');
    expect(await screen.findByText('The start must not come after the end.')).toBeInTheDocument();
    expect(fake.callsTo('evaluation_get').some((c) => c.args.to === '2027-01-05')).toBe(false);
    // What was shown stays on screen.
    expect(screen.getByTestId('perf-totals')).toBeInTheDocument();

    await pickDate(user, to, '2027-01-20');
    await waitFor(() =>
      expect(fake.callsTo('evaluation_get').at(-1)?.args).toEqual({ strategyId, from: '2027-01-11', to: '2027-01-20' }),
    );
    expect(screen.queryByText('The start must not come after the end.')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('perf-all'));
    expect(from).toHaveTextContent('Choose a date');
    expect(to).toHaveTextContent('Choose a date');
    await waitFor(() => expect(screen.getByTestId('perf-period')).toHaveTextContent('From January 4, 2027 to January 31, 2027'));
  });

  it('says when there are no results yet', async () => {
    installAdaptBackend({ evaluation: evaluation() });
    await openPerformance();
    expect(screen.getByTestId('perf-empty')).toHaveTextContent('No results in this period yet.');
    expect(screen.getByTestId('perf-total-engagement_rate')).toHaveTextContent('—');
    expect(screen.queryByTestId('perf-table')).not.toBeInTheDocument();
    expect(screen.getByTestId('underperformers-none')).toBeInTheDocument();
  });

  it('shows the performance in French', async () => {
    installAdaptBackend({ evaluation: FULL });
    const { user } = await openPerformance('fr');
    expect(screen.getByTestId('perf-total-engagement_rate')).toHaveTextContent(/^5\s%$/);
    expect(screen.getByTestId('perf-total-impressions')).toHaveTextContent(/^24\s000$/);
    await user.click(within(screen.getByTestId('perf-group-by')).getByLabelText('Par format'));
    expect(within(screen.getByTestId('perf-row-short_video')).getAllByRole('cell')[0]).toHaveTextContent('Vidéo courte');
    expect(within(screen.getByTestId('perf-row-none')).getAllByRole('cell')[0]).toHaveTextContent('Aucun');
    expect(screen.getByTestId('underperformer-1-figures')).toHaveTextContent(/^1,5\s% contre 4\s% d’habitude$/);
    expect(screen.getByTestId('underperformer-1-suggestion')).toHaveTextContent('Ajustement à essayer : FR essayez un autre format');
    expect(screen.getByTestId('underperformer-1')).toHaveTextContent('FR format déçoit');
  });
});
