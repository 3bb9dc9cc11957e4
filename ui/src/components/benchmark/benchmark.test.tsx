import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearDrafts as clearVoiceDrafts } from '../../autosave';
import type { Finding, Observation, Player } from '../../bindings';
import { formatDay, todayIso } from '../../format';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { pickDate } from '../../test/dates';
import { BenchmarkStep } from './BenchmarkStep';
import { type BenchFake, installBenchmarkBackend } from './testBackend';

// The step remembers its last sub-step per strategy: each test uses a strategy of its own.
let nextStrategy = 1;

async function renderStep(lang: 'en' | 'fr' = 'en') {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const utils = render(
    <AppProviders client={client}>
      <BenchmarkStep strategyId={strategyId} />
    </AppProviders>,
  );
  await screen.findByTestId('benchmark');
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
  clearVoiceDrafts();
  await i18n.changeLanguage('en');
});

const FOURNIL: Player = { id: 1, name: 'Le Fournil', player_type: 'direct_competitor', website: '', notes: '' };
const BIGBREAD: Player = { id: 2, name: 'BigBread', player_type: 'leader', website: 'https://bigbread.example', notes: '' };

function observation(partial: Partial<Observation> & Pick<Observation, 'id' | 'player_id'>): Observation {
  return {
    network: 'instagram',
    observed_on: '2026-03-01',
    followers: null,
    posts_per_week: null,
    engagement_per_post: null,
    themes: [],
    tone: '',
    formats: [],
    works: '',
    fails: '',
    ...partial,
  };
}

const FINDINGS: Finding[] = [
  {
    kind: 'white_space_theme',
    severity: 'info',
    network: null,
    title: { en: 'Nobody talks about “zero waste”', fr: 'Personne ne parle de « zéro déchet »' },
    explanation: { en: 'No player covers this theme.', fr: 'Aucun acteur ne traite ce thème.' },
    suggestion: { en: 'Make it yours.', fr: 'Faites-en votre thème.' },
    link: { step: 'benchmark', section: 'coverage', network: null, item: null, pillar: null },
  },
  {
    kind: 'posts_less_than_competitors',
    severity: 'warning',
    network: 'instagram',
    title: { en: 'You post less than your competitors on Instagram', fr: 'Vous publiez moins que vos concurrents sur Instagram' },
    explanation: { en: '1 post a week against 3.', fr: '1 publication par semaine contre 3.' },
    suggestion: { en: 'Post more often.', fr: 'Publiez plus souvent.' },
    link: { step: 'benchmark', section: 'comparison', network: 'instagram', item: null, pillar: null },
  },
];

/** Two players observed on Instagram, the brand's own themes and figures, and two findings. */
function installRich(): BenchFake {
  return installBenchmarkBackend({
    players: [FOURNIL, BIGBREAD],
    observations: [
      observation({ id: 10, player_id: 1, observed_on: '2026-01-10', followers: 3900, posts_per_week: 2, engagement_per_post: 60 }),
      observation({
        id: 11,
        player_id: 1,
        observed_on: '2026-03-01',
        followers: 4200,
        posts_per_week: 3,
        engagement_per_post: 85.5,
        themes: ['recipes', 'behind the scenes'],
        tone: 'warm',
        formats: ['video'],
        works: 'Reels of the oven',
      }),
      observation({ id: 12, player_id: 2, observed_on: '2026-03-02', followers: 120000, posts_per_week: 7, engagement_per_post: 900, themes: ['Recipes', 'promotions'] }),
    ],
    brandThemes: ['zero waste', 'recipes'],
    brandFigures: { instagram: { followers: 1200, posts_per_week: 1, engagement_per_post: 30 } },
    findings: FINDINGS,
    voice: { words: 'sourdough', tone: '', shares: '', reactions: '', questions: ['What do you share?', 'Which post did you like?'] },
  });
}

