// Step 5's results: the import of a network's export (the dry run's report, the rows with errors to skip, the import
// with its progress, cancelling it), and the unplanned posts to link to a planned post or to keep.
import { act, screen, waitFor, within } from '@testing-library/react';
import { emit } from '@tauri-apps/api/event';
import type userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, ResultsImportReport, ResultsMapping } from '../../bindings';
import i18n from '../../i18n';
import { runningFakeClock } from '../../test/clock';
import { post } from '../calendar/testBackend';
import { CHECK_DELAY_MS } from './Results';
import { csvPreview, deferred, importReport, installAdaptBackend, resultsMapping } from './testBackend';
import { renderAdapt } from './testRender';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

type User = ReturnType<typeof userEvent.setup>;

/** Opens a Mantine select and picks the option with this label (jsdom never ends the dropdown's transition). */
async function pick(user: User, input: HTMLElement, option: string) {
  await user.click(input);
  const listbox = await waitFor(() => {
    const l = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!l) throw new Error('the dropdown is not open');
    return l;
  });
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

const WITH_ERRORS = importReport({
  file: 'page-posts-2027.xlsx',
  kind: 'linkedin_posts',
  network: 'linkedin',
  rows: 12,
  matched: 7,
  updated: 1,
  unchanged: 0,
  unplanned: 2,
  rejected: 2,
  errors: [
    { line: 4, column: 'Impressions', expected: { en: 'a whole number, e.g. 1200', fr: 'un nombre entier, p. ex. 1200' } },
    { line: 9, column: 'Date', expected: { en: 'a date such as 07/14/2026', fr: 'une date comme 07/14/2026' } },
  ],
  error_count: 3,
});

const CANCELLED: ApiError = { code: 'cancelled', message: 'cancelled: nothing was written', fields: [] };

