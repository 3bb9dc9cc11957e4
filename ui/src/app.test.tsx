import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { holdAudit, installBackend, makeStrategy } from './test/backend';
import { runningFakeClock } from './test/clock';
import { renderApp } from './test/render';

describe('start-up', () => {
  it('shows the welcome screen when there is nothing to reopen, and the sample opens in the wizard', async () => {
    const backend = installBackend();
    const { user } = await renderApp();

    expect(await screen.findByTestId('welcome')).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo('ui_ready')).toHaveLength(1));

    await user.click(screen.getByTestId('welcome-sample'));

    expect(await screen.findByTestId('strategy-view')).toBeInTheDocument();
    expect(backend.callsTo('sample_create')).toHaveLength(1);
    expect(screen.getByTestId('strategy-title')).toHaveTextContent('Sample: Café Lumière');
    expect(screen.getByTestId('step-title')).toHaveTextContent('Audit');
    expect(backend.callsTo('strategy_open')).toHaveLength(1);
    expect(backend.callsTo('ui_ready')).toHaveLength(1);
  });

  it('reopens the last strategy at its current step', async () => {
    const s = makeStrategy({ name: 'Spring launch', current_step: 'objectives' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    await renderApp();

    expect(await screen.findByTestId('step-title')).toHaveTextContent('Objectives');
    expect(screen.getByTestId('strategy-title')).toHaveTextContent('Spring launch');
    expect(screen.queryByTestId('welcome')).not.toBeInTheDocument();
    expect(backend.callsTo('strategy_get')[0].args).toEqual({ id: s.id });
    expect(backend.callsTo('strategy_open')).toHaveLength(0);
    await waitFor(() => expect(backend.callsTo('ui_ready')).toHaveLength(1));
  });

  it('tells the start-up benchmark it is ready once the step shows its data, after the paint', async () => {
    runningFakeClock({ frames: true });
    const s = makeStrategy({ name: 'Spring launch', current_step: 'audit' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    const { release } = holdAudit(backend);
    await renderApp();

    // The strategy is shown, its step still loads: not ready yet.
    expect(await screen.findByTestId('audit-loading')).toBeInTheDocument();
    // A second later in fake time, frames painted and the tasks after them run: still not ready.
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.callsTo('ui_ready')).toHaveLength(0);

    release();
    expect(await screen.findByTestId('audit')).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo('ui_ready')).toHaveLength(1));
    const marks = JSON.parse(backend.callsTo('ui_ready')[0].args.marks as string) as Record<string, number>;
    expect(marks.painted).toBeGreaterThanOrEqual(marks.ready);
    // Only then does it fetch what the strategy form needs.
    await waitFor(() => expect(backend.callsTo('timezones')).toHaveLength(1));
  });

  it('falls back to the list when the strategy to reopen is gone', async () => {
    installBackend({ strategies: [makeStrategy({ name: 'Still here' })], lastStrategyId: 999 });
    await renderApp();
    expect(await screen.findByTestId('strategies')).toBeInTheDocument();
    expect(await screen.findByText('This strategy no longer exists.')).toBeInTheDocument();
    expect(screen.getByTestId('strategy-row')).toHaveTextContent('Still here');
  });
});

describe('database problems', () => {
  it('explains in plain words why the data cannot be opened', async () => {
    const backend = installBackend();
    backend.overrides.app_info = () => {
      throw { code: 'newer_schema', message: 'schema 9 > 2', fields: [] };
    };
    await renderApp();
    expect(await screen.findByTestId('load-error')).toHaveTextContent(
      'The data was saved by a newer version of Cinq. Please update Cinq.',
    );
    expect(screen.getByText('Details: schema 9 > 2')).toBeInTheDocument();
  });
});