describe('players', () => {
  it('adds a player through player_save and shows its card; a missing name is explained inline', async () => {
    const backend = installBenchmarkBackend();
    const { user, strategyId } = await renderStep();

    expect(screen.getByTestId('bench-tab-players')).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByTestId('player-add'));
    await user.click(await screen.findByTestId('player-save'));
    expect(await screen.findByTestId('player-name-error')).toHaveTextContent('Give the player a name.');
    expect(screen.queryByTestId('bench-tab-players-done')).not.toBeInTheDocument();

    // Which parts are filled in is Rust's answer (BenchmarkView.progress): the fake answers what the test sets.
    backend.progress.players = true;
    await user.type(screen.getByTestId('player-name'), 'Le Fournil');
    await user.click(screen.getByTestId('player-save'));

    const card = await screen.findByTestId('player-card');
    expect(card).toHaveTextContent('Le Fournil');
    expect(card).toHaveTextContent('Direct competitor');
    const calls = backend.callsTo('player_save');
    expect(calls).toHaveLength(2);
    expect(calls[1].args).toEqual({
      strategyId,
      playerId: null,
      input: { name: 'Le Fournil', player_type: 'direct_competitor', website: '', notes: '' },
    });
    await waitFor(() => expect(screen.queryByTestId('player-name')).not.toBeInTheDocument());
    expect(screen.getByTestId('bench-save-status')).toHaveTextContent('Saved');
    expect(screen.getByTestId('bench-tab-players-done')).toBeInTheDocument();
  });

  it('saves an edited player as the user types, with no save button; an emptied name is explained inline and kept', async () => {
    const backend = installBenchmarkBackend({ players: [FOURNIL] });
    const { user, strategyId } = await renderStep();

    await user.click(screen.getByTestId('player-edit'));
    const notes = await screen.findByTestId('player-notes');
    expect(screen.queryByTestId('player-save')).not.toBeInTheDocument();
    await user.type(notes, 'Bakes at dawn');

    // On a busy machine a pause in typing may save a part first: what counts is that the last save holds it all.
    await waitFor(() =>
      expect(backend.callsTo('player_save').at(-1)?.args).toEqual({
        strategyId,
        playerId: 1,
        input: { name: 'Le Fournil', player_type: 'direct_competitor', website: '', notes: 'Bakes at dawn' },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('bench-save-status')).toHaveTextContent('Saved'));

    await user.clear(screen.getByTestId('player-name'));
    expect(await screen.findByTestId('player-name-error')).toHaveTextContent('Give the player a name.');
    expect(screen.getByTestId('player-name')).toHaveValue('');
    expect(screen.getByTestId('player-notes')).toHaveValue('Bakes at dawn');
    expect(screen.getByTestId('player-card-name')).toHaveTextContent('Le Fournil');

    await user.type(screen.getByTestId('player-name'), 'Le Fournil d’Or');
    await waitFor(() => expect(screen.queryByTestId('player-name-error')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByTestId('player-card-name')).toHaveTextContent('Le Fournil d’Or'));
    await user.click(screen.getByTestId('player-close'));
    await waitFor(() => expect(screen.queryByTestId('player-name')).not.toBeInTheDocument());
  });

  it('refuses a second player of the same name, whatever its case, on the name field, and keeps what was typed', async () => {
    const backend = installBenchmarkBackend({ players: [FOURNIL] });
    const { user } = await renderStep();

    await user.click(screen.getByTestId('player-add'));
    await user.type(await screen.findByTestId('player-name'), 'LE FOURNIL');
    await user.type(screen.getByTestId('player-website'), 'https://fournil.example');
    await user.click(screen.getByTestId('player-save'));
    expect(await screen.findByTestId('player-name-error')).toHaveTextContent(
      'You already watch a player of this name (capitals aside). Give this one another name, or edit the other.',
    );
    expect(screen.getByTestId('player-name')).toHaveValue('LE FOURNIL');
    expect(screen.getByTestId('player-website')).toHaveValue('https://fournil.example');
    expect(screen.getAllByTestId('player-card')).toHaveLength(1);
    expect(backend.callsTo('player_save')).toHaveLength(1);

    // Another name goes through.
    await user.clear(screen.getByTestId('player-name'));
    await user.type(screen.getByTestId('player-name'), 'Le Fournil du Port');
    await user.click(screen.getByTestId('player-save'));
    await waitFor(() => expect(screen.getAllByTestId('player-card')).toHaveLength(2));
  });

  it('in French, says the name is taken in French', async () => {
    installBenchmarkBackend({ players: [FOURNIL] });
    const { user } = await renderStep('fr');
    await user.click(screen.getByTestId('player-add'));
    await user.type(await screen.findByTestId('player-name'), 'le fournil');
    await user.click(screen.getByTestId('player-save'));
    expect(await screen.findByTestId('player-name-error')).toHaveTextContent(
      'Vous suivez déjà un acteur de ce nom (majuscules mises à part). Donnez-lui un autre nom, ou modifiez l’autre.',
    );
  });

  it('deletes a player after confirmation', async () => {
    const backend = installBenchmarkBackend({ players: [FOURNIL, BIGBREAD] });
    const { user } = await renderStep();

    expect(screen.getAllByTestId('player-card')).toHaveLength(2);
    await user.click(screen.getAllByTestId('player-delete')[0]);
    await user.click(await screen.findByTestId('bench-confirm-delete'));

    await waitFor(() => expect(screen.getAllByTestId('player-card')).toHaveLength(1));
    expect(screen.getByTestId('player-card')).toHaveTextContent('BigBread');
    expect(backend.callsTo('player_delete')[0].args).toMatchObject({ playerId: 1 });
  });
});

