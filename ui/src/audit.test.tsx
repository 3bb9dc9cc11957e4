import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SAVE_DELAY_MS } from './autosave';
import type { Audit, Finding, Presence } from './bindings';
import { HEATMAP_SCALE } from './components/audit/heatmap';
import { createObjectivesFake, EMPTY_OBJECTIVE, viewOf } from './components/objectives/testBackend';
import { emptyAudit, installBackend, makeStrategy } from './test/backend';
import { stoppedFakeClock } from './test/clock';
import { renderApp } from './test/render';

const EMPTY_PRESENCE: Presence = {
  network: '',
  handle: '',
  owner: '',
  active: false,
  followers: null,
  posts_per_week: null,
  likes_per_post: null,
  comments_per_post: null,
  shares_per_post: null,
  engagement_rate: null,
  who_interacts: '',
  best_times: '',
  last_post_on: null,
  decision: null,
  formats: [],
};

async function openAudit(
  audit: Partial<Audit> = {},
  settings?: { language?: 'en' | 'fr'; theme?: 'light' | 'dark' },
) {
  const s = makeStrategy({ name: 'Spring launch', current_step: 'audit' });
  const backend = installBackend({
    strategies: [s],
    lastStrategyId: s.id,
    settings: settings ? { language: settings.language ?? 'system', theme: settings.theme ?? 'system' } : undefined,
  });
  backend.audits[s.id] = emptyAudit(audit);
  const utils = await renderApp();
  await screen.findByTestId('audit');
  await screen.findByTestId('audit-tab-audiences');
  return { s, backend, ...utils };
}

