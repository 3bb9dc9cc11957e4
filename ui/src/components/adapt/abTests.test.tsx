import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AbTest, ApiError, Comparison } from '../../bindings';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { AbTestsPanel } from './AbTests';
import { abTest, installStep5Fake, text } from './abFake';
import { en, fr } from './abTexts';

type User = ReturnType<typeof userEvent.setup>;

let nextStrategy = 900;

async function renderPanel(lang: 'en' | 'fr' = 'en') {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const utils = render(
    <AppProviders client={client}>
      <AbTestsPanel strategyId={strategyId} />
    </AppProviders>,
  );
  await screen.findByTestId('ab-tests');
  return { user, client, strategyId, ...utils };
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** Opens a Mantine select and picks the option with this label (jsdom never ends the dropdown's transition). */
/** Types a text at once (typing it key by key re-renders the form at each key, slowly). */
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

function comparison(partial: Partial<Comparison>): Comparison {
  return {
    control: { name: 'A', successes: 12, trials: 400 },
    variant: { name: 'B', successes: 30, trials: 410 },
    control_rate: 0.03,
    variant_rate: 0.0732,
    difference: 0.0432,
    difference_low: 0.0132,
    difference_high: 0.0732,
    relative_lift: 1.44,
    test: 'z_test',
    z: 2.8,
    chi_square: 7.84,
    p_value: 0.0051,
    adjusted_p_value: 0.0102,
    significant: true,
    more_trials_needed: null,
    ...partial,
  };
}

/** A decided test of three variants: B beats A, C does not differ from A. */
function decidedTest(partial: Partial<Omit<AbTest, 'variants' | 'variant_data'>> = {}): AbTest {
  return abTest(7, {
    name: 'Spring photo',
    hypothesis: 'A person sells better than the product alone.',
    varied: 'photo',
    status: 'decided',
    winner: 'B',
    networks: ['instagram'],
    variants: [
      { label: 'A', post_id: 12, post_title: 'Spring product shot', network: 'instagram', scheduled_at: '2027-02-03T11:30', from_results: true, successes: 12, trials: 400 },
      { label: 'B', post_id: 11, post_title: 'Spring photo with Léa', network: 'instagram', scheduled_at: '2027-02-03T09:30', from_results: true, successes: 30, trials: 410 },
      { label: 'C', post_id: null, post_title: '', network: '', scheduled_at: null, from_results: false, successes: 3, trials: 90 },
    ],
    comparisons: [
      comparison({}),
      comparison({
        variant: { name: 'C', successes: 3, trials: 90 },
        variant_rate: 0.0333,
        difference: 0.0033,
        difference_low: -0.0376,
        difference_high: 0.0442,
        test: 'fisher_exact',
        p_value: 0.74,
        adjusted_p_value: 0.74,
        significant: false,
        more_trials_needed: 25000,
      }),
    ],
    verdicts: [
      text('B beats A with 98 % confidence', 'B bat A avec 98 % de confiance'),
      text('Not enough data yet to tell C from A', 'Pas encore assez de données pour départager C et A'),
    ],
    ...partial,
  });
}

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('texts', () => {
  it('has the same keys in English and French', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });
});

describe('the list of tests', () => {
  it('shows a decided test: status, winner, verdicts, variants and statistics, in English', async () => {
    installStep5Fake({ tests: [decidedTest(), abTest(3, { name: 'Waiting one' })] });
    await renderPanel();

    const card = await screen.findByTestId('ab-card-7');
    // The help says when to publish the variants, as a test started from the calendar places them.
    expect(screen.getByTestId('ab-help')).toHaveTextContent(
      'each in the same slot (same weekday and time) of nearby weeks or, when the time of day is what you test, on the same day at different times',
    );
    expect(card).toHaveAttribute('data-status', 'decided');
    expect(screen.getByTestId('ab-status-7')).toHaveTextContent('Decided');
    expect(screen.getByTestId('ab-winner-7')).toHaveTextContent('Winner: B');
    expect(screen.getByTestId('ab-verdict-7')).toHaveTextContent('B beats A with 98 % confidence');
    expect(card).toHaveTextContent('Not enough data yet to tell C from A');
    expect(card).toHaveTextContent('A person sells better than the product alone.');

    // The variants: the post, its network (by name) and slot, the counts, the rate, where the counts come from.
    const b = screen.getByTestId('ab-variant-7-1');
    expect(b).toHaveTextContent('Spring photo with Léa');
    // The network's name comes with the plan's calendar.
    await waitFor(() => expect(b).toHaveTextContent('Instagram'));
    expect(b).toHaveTextContent('30 / 410');
    expect(b).toHaveTextContent('7.3%');
    expect(b).toHaveTextContent('From results');
    expect(screen.getByTestId('ab-variant-7-2')).toHaveTextContent('Typed');
    expect(screen.getByTestId('ab-variant-7-2')).toHaveTextContent('No post');

    // The statistics: difference in points with its interval, p-values (adjusted, as there are 3 variants), test.
    const first = screen.getByTestId('ab-comparison-7-0');
    expect(first).toHaveTextContent('B vs A');
    expect(first).toHaveTextContent('+4.3 pp');
    expect(first).toHaveTextContent('+1.3 pp to +7.3 pp');
    expect(first).toHaveTextContent('0.005');
    expect(first).toHaveTextContent('0.01');
    expect(first).toHaveTextContent('z-test');
    expect(screen.getByTestId('ab-comparison-7-1')).toHaveTextContent('Fisher’s exact test');
    expect(card).toHaveTextContent('Adjusted p-value (Holm)');

    // The waiting test says what it needs.
    expect(screen.getByTestId('ab-card-3')).toHaveAttribute('data-status', 'waiting_for_data');
    expect(screen.getByTestId('ab-waiting-3')).toHaveTextContent('at least two variants');
    expect(screen.queryByTestId('ab-verdict-3')).not.toBeInTheDocument();
  });

  it('shows the verdicts and figures in French', async () => {
    installStep5Fake({ tests: [decidedTest()] });
    await renderPanel('fr');

    expect(await screen.findByTestId('ab-verdict-7')).toHaveTextContent('B bat A avec 98 % de confiance');
    expect(screen.getByTestId('ab-help')).toHaveTextContent('chacune au même créneau (même jour de la semaine, même heure)');
    expect(screen.getByTestId('ab-status-7')).toHaveTextContent('Tranché');
    expect(screen.getByTestId('ab-winner-7')).toHaveTextContent('Gagnante : B');
    expect(screen.getByTestId('ab-variant-7-1')).toHaveTextContent(/7,3\s?%/);
    expect(screen.getByTestId('ab-comparison-7-0')).toHaveTextContent('+4,3 pts');
    expect(screen.getByTestId('ab-comparison-7-1')).toHaveTextContent('test exact de Fisher');
    expect(screen.getByTestId('ab-card-7')).toHaveTextContent('Pas encore assez de données pour départager C et A');
  });

  it('hides the adjusted p-value with two variants', async () => {
    const t = decidedTest();
    installStep5Fake({ tests: [{ ...t, comparisons: t.comparisons.slice(0, 1), verdicts: t.verdicts.slice(0, 1) }] });
    await renderPanel();
    await screen.findByTestId('ab-card-7');
    expect(screen.getByTestId('ab-card-7')).not.toHaveTextContent('Adjusted p-value');
  });

  it('asks for the learning of a decided test, and saves it with the rest of the test unchanged', async () => {
    const fake = installStep5Fake({ tests: [decidedTest()] });
    const { user } = await renderPanel();

    const box = await screen.findByTestId('ab-learning-7');
    expect(screen.getByTestId('ab-card-7')).toHaveTextContent('This test is decided. What did it teach you?');
    await user.type(box, 'Show people, not products.');
    await user.click(screen.getByTestId('ab-learning-save-7'));

    await waitFor(() => expect(fake.callsTo('ab_test_save')).toHaveLength(1));
    const call = fake.callsTo('ab_test_save')[0];
    expect(call.testId).toBe(7);
    expect(call.input).toEqual({
      name: 'Spring photo',
      hypothesis: 'A person sells better than the product alone.',
      varied: 'photo',
      metric: 'click_through',
      numerator: null,
      denominator: null,
      variants: [
        { label: 'A', post_id: 12, successes: null, trials: null },
        { label: 'B', post_id: 11, successes: null, trials: null },
        { label: 'C', post_id: null, successes: 3, trials: 90 },
      ],
      learning: 'Show people, not products.',
    });
    expect(await screen.findByTestId('ab-learning-text-7')).toHaveTextContent('Show people, not products.');
    expect(screen.queryByTestId('ab-learning-7')).not.toBeInTheDocument();
  });

  it('asks before deleting a test', async () => {
    const fake = installStep5Fake({ tests: [decidedTest()] });
    const { user } = await renderPanel();

    await user.click(await screen.findByTestId('ab-delete-7'));
    expect(fake.callsTo('ab_test_delete')).toHaveLength(0);
    await user.click(await screen.findByTestId('ab-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('ab-card-7')).not.toBeInTheDocument());
    expect(fake.callsTo('ab_test_delete')[0]).toMatchObject({ testId: 7 });
  });
});

describe('the test form', () => {
  it('sends the test as typed: posts by id, typed counts as numbers, nulls when empty', async () => {
    const fake = installStep5Fake();
    const { user } = await renderPanel();

    await user.click(screen.getByTestId('ab-new'));
    const form = await screen.findByTestId('ab-form');
    await fill(user, within(form).getByTestId('ab-name'), 'Morning or noon');
    await fill(user, within(form).getByTestId('ab-hypothesis'), 'Noon gets more clicks.');
    await pick(user, within(form).getByTestId('ab-varied'), 'Time of day');
    await pick(user, within(form).getByTestId('ab-metric'), 'Another ratio of two measures');
    await pick(user, within(form).getByTestId('ab-numerator'), 'Clicks');
    await pick(user, within(form).getByTestId('ab-denominator'), 'People reached');

    // A: a post of the plan, found by its title (the options are grouped by network).
    await pick(user, within(form).getByTestId('ab-variant-post-0'), /Spring photo with Léa/);
    // B: no post, counts typed.
    await fill(user, within(form).getByTestId('ab-variant-successes-1'), '12');
    await fill(user, within(form).getByTestId('ab-variant-trials-1'), '300');
    // C: added, left empty.
    await user.click(within(form).getByTestId('ab-variant-add'));
    expect(within(form).getByTestId('ab-variant-label-2')).toHaveValue('C');

    await user.click(within(form).getByTestId('ab-save'));
    await waitFor(() => expect(fake.callsTo('ab_test_save')).toHaveLength(1));
    const call = fake.callsTo('ab_test_save')[0];
    expect(call.testId).toBeNull();
    expect(call.input).toEqual({
      name: 'Morning or noon',
      hypothesis: 'Noon gets more clicks.',
      varied: 'time',
      metric: 'ratio',
      numerator: 'clicks',
      denominator: 'reach',
      variants: [
        { label: 'A', post_id: 11, successes: null, trials: null },
        { label: 'B', post_id: null, successes: 12, trials: 300 },
        { label: 'C', post_id: null, successes: null, trials: null },
      ],
      learning: '',
    });
    await waitFor(() => expect(screen.queryByTestId('ab-form')).not.toBeInTheDocument());
    expect(await screen.findByText('Morning or noon')).toBeInTheDocument();
  });

  it('sends no ratio measures for another metric', async () => {
    const fake = installStep5Fake();
    const { user } = await renderPanel();
    await user.click(screen.getByTestId('ab-new'));
    const form = await screen.findByTestId('ab-form');
    await fill(user, within(form).getByTestId('ab-name'), 'Titles');
    await pick(user, within(form).getByTestId('ab-metric'), 'Another ratio of two measures');
    await pick(user, within(form).getByTestId('ab-numerator'), 'Clicks');
    await pick(user, within(form).getByTestId('ab-metric'), 'Engagement rate (engagements ÷ impressions)');
    await user.click(within(form).getByTestId('ab-save'));
    await waitFor(() => expect(fake.callsTo('ab_test_save')).toHaveLength(1));
    expect(fake.callsTo('ab_test_save')[0].input).toMatchObject({
      metric: 'engagement_rate',
      numerator: null,
      denominator: null,
    });
  });

  it('shows the field errors under their fields and keeps what was typed', async () => {
    const fake = installStep5Fake();
    fake.overrides.ab_test_save = () => {
      throw {
        code: 'validation',
        message: 'invalid input',
        fields: [
          { field: 'variants.1.label', code: 'taken' },
          { field: 'variants.0.successes', code: 'more_than_trials' },
          { field: 'numerator', code: 'required' },
        ],
      } satisfies ApiError;
    };
    const { user } = await renderPanel();

    await user.click(screen.getByTestId('ab-new'));
    const form = await screen.findByTestId('ab-form');
    await fill(user, within(form).getByTestId('ab-name'), 'Same labels');
    await pick(user, within(form).getByTestId('ab-metric'), 'Another ratio of two measures');
    const label = within(form).getByTestId('ab-variant-label-1');
    await user.clear(label);
    await user.type(label, 'a');
    await fill(user, within(form).getByTestId('ab-variant-successes-0'), '50');
    await fill(user, within(form).getByTestId('ab-variant-trials-0'), '40');
    await user.click(within(form).getByTestId('ab-save'));

    expect(await screen.findByTestId('ab-variant-label-1-error')).toHaveTextContent(
      'Another variant already has this label.',
    );
    expect(screen.getByTestId('ab-variant-successes-0-error')).toHaveTextContent(
      'There cannot be more successes than trials.',
    );
    expect(screen.getByTestId('ab-numerator-error')).toHaveTextContent('Choose both measures of the ratio.');
    // Nothing typed is lost, and the form stays open.
    expect(screen.getByTestId('ab-form')).toBeInTheDocument();
    expect(screen.getByTestId('ab-name')).toHaveValue('Same labels');
    expect(screen.getByTestId('ab-variant-label-1')).toHaveValue('a');
    expect(screen.getByTestId('ab-variant-successes-0')).toHaveValue('50');
    expect(screen.getByTestId('ab-variant-trials-0')).toHaveValue('40');

    // Correcting a field clears its error.
    await user.type(screen.getByTestId('ab-variant-label-1'), 'b');
    expect(screen.queryByTestId('ab-variant-label-1-error')).not.toBeInTheDocument();
  });

  it('shows the too-few-variants error in French', async () => {
    const fake = installStep5Fake();
    fake.overrides.ab_test_save = () => {
      throw { code: 'validation', message: 'bad', fields: [{ field: 'variants', code: 'too_few' }] } satisfies ApiError;
    };
    const { user } = await renderPanel('fr');
    await user.click(screen.getByTestId('ab-new'));
    const form = await screen.findByTestId('ab-form');
    await fill(user, within(form).getByTestId('ab-name'), 'Un test');
    await user.click(within(form).getByTestId('ab-save'));
    expect(await screen.findByTestId('ab-variants-error')).toHaveTextContent('Un test compte au moins deux variantes.');
  });

  it('edits a test with its values', async () => {
    const fake = installStep5Fake({ tests: [decidedTest({ learning: 'People win.' })] });
    const { user } = await renderPanel();
    await user.click(await screen.findByTestId('ab-edit-7'));
    const form = await screen.findByTestId('ab-form');
    expect(within(form).getByTestId('ab-name')).toHaveValue('Spring photo');
    expect(within(form).getByTestId('ab-variant-post-1')).toHaveValue('Spring photo with Léa · Feb 3, 2027, 9:30 AM');
    expect(within(form).getByTestId('ab-variant-trials-2')).toHaveValue('90');
    expect(within(form).getByTestId('ab-form-learning')).toHaveValue('People win.');
    await user.click(within(form).getByTestId('ab-variant-remove-2'));
    await user.click(within(form).getByTestId('ab-save'));
    await waitFor(() => expect(fake.callsTo('ab_test_save')).toHaveLength(1));
    const call = fake.callsTo('ab_test_save')[0];
    expect(call.testId).toBe(7);
    expect((call.input as { variants: unknown[] }).variants).toEqual([
      { label: 'A', post_id: 12, successes: null, trials: null },
      { label: 'B', post_id: 11, successes: null, trials: null },
    ]);
  });
});