describe('observations', () => {
  it('shows the translated inline error for negative followers and keeps what was typed', async () => {
    const backend = installBenchmarkBackend({ players: [FOURNIL] });
    const { user } = await renderStep();

    await user.click(screen.getByTestId('bench-tab-observations'));
    await user.click(await screen.findByTestId('observation-add'));
    const followers = await screen.findByTestId('observation-followers');
    await user.type(followers, '-5');
    await user.type(screen.getByTestId('observation-tone'), 'playful');
    await user.click(screen.getByTestId('observation-save'));

    expect(await screen.findByTestId('observation-followers-error')).toHaveTextContent('Must be 0 or more.');
    expect(screen.getByTestId('observation-followers')).toHaveValue('-5');
    expect(screen.getByTestId('observation-tone')).toHaveValue('playful');
    const sent = backend.callsTo('observation_save')[0].args;
    expect(sent).toMatchObject({ observationId: null, input: { player_id: 1, followers: -5, observed_on: todayIso() } });
    expect(screen.getByTestId('bench-save-status')).toHaveTextContent('Not saved: Must be 0 or more.');

    // Fixing the value saves the observation, which is then listed.
    await user.clear(screen.getByTestId('observation-followers'));
    await user.type(screen.getByTestId('observation-followers'), '5');
    // The day is picked in the date picker, and reaches Rust as `YYYY-MM-DD`.
    await pickDate(user, await screen.findByTestId('observation-date-input'), '2026-02-14');
    expect(screen.getByTestId('observation-date-input')).toHaveTextContent('February 14, 2026');
    await user.click(screen.getByTestId('observation-save'));
    expect(await screen.findByTestId('observation-row')).toHaveTextContent('playful');
    expect(backend.observations).toHaveLength(1);
    expect(backend.observations[0]).toMatchObject({ followers: 5, network: 'facebook', tone: 'playful', observed_on: '2026-02-14' });
  });

  it('in French, shows the French inline error', async () => {
    installBenchmarkBackend({ players: [FOURNIL] });
    const { user } = await renderStep('fr');

    await user.click(screen.getByTestId('bench-tab-observations'));
    await user.click(await screen.findByTestId('observation-add'));
    await user.type(await screen.findByTestId('observation-followers'), '-5');
    await user.click(screen.getByTestId('observation-save'));
    expect(await screen.findByTestId('observation-followers-error')).toHaveTextContent('Doit être 0 ou plus.');
    expect(screen.getByTestId('observation-followers')).toHaveValue('-5');
  });

  it('lists each player’s observations newest first and repeats one today', async () => {
    const backend = installRich();
    const { user } = await renderStep();

    await user.click(screen.getByTestId('bench-tab-observations'));
    const fournil = (await screen.findAllByTestId('player-observations'))[0];
    const rows = within(fournil).getAllByTestId('observation-row');
    expect(rows.map((r) => r.getAttribute('data-latest'))).toEqual(['true', 'false']);
    expect(rows[0]).toHaveTextContent('March 1, 2026');
    expect(rows[0]).toHaveTextContent('4,200');
    expect(rows[1]).toHaveTextContent('January 10, 2026');

    await user.click(within(rows[0]).getByTestId('observation-repeat'));
    expect(await screen.findByTestId('observation-followers')).toHaveValue('4200');
    expect(await screen.findByTestId('observation-date-input')).toHaveTextContent(formatDay(todayIso(), 'en'));
    await user.clear(screen.getByTestId('observation-followers'));
    await user.type(screen.getByTestId('observation-followers'), '4500');
    await user.click(screen.getByTestId('observation-save'));

    await waitFor(() => expect(within(fournil).getAllByTestId('observation-row')).toHaveLength(3));
    const sent = backend.callsTo('observation_save')[0].args;
    expect(sent).toMatchObject({
      observationId: null,
      input: { player_id: 1, network: 'instagram', observed_on: todayIso(), followers: 4500, themes: ['recipes', 'behind the scenes'], formats: ['video'] },
    });
    expect(within(fournil).getAllByTestId('observation-row')[0]).toHaveTextContent('4,500');
  });
});