describe('audit: audiences', () => {
  it('adds a persona with its usage, shows its card and its row in the heat map', async () => {
    const { s, backend, user } = await openAudit({ selected: ['instagram', 'linkedin'] });
    expect(screen.getByTestId('step-title')).toHaveTextContent('Audit');
    expect(screen.getByTestId('step-intro')).toBeInTheDocument();
    expect(screen.getByTestId('step-complete')).toBeInTheDocument();

    await user.click(screen.getByTestId('persona-add'));
    await user.type(screen.getByTestId('persona-name'), 'Léa');
    await user.type(screen.getByTestId('persona-description'), 'Young urban professional');
    await user.type(screen.getByTestId('persona-age_min'), '25');
    await user.type(screen.getByTestId('persona-age_max'), '34');
    await user.click(screen.getByTestId('persona-usage-instagram-high'));
    await user.click(screen.getByTestId('persona-usage-linkedin-low'));
    await user.click(screen.getByTestId('persona-save'));

    const card = await screen.findByTestId('persona-card');
    expect(card).toHaveTextContent('Léa');
    expect(card).toHaveTextContent('25–34 years old');
    expect(backend.callsTo('persona_save')[0].args).toEqual({
      strategyId: s.id,
      personaId: null,
      input: {
        name: 'Léa',
        description: 'Young urban professional',
        audience_type: 'b2c',
        age_min: 25,
        age_max: 34,
        usage: [
          { network: 'instagram', level: 'high' },
          { network: 'linkedin', level: 'low' },
        ],
      },
    });
    expect(screen.queryByTestId('persona-form')).toBeNull();

    const row = within(screen.getByTestId('heatmap')).getByTestId('heatmap-row');
    expect(row).toHaveTextContent('Léa');
    const insta = row.querySelector('[data-network="instagram"]');
    expect(insta).toHaveAttribute('data-level', 'high');
    expect(insta).toHaveTextContent('High');
    expect(row.querySelector('[data-network="linkedin"]')).toHaveTextContent('Low');
    expect(screen.getByTestId('save-status')).toHaveTextContent('Saved');
  });

  it('shows the backend’s field errors inline and keeps the form as typed', async () => {
    const { backend, user } = await openAudit({ selected: ['instagram'] });
    await user.click(screen.getByTestId('persona-add'));
    await user.type(screen.getByTestId('persona-description'), 'No name yet');
    await user.type(screen.getByTestId('persona-age_min'), '40');
    await user.type(screen.getByTestId('persona-age_max'), '30');
    await user.click(screen.getByTestId('persona-save'));

    expect(await screen.findByText('Give this audience a name.')).toBeInTheDocument();
    expect(screen.getByText('Must not be lower than the lowest age.')).toBeInTheDocument();
    expect(backend.callsTo('persona_save')).toHaveLength(1);
    expect(screen.getByTestId('persona-description')).toHaveValue('No name yet');
    expect(screen.getByTestId('persona-age_max')).toHaveValue('30');
    expect(screen.queryByTestId('persona-card')).toBeNull();
  });

  it('saves an edited persona as the user types, with no save button, and keeps an emptied name with its error', async () => {
    const { s, backend, user } = await openAudit({
      selected: ['instagram'],
      personas: [{ id: 7, name: 'Marc', description: '', audience_type: 'b2b', age_min: null, age_max: null, usage: [] }],
    });
    await user.click(await screen.findByTestId('persona-edit'));
    expect(screen.queryByTestId('persona-save')).toBeNull();
    await user.type(screen.getByTestId('persona-description'), 'Runs a bakery');

    // On a busy machine a pause in typing may save a part first: what counts is that the last save holds it all.
    await waitFor(() =>
      expect(backend.callsTo('persona_save').at(-1)?.args).toMatchObject({
        strategyId: s.id,
        personaId: 7,
        input: { name: 'Marc', description: 'Runs a bakery', audience_type: 'b2b' },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('persona-card')).toHaveTextContent('Runs a bakery'));

    // A name emptied is refused: the error shows inline and the field stays as typed; the rest is kept.
    await user.clear(screen.getByTestId('persona-name'));
    expect(await screen.findByText('Give this audience a name.')).toBeInTheDocument();
    expect(screen.getByTestId('persona-name')).toHaveValue('');
    expect(screen.getByTestId('persona-description')).toHaveValue('Runs a bakery');
    expect(screen.getByTestId('persona-card')).toHaveTextContent('Marc');

    await user.type(screen.getByTestId('persona-name'), 'Marc B.');
    await waitFor(() => expect(screen.queryByText('Give this audience a name.')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('persona-card')).toHaveTextContent('Marc B.'));
    await user.click(screen.getByTestId('persona-close'));
    expect(screen.queryByTestId('persona-form')).toBeNull();
  });

  it('asks before deleting a persona', async () => {
    const { s, backend, user } = await openAudit({
      selected: ['instagram'],
      personas: [{ id: 7, name: 'Marc', description: '', audience_type: 'b2b', age_min: null, age_max: null, usage: [] }],
    });
    await user.click(await screen.findByTestId('persona-delete'));
    expect(await screen.findByText('Delete this audience?')).toBeInTheDocument();
    expect(backend.callsTo('persona_delete')).toHaveLength(0);
    await user.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(screen.queryByTestId('persona-card')).toBeNull());
    expect(backend.callsTo('persona_delete')[0].args).toEqual({ strategyId: s.id, personaId: 7 });
  });
});