describe('importing a network export', () => {
  it('shows the dry run, asks to skip the rows with errors, shows the progress, then refreshes the results', async () => {
    const fake = installAdaptBackend({ pick: WITH_ERRORS });
    const run = deferred<ResultsImportReport>();
    fake.overrides.results_import_run = () => run.promise;
    const { user, strategyId } = await renderAdapt();
    await screen.findByTestId('unplanned-empty');
    expect(fake.callsTo('unplanned_list')).toHaveLength(1);

    await user.click(screen.getByTestId('results-import'));
    const report = await screen.findByTestId('results-report');
    expect(fake.callsTo('results_pick')[0].args).toEqual({ strategyId });
    expect(within(report).getByTestId('results-report-file')).toHaveTextContent('page-posts-2027.xlsx');
    expect(within(report).getByTestId('results-report-kind')).toHaveTextContent('LinkedIn page posts export');
    expect(report).toHaveTextContent('LinkedIn · 12 rows');
    expect(report).toHaveTextContent('The numbers will be dated January 12, 2027.');
    expect(within(report).getByTestId('results-count-matched')).toHaveTextContent('7Matched to a planned post');
    expect(within(report).getByTestId('results-count-updated')).toHaveAttribute('data-count', '1');
    expect(within(report).getByTestId('results-count-unchanged')).toHaveAttribute('data-count', '0');
    expect(within(report).getByTestId('results-count-unplanned')).toHaveTextContent('2New unplanned posts');
    expect(within(report).getByTestId('results-count-rejected')).toHaveAttribute('data-count', '2');
    expect(report).toHaveTextContent('3 rows have errors');
    const rows = within(report).getAllByTestId('results-error-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('4Impressionsa whole number, e.g. 1200');
    expect(within(report).getByTestId('results-errors-more')).toHaveTextContent('And 1 more error.');

    // Nothing is imported while a row is bad, unless those rows are skipped.
    const runButton = within(report).getByTestId('results-run');
    expect(runButton).toBeDisabled();
    await user.click(within(report).getByTestId('results-skip'));
    expect(runButton).toBeEnabled();
    await user.click(runButton);
    await waitFor(() => expect(fake.callsTo('results_import_run')).toHaveLength(1));
    expect(fake.callsTo('results_import_run')[0].args).toEqual({ strategyId, skipInvalid: true, mapping: null });

    const progress = screen.getByTestId('results-progress');
    expect(screen.getByTestId('results-progress-text')).toHaveTextContent('Importing…');
    await act(() => emit('results-import-progress', { done: 3, total: 12 }));
    await waitFor(() => expect(screen.getByTestId('results-progress-text')).toHaveTextContent('3 of 12 rows'));
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByTestId('results-cancel')).toBeEnabled();

    await act(async () => run.resolve({ ...WITH_ERRORS, written: true }));
    expect(
      await screen.findByText('Results imported: 7 matched, 1 updated, 0 unchanged, 2 unplanned, 2 left out.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('results-report')).not.toBeInTheDocument());
    // The unplanned posts are fetched again.
    await waitFor(() => expect(fake.callsTo('unplanned_list')).toHaveLength(2));
  });

  it('cancels a running import: nothing was changed, and it can be run again', async () => {
    const fake = installAdaptBackend({ pick: importReport() });
    const run = deferred<ResultsImportReport>();
    fake.overrides.results_import_run = () => run.promise;
    fake.overrides.results_import_cancel = () => {
      run.reject(CANCELLED);
      return null;
    };
    const { user } = await renderAdapt();

    await user.click(screen.getByTestId('results-import'));
    const report = await screen.findByTestId('results-report');
    expect(within(report).queryByTestId('results-skip')).not.toBeInTheDocument();
    expect(within(report).getByTestId('results-run')).toBeEnabled();
    await user.click(within(report).getByTestId('results-run'));
    await screen.findByTestId('results-progress');
    await user.click(screen.getByTestId('results-cancel'));

    expect(fake.callsTo('results_import_cancel')).toHaveLength(1);
    expect(await within(report).findByTestId('results-cancelled')).toHaveTextContent('Cancelled: nothing was changed.');
    expect(screen.queryByTestId('results-progress')).not.toBeInTheDocument();
    expect(screen.getByTestId('results-report')).toBeInTheDocument();
    expect(within(report).getByTestId('results-run')).toBeEnabled();
    expect(screen.queryByText(/Results imported/)).not.toBeInTheDocument();
    expect(fake.callsTo('unplanned_list')).toHaveLength(1);
  });

  it('shows the new report when the file changed since its check and nothing was imported', async () => {
    const fake = installAdaptBackend({ pick: importReport() });
    fake.overrides.results_import_run = () => ({ ...WITH_ERRORS, written: false });
    const { user } = await renderAdapt();

    await user.click(screen.getByTestId('results-import'));
    const report = await screen.findByTestId('results-report');
    await user.click(within(report).getByTestId('results-run'));
    expect(await within(report).findByTestId('results-not-written')).toHaveTextContent('Nothing was imported');
    expect(within(report).getByTestId('results-report-kind')).toHaveTextContent('LinkedIn page posts export');
    expect(within(report).getByTestId('results-skip')).not.toBeChecked();
    expect(within(report).getByTestId('results-run')).toBeDisabled();
    expect(screen.queryByText(/Results imported/)).not.toBeInTheDocument();
  });

  it('does nothing when the file dialog is cancelled, and says why a file cannot be used', async () => {
    const fake = installAdaptBackend({ pick: null });
    const { user } = await renderAdapt();

    await user.click(screen.getByTestId('results-import'));
    await waitFor(() => expect(fake.callsTo('results_pick')).toHaveLength(1));
    expect(screen.queryByTestId('results-report')).not.toBeInTheDocument();

    fake.overrides.results_pick = () => {
      throw { code: 'invalid_file', message: 'No known export: the columns are not those of X, Meta or LinkedIn.', fields: [] };
    };
    await user.click(screen.getByTestId('results-import'));
    expect(await screen.findByText(/This file cannot be used/)).toBeInTheDocument();
    expect(screen.queryByTestId('results-report')).not.toBeInTheDocument();
  });

  it('shows the report in French', async () => {
    installAdaptBackend({ pick: WITH_ERRORS });
    const { user } = await renderAdapt({ lang: 'fr' });
    expect(screen.getByTestId('adapt-tab-results')).toHaveTextContent('Résultats');
    expect(screen.getByTestId('adapt-tab-kpis')).toHaveTextContent('Objectifs');
    expect(screen.getByTestId('results-import')).toHaveTextContent('Importer un export de réseau');

    await user.click(screen.getByTestId('results-import'));
    const report = await screen.findByTestId('results-report');
    expect(within(report).getByTestId('results-report-kind')).toHaveTextContent('Export des publications de page LinkedIn');
    expect(report).toHaveTextContent('Les chiffres seront datés du 12 janvier 2027.');
    expect(report).toHaveTextContent('3 lignes ont des erreurs');
    expect(within(report).getAllByTestId('results-error-row')[0]).toHaveTextContent('un nombre entier, p. ex. 1200');
    expect(within(report).getByTestId('results-skip').closest('.mantine-Checkbox-root')).toHaveTextContent(
      'Ignorer les lignes en erreur',
    );
    expect(within(report).getByTestId('results-run')).toHaveTextContent('Importer');
  });
});

describe('importing any other CSV through a column mapping', () => {
  const PREVIEW = csvPreview();
  const SUGGESTED = PREVIEW.mapping;
  const MAPPED_ERRORS = importReport({
    file: 'planner-report.csv',
    kind: 'mapped',
    network: '',
    rows: 9,
    matched: 5,
    updated: 1,
    unchanged: 0,
    unplanned: 1,
    rejected: 2,
    errors: [
      { line: 3, column: 'Views', expected: { en: 'a whole number, e.g. 1200', fr: 'un nombre entier, p. ex. 1200' } },
      { line: 7, column: 'Published', expected: { en: 'a date such as 31/12/2027', fr: 'une date comme 31/12/2027' } },
    ],
    error_count: 2,
  });
  const lastCheck = (fake: ReturnType<typeof installAdaptBackend>) => {
    const calls = fake.callsTo('results_mapping_check');
    return calls[calls.length - 1]?.args;
  };

  it('opens the mapping screen with the suggested mapping, and checks the whole file', async () => {
    const fake = installAdaptBackend({ preview: PREVIEW });
    const { user, strategyId } = await renderAdapt();
    expect(screen.getByText(/Any other spreadsheet of results/)).toBeInTheDocument();

    await user.click(screen.getByTestId('results-import'));
    const modal = await screen.findByTestId('results-mapping');
    expect(screen.queryByTestId('results-report')).not.toBeInTheDocument();
    expect(within(modal).getByTestId('results-map-file')).toHaveTextContent('File: planner-report.csv · 2 rows');
    expect(within(modal).getByTestId('results-map-header')).toBeChecked();
    expect(within(modal).getByTestId('results-map-network')).toHaveValue('Channel');
    expect(within(modal).getByTestId('results-map-date')).toHaveValue('Published');
    expect(within(modal).getByTestId('results-map-date')).toBeRequired();
    expect(within(modal).getByTestId('results-map-date_order')).toHaveValue('Day first (31/12/2027)');
    expect(within(modal).getByTestId('results-map-text')).toHaveValue('Message');
    expect(within(modal).getByTestId('results-map-impressions')).toHaveValue('Views');
    expect(within(modal).getByTestId('results-map-reactions')).toHaveValue('Likes');
    for (const f of ['external_id', 'permalink', 'format', 'reach', 'comments', 'shares', 'saves', 'clicks', 'video_views', 'follows', 'leads']) {
      expect(within(modal).getByTestId(`results-map-${f}`)).toHaveValue('Not in the file');
    }
    expect(within(modal).getByTestId('results-map-default_network')).toHaveValue('');
    expect(within(modal).getByTestId('results-map-preview')).toHaveTextContent('Spring sale is on');

    // The suggested mapping is checked at once.
    await waitFor(() => expect(fake.callsTo('results_mapping_check')).toHaveLength(1));
    expect(lastCheck(fake)).toEqual({ strategyId, mapping: SUGGESTED });
    expect(await within(modal).findByTestId('results-map-summary')).toHaveTextContent('10 rows ready, 0 with errors');
    expect(within(modal).getByTestId('results-count-matched')).toHaveAttribute('data-count', '6');
    expect(within(modal).getByTestId('results-count-unplanned')).toHaveAttribute('data-count', '2');
    expect(within(modal).getByTestId('results-map-run')).toBeEnabled();
  });

  it('checks the file again after each change of the mapping, with the whole new mapping', async () => {
    runningFakeClock();
    const fake = installAdaptBackend({ preview: PREVIEW });
    const { user, strategyId } = await renderAdapt();
    await user.click(screen.getByTestId('results-import'));
    const modal = await screen.findByTestId('results-mapping');
    await waitFor(() => expect(fake.callsTo('results_mapping_check')).toHaveLength(1));

    await pick(user, within(modal).getByTestId('results-map-network'), 'Not in the file');
    await pick(user, within(modal).getByTestId('results-map-default_network'), 'Instagram');
    await pick(user, within(modal).getByTestId('results-map-date_order'), 'Month first (12/31/2027)');
    await pick(user, within(modal).getByTestId('results-map-reach'), 'Views');
    const expected: ResultsMapping = resultsMapping({
      network: null,
      default_network: 'instagram',
      date: 1,
      date_order: 'month_first',
      text: 2,
      measures: { ...SUGGESTED.measures, impressions: 3, reach: 3, reactions: 4 },
    });
    await waitFor(() => expect(lastCheck(fake)).toEqual({ strategyId, mapping: expected }));

    // The header line is data once unticked: the columns are numbered.
    await user.click(within(modal).getByTestId('results-map-header'));
    await waitFor(() => expect(lastCheck(fake)).toEqual({ strategyId, mapping: { ...expected, has_header: false } }));
    expect(within(modal).getByTestId('results-map-date')).toHaveValue('Column 2');

    // With no date column, nothing is checked and nothing can be imported.
    const before = fake.callsTo('results_mapping_check').length;
    await pick(user, within(modal).getByTestId('results-map-date'), 'Not in the file');
    expect(within(modal).getByTestId('results-map-missing')).toHaveTextContent('Choose the column of the publication date');
    expect(within(modal).getByTestId('results-map-run')).toBeDisabled();
    // Past the check's delay, nothing was sent.
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    expect(fake.callsTo('results_mapping_check')).toHaveLength(before);
  });

  it('lists the errors, imports only once they are skipped, then runs the import with the mapping', async () => {
    const fake = installAdaptBackend({ preview: PREVIEW, mapped: () => MAPPED_ERRORS });
    const run = deferred<ResultsImportReport>();
    fake.overrides.results_import_run = () => run.promise;
    const { user, strategyId } = await renderAdapt();
    await user.click(screen.getByTestId('results-import'));
    const modal = await screen.findByTestId('results-mapping');

    expect(await within(modal).findByTestId('results-map-summary')).toHaveTextContent('7 rows ready, 2 with errors');
    const rows = within(modal).getAllByTestId('results-error-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('3Viewsa whole number, e.g. 1200');
    expect(rows[1]).toHaveTextContent('7Publisheda date such as 31/12/2027');
    const runButton = within(modal).getByTestId('results-map-run');
    expect(runButton).toBeDisabled();
    await user.click(within(modal).getByTestId('results-map-skip'));
    expect(runButton).toBeEnabled();

    await user.click(runButton);
    await waitFor(() => expect(fake.callsTo('results_import_run')).toHaveLength(1));
    expect(fake.callsTo('results_import_run')[0].args).toEqual({ strategyId, skipInvalid: true, mapping: SUGGESTED });
    // The same run as a known export's: progress, then the results refreshed.
    expect(screen.getByTestId('results-progress-text')).toHaveTextContent('Importing…');
    await act(() => emit('results-import-progress', { done: 4, total: 8 }));
    await waitFor(() => expect(screen.getByTestId('results-progress-text')).toHaveTextContent('4 of 8 rows'));
    expect(screen.getByTestId('results-cancel')).toBeEnabled();
    await act(async () => run.resolve({ ...MAPPED_ERRORS, written: true }));
    expect(
      await screen.findByText('Results imported: 5 matched, 1 updated, 0 unchanged, 1 unplanned, 2 left out.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('results-mapping')).not.toBeInTheDocument());
    await waitFor(() => expect(fake.callsTo('unplanned_list')).toHaveLength(2));
  });

  it('shows the mapping screen in French', async () => {
    installAdaptBackend({ preview: PREVIEW, mapped: () => MAPPED_ERRORS });
    const { user } = await renderAdapt({ lang: 'fr' });
    await user.click(screen.getByTestId('results-import'));
    const modal = await screen.findByTestId('results-mapping');
    expect(within(modal).getByTestId('results-map-file')).toHaveTextContent('Fichier : planner-report.csv · 2 lignes');
    expect(within(modal).getByTestId('results-map-external_id')).toHaveValue('Absent du fichier');
    expect(await within(modal).findByTestId('results-map-summary')).toHaveTextContent('7 lignes prêtes, 2 en erreur');
    expect(within(modal).getAllByTestId('results-error-row')[0]).toHaveTextContent('un nombre entier, p. ex. 1200');
    expect(within(modal).getByTestId('results-map-run')).toHaveTextContent('Importer');
  });
});

describe('unplanned posts', () => {
  const planned = post(1, { network: 'instagram', scheduled_at: '2027-01-10T10:00', title: 'Spring sale is on', status: 'scheduled' });
  const tooFar = post(2, { network: 'instagram', scheduled_at: '2027-01-25T10:00', title: 'Too far away' });
  const otherNetwork = post(3, { network: 'linkedin', scheduled_at: '2027-01-11T10:00', title: 'On LinkedIn' });
  const unplanned = post(10, {
    network: 'instagram',
    scheduled_at: '2027-01-12T18:00',
    title: 'Flash sale today',
    text: 'Flash sale today\nEverything at half price until midnight.',
    status: 'published',
    pillar: null,
  });
  const another = post(11, { network: 'instagram', scheduled_at: '2027-01-05T12:00', title: 'Behind the scenes', status: 'published' });

  it('links an unplanned post to a planned post of the same network within 7 days', async () => {
    const fake = installAdaptBackend({ unplanned: [10, 11] }, { posts: [planned, tooFar, otherNetwork, unplanned, another] });
    const { user, strategyId } = await renderAdapt();

    const row = await screen.findByTestId('unplanned-10');
    const list = screen.getByTestId('unplanned-list');
    expect(within(list).getAllByTestId(/^unplanned-\d+$/).map((el) => el.dataset.testid)).toEqual([
      'unplanned-10',
      'unplanned-11',
    ]);
    expect(row).toHaveTextContent('Instagram');
    expect(row).toHaveTextContent('January 12, 2027 18:00');
    expect(row).toHaveTextContent('Flash sale today');
    expect(row).toHaveTextContent('Flash sale today Everything at half price until midnight.');
    // One calendar query covers the days around every unplanned post.
    await waitFor(() => expect(fake.callsTo('calendar_get')).toHaveLength(1));
    expect(fake.callsTo('calendar_get')[0].args).toEqual({ strategyId, from: '2026-12-29', to: '2027-01-19' });

    const select = within(row).getByTestId('unplanned-select-10');
    await waitFor(() => expect(select).toBeEnabled());
    expect(row).toHaveTextContent('Posts planned on Instagram within 7 days of it.');
    await user.click(select);
    const listbox = await waitFor(() => document.getElementById(select.getAttribute('aria-controls') ?? '')!);
    expect(within(listbox).getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual([
      'Spring sale is on — January 10, 2027 10:00',
    ]);
    await user.click(within(listbox).getByRole('option', { name: /Spring sale is on/, hidden: true }));
    await user.click(within(row).getByTestId('unplanned-link-10'));

    await waitFor(() => expect(fake.callsTo('unplanned_link')).toHaveLength(1));
    expect(fake.callsTo('unplanned_link')[0].args).toEqual({ strategyId, unplannedId: 10, plannedId: 1 });
    expect(await screen.findByText('Linked: its results now belong to the planned post.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('unplanned-10')).not.toBeInTheDocument());
    expect(screen.getByTestId('unplanned-11')).toBeInTheDocument();
  });

  it('keeps a post as unplanned (nothing is sent) and can open it again', async () => {
    const fake = installAdaptBackend({ unplanned: [11] }, { posts: [another] });
    const { user } = await renderAdapt();

    const row = await screen.findByTestId('unplanned-11');
    expect(row).toHaveAttribute('data-kept', 'false');
    await waitFor(() => expect(row).toHaveTextContent('No post is planned on Instagram within 7 days of it.'));
    expect(within(row).getByTestId('unplanned-select-11')).toBeDisabled();
    await user.click(within(row).getByTestId('unplanned-keep-11'));
    expect(row).toHaveAttribute('data-kept', 'true');
    expect(within(row).queryByTestId('unplanned-select-11')).not.toBeInTheDocument();
    expect(fake.callsTo('unplanned_link')).toHaveLength(0);

    await user.click(within(row).getByRole('button', { name: 'Link options for “Behind the scenes”' }));
    expect(within(row).getByTestId('unplanned-select-11')).toBeInTheDocument();
  });

  it('says why a link was refused and keeps the post listed', async () => {
    const fake = installAdaptBackend({ unplanned: [10] }, { posts: [planned, unplanned] });
    fake.overrides.unplanned_link = () => {
      throw { code: 'conflict', message: 'the planned post is on linkedin, the unplanned one on instagram', fields: [] };
    };
    const { user } = await renderAdapt();
    const row = await screen.findByTestId('unplanned-10');
    const select = within(row).getByTestId('unplanned-select-10');
    await waitFor(() => expect(select).toBeEnabled());
    await pick(user, select, 'Spring sale is on — January 10, 2027 10:00');
    await user.click(within(row).getByTestId('unplanned-link-10'));
    expect(await screen.findByText(/the planned post is on linkedin/)).toBeInTheDocument();
    expect(screen.getByTestId('unplanned-10')).toBeInTheDocument();
  });
});