describe('comparison', () => {
  it('shows the brand first in each network’s table, the chart and the coverage matrix with white space', async () => {
    installRich();
    const { user } = await renderStep();

    await user.click(screen.getByTestId('bench-tab-comparison'));
    const table = await screen.findByTestId('comparison-table');
    expect(table).toHaveAttribute('data-network', 'instagram');
    const rows = within(table).getAllByTestId('comparison-row');
    expect(rows.map((r) => r.getAttribute('data-brand'))).toEqual(['true', 'false', 'false']);
    expect(rows[0]).toHaveTextContent('Acme');
    expect(rows[0]).toHaveTextContent('Your brand');
    expect(rows[0]).toHaveTextContent('From your audit');
    // The latest observation of each player, formatted for the UI language.
    expect(rows[1]).toHaveTextContent('Le Fournil');
    expect(rows[1]).toHaveTextContent('4,200');
    expect(rows[1]).toHaveTextContent('85.5');
    expect(rows[1]).toHaveTextContent('March 1, 2026');
    expect(rows[2]).toHaveTextContent('120,000');

    const chart = screen.getByTestId('engagement-chart');
    expect(chart).toHaveAttribute('data-points', '3');
    expect(chart).toHaveAttribute('data-network', 'instagram');
    // The chart itself is loaded on demand.
    await waitFor(() => expect(chart.querySelector('.recharts-responsive-container')).not.toBeNull());

    const matrix = screen.getByTestId('coverage-matrix');
    const markers = within(matrix).getAllByTestId('white-space');
    expect(markers).toHaveLength(1);
    const zeroWaste = within(matrix)
      .getAllByTestId('coverage-row')
      .find((r) => r.getAttribute('data-theme') === 'zero waste');
    expect(zeroWaste).toBeDefined();
    expect(zeroWaste).toContainElement(markers[0]);
    const recipes = within(matrix)
      .getAllByTestId('coverage-row')
      .find((r) => r.getAttribute('data-theme') === 'recipes');
    expect(within(recipes as HTMLElement).getByTestId('crowded')).toBeInTheDocument();
    // Brand + both players cover "recipes".
    expect(within(recipes as HTMLElement).getAllByTestId('coverage-check')).toHaveLength(3);
  });

  it('in French, formats figures the French way', async () => {
    installRich();
    const { user } = await renderStep('fr');
    await user.click(screen.getByTestId('bench-tab-comparison'));
    const rows = within(await screen.findByTestId('comparison-table')).getAllByTestId('comparison-row');
    expect(rows[0]).toHaveTextContent('Votre marque');
    expect(rows[1].textContent).toMatch(/4\s200/);
    expect(rows[1]).toHaveTextContent('85,5');
    expect(rows[1]).toHaveTextContent('1 mars 2026');
    // The kind of player in a badge short enough to show whole; its network in the table's name.
    expect(within(rows[2]).getByTestId('comparison-player-type')).toHaveTextContent(/^Leader$/);
    expect(screen.getByRole('table', { name: 'Comparaison sur Instagram' })).toBeInTheDocument();
  });

  it('saves the brand’s themes, and the matrix follows the answer', async () => {
    const backend = installRich();
    const { user } = await renderStep();

    await user.click(screen.getByTestId('bench-tab-comparison'));
    const input = await screen.findByTestId('brand-themes');
    await user.type(input, 'local flour{Enter}');

    await waitFor(() => expect(backend.callsTo('brand_themes_save')).toHaveLength(1));
    expect(backend.callsTo('brand_themes_save')[0].args.themes).toEqual(['zero waste', 'recipes', 'local flour']);
    await waitFor(() => expect(within(screen.getByTestId('coverage-matrix')).getAllByTestId('white-space')).toHaveLength(2));
  });
});