describe('audit: the audience × network map and the persona form', () => {
  const lea = {
    id: 3,
    name: 'Léa',
    description: '',
    audience_type: 'b2c' as const,
    age_min: null,
    age_max: null,
    usage: [
      { network: 'instagram', level: 'high' as const },
      { network: 'linkedin', level: 'low' as const },
      { network: 'tiktok', level: 'medium' as const },
    ],
  };

  it.each(['light', 'dark'] as const)('colours the cells with the %s scale, so that more use stands out more', async (theme) => {
    await openAudit({ selected: ['facebook', 'instagram', 'linkedin', 'tiktok'], personas: [lea] }, { theme });
    const row = within(await screen.findByTestId('heatmap')).getByTestId('heatmap-row');
    for (const [network, level] of [['facebook', 'none'], ['linkedin', 'low'], ['tiktok', 'medium'], ['instagram', 'high']] as const) {
      const cell = row.querySelector(`[data-network="${network}"]`);
      expect(cell).toHaveAttribute('data-level', level);
      const { bg, c } = HEATMAP_SCALE[theme][level];
      expect(cell).toHaveStyle({ color: c });
      // jsdom keeps no transparent background: the page shows through the cell of "none".
      if (bg === 'transparent') expect((cell as HTMLElement).style.backgroundColor).toMatch(/^(transparent)?$/);
      else expect(cell).toHaveStyle({ backgroundColor: bg });
    }
    expect(screen.getByText(/the stronger the colour of a cell, the more it uses the network/)).toBeInTheDocument();
  });

  it('gives the youngest and the oldest age their own examples, in both languages', async () => {
    const { user } = await openAudit({ selected: ['instagram'] });
    await user.click(screen.getByTestId('persona-add'));
    expect(screen.getByTestId('persona-age_min')).toHaveAttribute('placeholder', 'e.g. 25');
    expect(screen.getByTestId('persona-age_max')).toHaveAttribute('placeholder', 'e.g. 45');
  });

  it('gives the age fields French examples too', async () => {
    const { user } = await openAudit({ selected: ['instagram'] }, { language: 'fr' });
    await user.click(await screen.findByTestId('persona-add'));
    expect(screen.getByTestId('persona-age_min')).toHaveAttribute('placeholder', 'ex. 25');
    expect(screen.getByTestId('persona-age_max')).toHaveAttribute('placeholder', 'ex. 45');
  });
});