describe('strategy form', () => {
  it('shows a translated inline error from a validation rejection and keeps the typed values', async () => {
    const backend = installBackend({ strategies: [makeStrategy({ name: 'Taken' })] });
    const { user } = await renderApp();

    await user.click(await screen.findByTestId('welcome-new'));
    const name = await screen.findByTestId('field-name');
    await user.type(name, 'Taken');
    await user.type(screen.getByTestId('field-organisation'), 'Maison Bleue');
    await user.click(screen.getByTestId('strategy-form-submit'));

    expect(await screen.findByTestId('field-name-error')).toHaveTextContent('Another strategy already has this name.');
    expect(backend.callsTo('strategy_create')).toHaveLength(1);
    const input = backend.callsTo('strategy_create')[0].args.input as Record<string, unknown>;
    expect(input).toMatchObject({ name: 'Taken', organisation: 'Maison Bleue', language: 'en' });
    expect(input.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByTestId('field-name')).toHaveValue('Taken');
    expect(screen.getByTestId('field-organisation')).toHaveValue('Maison Bleue');

    // Fixing the name creates the strategy and opens it.
    await user.type(screen.getByTestId('field-name'), ' 2');
    await user.click(screen.getByTestId('strategy-form-submit'));
    expect(await screen.findByTestId('strategy-view')).toBeInTheDocument();
    expect(screen.getByTestId('strategy-title')).toHaveTextContent('Taken 2');
  });

  it('shows server errors for other fields inline, and other errors as a notification', async () => {
    const backend = installBackend();
    backend.overrides.strategy_create = () => {
      throw { code: 'validation', message: 'bad', fields: [{ field: 'timezone', code: 'invalid_timezone' }] };
    };
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('welcome-new'));
    await user.type(await screen.findByTestId('field-name'), 'My plan');
    await user.click(screen.getByTestId('strategy-form-submit'));
    expect(await screen.findByText('Not a valid time zone, such as Europe/Paris.')).toBeInTheDocument();

    backend.overrides.strategy_create = () => {
      throw { code: 'io', message: 'disk full', fields: [] };
    };
    await user.click(screen.getByTestId('strategy-form-submit'));
    expect(await screen.findByText('The file could not be read or written.')).toBeInTheDocument();
    expect(screen.getByText('Details: disk full')).toBeInTheDocument();
    expect(screen.getByTestId('field-name')).toHaveValue('My plan');
  });

  it('checks the name on the client before calling the backend', async () => {
    const backend = installBackend();
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('welcome-new'));
    await user.click(await screen.findByTestId('strategy-form-submit'));
    expect(await screen.findByTestId('field-name-error')).toHaveTextContent('A name is required.');
    expect(backend.callsTo('strategy_create')).toHaveLength(0);
  });
});

describe('strategies screen', () => {
  it('asks before deleting, and Undo restores the strategy', async () => {
    const a = makeStrategy({ name: 'Alpha' });
    const b = makeStrategy({ name: 'Beta' });
    const backend = installBackend({ strategies: [a, b] });
    const { user } = await renderApp();

    await user.click(await screen.findByTestId('welcome-open'));
    await screen.findByTestId('strategies');
    const rows = await screen.findAllByTestId('strategy-row');
    expect(rows).toHaveLength(2);

    await user.click(within(rows[1]).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Delete this strategy?')).toBeInTheDocument();
    expect(backend.callsTo('strategy_delete')).toHaveLength(0);

    await user.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(screen.getAllByTestId('strategy-row')).toHaveLength(1));
    expect(backend.callsTo('strategy_delete')[0].args).toEqual({ id: b.id });

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getAllByTestId('strategy-row')).toHaveLength(2));
    expect(backend.callsTo('strategy_restore')[0].args).toEqual({ id: b.id });
  });

  it('renames a strategy from the list', async () => {
    const a = makeStrategy({ name: 'Alpha', organisation: 'Acme' });
    const backend = installBackend({ strategies: [a] });
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('welcome-open'));
    const row = await screen.findByTestId('strategy-row');
    await user.click(within(row).getByRole('button', { name: 'Rename or edit' }));

    const name = await screen.findByTestId('field-name');
    expect(name).toHaveValue('Alpha');
    expect(await screen.findByTestId('field-start-date')).toHaveTextContent('March 2, 2026');
    await user.clear(name);
    await user.type(name, 'Alpha renamed');
    await user.click(screen.getByTestId('strategy-form-submit'));

    await waitFor(() => expect(screen.getByTestId('strategy-row')).toHaveTextContent('Alpha renamed'));
    expect(backend.callsTo('strategy_update')[0].args).toEqual({
      id: a.id,
      input: {
        name: 'Alpha renamed',
        organisation: 'Acme',
        sector: 'Retail',
        language: 'en',
        timezone: 'Europe/Paris',
        start_date: '2026-03-02',
      },
    });
  });

  it('lists strategies with their progress and duplicates one', async () => {
    const a = makeStrategy({
      name: 'Alpha',
      steps: [
        { step: 'audit', completed: true },
        { step: 'benchmark', completed: true },
        { step: 'objectives', completed: false },
        { step: 'calendar', completed: false },
        { step: 'test_adapt', completed: false },
      ],
    });
    const backend = installBackend({ strategies: [a] });
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('welcome-open'));
    const row = await screen.findByTestId('strategy-row');
    expect(row).toHaveTextContent('Alpha');
    expect(row).toHaveTextContent('2/5');

    await user.click(within(row).getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(screen.getAllByTestId('strategy-row')).toHaveLength(2));
    // The copy is named in the UI's language.
    expect(backend.callsTo('strategy_duplicate')[0].args).toEqual({ id: a.id, language: 'en' });
  });
});