describe('summary', () => {
  it('shows the findings in the UI language, and “See the data” opens the comparison', async () => {
    installRich();
    const { user } = await renderStep('fr');

    await user.click(screen.getByTestId('bench-tab-summary'));
    const list = await screen.findByTestId('bench-findings');
    const findings = within(list).getAllByTestId('bench-finding');
    // Most severe first.
    expect(findings.map((f) => f.getAttribute('data-kind'))).toEqual(['posts_less_than_competitors', 'white_space_theme']);
    expect(findings[0]).toHaveAttribute('data-network', 'instagram');
    expect(findings[0]).toHaveTextContent('Vous publiez moins que vos concurrents sur Instagram');
    expect(findings[0]).toHaveTextContent('Suggestion : Publiez plus souvent.');
    expect(findings[0]).toHaveTextContent('Attention');

    // Switching the language switches the texts.
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getAllByTestId('bench-finding')[0]).toHaveTextContent('You post less than your competitors on Instagram');

    await user.click(within(screen.getAllByTestId('bench-finding')[0]).getByTestId('bench-finding-link'));
    expect(screen.getByTestId('bench-tab-comparison')).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('comparison-table')).toBeInTheDocument();
    expect(screen.getByTestId('chart-network')).toHaveValue('Instagram');
  });

  it('the coverage link opens the comparison too', async () => {
    installRich();
    const { user } = await renderStep();
    await user.click(screen.getByTestId('bench-tab-summary'));
    const finding = (await screen.findAllByTestId('bench-finding'))[1];
    expect(finding).toHaveAttribute('data-kind', 'white_space_theme');
    await user.click(within(finding).getByTestId('bench-finding-link'));
    expect(await screen.findByTestId('coverage-matrix')).toBeInTheDocument();
  });
});

