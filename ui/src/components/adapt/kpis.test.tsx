// Step 5's objectives: a card per KPI with the status Rust computed, its figures, where its value comes from, its
// chart, and the readings typed by hand.
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { chartPoints } from './Kpis';
import { evaluation, installAdaptBackend, kpiTrack } from './testBackend';
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

const ON_TRACK = kpiTrack({
  objective_id: 50,
  title: 'Reach young parents on Instagram',
  metric: 'reach',
  unit: 'people',
  baseline: 800,
  target: 1500,
  start: '2027-01-04',
  deadline: '2027-06-30',
  source: 'posts',
  period_days: 30,
  current: 1200,
  history: [
    { date: '2027-01-10', value: 1100 },
    { date: '2027-01-12', value: 1200 },
  ],
  expected: 830,
  projected: 20000,
  status: 'on_track',
  explanation: {
    en: 'On track: 1,200 people now, 830 expected on the way to 1,500 by 2027-06-30.',
    fr: 'En bonne voie : 1 200 people aujourd’hui, 830 attendu sur la route de 1 500 au 2027-06-30.',
  },
});
const OFF_TRACK = kpiTrack({
  objective_id: 51,
  title: 'Qualified visits from social media',
  metric: 'qualified_visits',
  unit: 'visits / month',
  baseline: 200,
  target: 900,
  deadline: '2027-03-31',
  source: 'readings',
  period_days: null,
  current: 210,
  history: [{ date: '2027-01-11', value: 210 }],
  readings: [{ id: 7, objective_id: 51, taken_on: '2027-01-11', value: 210, note: 'Web analytics' }],
  status: 'off_track',
});
const AT_RISK = kpiTrack({ objective_id: 52, title: 'More clicks', status: 'at_risk', current: 40, unit: '' });
const NO_DATA = kpiTrack({
  objective_id: 53,
  title: 'Sign-ups from LinkedIn',
  metric: 'custom',
  unit: 'sign-ups',
  source: 'none',
  period_days: null,
  status: 'no_data',
});

async function openKpis(lang: 'en' | 'fr' = 'en') {
  const r = await renderAdapt({ lang });
  await r.user.click(screen.getByTestId('adapt-tab-kpis'));
  await screen.findByTestId('kpis');
  return r;
}