describe('wizard', () => {
  it('marks completed steps in the rail and moves between steps', async () => {
    const s = makeStrategy({
      steps: [
        { step: 'audit', completed: true },
        { step: 'benchmark', completed: false },
        { step: 'objectives', completed: true },
        { step: 'calendar', completed: false },
        { step: 'test_adapt', completed: false },
      ],
    });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    const { user } = await renderApp();

    await screen.findByTestId('strategy-view');
    expect(screen.getByTestId('step-audit')).toHaveAttribute('data-completed', 'true');
    expect(within(screen.getByTestId('step-audit')).getByRole('img', { name: 'Completed' })).toBeInTheDocument();
    expect(screen.getByTestId('step-benchmark')).toHaveAttribute('data-completed', 'false');
    expect(within(screen.getByTestId('step-benchmark')).queryByRole('img', { name: 'Completed' })).toBeNull();
    expect(screen.getByTestId('step-progress')).toHaveTextContent('2 of 5 steps completed');

    await user.click(screen.getByTestId('step-calendar'));
    expect(await screen.findByTestId('step-title')).toHaveTextContent('Calendar');
    expect(backend.callsTo('strategy_set_current_step')[0].args).toEqual({ id: s.id, step: 'calendar' });

    expect(screen.getByTestId('step-complete')).toHaveTextContent('Mark this step as complete');
    expect(screen.queryByTestId('step-is-complete')).toBeNull();
    await user.click(screen.getByTestId('step-complete'));
    await waitFor(() => expect(screen.getByTestId('step-progress')).toHaveTextContent('3 of 5 steps completed'));
    expect(backend.callsTo('strategy_set_step_completed')[0].args).toEqual({ id: s.id, step: 'calendar', completed: true });
    expect(screen.getByTestId('step-calendar')).toHaveAttribute('data-completed', 'true');
    // Marked: the step says so, and the button offers to reopen it.
    expect(screen.getByTestId('step-is-complete')).toHaveTextContent('This step is complete');
    expect(screen.getByTestId('step-complete')).toHaveTextContent('Mark as not complete');
    await user.click(screen.getByTestId('step-complete'));
    await waitFor(() => expect(screen.getByTestId('step-progress')).toHaveTextContent('2 of 5 steps completed'));
    expect(backend.callsTo('strategy_set_step_completed')[1].args).toEqual({ id: s.id, step: 'calendar', completed: false });
    expect(screen.getByTestId('step-complete')).toHaveTextContent('Mark this step as complete');
    expect(screen.queryByTestId('step-is-complete')).toBeNull();
    await user.click(screen.getByTestId('step-complete'));
    await waitFor(() => expect(screen.getByTestId('step-progress')).toHaveTextContent('3 of 5 steps completed'));

    expect(screen.getByTestId('step-next')).toHaveTextContent('Next: Test & adapt');
    await user.click(screen.getByTestId('step-next'));
    await waitFor(() => expect(screen.getByTestId('step-title')).toHaveTextContent('Test & adapt'));
    expect(backend.callsTo('strategy_set_current_step')[1].args).toEqual({ id: s.id, step: 'test_adapt' });
    expect(screen.queryByTestId('step-next')).toBeNull();

    await user.click(screen.getByTestId('nav-strategies'));
    expect(await screen.findByTestId('strategies')).toBeInTheDocument();
  });
});