describe('audit: networks and presence', () => {
  it('selects a network from the catalogue and shows its presence card', async () => {
    const { s, backend, user } = await openAudit();
    await user.click(screen.getByTestId('audit-tab-presence'));

    const chip = await screen.findByTestId('network-instagram');
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    await user.click(chip);
    await waitFor(() => expect(screen.getByTestId('network-instagram')).toHaveAttribute('aria-pressed', 'true'));
    expect(backend.callsTo('audit_select_network')[0].args).toEqual({
      strategyId: s.id,
      network: 'instagram',
      selected: true,
    });
    expect(await screen.findByTestId('presence-instagram')).toBeInTheDocument();
    // Owned media are listed apart from social networks.
    expect(within(screen.getByTestId('networks-owned')).getByTestId('network-newsletter')).toBeInTheDocument();
  });

  it('adds a network of its own, selected at once', async () => {
    const { s, backend, user } = await openAudit();
    await user.click(screen.getByTestId('audit-tab-presence'));
    await user.click(await screen.findByTestId('network-add'));
    await user.type(screen.getByTestId('network-add-name'), 'Facebook');
    await user.click(screen.getByTestId('network-add-submit'));
    expect(await screen.findByText('A network already has this name.')).toBeInTheDocument();
    expect(screen.getByTestId('network-add-name')).toHaveValue('Facebook');

    await user.clear(screen.getByTestId('network-add-name'));
    await user.type(screen.getByTestId('network-add-name'), 'Discord');
    await user.click(screen.getByTestId('network-add-format-text'));
    await user.click(screen.getByTestId('network-add-submit'));
    const chip = await screen.findByTestId('network-custom-discord');
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    expect(backend.callsTo('audit_add_network')[1].args).toEqual({
      strategyId: s.id,
      input: { name: 'Discord', kind: 'social', max_length: null, formats: ['text'] },
    });
    expect(screen.getByTestId('presence-custom-discord')).toBeInTheDocument();
  });

  it('shows a negative count as a translated inline error, keeps what was typed and saves the rest', async () => {
    const { s, backend, user } = await openAudit({ selected: ['instagram'] });
    await user.click(screen.getByTestId('audit-tab-presence'));
    await screen.findByTestId('presence-instagram');

    await user.type(screen.getByTestId('presence-instagram-handle'), '@cafe');
    await user.type(screen.getByTestId('presence-instagram-followers'), '-5');

    expect(await screen.findByText('Must be 0 or more.')).toBeInTheDocument();
    expect(screen.getByTestId('presence-instagram-followers')).toHaveValue('-5');
    expect(screen.getByTestId('presence-instagram-handle')).toHaveValue('@cafe');
    expect(screen.getByTestId('save-status')).toHaveTextContent('Not saved: Must be 0 or more.');
    const last = backend.callsTo('presence_save').at(-1);
    expect(last?.args).toMatchObject({ strategyId: s.id, presence: { network: 'instagram', handle: '@cafe', followers: -5 } });

    // What was typed survives a trip to another part.
    await user.click(screen.getByTestId('audit-tab-audiences'));
    await user.click(screen.getByTestId('audit-tab-presence'));
    expect(await screen.findByTestId('presence-instagram-followers')).toHaveValue('-5');
    expect(screen.getByText('Must be 0 or more.')).toBeInTheDocument();

    // Fixing the value saves it; the error goes away.
    await user.clear(screen.getByTestId('presence-instagram-followers'));
    await user.type(screen.getByTestId('presence-instagram-followers'), '1200');
    // The status and the field's error follow the same answer, one microtask apart: wait for both, and for the save
    // of the whole figure (on a busy machine the box emptied can be saved, and shown saved, before 1200 is typed).
    await waitFor(() => {
      expect(backend.audits[s.id].presences[0]).toMatchObject({ network: 'instagram', handle: '@cafe', followers: 1200 });
      expect(screen.getByTestId('save-status')).toHaveTextContent('Saved');
      expect(screen.queryByText('Must be 0 or more.')).toBeNull();
    });
  });

  it('saves switches, ratings and the decision at once', async () => {
    const { s, backend, user } = await openAudit({ selected: ['instagram'] });
    await user.click(screen.getByTestId('audit-tab-presence'));
    await screen.findByTestId('presence-instagram');

    await user.click(screen.getByTestId('presence-instagram-decision-improve'));
    await waitFor(() => expect(backend.audits[s.id].presences[0]?.decision).toBe('improve'));
    // No account until the brand says it has one: the switch starts off.
    await user.click(screen.getByTestId('presence-instagram-active'));
    await waitFor(() => expect(backend.audits[s.id].presences[0]?.active).toBe(true));
    const photo = screen.getByTestId('presence-instagram-format-photo');
    const four = photo.querySelector<HTMLInputElement>('input[value="4"]');
    await user.click(photo.querySelector(`label[for="${four?.id}"]`) as HTMLElement);
    await waitFor(() => expect(backend.audits[s.id].presences[0]?.formats).toEqual([{ format: 'photo', rating: 4 }]));
  });

  it('starts with no account on a network until the brand says it has one, and counts only described accounts', async () => {
    const { s, backend, user } = await openAudit({
      selected: ['facebook', 'instagram', 'linkedin', 'tiktok', 'blog'],
      presences: [
        { ...EMPTY_PRESENCE, network: 'instagram', active: true, followers: 1200 },
        { ...EMPTY_PRESENCE, network: 'linkedin', active: true, handle: 'acme' },
        // Only switched on, or only decided: nothing described.
        { ...EMPTY_PRESENCE, network: 'facebook', active: true },
        { ...EMPTY_PRESENCE, network: 'blog', decision: 'keep' },
      ],
    });
    await user.click(screen.getByTestId('audit-tab-presence'));
    // TikTok has no presence yet: its switch is off.
    const tiktok = await screen.findByTestId('presence-tiktok-active');
    expect(tiktok).not.toBeChecked();
    expect(tiktok).toHaveAccessibleName('The brand has an active account here');
    expect(screen.getByTestId('presence-instagram-active')).toBeChecked();
    await user.click(tiktok);
    await waitFor(() => expect(backend.audits[s.id].presences.find((p) => p.network === 'tiktok')?.active).toBe(true));

    await user.click(screen.getByTestId('audit-tab-summary'));
    expect(await screen.findByTestId('count-presences')).toHaveTextContent('2 accounts described');
  });

  it('hides the presence questions for first-timers', async () => {
    const { s, backend, user } = await openAudit({ selected: ['instagram'] });
    await user.click(screen.getByTestId('audit-tab-presence'));
    expect(await screen.findByTestId('presence-instagram')).toBeInTheDocument();

    await user.click(screen.getByTestId('first-timer'));
    await waitFor(() => expect(screen.queryByTestId('presence-instagram')).toBeNull());
    expect(screen.getByTestId('first-timer')).toBeChecked();
    expect(screen.getByTestId('first-timer-note')).toHaveTextContent('candidate networks');
    expect(backend.callsTo('audit_set_options')[0].args).toEqual({
      strategyId: s.id,
      notOnSocialYet: true,
      staleAfterDays: 30,
    });
  });
});

