import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, KpiTrack } from '../../bindings';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { pickDateTime } from '../../test/dates';
import { objectivesKey } from '../objectives/state';
import { AdaptationsPanel, type AdaptationPrefill } from './Adaptations';
import { abTest, adaptation, emptyEvaluation, installStep5Fake, text } from './abFake';
import { en, fr } from './logTexts';

type User = ReturnType<typeof userEvent.setup>;

let nextStrategy = 950;

async function renderPanel(lang: 'en' | 'fr' = 'en', prefill?: AdaptationPrefill) {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const utils = render(
    <AppProviders client={client}>
      <AdaptationsPanel strategyId={strategyId} prefill={prefill} />
    </AppProviders>,
  );
  await screen.findByTestId('adaptations');
  // The strategy's today comes with step 3's view.
  await waitFor(() => expect(client.getQueryData(objectivesKey(strategyId))).toBeDefined());
  return { user, client, strategyId, ...utils };
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

async function fill(user: User, input: HTMLElement, value: string) {
  await user.click(input);
  await user.paste(value);
}

async function pick(user: User, input: HTMLElement, option: string | RegExp) {
  await user.click(input);
  const listbox = await waitFor(() => {
    const el = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!el) throw new Error('the dropdown is not open');
    return el;
  });
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const FREQUENCY_CHANGE = {
  what: text('Posts per week on instagram', 'Publications par semaine sur instagram'),
  before: '3',
  after: '2.5',
  post_id: null,
};

function kpi(partial: Partial<KpiTrack>): KpiTrack {
  return {
    objective_id: 4,
    title: 'Qualified visits',
    metric: 'qualified_visits',
    unit: 'visits / month',
    direction: 'increase',
    baseline: 100,
    target: 300,
    start: '2027-01-04',
    deadline: '2027-06-30',
    source: 'readings',
    period_days: null,
    current: 110,
    history: [],
    path: [],
    expected: 160,
    progress: 0.05,
    projected: 150,
    status: 'off_track',
    explanation: text('110 visits, 160 expected by now.', '110 visites, 160 attendues à ce jour.'),
    readings: [],
    ...partial,
  };
}

describe('texts', () => {
  it('has the same keys in English and French', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });
});