describe('settings', () => {
  it('switches the interface to French and the theme to dark, and saves both', async () => {
    const s = makeStrategy({ current_step: 'objectives' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    const { user } = await renderApp();

    expect(await screen.findByTestId('step-title')).toHaveTextContent('Objectives');
    await user.click(screen.getByTestId('open-settings'));
    expect(await screen.findByText('/home/me/.local/share/cinq/cinq.db')).toBeInTheDocument();

    await user.click(screen.getByTestId('settings-lang-fr'));
    await waitFor(() => expect(screen.getByTestId('step-title')).toHaveTextContent('Objectifs'));
    expect(backend.callsTo('settings_set')[0].args).toEqual({ settings: { language: 'fr', theme: 'system' } });
    expect(screen.getByTestId('nav-strategies')).toHaveTextContent('Stratégies');
    expect(screen.getByTestId('step-progress')).toHaveTextContent('0 étape terminée sur 5');
    expect(document.documentElement.lang).toBe('fr');

    await user.click(screen.getByTestId('settings-theme-dark'));
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark'));
    expect(backend.settings).toEqual({ language: 'fr', theme: 'dark' });

    await user.click(screen.getByTestId('settings-close'));
    await waitFor(() => expect(screen.queryByTestId('settings-close')).toBeNull());
  });

  it('shows in About the name, version and database path the backend gives, in English and French', async () => {
    const backend = installBackend();
    backend.overrides.app_info = () => ({
      name: 'Cinq',
      version: '9.8.7-test',
      db_path: '/home/ana/.local/share/io.cinq.desktop/cinq.sqlite3',
      last_strategy_id: null,
      system_language: 'en',
    });
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('open-settings'));

    const about = await screen.findByTestId('settings-about');
    expect(within(about).getByTestId('settings-app-name')).toHaveTextContent(/^Cinq$/);
    expect(within(about).getByTestId('settings-version')).toHaveTextContent(/^9\.8\.7-test$/);
    expect(within(about).getByTestId('settings-db-path')).toHaveTextContent(
      /^\/home\/ana\/\.local\/share\/io\.cinq\.desktop\/cinq\.sqlite3$/,
    );
    expect(within(about).getByTestId('settings-data-where')).toHaveTextContent(
      'Everything you enter is saved in this file, on this computer only.',
    );

    await user.click(screen.getByTestId('settings-lang-fr'));
    await waitFor(() => expect(within(about).getByText('Base de données')).toBeInTheDocument());
    expect(within(about).getByTestId('settings-data-where')).toHaveTextContent(
      'Tout ce que vous saisissez est enregistré dans ce fichier, sur cet ordinateur uniquement.',
    );
    expect(within(about).getByTestId('settings-version')).toHaveTextContent(/^9\.8\.7-test$/);
  });

  it('uses the saved language at start-up', async () => {
    installBackend({ settings: { language: 'fr', theme: 'system' } });
    await renderApp();
    expect(await screen.findByText('Bienvenue dans Cinq')).toBeInTheDocument();
    expect(screen.getByTestId('welcome-sample')).toHaveTextContent('Ouvrir la stratégie d’exemple');
  });

  it('follows the OS language when the preference is "system"', async () => {
    installBackend({ settings: { language: 'system', theme: 'system' }, systemLanguage: 'fr' });
    await renderApp();
    expect(await screen.findByText('Bienvenue dans Cinq')).toBeInTheDocument();
  });
});

describe('reviews due on the home screen', () => {
  it('lists the due reviews of every strategy and opens one at step 5', async () => {
    const a = makeStrategy({ name: 'Spring launch', current_step: 'calendar' });
    const b = makeStrategy({ name: 'Café Lumière' });
    const backend = installBackend({
      strategies: [a, b],
      dueReviews: [
        { strategy_id: a.id, strategy_name: 'Spring launch', adaptation_id: 41, decision: 'Post less on Facebook', review_on: '2027-03-01' },
        { strategy_id: b.id, strategy_name: 'Café Lumière', adaptation_id: 42, decision: 'More videos', review_on: '2027-03-08' },
      ],
    });
    const { user } = await renderApp();

    await user.click(await screen.findByTestId('welcome-open'));
    await screen.findByTestId('strategies');
    const section = await screen.findByTestId('reviews-due');
    expect(section).toHaveTextContent('Reviews due');
    const first = screen.getByTestId('review-41');
    expect(first).toHaveTextContent('Spring launch');
    expect(first).toHaveTextContent('Post less on Facebook');
    expect(first).toHaveTextContent('Review date: March 1, 2027');
    expect(screen.getByTestId('review-42')).toHaveTextContent('More videos');

    await user.click(within(first).getByRole('button', { name: 'Open “Spring launch” at step 5, test & adapt' }));
    expect(await screen.findByTestId('strategy-view')).toBeInTheDocument();
    expect(screen.getByTestId('strategy-title')).toHaveTextContent('Spring launch');
    await waitFor(() => expect(screen.getByTestId('step-title')).toHaveTextContent('Test & adapt'));
    expect(backend.callsTo('strategy_set_current_step')[0].args).toEqual({ id: a.id, step: 'test_adapt' });
    await waitFor(() => expect(backend.callsTo('strategy_open')).toHaveLength(1));
  });

  it('shows the due reviews on the welcome screen too, in French', async () => {
    installBackend({
      settings: { language: 'fr', theme: 'system' },
      dueReviews: [{ strategy_id: 9, strategy_name: 'Printemps', adaptation_id: 7, decision: 'Moins de Facebook', review_on: '2027-03-01' }],
    });
    await renderApp();
    const section = await screen.findByTestId('reviews-due');
    expect(section).toHaveTextContent('Bilans à faire');
    expect(screen.getByTestId('review-7')).toHaveTextContent('Date du bilan : 1 mars 2027');
  });

  it('shows nothing when no review is due', async () => {
    const backend = installBackend({ strategies: [makeStrategy({ name: 'Calm' })] });
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('welcome-open'));
    expect(await screen.findByTestId('strategy-row')).toHaveTextContent('Calm');
    await waitFor(() => expect(backend.callsTo('reviews_due').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('reviews-due')).not.toBeInTheDocument();
  });
});