describe('customer voice', () => {
  it('copies the survey text of the UI language to the clipboard', async () => {
    installRich();
    const { user } = await renderStep();
    const writeText = vi.fn().mockResolvedValue(undefined);
    // After userEvent.setup(), which puts a clipboard stub of its own in place.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    await user.click(screen.getByTestId('bench-tab-voice'));
    expect(await screen.findByTestId('survey-preview')).toHaveTextContent('Acme would like your opinion');
    await user.click(screen.getByTestId('survey-copy'));

    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText).toHaveBeenCalledWith(
      'Acme would like your opinion\n\nIt takes two minutes and helps us share what matters to you.\n\n1. What do you share?\n2. Which post did you like?\n\nThank you!\n',
    );
    expect(await screen.findByText('The survey text is copied.')).toBeInTheDocument();
  });

  it('copies the survey text with a question just typed, once it is saved', async () => {
    const backend = installRich();
    const { user } = await renderStep();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    await user.click(screen.getByTestId('bench-tab-voice'));
    await user.click(await screen.findByTestId('voice-question-add'));
    await user.type(screen.getAllByTestId('voice-question')[2], 'Why us?');
    await user.click(screen.getByTestId('survey-copy'));

    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0][0]).toContain('3. Why us?');
    expect(backend.voice.questions).toEqual(['What do you share?', 'Which post did you like?', 'Why us?']);
  });

  it('saves the text fields as the user types, once typing pauses, and reorders questions', async () => {
    const backend = installRich();
    const { user } = await renderStep();

    await user.click(screen.getByTestId('bench-tab-voice'));
    const words = await screen.findByTestId('voice-words');
    expect(words).toHaveValue('sourdough');
    await user.type(words, ', crusty');

    // The last save holds all that was typed. How many saves it took depends on the pauses in typing, which a busy
    // machine stretches: each one holds what was typed so far, never anything else.
    await waitFor(() => expect(backend.voice.words).toBe('sourdough, crusty'));
    await waitFor(() => expect(screen.getByTestId('bench-save-status')).toHaveTextContent('Saved'));
    const saved = backend.callsTo('voice_save').map((c) => (c.args.voice as { words: string }).words);
    expect(saved.length).toBeGreaterThan(0);
    for (const w of saved) expect('sourdough, crusty'.startsWith(w)).toBe(true);

    // A new question, typed in; then moved to the top.
    await user.click(screen.getByTestId('voice-question-add'));
    const questions = screen.getAllByTestId('voice-question');
    expect(questions).toHaveLength(3);
    await user.type(questions[2], 'Why us?');
    await user.tab();
    await waitFor(() => expect(backend.voice.questions).toEqual(['What do you share?', 'Which post did you like?', 'Why us?']));
    await user.click(screen.getAllByTestId('voice-question-up')[2]);
    await waitFor(() => expect(backend.voice.questions[1]).toBe('Why us?'));
    expect(screen.getAllByTestId('voice-question').map((q) => (q as HTMLInputElement).value)).toEqual([
      'What do you share?',
      'Why us?',
      'Which post did you like?',
    ]);
    expect(await screen.findByTestId('survey-preview')).toHaveTextContent('2. Why us?');
  });
});

describe('trends', () => {
  it('adds a trend for all networks; a missing title is explained inline', async () => {
    const backend = installBenchmarkBackend();
    const { user } = await renderStep();

    await user.click(screen.getByTestId('bench-tab-trends'));
    await user.click(await screen.findByTestId('trend-add'));
    await user.type(await screen.findByTestId('trend-why'), 'Short and human');
    await user.click(screen.getByTestId('trend-save'));
    expect(await screen.findByTestId('trend-title-error')).toHaveTextContent('Give the trend a name.');
    expect(screen.getByTestId('trend-why')).toHaveValue('Short and human');

    await user.type(screen.getByTestId('trend-title'), 'A day in the life');
    await user.click(screen.getByTestId('trend-save'));
    const card = await screen.findByTestId('trend-card');
    expect(card).toHaveTextContent('A day in the life');
    expect(card).toHaveTextContent('All networks');
    expect(backend.callsTo('trend_save')[1].args).toMatchObject({
      trendId: null,
      input: { title: 'A day in the life', network: null, why: 'Short and human' },
    });
  });
});
