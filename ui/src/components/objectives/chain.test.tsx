// The chain from the business to the figures: business goals and marketing objectives, social objectives (templates,
// SMART badges, the vanity guard, figures), and the measurement plan.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDrafts, SAVE_DELAY_MS } from '../../autosave';
import type { BusinessGoal, MarketingObjective, Objective } from '../../bindings';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { runningFakeClock } from '../../test/clock';
import { ObjectivesStep } from './ObjectivesStep';
import { EMPTY_OBJECTIVE, installObjectivesBackend, viewOf } from './testBackend';

// The step remembers its last part per strategy: each test uses a strategy of its own.
let nextStrategy = 300;

async function renderStep(lang: 'en' | 'fr' = 'en') {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const utils = render(
    <AppProviders client={client}>
      <ObjectivesStep strategyId={strategyId} />
    </AppProviders>,
  );
  await screen.findByTestId('objectives');
  return { user, client, strategyId, ...utils };
}

afterEach(async () => {
  clearDrafts();
  await i18n.changeLanguage('en');
});

type User = ReturnType<typeof userEvent.setup>;

/** The options of a Mantine combobox once opened (jsdom never ends the dropdown's transition: it stays hidden). */
async function optionsOf(user: User, input: HTMLElement): Promise<HTMLElement> {
  await user.click(input);
  return waitFor(() => {
    const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!listbox) throw new Error('the dropdown is not open');
    return listbox;
  });
}