describe('KPI cards', () => {
  it('shows each objective with its status, figures, source and chart', async () => {
    const fake = installAdaptBackend({ evaluation: evaluation({ objectives: [ON_TRACK, OFF_TRACK, AT_RISK, NO_DATA] }) });
    const { strategyId } = await openKpis();
    expect(fake.callsTo('evaluation_get')[0].args).toEqual({ strategyId, from: null, to: null });

    const onTrack = screen.getByTestId('kpi-card-50');
    expect(onTrack).toHaveAttribute('data-status', 'on_track');
    expect(within(onTrack).getByTestId('kpi-status-50')).toHaveTextContent('On track');
    expect(onTrack).toHaveTextContent('Reach young parents on Instagram');
    expect(onTrack).toHaveTextContent('On track: 1,200 people now, 830 expected on the way to 1,500 by 2027-06-30.');
    expect(screen.getByTestId('kpi-current-50')).toHaveTextContent('1,200 people');
    expect(screen.getByTestId('kpi-target-50')).toHaveTextContent('1,500 people');
    expect(onTrack).toHaveTextContent('DeadlineJune 30, 2027');
    expect(onTrack).toHaveTextContent('Baseline800 people');
    expect(onTrack).toHaveTextContent('Expected today830 people');
    expect(screen.getByTestId('kpi-source-50')).toHaveTextContent('Computed from your posts’ results over the last 30 days.');
    expect(within(onTrack).getByRole('img', { name: 'History of “Reach young parents on Instagram”' })).toBeInTheDocument();

    const offTrack = screen.getByTestId('kpi-card-51');
    expect(offTrack).toHaveAttribute('data-status', 'off_track');
    expect(within(offTrack).getByTestId('kpi-status-51')).toHaveTextContent('Off track');
    expect(screen.getByTestId('kpi-current-51')).toHaveTextContent('210 visits / month');
    expect(screen.getByTestId('kpi-source-51')).toHaveTextContent('From the readings you typed');
    expect(within(screen.getByTestId('kpi-reading-7')).getByText('Web analytics')).toBeInTheDocument();

    expect(screen.getByTestId('kpi-card-52')).toHaveAttribute('data-status', 'at_risk');
    expect(screen.getByTestId('kpi-status-52')).toHaveTextContent('At risk');
    expect(screen.getByTestId('kpi-current-52')).toHaveTextContent(/^40$/);

    const noData = screen.getByTestId('kpi-card-53');
    expect(noData).toHaveAttribute('data-status', 'no_data');
    expect(screen.getByTestId('kpi-status-53')).toHaveTextContent('No data');
    expect(screen.getByTestId('kpi-current-53')).toHaveTextContent('—');
    expect(noData).toHaveTextContent('Deadlinenone');
    expect(screen.getByTestId('kpi-source-53')).toHaveTextContent('This KPI cannot be computed from posts: type its readings.');
    expect(screen.getByTestId('kpi-chart-empty-53')).toHaveTextContent('No values yet to draw.');
  });

  it('saves a reading: the value, its day and its note are sent, and the card shows the new value', async () => {
    const fake = installAdaptBackend({ evaluation: evaluation({ today: '2027-01-12', objectives: [NO_DATA] }) });
    const { user, strategyId } = await openKpis();
    const card = screen.getByTestId('kpi-card-53');
    expect(await within(card).findByTestId('kpi-reading-date-53')).toHaveTextContent('January 12, 2027');

    // No value: nothing is sent.
    await user.click(within(card).getByTestId('kpi-reading-save-53'));
    expect(await within(card).findByText('Enter a value.')).toBeInTheDocument();
    expect(fake.callsTo('kpi_reading_save')).toHaveLength(0);

    await user.type(within(card).getByTestId('kpi-reading-value-53'), '42.5');
    await user.type(within(card).getByTestId('kpi-reading-note-53'), '  From the CRM ');
    await user.click(within(card).getByTestId('kpi-reading-save-53'));
    await waitFor(() => expect(fake.callsTo('kpi_reading_save')).toHaveLength(1));
    expect(fake.callsTo('kpi_reading_save')[0].args).toEqual({
      strategyId,
      objectiveId: 53,
      takenOn: '2027-01-12',
      value: 42.5,
      note: 'From the CRM',
    });
    const row = await within(card).findByTestId(/^kpi-reading-\d+$/);
    expect(row).toHaveTextContent('January 12, 2027');
    expect(row).toHaveTextContent('42.5 sign-ups');
    expect(row).toHaveTextContent('From the CRM');
    // The evaluation is fetched again: the value now comes from the reading.
    await waitFor(() => expect(screen.getByTestId('kpi-current-53')).toHaveTextContent('42.5 sign-ups'));
    expect(screen.getByTestId('kpi-source-53')).toHaveAttribute('data-source', 'readings');
    expect(within(card).getByTestId('kpi-reading-value-53')).toHaveValue('');

    const readingId = fake.evaluation.objectives[0].readings[0].id;
    await user.click(within(card).getByRole('button', { name: 'Delete the reading of January 12, 2027' }));
    await waitFor(() => expect(fake.callsTo('kpi_reading_delete')).toHaveLength(1));
    expect(fake.callsTo('kpi_reading_delete')[0].args).toEqual({ strategyId, readingId });
    await waitFor(() => expect(within(card).queryByTestId(`kpi-reading-${readingId}`)).not.toBeInTheDocument());
    expect(card).toHaveTextContent('No readings yet.');
  });

  it('shows the field error the backend sends back', async () => {
    const fake = installAdaptBackend({ evaluation: evaluation({ objectives: [NO_DATA] }) });
    fake.overrides.kpi_reading_save = () => {
      throw { code: 'validation', message: 'invalid', fields: [{ field: 'taken_on', code: 'invalid_date' }] };
    };
    const { user } = await openKpis();
    const card = screen.getByTestId('kpi-card-53');
    await user.type(within(card).getByTestId('kpi-reading-value-53'), '3');
    await user.click(within(card).getByTestId('kpi-reading-save-53'));
    expect(await within(card).findByText('Pick a valid day.')).toBeInTheDocument();
  });

  it('points to step 3 when there are no objectives', async () => {
    installAdaptBackend({ evaluation: evaluation({ objectives: [] }) });
    const { user, onGoToStep } = await openKpis();
    expect(screen.getByTestId('kpis-empty')).toHaveTextContent('No social objective yet.');
    await user.click(screen.getByTestId('kpis-go-objectives'));
    expect(onGoToStep).toHaveBeenCalledWith('objectives');
  });

  it('shows the cards in French', async () => {
    installAdaptBackend({ evaluation: evaluation({ objectives: [ON_TRACK, OFF_TRACK, AT_RISK, NO_DATA] }) });
    await openKpis('fr');
    expect(screen.getByTestId('kpi-status-50')).toHaveTextContent('En bonne voie');
    expect(screen.getByTestId('kpi-status-51')).toHaveTextContent('En retard');
    expect(screen.getByTestId('kpi-status-52')).toHaveTextContent('À surveiller');
    expect(screen.getByTestId('kpi-status-53')).toHaveTextContent('Pas de données');
    expect(screen.getByTestId('kpi-card-50')).toHaveTextContent('En bonne voie : 1 200 people aujourd’hui');
    expect(screen.getByTestId('kpi-current-50')).toHaveTextContent(/^1\s200 people$/);
    expect(screen.getByTestId('kpi-card-50')).toHaveTextContent('Échéance30 juin 2027');
    expect(screen.getByTestId('kpi-source-50')).toHaveTextContent('des 30 derniers jours');
    expect(screen.getByTestId('kpi-reading-save-53')).toHaveTextContent('Enregistrer le relevé');
  });
});

describe('the chart of a KPI', () => {
  it('draws the history with the straight path Rust gives: its value on each day and its two ends', () => {
    const track = kpiTrack({
      objective_id: 1,
      title: 'x',
      baseline: 100,
      target: 200,
      start: '2027-01-01',
      deadline: '2027-01-11',
      history: [
        { date: '2027-01-06', value: 140, expected: 150 },
        { date: '2027-01-20', value: 210, expected: 200 },
      ],
      path: [
        { date: '2027-01-01', value: 100, expected: 100 },
        { date: '2027-01-11', value: 200, expected: 200 },
      ],
    });
    const day = (d: string) => Date.UTC(2027, 0, Number(d));
    expect(chartPoints(track)).toEqual([
      { time: day('1'), expected: 100 },
      { time: day('6'), value: 140, expected: 150 },
      { time: day('11'), expected: 200 },
      { time: day('20'), value: 210, expected: 200 },
    ]);
  });

  it('draws the history alone without a target or a deadline', () => {
    const track = kpiTrack({ objective_id: 1, title: 'x', baseline: 100, history: [{ date: '2027-01-06', value: 140 }] });
    expect(chartPoints(track)).toEqual([{ time: Date.UTC(2027, 0, 6), value: 140 }]);
  });
});