describe('the log', () => {
  it('lists the adaptations with their evidence, review dates and changes', async () => {
    installStep5Fake({
      adaptations: [
        adaptation(1, {
          date: '2027-02-01',
          observation: 'Reach fell on Instagram.',
          decision: 'Post less on Instagram',
          evidence: { kind: 'kpi', ref_id: 4, label: 'Qualified visits: off track' },
          expected_effect: 'Better engagement.',
          review_on: '2027-02-10',
          action: { type: 'set_frequency', network: 'instagram', posts_per_week: 2.5 },
          changes: [FREQUENCY_CHANGE],
          due: true,
        }),
        adaptation(2, { date: '2027-02-12', decision: 'Try videos', review_on: '2027-03-12' }),
        adaptation(3, { date: '2027-01-20', decision: 'Reviewed one', review_on: '2027-02-01', reviewed: true }),
      ],
    });
    await renderPanel();

    const first = await screen.findByTestId('adaptation-1');
    expect(first).toHaveTextContent('Post less on Instagram');
    expect(first).toHaveTextContent('Reach fell on Instagram.');
    expect(first).toHaveTextContent('A KPI · Qualified visits: off track');
    expect(first).toHaveTextContent('Better engagement.');
    expect(first).toHaveTextContent('Review on February 10, 2027');
    expect(screen.getByTestId('adaptation-due-1')).toHaveTextContent('Review due');
    expect(screen.getByTestId('adaptation-change-1-0')).toHaveTextContent('Posts per week on instagram: 3 → 2.5');
    // Not due yet, and already reviewed: no badge.
    expect(screen.queryByTestId('adaptation-due-2')).not.toBeInTheDocument();
    expect(screen.queryByTestId('adaptation-due-3')).not.toBeInTheDocument();
    expect(screen.getByTestId('adaptation-reviewed-3')).toHaveTextContent('Reviewed');
  });

  it('shows the changes in French', async () => {
    installStep5Fake({ adaptations: [adaptation(1, { review_on: '2027-02-10', changes: [FREQUENCY_CHANGE], due: true })] });
    await renderPanel('fr');
    expect(await screen.findByTestId('adaptation-change-1-0')).toHaveTextContent(
      /Publications par semaine sur instagram\s?: 3 → 2,5/,
    );
    expect(screen.getByTestId('adaptation-due-1')).toHaveTextContent('Bilan à faire');
  });

  it('marks a due adaptation reviewed', async () => {
    const fake = installStep5Fake({
      adaptations: [adaptation(1, { decision: 'Post less', observation: 'Seen', review_on: '2027-02-10', due: true })],
    });
    const { user } = await renderPanel();

    await user.click(await screen.findByTestId('adaptation-review-1'));
    await waitFor(() => expect(screen.queryByTestId('adaptation-due-1')).not.toBeInTheDocument());
    expect(fake.callsTo('adaptation_save')[0]).toEqual({
      strategyId: expect.any(Number),
      adaptationId: 1,
      input: {
        date: '2027-02-01',
        observation: 'Seen',
        decision: 'Post less',
        evidence: { kind: 'none', ref_id: null, label: '' },
        expected_effect: '',
        review_on: '2027-02-10',
        reviewed: true,
      },
    });
    expect(screen.getByTestId('adaptation-reviewed-1')).toBeInTheDocument();
  });

  it('asks before deleting an adaptation', async () => {
    const fake = installStep5Fake({ adaptations: [adaptation(1)] });
    const { user } = await renderPanel();
    await user.click(await screen.findByTestId('adaptation-delete-1'));
    await user.click(await screen.findByTestId('adaptation-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('adaptation-1')).not.toBeInTheDocument());
    expect(fake.callsTo('adaptation_delete')[0]).toMatchObject({ adaptationId: 1 });
  });
});

describe('recording an adaptation', () => {
  it('records one by hand, with a KPI as evidence, today and a review in four weeks', async () => {
    const fake = installStep5Fake({ evaluation: emptyEvaluation({ objectives: [kpi({})] }) });
    const { user } = await renderPanel();

    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await pick(user, within(form).getByTestId('adapt-evidence-kind'), 'A KPI');
    await pick(user, within(form).getByTestId('adapt-evidence-choice'), 'Qualified visits: off track');
    // The KPI's explanation starts the observation.
    expect(within(form).getByTestId('adapt-observation')).toHaveValue('110 visits, 160 expected by now.');
    await fill(user, within(form).getByTestId('adapt-decision'), 'Relay every article on LinkedIn');
    expect(within(form).getByTestId('adapt-save')).toHaveTextContent('Record');
    await user.click(within(form).getByTestId('adapt-save'));

    await waitFor(() => expect(fake.callsTo('adaptation_save')).toHaveLength(1));
    expect(fake.callsTo('adaptation_apply')).toHaveLength(0);
    expect(fake.callsTo('adaptation_save')[0]).toMatchObject({
      adaptationId: null,
      input: {
        date: '2027-02-15',
        observation: '110 visits, 160 expected by now.',
        decision: 'Relay every article on LinkedIn',
        evidence: { kind: 'kpi', ref_id: 4, label: 'Qualified visits: off track' },
        expected_effect: '',
        review_on: '2027-03-15',
        reviewed: false,
      },
    });
    await waitFor(() => expect(screen.queryByTestId('adapt-form')).not.toBeInTheDocument());
    expect(await screen.findByText('Relay every article on LinkedIn')).toBeInTheDocument();
  });

  it('shows the field errors under their fields and keeps what was typed', async () => {
    const fake = installStep5Fake();
    fake.overrides.adaptation_save = () => {
      throw {
        code: 'validation',
        message: 'invalid input',
        fields: [
          { field: 'decision', code: 'required' },
          { field: 'date', code: 'invalid_date' },
        ],
      } satisfies ApiError;
    };
    const { user } = await renderPanel();
    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await fill(user, within(form).getByTestId('adapt-expected'), 'More clicks');
    await user.click(within(form).getByTestId('adapt-save'));

    expect(await screen.findByTestId('adapt-decision-error')).toHaveTextContent(
      'Write the decision, or at least the observation.',
    );
    expect(await screen.findByTestId('adapt-date-error')).toHaveTextContent('Not a valid date.');
    expect(screen.getByTestId('adapt-expected')).toHaveValue('More clicks');
    expect(screen.getByTestId('adapt-form')).toBeInTheDocument();
  });

  it('applies a new frequency: the tagged action, then the plan is refreshed', async () => {
    const fake = installStep5Fake({ applyChanges: [FREQUENCY_CHANGE] });
    const { user } = await renderPanel();
    const objectivesCalls = () => fake.cal.obj.calls.filter((c) => c.cmd === 'objectives_get').length;

    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await fill(user, within(form).getByTestId('adapt-decision'), 'Post less on Instagram');
    await pick(user, within(form).getByTestId('adapt-action-type'), 'Change a network’s posts per week');
    await pick(user, within(form).getByTestId('adapt-action-network'), 'Instagram');
    expect(form).toHaveTextContent('Now: 3');
    const perWeek = within(form).getByTestId('adapt-action-posts-per-week');
    expect(perWeek).toHaveValue('3');
    await user.clear(perWeek);
    await user.type(perWeek, '2.5');
    expect(within(form).getByTestId('adapt-save')).toHaveTextContent('Apply and record');
    const before = objectivesCalls();
    await user.click(within(form).getByTestId('adapt-save'));

    await waitFor(() => expect(fake.callsTo('adaptation_apply')).toHaveLength(1));
    expect(fake.callsTo('adaptation_save')).toHaveLength(0);
    const call = fake.callsTo('adaptation_apply')[0];
    expect(call.action).toEqual({ type: 'set_frequency', network: 'instagram', posts_per_week: 2.5 });
    expect(call.input).toMatchObject({ decision: 'Post less on Instagram', date: '2027-02-15', review_on: '2027-03-15' });

    await waitFor(() => expect(screen.queryByTestId('adapt-form')).not.toBeInTheDocument());
    const entry = await screen.findByTestId('adaptation-500');
    expect(within(entry).getByTestId('adaptation-change-500-0')).toHaveTextContent('3 → 2.5');
    // Step 3's view, which shows the frequency, is fetched again.
    await waitFor(() => expect(objectivesCalls()).toBeGreaterThan(before));
  });

  it('says so when the action would change nothing, and keeps the form as it was', async () => {
    installStep5Fake({ applyChanges: [] });
    const { user } = await renderPanel();
    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await fill(user, within(form).getByTestId('adapt-decision'), 'Same again');
    await pick(user, within(form).getByTestId('adapt-action-type'), 'Change a network’s posts per week');
    await pick(user, within(form).getByTestId('adapt-action-network'), 'Instagram');
    await user.click(within(form).getByTestId('adapt-save'));

    const alert = await screen.findByTestId('adapt-conflict');
    expect(alert).toHaveTextContent('The plan was not changed.');
    expect(alert).toHaveTextContent('this action would change nothing in the plan, so it was not applied');
    expect(screen.getByTestId('adapt-decision')).toHaveValue('Same again');
    expect(screen.getByTestId('adapt-action-posts-per-week')).toHaveValue('3');
  });

  it('moves a post: the post by id and its new slot', async () => {
    const fake = installStep5Fake({
      applyChanges: [{ what: text('Slot of “Hiring baristas”', 'Créneau de « Hiring baristas »'), before: '2027-02-20T08:00', after: '2027-02-22T12:15', post_id: 13 }],
    });
    const { user } = await renderPanel();
    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await fill(user, within(form).getByTestId('adapt-decision'), 'Move it to Monday noon');
    await pick(user, within(form).getByTestId('adapt-action-type'), 'Move a post');
    await pick(user, within(form).getByTestId('adapt-action-post'), /Hiring baristas/);
    const when = await within(form).findByTestId('adapt-action-when');
    expect(when).toHaveTextContent('February 20, 2027, 08:00');
    await pickDateTime(user, when, '2027-02-22T12:15');
    expect(when).toHaveTextContent('February 22, 2027, 12:15');
    await user.click(within(form).getByTestId('adapt-save'));

    await waitFor(() => expect(fake.callsTo('adaptation_apply')).toHaveLength(1));
    expect(fake.callsTo('adaptation_apply')[0].action).toEqual({
      type: 'move_post',
      post_id: 13,
      scheduled_at: '2027-02-22T12:15',
    });
    expect(await screen.findByTestId('adaptation-change-500-0')).toHaveTextContent(
      'Slot of “Hiring baristas”: Feb 20, 2027, 8:00 AM → Feb 22, 2027, 12:15 PM',
    );
  });

  it('asks for the post before applying a move', async () => {
    const fake = installStep5Fake({ applyChanges: [FREQUENCY_CHANGE] });
    const { user } = await renderPanel();
    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await pick(user, within(form).getByTestId('adapt-action-type'), 'Duplicate a post');
    await user.click(within(form).getByTestId('adapt-save'));
    expect(await screen.findByTestId('adapt-action-post-error')).toHaveTextContent('Choose one.');
    expect(fake.callsTo('adaptation_apply')).toHaveLength(0);
  });

  it('changes the mix of a network: the weights start from the current ones and their sum shows', async () => {
    const fake = installStep5Fake({ applyChanges: [FREQUENCY_CHANGE] });
    fake.overrides.adaptation_apply = () => {
      throw { code: 'validation', message: 'bad', fields: [{ field: 'weights', code: 'sum_not_100' }] } satisfies ApiError;
    };
    const { user } = await renderPanel();
    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await fill(user, within(form).getByTestId('adapt-decision'), 'More interaction on LinkedIn');
    await pick(user, within(form).getByTestId('adapt-action-type'), 'Change the content mix');
    await pick(user, within(form).getByTestId('adapt-action-scope'), 'LinkedIn');
    expect(form).toHaveTextContent('This network follows the strategy’s mix for now.');
    expect(within(form).getByTestId('adapt-action-weight-promotion')).toHaveValue('30');
    expect(within(form).getByTestId('adapt-action-sum')).toHaveTextContent('Total: 100 %');

    const promotion = within(form).getByTestId('adapt-action-weight-promotion');
    await user.clear(promotion);
    await user.type(promotion, '40');
    expect(within(form).getByTestId('adapt-action-sum')).toHaveTextContent('Total: 110 %');
    expect(within(form).getByTestId('adapt-action-sum')).toHaveTextContent('must add up to 100 %');
    await user.click(within(form).getByTestId('adapt-save'));

    await waitFor(() => expect(fake.callsTo('adaptation_apply')).toHaveLength(1));
    expect(fake.callsTo('adaptation_apply')[0].action).toEqual({
      type: 'set_mix',
      network: 'linkedin',
      weights: { promotion: 40, curation: 30, interaction: 40 },
    });
    expect(await screen.findByTestId('adapt-action-weights-error')).toHaveTextContent(
      'The three shares must add up to 100 %.',
    );
    expect(within(form).getByTestId('adapt-action-weight-promotion')).toHaveValue('40');
  });

  it('keeps the winner of a decided test', async () => {
    const fake = installStep5Fake({
      applyChanges: [FREQUENCY_CHANGE],
      tests: [
        abTest(7, { name: 'Spring photo', status: 'decided', winner: 'B', varied: 'photo' }),
        abTest(8, { name: 'Still running', status: 'running' }),
      ],
    });
    const { user } = await renderPanel();
    await user.click(screen.getByTestId('adapt-new'));
    const form = await screen.findByTestId('adapt-form');
    await fill(user, within(form).getByTestId('adapt-decision'), 'Use people in photos');
    await pick(user, within(form).getByTestId('adapt-action-type'), 'Keep an A/B test’s winner');
    await pick(user, within(form).getByTestId('adapt-action-test'), 'Spring photo: B wins');
    expect(form).toHaveTextContent('what the losing variants used (the photo) is replaced by the winner’s');
    await user.click(within(form).getByTestId('adapt-save'));
    await waitFor(() => expect(fake.callsTo('adaptation_apply')).toHaveLength(1));
    expect(fake.callsTo('adaptation_apply')[0].action).toEqual({ type: 'replace_variant', test_id: 7 });
  });

  it('opens prefilled, as the performance tab asks', async () => {
    const fake = installStep5Fake({ applyChanges: [FREQUENCY_CHANGE] });
    const { user } = await renderPanel('en', {
      evidence: { kind: 'underperformer', ref_id: 12, label: 'Spring product shot engages little' },
      observation: 'Half the usual engagement.',
      action: { type: 'duplicate_post', post_id: 12, scheduled_at: '2027-02-24T18:00' },
    });
    const form = await screen.findByTestId('adapt-form');
    expect(within(form).getByTestId('adapt-observation')).toHaveValue('Half the usual engagement.');
    expect(within(form).getByTestId('adapt-evidence-label')).toHaveValue('Spring product shot engages little');
    expect(within(form).getByTestId('adapt-action-type')).toHaveValue('Duplicate a post');
    expect(await within(form).findByTestId('adapt-action-when')).toHaveTextContent('February 24, 2027, 18:00');
    await fill(user, within(form).getByTestId('adapt-decision'), 'Post it again in the evening');
    await user.click(within(form).getByTestId('adapt-save'));
    await waitFor(() => expect(fake.callsTo('adaptation_apply')).toHaveLength(1));
    expect(fake.callsTo('adaptation_apply')[0]).toMatchObject({
      input: {
        observation: 'Half the usual engagement.',
        evidence: { kind: 'underperformer', ref_id: 12, label: 'Spring product shot engages little' },
      },
      action: { type: 'duplicate_post', post_id: 12, scheduled_at: '2027-02-24T18:00' },
    });
  });

  it('opens again when another prefill comes, and not when an equal one does', async () => {
    installStep5Fake();
    const { user, client, strategyId, rerender } = await renderPanel();
    expect(screen.queryByTestId('adapt-form')).not.toBeInTheDocument();
    const show = (prefill: AdaptationPrefill) =>
      rerender(
        <AppProviders client={client}>
          <AdaptationsPanel strategyId={strategyId} prefill={prefill} />
        </AppProviders>,
      );
    show({ observation: 'Reels do better.' });
    const form = await screen.findByTestId('adapt-form');
    expect(within(form).getByTestId('adapt-observation')).toHaveValue('Reels do better.');
    await fill(user, within(form).getByTestId('adapt-decision'), 'More reels');
    // A new object with the same values: what is typed stays.
    show({ observation: 'Reels do better.' });
    expect(screen.getByTestId('adapt-decision')).toHaveValue('More reels');
    show({ observation: 'Stories do worse.' });
    await waitFor(() => expect(screen.getByTestId('adapt-observation')).toHaveValue('Stories do worse.'));
    expect(screen.getByTestId('adapt-decision')).toHaveValue('');
  });
});