describe('audit: measurement', () => {
  const account = (network: string): Presence => ({ ...EMPTY_PRESENCE, network, active: true, handle: '@brand' });

  it('saves what is measured and where, and shows the backend’s answer naming what is missing', async () => {
    const { s, backend, user } = await openAudit({ selected: ['linkedin'], presences: [account('linkedin')] });
    await user.click(screen.getByTestId('audit-tab-measurement'));
    const answer = await screen.findByTestId('measurement-answer');
    expect(answer).toHaveTextContent('Not yet. Missing: reach, engagement, clicks, follower_growth, conversions on linkedin.');
    expect(answer).toHaveAttribute('data-complete', 'false');

    await user.click(screen.getByTestId('metric-linkedin-reach'));
    await waitFor(() => expect(backend.callsTo('metric_save')).toHaveLength(1));
    expect(backend.callsTo('metric_save')[0].args).toEqual({
      strategyId: s.id,
      check: { network: 'linkedin', metric: 'reach', available: true, source: '', not_applicable: false },
    });
    await waitFor(() => expect(screen.getByTestId('measurement-answer')).not.toHaveTextContent('reach,'));
    // Typed on a stopped clock, as fast or as slowly as the machine goes: the pause after typing never ends while
    // typing, so nothing is sent; once it has passed, one save sends the whole source.
    const typist = stoppedFakeClock();
    await typist.type(screen.getByTestId('metric-linkedin-reach-source'), 'LinkedIn Analytics');
    expect(backend.callsTo('metric_save')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(backend.callsTo('metric_save')).toHaveLength(2);
    expect(backend.callsTo('metric_save')[1].args).toEqual({
      strategyId: s.id,
      check: { network: 'linkedin', metric: 'reach', available: true, source: 'LinkedIn Analytics', not_applicable: false },
    });
    vi.useRealTimers();

    for (const m of ['engagement', 'clicks', 'follower_growth', 'conversions']) {
      await user.click(screen.getByTestId(`metric-linkedin-${m}`));
    }
    await waitFor(() => expect(screen.getByTestId('measurement-answer')).toHaveAttribute('data-complete', 'true'));
    expect(screen.getByTestId('measurement-answer')).toHaveTextContent('Yes');
    expect(screen.getByTestId('audit-tab-measurement-done')).toBeInTheDocument();
  });

  it('marks a measurement as not applicable on a network, which settles it, and shows the catalogue’s default', async () => {
    const { s, backend, user } = await openAudit({
      selected: ['linkedin', 'blog'],
      presences: [account('linkedin'), account('blog')],
      metrics: [
        // What Rust proposes for a blog: follower growth does not apply.
        { network: 'blog', metric: 'follower_growth', available: false, source: '', not_applicable: true },
        ...(['reach', 'engagement', 'clicks', 'conversions'] as const).flatMap((metric) =>
          ['linkedin', 'blog'].map((network) => ({ network, metric, available: true, source: 'Stats', not_applicable: false })),
        ),
      ],
    });
    await user.click(screen.getByTestId('audit-tab-measurement'));
    expect(await screen.findByTestId('measurement-answer')).toHaveTextContent('Missing: follower_growth on linkedin.');
    // The blog's default shows: ticked as not applicable, the rest of the row set aside.
    expect(screen.getByTestId('metric-blog-follower_growth-na')).toBeChecked();
    expect(screen.getByTestId('metric-blog-follower_growth')).toBeDisabled();
    expect(screen.getByTestId('metric-blog-follower_growth-source')).toBeDisabled();
    expect(screen.getByTestId('metric-blog-follower_growth-row')).toHaveAttribute('data-not-applicable', 'true');

    const na = screen.getByTestId('metric-linkedin-follower_growth-na');
    expect(na).toHaveAccessibleName('Follower growth does not apply to LinkedIn');
    await user.click(na);
    await waitFor(() => expect(screen.getByTestId('measurement-answer')).toHaveAttribute('data-complete', 'true'));
    expect(backend.callsTo('metric_save').at(-1)?.args).toEqual({
      strategyId: s.id,
      check: { network: 'linkedin', metric: 'follower_growth', available: false, source: '', not_applicable: true },
    });
    expect(screen.getByTestId('metric-linkedin-follower_growth')).toBeDisabled();
    expect(screen.getByTestId('audit-tab-measurement-done')).toBeInTheDocument();

    // The user may disagree with the default: the blog's follower growth applies after all, and is missing.
    await user.click(screen.getByTestId('metric-blog-follower_growth-na'));
    await waitFor(() =>
      expect(screen.getByTestId('measurement-answer')).toHaveTextContent('Missing: follower_growth on blog.'),
    );
    expect(screen.getByTestId('metric-blog-follower_growth')).toBeEnabled();
    expect(backend.audits[s.id].metrics.find((m) => m.network === 'blog' && m.metric === 'follower_growth')).toMatchObject({
      not_applicable: false,
    });
    expect(screen.queryByTestId('audit-tab-measurement-done')).toBeNull();
  });

  it('shows the answer in French as the backend words it', async () => {
    const { user } = await openAudit({ selected: ['linkedin'], presences: [account('linkedin')] }, { language: 'fr' });
    await user.click(screen.getByTestId('audit-tab-measurement'));
    expect(await screen.findByTestId('measurement-answer')).toHaveTextContent('Pas encore. Il manque :');
    expect(screen.getByTestId('metric-linkedin-reach-na')).toHaveAccessibleName('Portée / impressions : sans objet sur LinkedIn');
  });
});

describe('audit: summary', () => {
  const finding: Finding = {
    kind: 'weak_presence',
    severity: 'warning',
    network: 'instagram',
    title: { en: 'Your presence on Instagram is weak', fr: 'Votre présence sur Instagram est faible' },
    explanation: { en: 'Used by Léa (a lot).', fr: 'Utilisé par Léa (beaucoup).' },
    suggestion: { en: 'Post every week.', fr: 'Publiez chaque semaine.' },
    link: { step: 'audit', section: 'presence', network: 'instagram', item: null, pillar: null },
  };
  const info: Finding = {
    ...finding,
    kind: 'best_format',
    severity: 'info',
    title: { en: 'Carousels work best', fr: 'Les carrousels marchent le mieux' },
  };
  const blocking: Finding = {
    ...finding,
    kind: 'missing_measurement',
    severity: 'blocking',
    network: 'linkedin',
    title: { en: 'No measurement', fr: 'Aucune mesure' },
    link: { step: 'audit', section: 'measurement', network: 'linkedin', item: null, pillar: null },
  };

  it('lists the findings by severity in the current language, and "See the data" opens the linked part', async () => {
    const s = makeStrategy({ current_step: 'audit' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id, settings: { language: 'fr', theme: 'system' } });
    backend.audits[s.id] = emptyAudit({ selected: ['instagram', 'linkedin'] });
    backend.findings = [info, finding, blocking];
    const { user } = await renderApp();

    await user.click(await screen.findByTestId('audit-tab-summary'));
    const items = await screen.findAllByTestId('finding');
    expect(items.map((i) => i.getAttribute('data-kind'))).toEqual(['missing_measurement', 'weak_presence', 'best_format']);
    expect(items[1]).toHaveAttribute('data-network', 'instagram');
    expect(items[1]).toHaveTextContent('Votre présence sur Instagram est faible');
    expect(items[1]).toHaveTextContent('Utilisé par Léa (beaucoup).');
    expect(items[1]).toHaveTextContent('Publiez chaque semaine.');
    expect(items[1]).toHaveTextContent('Attention');
    expect(screen.getByTestId('count-networks')).toHaveTextContent('2 réseaux');

    await user.click(within(items[1]).getByTestId('finding-link'));
    const card = await screen.findByTestId('presence-instagram');
    expect(screen.getByTestId('audit-tab-presence')).toHaveAttribute('aria-selected', 'true');
    expect(card).toHaveAttribute('data-highlighted', 'true');

    await user.click(screen.getByTestId('audit-tab-summary'));
    await user.click(within((await screen.findAllByTestId('finding'))[0]).getByTestId('finding-link'));
    expect(await screen.findByTestId('metrics-linkedin')).toHaveAttribute('data-highlighted', 'true');
    expect(screen.getByTestId('audit-tab-measurement')).toHaveAttribute('aria-selected', 'true');
  });

  it('shows step 5 in the wizard, and goes back to the audit', async () => {
    const s = makeStrategy({ current_step: 'test_adapt' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    const { user } = await renderApp();
    // Step 5 loads lazily, with its charts: give it time on a loaded machine.
    expect(await screen.findByTestId('adapt', {}, { timeout: 10000 })).toBeInTheDocument();
    expect(screen.getByTestId('adapt-tab-results')).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByTestId('audit')).toBeNull();
    await user.click(screen.getByTestId('step-audit'));
    expect(await screen.findByTestId('audit-tab-audiences')).toBeInTheDocument();
    expect(backend.callsTo('audit_get')[0].args).toEqual({ strategyId: s.id });
  });

  it('shows the objectives step in the wizard, and asks before marking it done with a blocking finding', async () => {
    const s = makeStrategy({ current_step: 'objectives' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    const { fake } = createObjectivesFake({
      objectives: [{ ...EMPTY_OBJECTIVE, id: 5, title: 'Vague', kpi_metric: 'followers', measurement: { source: '', frequency: null, reviewer: '' } }],
    });
    backend.overrides.objectives_get = () => viewOf(fake);
    const { user } = await renderApp();
    expect(await screen.findByTestId('objectives')).toBeInTheDocument();
    expect(backend.callsTo('objectives_get')[0].args).toEqual({ strategyId: s.id });

    await user.click(screen.getByTestId('step-complete'));
    expect(await screen.findByText('You cannot measure objective “Vague”')).toBeInTheDocument();
    expect(backend.callsTo('strategy_set_step_completed')).toHaveLength(0);
    await user.click(screen.getByTestId('step-complete-anyway'));
    await waitFor(() => expect(backend.callsTo('strategy_set_step_completed')).toHaveLength(1));
    expect(backend.callsTo('strategy_set_step_completed')[0].args).toMatchObject({ step: 'objectives', completed: true });
  });

  it('opens the strategy overview from the rail, and goes back to the step', async () => {
    const s = makeStrategy({ current_step: 'objectives' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    backend.overrides.overview_get = () => ({
      strategy: s,
      audiences: [],
      networks: [],
      goals: [],
      marketing: [],
      objectives: [],
      mix: { strategy: { promotion: 33, curation: 33, interaction: 34 }, networks: [] },
      topics: [],
      findings: [],
      today: '2026-06-01',
    });
    const { user } = await renderApp();
    await screen.findByTestId('objectives');
    await user.click(screen.getByTestId('nav-overview'));
    expect(await screen.findByTestId('overview')).toBeInTheDocument();
    expect(screen.queryByTestId('objectives')).toBeNull();
    await user.click(screen.getByTestId('overview-close'));
    expect(await screen.findByTestId('objectives')).toBeInTheDocument();
  });

  it('shows the benchmark step in the wizard', async () => {
    const s = makeStrategy({ current_step: 'benchmark' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    await renderApp();
    expect(await screen.findByTestId('benchmark')).toBeInTheDocument();
    expect(screen.queryByTestId('audit')).toBeNull();
    expect(backend.callsTo('benchmark_get')[0].args).toEqual({ strategyId: s.id });
  });
});