/** Opens a Mantine select and picks the option with this label. */
async function pick(user: User, input: HTMLElement, option: string) {
  const listbox = await optionsOf(user, input);
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

/** The vanity warning among the findings shown in `el`. */
const vanityIn = (el: HTMLElement) => el.querySelector('[data-testid="objective-finding"][data-kind="vanity_metric"]');

const GOAL: BusinessGoal = { id: 1, title: 'Sell 20 % more online', outcome: 'sales', description: '' };
const MARKETING: MarketingObjective = { id: 2, title: 'Make the shop known to young parents', business_goal_id: 1 };

function objective(partial: Partial<Objective> & Pick<Objective, 'id' | 'title'>): Objective {
  return { ...EMPTY_OBJECTIVE, measurement: { source: '', frequency: null, reviewer: '' }, ...partial };
}

describe('business goals', () => {
  it('creates a business goal, then a marketing objective linked to it from its card', async () => {
    const backend = installObjectivesBackend();
    const { user, strategyId } = await renderStep();

    expect(screen.getByTestId('obj-tab-goals')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('goals-empty')).toBeInTheDocument();

    await user.click(screen.getByTestId('goal-add'));
    await user.click(await screen.findByTestId('goal-save'));
    expect(await screen.findByTestId('goal-title-error')).toHaveTextContent('Give it a title.');

    expect(screen.queryByTestId('obj-tab-goals-done')).not.toBeInTheDocument();
    // Which parts are filled in is Rust's answer (ObjectivesView.progress): the fake answers what the test sets.
    backend.progress.goals = true;
    await user.type(screen.getByTestId('goal-title'), 'Get 50 leads a month');
    await pick(user, screen.getByTestId('goal-outcome'), 'Leads');
    await user.type(screen.getByTestId('goal-description'), 'For the B2B offer');
    await user.click(screen.getByTestId('goal-save'));

    const card = await screen.findByTestId('goal-card');
    expect(card).toHaveTextContent('Get 50 leads a month');
    expect(within(card).getByTestId('goal-outcome-badge')).toHaveTextContent('Leads');
    expect(card).toHaveTextContent('For the B2B offer');
    const goalCalls = backend.callsTo('goal_save');
    expect(goalCalls.at(-1)?.args).toEqual({
      strategyId,
      goalId: null,
      input: { title: 'Get 50 leads a month', outcome: 'leads', description: 'For the B2B offer' },
    });
    await waitFor(() => expect(screen.queryByTestId('goal-title')).not.toBeInTheDocument());
    const goalId = backend.goals[0].id;
    expect(card).toHaveAttribute('data-goal-id', String(goalId));

    // The marketing objective added from the goal's card is linked to it.
    await user.click(within(card).getByTestId('marketing-add'));
    expect(await screen.findByTestId('marketing-goal')).toHaveValue('Get 50 leads a month');
    await user.type(screen.getByTestId('marketing-title'), 'Be the expert buyers trust');
    await user.click(screen.getByTestId('marketing-save'));

    const marketing = await within(card).findByTestId('marketing-card');
    expect(marketing).toHaveTextContent('Be the expert buyers trust');
    expect(backend.callsTo('marketing_save')[0].args).toEqual({
      strategyId,
      marketingId: null,
      input: { title: 'Be the expert buyers trust', business_goal_id: goalId },
    });
    expect(screen.getByTestId('obj-tab-goals-done')).toBeInTheDocument();
  });

  it('saves an edited goal as the user types, and links an unlinked marketing objective from its select', async () => {
    const backend = installObjectivesBackend({
      goals: [GOAL],
      marketing: [{ id: 3, title: 'Loyal customers come back', business_goal_id: null }],
    });
    const { user, strategyId } = await renderStep();

    const unlinked = screen.getByTestId('marketing-unlinked');
    expect(unlinked).toHaveTextContent('Not linked to a business goal yet');
    expect(within(screen.getByTestId('goal-card')).queryByTestId('marketing-card')).not.toBeInTheDocument();
    await pick(user, within(unlinked).getByTestId('marketing-link'), 'Sell 20 % more online');

    await waitFor(() => expect(within(screen.getByTestId('goal-card')).getByTestId('marketing-card')).toBeInTheDocument());
    expect(screen.queryByTestId('marketing-unlinked')).not.toBeInTheDocument();
    expect(backend.callsTo('marketing_save')[0].args).toEqual({
      strategyId,
      marketingId: 3,
      input: { title: 'Loyal customers come back', business_goal_id: 1 },
    });

    await user.click(screen.getByTestId('goal-edit'));
    expect(screen.queryByTestId('goal-save')).not.toBeInTheDocument();
    await user.type(await screen.findByTestId('goal-description'), 'Online shop only');
    await waitFor(() =>
      expect(backend.callsTo('goal_save').at(-1)?.args).toEqual({
        strategyId,
        goalId: 1,
        input: { title: 'Sell 20 % more online', outcome: 'sales', description: 'Online shop only' },
      }),
    );
    await user.click(screen.getByTestId('goal-close'));
    await waitFor(() => expect(screen.getByTestId('goal-card')).toHaveTextContent('Online shop only'));
  });

  it('deletes a goal after confirmation; its marketing objectives stay, unlinked', async () => {
    const backend = installObjectivesBackend({ goals: [GOAL], marketing: [MARKETING] });
    const { user } = await renderStep();

    await user.click(screen.getByTestId('goal-delete'));
    expect(await screen.findByText('Its marketing objectives are kept, no longer linked to a business goal.')).toBeInTheDocument();
    await user.click(screen.getByTestId('obj-confirm-delete'));

    await waitFor(() => expect(screen.queryByTestId('goal-card')).not.toBeInTheDocument());
    expect(backend.callsTo('goal_delete')[0].args).toMatchObject({ goalId: 1 });
    expect(within(screen.getByTestId('marketing-unlinked')).getByTestId('marketing-card')).toHaveTextContent(
      'Make the shop known to young parents',
    );
  });
});

describe('social objectives', () => {
  it('creates an objective from a template, then the vanity warning follows the KPI metric', async () => {
    const backend = installObjectivesBackend();
    const { user, strategyId } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-objectives'));
    expect(await screen.findByTestId('objectives-empty')).toBeInTheDocument();
    await user.click(screen.getByTestId('objective-add'));
    const template = await screen.findByTestId('objective-template');
    expect(template).toHaveAttribute('data-type', 'traffic');
    expect(template).toHaveTextContent('Bring qualified visitors to the website');
    expect(template).toHaveTextContent('Visits from social media (visits / month)');
    expect(template).toHaveTextContent('Interested visitors can buy.');
    await user.click(template);

    // Created at once, with the template's title and KPI in the UI language; its form opens.
    const title = await screen.findByTestId('objective-title');
    expect(backend.callsTo('objective_save')[0].args).toEqual({
      strategyId,
      objectiveId: null,
      input: {
        ...EMPTY_OBJECTIVE,
        title: 'Bring qualified visitors to the website',
        objective_type: 'traffic',
        kpi_metric: 'qualified_visits',
        kpi_name: 'Visits from social media',
        kpi_unit: 'visits / month',
        direction: 'increase',
      },
    });
    expect(screen.queryByTestId('objective-template')).not.toBeInTheDocument();
    expect(title).toHaveValue('Bring qualified visitors to the website');
    const id = backend.objectives[0].id;
    const dialog = screen.getByRole('dialog');
    // No source yet: not measurable; its KPI is tied to results, so no vanity warning.
    await waitFor(() =>
      expect(within(dialog).getByTestId('objective-finding')).toHaveAttribute('data-kind', 'not_measurable'),
    );
    expect(vanityIn(dialog)).toBeNull();

    await pick(user, screen.getByTestId('objective-kpi-metric'), 'Followers');
    await waitFor(() => expect(vanityIn(dialog)).not.toBeNull());
    const finding = vanityIn(dialog) as HTMLElement;
    expect(finding).toHaveAttribute('data-severity', 'warning');
    expect(finding).toHaveTextContent('follows a vanity metric');
    expect(finding).toHaveTextContent('Suggestion: Fix:');
    expect(backend.callsTo('objective_save').at(-1)?.args).toMatchObject({
      objectiveId: id,
      input: { kpi_metric: 'followers', direction: 'increase' },
    });
    // The card behind the form shows it too.
    const card = screen.getByTestId('objective-card');
    expect(card).toHaveAttribute('id', `objective-${id}`);
    expect(vanityIn(card)).not.toBeNull();
    expect(within(card).getByTestId('vanity-badge')).toBeInTheDocument();

    await pick(user, screen.getByTestId('objective-kpi-metric'), 'Leads');
    await waitFor(() => expect(vanityIn(dialog)).toBeNull());
    expect(vanityIn(card)).toBeNull();
    expect(within(dialog).getByTestId('objective-finding')).toHaveAttribute('data-kind', 'not_measurable');
    expect(backend.objectives[0]).toMatchObject({ kpi_metric: 'leads' });

    // A response time should go down: choosing it turns the direction.
    await pick(user, screen.getByTestId('objective-kpi-metric'), 'Response time');
    await waitFor(() => expect(backend.objectives[0]).toMatchObject({ kpi_metric: 'response_time', direction: 'decrease' }));
    expect(within(screen.getByTestId('objective-direction')).getByLabelText('Go down')).toBeChecked();
  });

  it('shows an inline error for a figure that is not a number, keeps it as typed, and saves once fixed', async () => {
    runningFakeClock();
    const backend = installObjectivesBackend({
      objectives: [objective({ id: 5, title: 'More leads', kpi_metric: 'leads', baseline: 10 })],
    });
    const { user, strategyId } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-objectives'));
    await user.click(await screen.findByTestId('objective-edit'));
    const target = await screen.findByTestId('objective-target');
    await user.type(target, '-');
    expect(await screen.findByTestId('objective-target-error')).toHaveTextContent('Enter a number.');
    expect(target).toHaveValue('-');
    // The pause after typing passes: nothing is sent.
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(backend.callsTo('objective_save')).toHaveLength(0);
    expect(target).toHaveValue('-');

    await user.clear(target);
    await user.type(target, '25');
    await user.tab();
    await waitFor(() => expect(screen.queryByTestId('objective-target-error')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(backend.callsTo('objective_save').at(-1)?.args).toEqual({
        strategyId,
        objectiveId: 5,
        input: { ...EMPTY_OBJECTIVE, title: 'More leads', kpi_metric: 'leads', baseline: 10, target: 25 },
      }),
    );
    expect(screen.getByTestId('objective-card')).toHaveTextContent('Leads: 10 → 25');

    // A negative baseline is the backend's inline error, also kept as typed.
    const baseline = screen.getByTestId('objective-baseline');
    await user.clear(baseline);
    await user.type(baseline, '-3');
    await user.tab();
    expect(await screen.findByTestId('objective-baseline-error')).toHaveTextContent('Must be 0 or more.');
    expect(baseline).toHaveValue('-3');
  });

  it('shows each SMART letter from the checks, with what it means and why', async () => {
    installObjectivesBackend({
      goals: [GOAL],
      marketing: [MARKETING],
      objectives: [
        objective({
          id: 7,
          title: 'More qualified visits',
          objective_type: 'traffic',
          marketing_objective_id: 2,
          kpi_metric: 'qualified_visits',
          kpi_unit: 'visits / month',
          baseline: 300,
          target: 450,
          deadline: '2026-09-30',
          networks: ['instagram'],
        }),
      ],
    });
    const { user } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-objectives'));
    const card = await screen.findByTestId('objective-card');
    expect(card).toHaveAttribute('data-objective-id', '7');
    expect(card).toHaveTextContent('Traffic');
    expect(card).toHaveTextContent('Qualified visits (visits / month): 300 → 450, by September 30, 2026');
    expect(card).toHaveTextContent('Instagram');
    expect(card).toHaveTextContent('Serves: Make the shop known to young parents → Sell 20 % more online');
    const letters = Object.fromEntries(
      within(card)
        .getAllByTestId('smart-badge')
        .map((b) => [b.getAttribute('data-letter'), b.getAttribute('data-ok')]),
    );
    // The fake leaves the ambition unknown; no source makes it not measurable.
    expect(letters).toEqual({
      specific: 'true',
      measurable: 'false',
      achievable: 'false',
      relevant: 'true',
      time_bound: 'true',
    });
    expect(within(card).getByTestId('objective-finding')).toHaveAttribute('data-kind', 'not_measurable');

    await user.hover(within(card).getByLabelText(/^Measurable: to do/));
    // `hidden`: jsdom lays nothing out, so floating-ui's `hide` middleware soon finds the badge clipped and Mantine
    // sets the open tooltip to `display: none`. Whether the query ran before that was a race (lost twice in CI).
    // A closed tooltip is unmounted, so finding it at all means the hover opened it.
    const tip = await screen.findByRole('tooltip', { hidden: true });
    expect(tip).toHaveTextContent('You know where the KPI’s figure comes from.');
    expect(tip).toHaveTextContent('Name a data source in the measurement plan');
  });

  it('says the pace a target asks for per week or per month, as the Rust side decides, in French too', async () => {
    const backend = installObjectivesBackend({
      objectives: [objective({ id: 7, title: 'Soon', kpi_metric: 'leads' }), objective({ id: 8, title: 'Later', kpi_metric: 'leads' })],
    });
    const view = viewOf(backend);
    backend.overrides.objectives_get = () => ({
      ...view,
      checks: view.checks.map((c) => ({
        ...c,
        smart: {
          ...c.smart,
          ambition: 'ok',
          achievable: true,
          monthly_factor: c.objective_id === 7 ? 2 : 1.1,
          pace: c.objective_id === 7 ? { per: 'week', factor: 1.2 } : { per: 'month', factor: 1.1 },
        },
      })),
    });
    const { user } = await renderStep('fr');
    await user.click(screen.getByTestId('obj-tab-objectives'));
    const [soon, later] = await screen.findAllByTestId('objective-card');
    expect(within(soon).getByLabelText(/^Atteignable/)).toHaveAccessibleName(
      expect.stringContaining('environ 20 % de progrès chaque semaine'),
    );
    expect(within(later).getByLabelText(/^Atteignable/)).toHaveAccessibleName(
      expect.stringContaining('environ 10 % de progrès chaque mois'),
    );
  });

  it('edits the deadline with the date picker, and the networks with the kept ones first', async () => {
    const backend = installObjectivesBackend({
      objectives: [objective({ id: 15, title: 'More leads', kpi_metric: 'leads', deadline: '2026-09-30' })],
    });
    const { user } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-objectives'));
    await user.click(await screen.findByTestId('objective-edit'));
    const deadline = await screen.findByTestId('objective-deadline');
    expect(deadline).toHaveTextContent('September 30, 2026');
    await user.click(deadline);
    await user.click(await screen.findByRole('button', { name: '15 September 2026', hidden: true }));
    await waitFor(() => expect(backend.objectives[0].deadline).toBe('2026-09-15'));
    expect(screen.getByTestId('objective-card')).toHaveTextContent('by September 15, 2026');

    await user.click(screen.getByRole('button', { name: 'Remove the deadline' }));
    await waitFor(() => expect(backend.objectives[0].deadline).toBeNull());
    expect(screen.getByTestId('objective-card')).toHaveTextContent('no deadline');
    const timeBound = screen.getByTestId('objective-card').querySelector('[data-letter="time_bound"]');
    expect(timeBound).toHaveAttribute('data-ok', 'false');

    const networks = screen.getByTestId('objective-networks');
    const listbox = await optionsOf(user, networks);
    const groups = [...listbox.querySelectorAll('.mantine-MultiSelect-groupLabel')].map((g) => g.textContent);
    expect(groups).toEqual(['Networks you kept', 'Other networks']);
    const names = within(listbox)
      .getAllByRole('option', { hidden: true })
      .map((o) => o.textContent);
    expect(names).toEqual(['Instagram', 'LinkedIn', 'Facebook', 'Newsletter']);
    await user.click(within(listbox).getByRole('option', { name: 'LinkedIn', hidden: true }));
    await waitFor(() => expect(backend.objectives[0].networks).toEqual(['linkedin']));
  });

  it('creates a blank objective with the Add button, then opens its form', async () => {
    const backend = installObjectivesBackend({ goals: [GOAL], marketing: [MARKETING] });
    const { user, strategyId } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-objectives'));
    await user.click(await screen.findByTestId('objective-add'));
    await user.click(await screen.findByTestId('objective-blank'));
    await user.click(await screen.findByTestId('objective-save'));
    expect(await screen.findByTestId('objective-title-error')).toHaveTextContent('Give it a title.');

    await user.type(screen.getByTestId('objective-title'), 'Answer faster');
    await pick(user, screen.getByTestId('objective-type'), 'Customer care');
    await user.click(screen.getByTestId('objective-save'));

    await waitFor(() => expect(backend.objectives).toHaveLength(1));
    expect(backend.callsTo('objective_save').at(-1)?.args).toEqual({
      strategyId,
      objectiveId: null,
      input: { ...EMPTY_OBJECTIVE, title: 'Answer faster', objective_type: 'customer_care' },
    });
    // Its full form: the marketing objective shows with its business goal.
    const marketing = await screen.findByTestId('objective-marketing');
    expect(screen.queryByTestId('objective-save')).not.toBeInTheDocument();
    await pick(user, marketing, 'Make the shop known to young parents — Sell 20 % more online');
    await waitFor(() =>
      expect(backend.callsTo('objective_save').at(-1)?.args).toMatchObject({
        objectiveId: backend.objectives[0].id,
        input: { marketing_objective_id: 2, objective_type: 'customer_care' },
      }),
    );
    await user.click(screen.getByTestId('objective-close'));
    await waitFor(() => expect(screen.getByTestId('objective-card')).toHaveTextContent('Serves: Make the shop known'));
  });
});

describe('measurement plan', () => {
  it('saves a typed source with measurement_save and the objective becomes measurable', async () => {
    const backend = installObjectivesBackend({
      objectives: [objective({ id: 9, title: 'More leads', kpi_metric: 'leads' })],
    });
    const { user, strategyId } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-measurement'));
    const row = await screen.findByTestId('measurement-row');
    expect(row).toHaveAttribute('id', 'measurement-9');
    expect(within(row).getByTestId('measurement-ok')).toHaveAttribute('data-ok', 'false');
    expect(within(row).getByTestId('measurement-finding')).toHaveTextContent('You cannot measure objective “More leads”');

    expect(screen.queryByTestId('obj-tab-measurement-done')).not.toBeInTheDocument();
    // Which parts are filled in is Rust's answer (ObjectivesView.progress): the fake answers what the test sets.
    backend.progress.measurement = true;
    await user.type(within(row).getByTestId('measurement-source'), 'CRM export');
    await user.type(within(row).getByTestId('measurement-reviewer'), 'Léa');
    await user.tab();
    await waitFor(() =>
      expect(backend.callsTo('measurement_save').at(-1)?.args).toEqual({
        strategyId,
        objectiveId: 9,
        plan: { source: 'CRM export', frequency: null, reviewer: 'Léa' },
      }),
    );
    await waitFor(() => expect(within(row).getByTestId('measurement-ok')).toHaveAttribute('data-ok', 'true'));
    expect(within(row).queryByTestId('measurement-finding')).not.toBeInTheDocument();

    await pick(user, within(row).getByTestId('measurement-frequency'), 'Every month');
    await waitFor(() =>
      expect(backend.objectives[0].measurement).toEqual({ source: 'CRM export', frequency: 'monthly', reviewer: 'Léa' }),
    );
    expect(screen.getByTestId('obj-tab-measurement-done')).toBeInTheDocument();
  });

  it('suggests common sources, and with no objective offers the way to the objectives', async () => {
    installObjectivesBackend({ objectives: [objective({ id: 11, title: 'Visits', kpi_metric: 'qualified_visits' })] });
    const { user } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-measurement'));
    const listbox = await optionsOf(user, await screen.findByTestId('measurement-source'));
    // The template's source for this metric, then the usual ones.
    const names = within(listbox)
      .getAllByRole('option', { hidden: true })
      .map((o) => o.textContent);
    expect(names[0]).toBe('Web analytics');
    expect(names).toContain('CRM (customer file)');
    expect(names).toContain('Web analytics with UTM links');
  });

  it('with no objective, the empty state leads to the social objectives', async () => {
    installObjectivesBackend();
    const { user } = await renderStep();

    await user.click(screen.getByTestId('obj-tab-measurement'));
    expect(await screen.findByTestId('measurement-empty')).toHaveTextContent('No social objective yet');
    await user.click(screen.getByTestId('measurement-go-objectives'));
    expect(screen.getByTestId('obj-tab-objectives')).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('objective-add')).toBeInTheDocument();
  });
});

describe('in French', () => {
  it('shows the three parts, the SMART letters and the findings in French', async () => {
    installObjectivesBackend({
      goals: [GOAL],
      marketing: [MARKETING],
      objectives: [objective({ id: 13, title: 'Plus d’abonnés', kpi_metric: 'followers', deadline: '2026-09-30' })],
    });
    const { user } = await renderStep('fr');

    expect(screen.getByText('De quoi l’entreprise a-t-elle besoin ?')).toBeInTheDocument();
    expect(within(screen.getByTestId('goal-card')).getByTestId('goal-outcome-badge')).toHaveTextContent('Ventes');
    expect(screen.getByTestId('marketing-add')).toHaveTextContent('Ajouter un objectif marketing');

    await user.click(screen.getByTestId('obj-tab-objectives'));
    const card = await screen.findByTestId('objective-card');
    expect(card).toHaveTextContent('Abonnés');
    expect(card).toHaveTextContent('d’ici le 30 septembre 2026');
    expect(card).toHaveTextContent('Pas encore relié à un objectif marketing');
    expect(within(card).getByTestId('vanity-badge')).toHaveTextContent('Indicateur de vanité');
    const vanity = card.querySelector('[data-testid="objective-finding"][data-kind="vanity_metric"]');
    expect(vanity).toHaveTextContent('FR “Plus d’abonnés” follows a vanity metric');
    expect(vanity).toHaveTextContent('Suggestion : Corriger :');
    expect(within(card).getByLabelText(/^Temporellement défini : validé/)).toHaveAttribute('data-ok', 'true');

    await user.click(screen.getByTestId('objective-add'));
    expect(await screen.findByTestId('objective-template')).toHaveTextContent('Amener des visiteurs qualifiés sur le site');
    expect(screen.getByTestId('objective-blank')).toHaveTextContent('Partir d’un objectif vierge');
    await user.click(screen.getByText('Annuler'));

    await user.click(screen.getByTestId('obj-tab-measurement'));
    const row = await screen.findByTestId('measurement-row');
    expect(row).toHaveTextContent('Source des données');
    expect(within(row).getByTestId('measurement-ok')).toHaveAttribute('aria-label', 'Pas encore mesurable');
  });
});
