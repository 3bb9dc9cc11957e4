import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearDrafts } from '../../autosave';
import type { ApiError, Finding, MixWeights, Pillar } from '../../bindings';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { rebalance } from './Mix';
import { ObjectivesStep } from './ObjectivesStep';
import { EMPTY_OBJECTIVE, installObjectivesBackend, viewOf } from './testBackend';

// The step remembers its last sub-step per strategy: each test uses a strategy of its own.
let nextStrategy = 300;

async function renderStep(tab: 'missions' | 'mix', lang: 'en' | 'fr' = 'en') {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const utils = render(
    <AppProviders client={client}>
      <ObjectivesStep strategyId={strategyId} />
    </AppProviders>,
  );
  await user.click(await screen.findByTestId(`obj-tab-${tab}`));
  return { user, client, strategyId, ...utils };
}

beforeAll(() => {
  // jsdom lays nothing out, so the chart's container has no size: recharts says so for every chart; keep quiet.
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
  clearDrafts();
  await i18n.changeLanguage('en');
});

const sum = (w: MixWeights) => w.promotion + w.curation + w.interaction;
const input = (prefix: string, p: Pillar) => screen.getByTestId(`${prefix}-input-${p}`) as HTMLInputElement;
/** The three fields' numbers, as shown. */
const shown = (prefix: string) =>
  (['promotion', 'curation', 'interaction'] as const).map((p) => Number.parseInt(input(prefix, p).value, 10));

function validation(fields: ApiError['fields']): ApiError {
  return { code: 'validation', message: 'invalid input', fields };
}

function finding(partial: Partial<Finding> & Pick<Finding, 'kind' | 'link'>): Finding {
  return {
    severity: 'info',
    network: partial.link.network,
    title: { en: 'A finding', fr: 'Un constat' },
    explanation: { en: 'Because.', fr: 'Parce que.' },
    suggestion: { en: 'Do this.', fr: 'Faites ceci.' },
    ...partial,
  };
}

describe('rebalance', () => {
  const PILLARS: readonly Pillar[] = ['promotion', 'curation', 'interaction'];

  it('sets the pillar and shares the rest in proportion to the other two', () => {
    expect(rebalance({ promotion: 20, curation: 20, interaction: 60 }, 'promotion', 60)).toEqual({
      promotion: 60,
      curation: 10,
      interaction: 30,
    });
    expect(rebalance({ promotion: 33, curation: 33, interaction: 34 }, 'promotion', 50)).toEqual({
      promotion: 50,
      curation: 25,
      interaction: 25,
    });
  });

  it('always sums to 100, whatever the start and the value', () => {
    const starts: MixWeights[] = [
      { promotion: 33, curation: 33, interaction: 34 },
      { promotion: 1, curation: 2, interaction: 97 },
      { promotion: 0, curation: 0, interaction: 100 },
      { promotion: 70, curation: 29, interaction: 1 },
    ];
    for (const start of starts) {
      for (const p of PILLARS) {
        for (let v = 0; v <= 100; v += 7) {
          const w = rebalance(start, p, v);
          expect(sum(w)).toBe(100);
          expect(w[p]).toBe(v);
          for (const q of PILLARS) expect(w[q]).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('keeps the proportion of the other two (up to rounding)', () => {
    const w = rebalance({ promotion: 10, curation: 30, interaction: 60 }, 'promotion', 55);
    expect(w).toEqual({ promotion: 55, curation: 15, interaction: 30 });
    const v = rebalance({ promotion: 10, curation: 20, interaction: 70 }, 'interaction', 40);
    expect(v.curation / v.promotion).toBeCloseTo(2, 1);
  });

  it('shares evenly when the other two are both 0', () => {
    expect(rebalance({ promotion: 100, curation: 0, interaction: 0 }, 'promotion', 40)).toEqual({
      promotion: 40,
      curation: 30,
      interaction: 30,
    });
    const odd = rebalance({ promotion: 100, curation: 0, interaction: 0 }, 'promotion', 41);
    expect(sum(odd)).toBe(100);
    expect(Math.abs(odd.curation - odd.interaction)).toBeLessThanOrEqual(1);
  });

  it('handles the edges 0 and 100', () => {
    expect(rebalance({ promotion: 33, curation: 33, interaction: 34 }, 'curation', 100)).toEqual({
      promotion: 0,
      curation: 100,
      interaction: 0,
    });
    expect(rebalance({ promotion: 20, curation: 20, interaction: 60 }, 'interaction', 0)).toEqual({
      promotion: 50,
      curation: 50,
      interaction: 0,
    });
    // One of the other two at 0 keeps nothing: the whole rest goes to the other.
    expect(rebalance({ promotion: 100, curation: 0, interaction: 0 }, 'curation', 30)).toEqual({
      promotion: 70,
      curation: 30,
      interaction: 0,
    });
  });

  it('rounds and clamps what it is given', () => {
    expect(rebalance({ promotion: 33, curation: 33, interaction: 34 }, 'promotion', 150).promotion).toBe(100);
    expect(rebalance({ promotion: 33, curation: 33, interaction: 34 }, 'promotion', -5).promotion).toBe(0);
    expect(sum(rebalance({ promotion: 33, curation: 33, interaction: 34 }, 'promotion', 12.6))).toBe(100);
  });
});

describe('content mix', () => {
  it('typing one pillar re-balances the others on screen and saves weights that add up to 100', async () => {
    const backend = installObjectivesBackend();
    const { user, strategyId } = await renderStep('mix');

    expect(shown('mix')).toEqual([33, 33, 34]);
    expect(screen.getByTestId('mix-total')).toHaveTextContent('Total: 100 %');
    await user.clear(input('mix', 'promotion'));
    await user.type(input('mix', 'promotion'), '50');
    expect(shown('mix')).toEqual([50, 25, 25]);
    expect(screen.getByTestId('mix-total')).toHaveTextContent('Total: 100 %');

    await waitFor(() => expect(backend.callsTo('mix_save').length).toBeGreaterThan(0));
    await user.tab();
    await waitFor(() => expect(backend.mix.strategy).toEqual({ promotion: 50, curation: 25, interaction: 25 }));
    const calls = backend.callsTo('mix_save');
    for (const c of calls) {
      expect(c.args.strategyId).toBe(strategyId);
      expect(c.args.network).toBeNull();
      expect(sum(c.args.weights as MixWeights)).toBe(100);
    }
    expect(calls.at(-1)?.args.weights).toEqual({ promotion: 50, curation: 25, interaction: 25 });
    expect(screen.getByTestId('obj-save-status')).toHaveTextContent('Saved');
  });

  it('moving a slider with the keyboard re-balances too', async () => {
    const backend = installObjectivesBackend();
    const { user } = await renderStep('mix');
    const thumb = screen.getByRole('slider', { name: 'Share of Interaction' });
    thumb.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(shown('mix')).toEqual([32, 32, 36]);
    await waitFor(() => expect(backend.mix.strategy).toEqual({ promotion: 32, curation: 32, interaction: 36 }));
    for (const c of backend.callsTo('mix_save')) expect(sum(c.args.weights as MixWeights)).toBe(100);
  });

  it('goes back to a third each', async () => {
    const backend = installObjectivesBackend({
      mix: { strategy: { promotion: 60, curation: 10, interaction: 30 }, networks: [] },
    });
    const { user, strategyId } = await renderStep('mix');

    expect(shown('mix')).toEqual([60, 10, 30]);
    await user.click(screen.getByTestId('mix-reset'));
    expect(shown('mix')).toEqual([33, 33, 34]);
    await waitFor(() => expect(backend.callsTo('mix_save')).toHaveLength(1));
    expect(backend.callsTo('mix_save')[0].args).toEqual({
      strategyId,
      network: null,
      weights: { promotion: 33, curation: 33, interaction: 34 },
    });
    expect(screen.getByTestId('mix-reset')).toBeDisabled();
  });

  it('shows the donut of the target mix, loaded on demand', async () => {
    installObjectivesBackend();
    await renderStep('mix');
    const donut = screen.getByTestId('mix-donut');
    const target = await within(donut).findByTestId('mix-donut-target', {}, { timeout: 10000 });
    expect(target.querySelector('[aria-label]')?.getAttribute('aria-label')).toContain('Promotion 33 %');
  });

  it('shows the mix the calendar plans beside the target', async () => {
    installObjectivesBackend({ planned: { mix: { promotion: 50.4, curation: 24.8, interaction: 24.8 }, posts: 121 } });
    await renderStep('mix');
    const donut = screen.getByTestId('mix-donut');
    const actual = await within(donut).findByTestId('mix-donut-actual', {}, { timeout: 10000 });
    expect(actual.querySelector('[aria-label]')?.getAttribute('aria-label')).toContain('Promotion 50 %');
    expect(screen.getByTestId('mix-planned-note')).toHaveTextContent('121 dated posts');
  });

  it('turning a network’s own mix on copies the strategy mix; off removes it', async () => {
    const backend = installObjectivesBackend({
      mix: { strategy: { promotion: 40, curation: 40, interaction: 20 }, networks: [] },
    });
    const { user, strategyId } = await renderStep('mix');

    const rows = screen.getAllByTestId('mix-network');
    expect(rows.map((r) => r.dataset.network)).toEqual(['instagram', 'linkedin']);
    const row = rows[0];
    expect(within(row).getByTestId('mix-follows-instagram')).toHaveTextContent('Promotion 40 %, Curation 40 %, Interaction 20 %');

    await user.click(within(row).getByTestId('mix-override-instagram'));
    await waitFor(() => expect(backend.callsTo('mix_save')).toHaveLength(1));
    expect(backend.callsTo('mix_save')[0].args).toEqual({
      strategyId,
      network: 'instagram',
      weights: { promotion: 40, curation: 40, interaction: 20 },
    });
    expect(shown('mix-instagram')).toEqual([40, 40, 20]);

    // Its own mix re-balances and saves for the network only.
    await user.clear(input('mix-instagram', 'interaction'));
    await user.type(input('mix-instagram', 'interaction'), '60');
    expect(shown('mix-instagram')).toEqual([20, 20, 60]);
    expect(screen.getByTestId('mix-instagram-total')).toHaveTextContent('Total: 100 %');
    await user.tab();
    await waitFor(() =>
      expect(backend.mix.networks).toEqual([{ network: 'instagram', weights: { promotion: 20, curation: 20, interaction: 60 } }]),
    );
    expect(backend.mix.strategy).toEqual({ promotion: 40, curation: 40, interaction: 20 });

    await user.click(within(row).getByTestId('mix-override-instagram'));
    await waitFor(() => expect(backend.callsTo('mix_save').at(-1)?.args).toEqual({ strategyId, network: 'instagram', weights: null }));
    await waitFor(() => expect(backend.mix.networks).toEqual([]));
    expect(within(row).getByTestId('mix-follows-instagram')).toBeInTheDocument();
    expect(screen.queryByTestId('mix-instagram-input-promotion')).not.toBeInTheDocument();
  });

  it('an existing override opens switched on with its own mix', async () => {
    installObjectivesBackend({
      mix: {
        strategy: { promotion: 33, curation: 33, interaction: 34 },
        networks: [{ network: 'linkedin', weights: { promotion: 10, curation: 60, interaction: 30 } }],
      },
    });
    await renderStep('mix');
    expect(screen.getByTestId('mix-override-linkedin')).toBeChecked();
    expect(screen.getByTestId('mix-override-instagram')).not.toBeChecked();
    expect(shown('mix-linkedin')).toEqual([10, 60, 30]);
  });

  it('a rejected save shows the error inline and keeps the typed values', async () => {
    const backend = installObjectivesBackend();
    backend.overrides.mix_save = () => {
      throw validation([{ field: 'weights', code: 'sum_not_100' }]);
    };
    const { user } = await renderStep('mix');

    await user.clear(input('mix', 'curation'));
    await user.type(input('mix', 'curation'), '60');
    await user.tab();
    expect(await screen.findByTestId('mix-error')).toHaveTextContent('The three shares must add up to 100 %.');
    expect(shown('mix')).toEqual([20, 60, 20]);
    expect(screen.getByTestId('obj-save-status')).toHaveAttribute('data-status', 'error');

    // Back to the other parts and to the mix: the draft is still there.
    await user.click(screen.getByTestId('obj-tab-missions'));
    await user.click(screen.getByTestId('obj-tab-mix'));
    expect(shown('mix')).toEqual([20, 60, 20]);
    expect(screen.getByTestId('mix-error')).toBeInTheDocument();
  });

  it('shows a pillar’s out-of-range error under its field', async () => {
    const backend = installObjectivesBackend();
    backend.overrides.mix_save = () => {
      throw validation([{ field: 'promotion', code: 'out_of_range', min: 0, max: 100 }]);
    };
    const { user } = await renderStep('mix');
    await user.click(screen.getByTestId('mix-reset'));
    await user.clear(input('mix', 'promotion'));
    await user.type(input('mix', 'promotion'), '10');
    await user.tab();
    expect(await screen.findByTestId('mix-input-promotion-error')).toHaveTextContent('From 0 to 100.');
  });

  it('shows the mix findings of a network in its row', async () => {
    installObjectivesBackend({
      findings: [
        finding({
          kind: 'mission_mix_mismatch',
          title: { en: 'The mix of LinkedIn gives little room to its main pillars', fr: 'x' },
          link: { step: 'objectives', section: 'mix', network: 'linkedin', item: null, pillar: null },
        }),
      ],
    });
    await renderStep('mix');
    const row = screen.getAllByTestId('mix-network').find((r) => r.dataset.network === 'linkedin')!;
    expect(within(row).getByTestId('mix-finding')).toHaveAttribute('data-kind', 'mission_mix_mismatch');
    expect(within(row).getByTestId('mix-finding')).toHaveTextContent('gives little room');
  });
});

describe('topics', () => {
  it('adds a topic with Enter; a name the pillar already has is explained inline and kept', async () => {
    const backend = installObjectivesBackend();
    const { user, strategyId } = await renderStep('mix');

    const column = screen.getByTestId('topics-curation');
    await user.type(within(column).getByTestId('topic-new-curation'), 'Industry news{Enter}');
    await waitFor(() => expect(within(column).getAllByTestId('topic-item')).toHaveLength(1));
    expect(within(column).getByTestId('topic-item')).toHaveTextContent('Industry news');
    expect(backend.callsTo('topic_save')[0].args).toEqual({
      strategyId,
      topicId: null,
      input: { pillar: 'curation', name: 'Industry news', description: '' },
    });
    expect(within(column).getByTestId('topic-new-curation')).toHaveValue('');

    await user.type(within(column).getByTestId('topic-new-curation'), 'industry NEWS');
    await user.click(within(column).getByTestId('topic-add-curation'));
    expect(await within(column).findByTestId('topic-new-curation-error')).toHaveTextContent(
      'This pillar already has a topic with this name.',
    );
    expect(within(column).getByTestId('topic-new-curation')).toHaveValue('industry NEWS');
    expect(within(column).getAllByTestId('topic-item')).toHaveLength(1);
    // The other pillars may have a topic of the same name.
    await user.type(screen.getByTestId('topic-new-promotion'), 'Industry news');
    await user.click(screen.getByTestId('topic-add-promotion'));
    await waitFor(() => expect(within(screen.getByTestId('topics-promotion')).getAllByTestId('topic-item')).toHaveLength(1));
  });

  it('edits a topic in a modal that saves itself, and deletes it after confirming', async () => {
    const backend = installObjectivesBackend({
      topics: [{ id: 7, pillar: 'promotion', name: 'Offers', description: '' }],
    });
    const { user, strategyId } = await renderStep('mix');

    await user.click(within(screen.getByTestId('topics-promotion')).getByTestId('topic-edit'));
    await user.type(await screen.findByTestId('topic-description'), 'Seasonal sales');
    await user.click(screen.getByTestId('topic-close'));
    await waitFor(() =>
      expect(backend.callsTo('topic_save').at(-1)?.args).toEqual({
        strategyId,
        topicId: 7,
        input: { pillar: 'promotion', name: 'Offers', description: 'Seasonal sales' },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('topics-promotion')).toHaveTextContent('Seasonal sales'));

    await user.click(within(screen.getByTestId('topics-promotion')).getByTestId('topic-delete'));
    await user.click(await screen.findByTestId('obj-confirm-delete'));
    await waitFor(() => expect(within(screen.getByTestId('topics-promotion')).queryByTestId('topic-item')).toBeNull());
    expect(backend.callsTo('topic_delete')[0].args).toEqual({ strategyId, topicId: 7 });
  });

  it('shows a pillar-without-topics finding next to the pillar it names', async () => {
    installObjectivesBackend({
      findings: [
        finding({
          kind: 'pillar_without_topics',
          title: { en: 'No topic under curation', fr: 'Aucun thème sous le pilier curation' },
          link: { step: 'objectives', section: 'mix', network: null, item: null, pillar: 'curation' },
        }),
      ],
    });
    await renderStep('mix');
    expect(within(screen.getByTestId('topics-curation')).getByTestId('topics-finding')).toHaveAttribute(
      'data-kind',
      'pillar_without_topics',
    );
    expect(within(screen.getByTestId('topics-promotion')).queryByTestId('topics-finding')).toBeNull();
  });
});

describe('missions', () => {
  it('writes a mission from the suggestion: statement and pillars are saved', async () => {
    const backend = installObjectivesBackend();
    const { user, strategyId } = await renderStep('missions');

    const cards = screen.getAllByTestId('mission-card');
    expect(cards.map((c) => c.dataset.network)).toEqual(['instagram', 'linkedin']);
    const card = cards[0];
    expect(card).toHaveAttribute('id', 'mission-instagram');
    expect(within(card).getByTestId('mission-finding')).toHaveAttribute('data-kind', 'network_without_mission');
    expect(within(card).getByTestId('mission-suggestion')).toHaveTextContent('Tell the brand’s story in pictures.');
    // The button says what it fills: the statement and the pillars shown beside it.
    expect(within(card).getByTestId('mission-suggestion-pillars')).toHaveTextContent(
      'Main pillars suggested:InteractionPromotion',
    );
    expect(within(card).getByTestId('mission-use-suggestion')).toHaveTextContent('Use this mission and its pillars');

    await user.click(within(card).getByTestId('mission-use-suggestion'));
    await waitFor(() => expect(backend.callsTo('mission_save')).toHaveLength(1));
    expect(backend.callsTo('mission_save')[0].args).toEqual({
      strategyId,
      mission: {
        network: 'instagram',
        statement: 'Tell the brand’s story in pictures.',
        audiences: [],
        objectives: [],
        pillars: ['interaction', 'promotion'],
        posts_per_week: null,
      },
    });
    expect(within(card).getByTestId('mission-statement')).toHaveValue('Tell the brand’s story in pictures.');
    expect(within(card).getByTestId('mission-pillar-interaction')).toBeChecked();
    expect(within(card).getByTestId('mission-pillar-curation')).not.toBeChecked();
    expect(within(card).queryByTestId('mission-suggestion')).toBeNull();
    await waitFor(() => expect(within(card).queryByTestId('mission-finding')).toBeNull());
  });

  it('keeps the pillars the user chose when the suggestion fills the statement, and says so', async () => {
    const backend = installObjectivesBackend();
    const { user } = await renderStep('missions');
    const card = screen.getAllByTestId('mission-card')[0];

    await user.click(within(card).getByTestId('mission-pillar-curation'));
    await waitFor(() => expect(backend.callsTo('mission_save')).toHaveLength(1));
    expect(within(card).queryByTestId('mission-suggestion-pillars')).toBeNull();
    expect(within(card).getByTestId('mission-suggestion-pillars-kept')).toHaveTextContent(
      'Your main pillars stay as you chose them.',
    );
    expect(within(card).getByTestId('mission-use-suggestion')).toHaveTextContent(/^Use this mission$/);

    await user.click(within(card).getByTestId('mission-use-suggestion'));
    await waitFor(() => expect(backend.callsTo('mission_save')).toHaveLength(2));
    expect(backend.callsTo('mission_save')[1].args.mission).toMatchObject({
      statement: 'Tell the brand’s story in pictures.',
      pillars: ['curation'],
    });
    expect(within(card).getByTestId('mission-pillar-curation')).toBeChecked();
    expect(within(card).getByTestId('mission-pillar-interaction')).not.toBeChecked();
  });

  it('saves audiences, objectives and the pace; a pace over 100 is not sent', async () => {
    const backend = installObjectivesBackend({
      personas: [
        { id: 1, name: 'Léa' },
        { id: 2, name: 'Marc' },
      ],
      objectives: [
        {
          id: 5,
          ...EMPTY_OBJECTIVE,
          title: 'More visits from social media',
          objective_type: 'traffic',
          kpi_metric: 'qualified_visits',
          measurement: { source: '', frequency: null, reviewer: '' },
        },
      ],
      missions: [
        { network: 'linkedin', statement: 'Credibility', audiences: [], objectives: [], pillars: ['curation'], posts_per_week: 2 },
      ],
    });
    const { user, strategyId } = await renderStep('missions');
    const card = screen.getAllByTestId('mission-card').find((c) => c.dataset.network === 'linkedin')!;
    expect(within(card).getByTestId('mission-frequency')).toHaveValue('2');

    await user.click(within(card).getByTestId('mission-audience-2'));
    await user.click(within(card).getByTestId('mission-objective-5'));
    await user.clear(within(card).getByTestId('mission-frequency'));
    await user.type(within(card).getByTestId('mission-frequency'), '150');
    expect(await within(card).findByTestId('mission-frequency-error')).toHaveTextContent('At most 100 posts a week.');
    await user.tab();
    await user.clear(within(card).getByTestId('mission-frequency'));
    await user.type(within(card).getByTestId('mission-frequency'), '2.5');
    await user.tab();
    await waitFor(() =>
      expect(backend.callsTo('mission_save').at(-1)?.args).toEqual({
        strategyId,
        mission: { network: 'linkedin', statement: 'Credibility', audiences: [2], objectives: [5], pillars: ['curation'], posts_per_week: 2.5 },
      }),
    );
    for (const c of backend.callsTo('mission_save')) {
      expect((c.args.mission as { posts_per_week: number | null }).posts_per_week).not.toBe(150);
    }
    expect(within(card).queryByTestId('mission-frequency-error')).toBeNull();
  });

  it('suggests the audiences of the audit and chooses them in one click', async () => {
    const backend = installObjectivesBackend({ personas: [{ id: 1, name: 'Léa' }, { id: 3, name: 'Sam' }] });
    backend.overrides.objectives_get = () => ({
      ...viewOf(backend),
      suggested_audiences: [{ network: 'instagram', personas: [3] }],
    });
    const { user, strategyId } = await renderStep('missions');
    const [instagram, linkedin] = screen.getAllByTestId('mission-card');
    expect(within(instagram).getByTestId('mission-audience-3')).not.toBeChecked();
    expect(within(instagram).getByTestId('mission-audiences-suggested')).toHaveTextContent('Suggested, from the audit: Sam');
    expect(within(linkedin).queryByTestId('mission-audiences-suggested')).toBeNull();

    await user.click(within(instagram).getByTestId('mission-apply-audiences'));
    expect(within(instagram).getByTestId('mission-audience-3')).toBeChecked();
    await waitFor(() => expect(backend.callsTo('mission_save')).toHaveLength(1));
    expect(backend.callsTo('mission_save')[0].args).toMatchObject({ strategyId, mission: { network: 'instagram', audiences: [3] } });
    expect(within(instagram).queryByTestId('mission-audiences-suggested')).toBeNull();
  });

  it('lists the undecided networks, and explains when no network is kept', async () => {
    installObjectivesBackend({ kept: [], undecided: ['facebook'] });
    await renderStep('missions');
    expect(screen.getByTestId('missions-empty')).toHaveTextContent('The audit decides which networks to keep');
    expect(screen.queryByTestId('mission-card')).toBeNull();
    expect(screen.getByTestId('missions-undecided')).toHaveTextContent('Facebook');
  });
});

describe('in French', () => {
  it('shows the mix, the topics and the missions in French', async () => {
    const backend = installObjectivesBackend();
    const { user } = await renderStep('mix', 'fr');
    expect(screen.getByText('Quelle part des publications pour chaque pilier ?')).toBeInTheDocument();
    expect(screen.getByTestId('mix-reset')).toHaveTextContent('Revenir à un tiers chacun');
    expect(screen.getByTestId('mix-total')).toHaveTextContent('Total : 100 %');
    expect(screen.getByTestId('mix-follows-instagram')).toHaveTextContent('Suit le mix de la stratégie');
    expect(screen.getByText('De quoi parleront les publications de chaque pilier ?')).toBeInTheDocument();

    await user.click(screen.getByTestId('obj-tab-missions'));
    expect(screen.getByText('À quoi sert chaque réseau ?')).toBeInTheDocument();
    const card = screen.getAllByTestId('mission-card')[0];
    expect(within(card).getByTestId('mission-suggestion')).toHaveTextContent('Raconter l’histoire de la marque en images.');
    expect(within(card).getByTestId('mission-use-suggestion')).toHaveTextContent('Reprendre cette mission et ses piliers');
    expect(within(card).getByTestId('mission-finding')).toHaveTextContent('FR instagram has no mission');

    // Decimals typed the French way.
    await user.type(within(card).getByTestId('mission-frequency'), '1,5');
    await user.tab();
    await waitFor(() =>
      expect((backend.callsTo('mission_save').at(-1)?.args.mission as { posts_per_week: number }).posts_per_week).toBe(1.5),
    );
  });
});
