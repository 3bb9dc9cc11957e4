// The calendar's export and import dialogs: the options an export sends, and the import of a Cinq file or of any
// CSV through the column mapping, its dry runs and the errors they list.
import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, CalendarImported, ColumnMapping, CsvPreview, MappedImportReport } from '../../bindings';
import i18n from '../../i18n';
import { runningFakeClock } from '../../test/clock';
import { pickDate } from '../../test/dates';
import { EXPORT_STORAGE_KEY, ExportModal } from './ExportModal';
import { CHECK_DELAY_MS, ImportModal } from './ImportModal';
import { calendarKey } from './state';
import { installCalendarBackend, post, viewOf, type CalFake } from './testBackend';
import { renderInCalendar, WEEK } from './testRender';

type User = ReturnType<typeof userEvent.setup>;

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** Opens a Mantine combobox (unless it is open) and picks the option with this label (jsdom keeps the dropdown hidden). */
async function pick(user: User, input: HTMLElement, option: string) {
  const dropdown = () => document.getElementById(input.getAttribute('aria-controls') ?? '');
  // A multi-select stays open after a pick: clicking it again would close it.
  if (!dropdown()) await user.click(input);
  const listbox = await waitFor(() => {
    const el = dropdown();
    if (!el) throw new Error('the dropdown is not open');
    return el;
  });
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

const SLOW = { timeout: 3000 };

// ---------------------------------------------------------------------------------------------------------------
// Export.

describe('export', () => {
  it('sends the format, the period on screen, the networks, the statuses, the separator and the mark chosen', async () => {
    const fake = installCalendarBackend();
    const onClose = vi.fn();
    const { user, strategyId } = await renderInCalendar(<ExportModal opened onClose={onClose} />);
    await screen.findByTestId('export-modal');

    // English defaults: Cinq CSV, the whole plan, commas, the UTF-8 mark.
    expect(screen.getByTestId('export-format-cinq-csv')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: 'Whole plan' })).toBeChecked();
    expect(screen.getByTestId('export-modal')).toHaveTextContent('Every dated post of the plan.');
    await user.click(screen.getByTestId('export-period-screen'));
    expect(screen.getByTestId('export-modal')).toHaveTextContent('The period on screen:');
    expect(screen.getByTestId('export-modal')).toHaveTextContent('Every field of every post');
    expect(screen.getByTestId('export-modal')).toHaveTextContent('one file per network');
    expect(screen.getByTestId('export-bom')).toBeChecked();

    await user.click(screen.getByTestId('export-format-google-csv'));
    expect(screen.getByTestId('export-format-google-csv')).toHaveAttribute('aria-checked', 'true');
    await pick(user, screen.getByTestId('export-networks'), 'Instagram');
    await pick(user, screen.getByTestId('export-networks'), 'LinkedIn');
    await pick(user, screen.getByTestId('export-statuses'), 'Ready');
    await user.click(screen.getByTestId('export-delimiter-semicolon'));
    await user.click(screen.getByTestId('export-bom'));
    await user.click(screen.getByTestId('export-run'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.callsTo('calendar_export')).toHaveLength(1);
    expect(fake.callsTo('calendar_export')[0].args).toEqual({
      strategyId,
      options: {
        format: 'google-csv',
        from: WEEK.from,
        to: WEEK.to,
        networks: ['instagram', 'linkedin'],
        statuses: ['ready'],
        delimiter: 'semicolon',
        bom: false,
      },
    });
    expect(await screen.findByText('Exported to calendar.csv')).toBeInTheDocument();
    // The choices are remembered.
    expect(JSON.parse(window.localStorage.getItem(EXPORT_STORAGE_KEY) ?? '{}')).toMatchObject({
      format: 'google-csv',
      networks: ['instagram', 'linkedin'],
      delimiter: 'semicolon',
      bom: false,
    });
  });

  it('defaults to semicolons in French, exports the whole plan, and hides the CSV options for iCalendar', async () => {
    const fake = installCalendarBackend();
    fake.overrides.calendar_export = () => ['/home/me/plan.hootsuite.instagram.csv', '/home/me/plan.hootsuite.x.csv'];
    const onClose = vi.fn();
    const { user } = await renderInCalendar(<ExportModal opened onClose={onClose} />, { lang: 'fr' });
    await screen.findByTestId('export-modal');
    expect(screen.getByTestId('export-modal')).toHaveTextContent('Excel en français attend des points-virgules');

    await user.click(screen.getByTestId('export-format-ics'));
    expect(screen.queryByTestId('export-delimiter-semicolon')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-bom')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('export-format-hootsuite'));
    expect(screen.getByTestId('export-bom')).toBeInTheDocument();

    // The whole plan, by default.
    expect(screen.getByRole('radio', { name: 'Tout le plan' })).toBeChecked();
    await user.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.callsTo('calendar_export')[0].args.options).toEqual({
      format: 'hootsuite',
      from: null,
      to: null,
      networks: [],
      statuses: [],
      delimiter: 'semicolon',
      bom: true,
    });
    expect(
      await screen.findByText('2 fichiers exportés : plan.hootsuite.instagram.csv, plan.hootsuite.x.csv'),
    ).toBeInTheDocument();
  });

  it('sends custom dates once they are in order', async () => {
    const fake = installCalendarBackend();
    const { user } = await renderInCalendar(<ExportModal opened onClose={vi.fn()} />);
    await screen.findByTestId('export-modal');
    await user.click(screen.getByTestId('export-period-custom'));
    await pickDate(user, await screen.findByTestId('export-from'), '2027-03-31');
    await pickDate(user, await screen.findByTestId('export-to'), '2027-03-01');
    expect(screen.getByTestId('export-dates-error')).toHaveTextContent('The end date comes before the start date.');
    expect(screen.getByTestId('export-run')).toBeDisabled();
    await pickDate(user, screen.getByTestId('export-from'), '2027-02-01');
    expect(screen.getByTestId('export-from')).toHaveTextContent('February 1, 2027');
    expect(screen.queryByTestId('export-dates-error')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(fake.callsTo('calendar_export')).toHaveLength(1));
    expect(fake.callsTo('calendar_export')[0].args.options).toMatchObject({ from: '2027-02-01', to: '2027-03-01' });
  });

  it('stays open, silently, when the save dialog is cancelled', async () => {
    const fake = installCalendarBackend();
    fake.overrides.calendar_export = () => null;
    const onClose = vi.fn();
    const { user } = await renderInCalendar(<ExportModal opened onClose={onClose} />);
    await screen.findByTestId('export-modal');
    await user.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(fake.callsTo('calendar_export')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('export-run')).not.toHaveAttribute('data-loading'));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('export-modal')).toBeInTheDocument();
    expect(screen.queryByText(/Exported/)).not.toBeInTheDocument();
  });

  it('says when the export fails, and stays open', async () => {
    const fake = installCalendarBackend();
    fake.overrides.calendar_export = () => {
      throw { code: 'io', message: 'cannot write /x/plan.csv: denied', fields: [] } satisfies ApiError;
    };
    const onClose = vi.fn();
    const { user } = await renderInCalendar(<ExportModal opened onClose={onClose} />);
    await screen.findByTestId('export-modal');
    await user.click(screen.getByTestId('export-run'));
    expect(await screen.findByText('The file could not be read or written.')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows nothing while closed', async () => {
    installCalendarBackend();
    await renderInCalendar(
      <>
        <ExportModal opened={false} onClose={vi.fn()} />
        <ImportModal opened={false} onClose={vi.fn()} />
        <span data-testid="probe" />
      </>,
    );
    await screen.findByTestId('probe');
    expect(screen.queryByTestId('export-modal')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-modal')).not.toBeInTheDocument();
  });

  it('starts from the choices made last time', async () => {
    window.localStorage.setItem(
      EXPORT_STORAGE_KEY,
      JSON.stringify({
        version: 2,
        format: 'sprout',
        period: 'custom',
        from: '2027-02-01',
        to: '2027-02-28',
        networks: ['x', 'gone'],
        statuses: ['draft'],
        delimiter: 'comma',
        bom: false,
      }),
    );
    const fake = installCalendarBackend();
    const { user } = await renderInCalendar(<ExportModal opened onClose={vi.fn()} />, { lang: 'fr' });
    await screen.findByTestId('export-modal');
    expect(screen.getByTestId('export-format-sprout')).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(fake.callsTo('calendar_export')).toHaveLength(1));
    expect(fake.callsTo('calendar_export')[0].args.options).toEqual({
      format: 'sprout',
      from: '2027-02-01',
      to: '2027-02-28',
      networks: ['x'],
      statuses: ['draft'],
      delimiter: 'comma',
      bom: false,
    });
  });

  it('starts from the whole plan when the choices kept hold the period on screen of the earlier default', async () => {
    window.localStorage.setItem(
      EXPORT_STORAGE_KEY,
      JSON.stringify({ format: 'ics', period: 'screen', networks: [], statuses: [], delimiter: 'comma', bom: true }),
    );
    const fake = installCalendarBackend();
    const { user } = await renderInCalendar(<ExportModal opened onClose={vi.fn()} />);
    await screen.findByTestId('export-modal');
    expect(screen.getByTestId('export-format-ics')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: 'Whole plan' })).toBeChecked();
    await user.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(fake.callsTo('calendar_export')).toHaveLength(1));
    expect(fake.callsTo('calendar_export')[0].args.options).toMatchObject({ format: 'ics', from: null, to: null });
    // Kept with their version: the period chosen is read next time.
    expect(JSON.parse(window.localStorage.getItem(EXPORT_STORAGE_KEY) ?? '{}')).toMatchObject({ version: 2, period: 'all' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Import.

const MAPPING: ColumnMapping = {
  has_header: true,
  network: 0,
  default_network: null,
  date: 1,
  time: 2,
  date_order: 'day_first',
  title: null,
  text: 3,
  link: 4,
  media_notes: null,
  pillar: null,
  topic: null,
  status: null,
  campaign: null,
  editorial_item: null,
  objective: null,
};

const PREVIEW: CsvPreview = {
  file: 'plan.csv',
  delimiter: ';',
  cinq: false,
  columns: ['Réseau', 'Jour', 'Heure', 'Message', 'URL'],
  rows: [
    ['instagram', '12/01/2027', '09:30', 'Hello', 'https://example.com'],
    ['linkedin', '31/02/2027', '10:00', 'World', ''],
    ['mastodon', '14/01/2027', '11:00', 'Again', ''],
  ],
  total_rows: 3,
  mapping: MAPPING,
};

function report(partial: Partial<MappedImportReport> = {}): MappedImportReport {
  return {
    rows: 3,
    imported: 3,
    skipped: 0,
    errors: [],
    error_count: 0,
    written: false,
    created_topics: 0,
    created_objectives: 0,
    created_editorial: 0,
    ...partial,
  };
}

// A dry run counts the good rows as `imported` and the bad ones as `skipped`.
const BAD_ROWS: Partial<MappedImportReport> = {
  imported: 1,
  skipped: 2,
  errors: [
    {
      line: 3,
      column: 'Jour',
      expected: { en: 'a date such as 31/12/2026, found 31/02/2027', fr: 'une date comme 31/12/2026, trouvé 31/02/2027' },
    },
    {
      line: 4,
      column: 'Réseau',
      expected: { en: 'a network you kept, found mastodon', fr: 'un réseau social gardé, trouvé mastodon' },
    },
  ],
  error_count: 2,
};

/** The fake's import: dry runs answer `dry`; the real run adds a post and answers `done` with the view. */
function importBackend(fake: CalFake, dry: (mapping: ColumnMapping | null) => MappedImportReport, done: MappedImportReport) {
  fake.overrides.calendar_import_pick = () => PREVIEW;
  fake.overrides.calendar_import_run = (a): CalendarImported => {
    if (a.dryRun) return { report: dry(a.mapping as ColumnMapping | null), view: viewOf(fake, a.from as string, a.to as string) };
    fake.posts = [...fake.posts, post(77, { title: 'Imported', scheduled_at: '2027-01-12T09:30' })];
    return { report: done, view: viewOf(fake, a.from as string, a.to as string) };
  };
}

const dryRuns = (fake: CalFake) => fake.callsTo('calendar_import_run').filter((c) => c.args.dryRun);

describe('import', () => {
  it('imports a Cinq calendar file as it stands', async () => {
    const fake = installCalendarBackend();
    fake.overrides.calendar_import_pick = () => ({ ...PREVIEW, file: 'plan.cinq.csv', cinq: true, total_rows: 12 });
    fake.overrides.calendar_import_run = (a): CalendarImported => ({
      report: report({ rows: 12, imported: 12, written: true, created_topics: 2 }),
      view: viewOf(fake, a.from as string, a.to as string),
    });
    const onClose = vi.fn();
    const { user, strategyId } = await renderInCalendar(<ImportModal opened onClose={onClose} />);

    await user.click(await screen.findByTestId('import-pick'));
    expect(await screen.findByTestId('import-cinq')).toHaveTextContent('This is a Cinq calendar file: 12 posts.');
    expect(screen.queryByTestId('import-mapping')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('import-run'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.callsTo('calendar_import_run')).toHaveLength(1);
    expect(fake.callsTo('calendar_import_run')[0].args).toEqual({
      strategyId,
      mapping: null,
      skipInvalid: false,
      dryRun: false,
      from: WEEK.from,
      to: WEEK.to,
    });
    expect(await screen.findByText('12 posts imported; created: 2 topics.')).toBeInTheDocument();
  });

  it('stays on the picker when the file dialog is cancelled', async () => {
    const fake = installCalendarBackend();
    const { user } = await renderInCalendar(<ImportModal opened onClose={vi.fn()} />);
    await user.click(await screen.findByTestId('import-pick'));
    await waitFor(() => expect(fake.callsTo('calendar_import_pick')).toHaveLength(1));
    expect(screen.queryByTestId('import-cinq')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-mapping')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-pick')).toHaveTextContent('Choose a CSV file…');
  });

  it('shows where a bad Cinq file is wrong, in the dialog, and imports nothing', async () => {
    const fake = installCalendarBackend();
    fake.overrides.calendar_import_pick = () => ({ ...PREVIEW, cinq: true });
    fake.overrides.calendar_import_run = () => {
      throw {
        code: 'invalid_file',
        message: 'plan.csv, line 3, column date: a date as YYYY-MM-DD and a time as HH:MM, found \'31/02\' and \'\'',
        fields: [],
      } satisfies ApiError;
    };
    const onClose = vi.fn();
    const { user, client, strategyId } = await renderInCalendar(<ImportModal opened onClose={onClose} />);
    await user.click(await screen.findByTestId('import-pick'));
    await user.click(await screen.findByTestId('import-run'));

    const alert = await screen.findByTestId('import-error');
    expect(alert).toHaveTextContent('The file could not be imported');
    expect(alert).toHaveTextContent('plan.csv, line 3, column date: a date as YYYY-MM-DD');
    expect(onClose).not.toHaveBeenCalled();
    expect(client.getQueryData<{ calendar: { posts: unknown[] } }>(calendarKey(strategyId, WEEK))?.calendar.posts).toEqual([]);
  });

  it('starts the mapping from the suggested one, checks the file again when it changes, and lists the errors in French', async () => {
    const fake = installCalendarBackend();
    importBackend(fake, (m) => (m?.title === null ? report() : report(BAD_ROWS)), report());
    const { user, strategyId } = await renderInCalendar(<ImportModal opened onClose={vi.fn()} />, { lang: 'fr' });
    await user.click(await screen.findByTestId('import-pick'));

    const mapping = await screen.findByTestId('import-mapping');
    expect(screen.getByTestId('import-has-header')).toBeChecked();
    expect(screen.getByTestId('map-network')).toHaveValue('Réseau');
    expect(screen.getByTestId('map-date')).toHaveValue('Jour');
    expect(screen.getByTestId('map-time')).toHaveValue('Heure');
    expect(screen.getByTestId('map-text')).toHaveValue('Message');
    expect(screen.getByTestId('map-link')).toHaveValue('URL');
    expect(screen.getByTestId('map-title')).toHaveValue('— absent du fichier —');
    expect(screen.queryByTestId('map-default-network')).not.toBeInTheDocument();
    expect(within(mapping).getByTestId('map-date-order-day_first')).toHaveTextContent('Jour d’abord (31/12/2026)');

    // The preview names the field above each column.
    const table = screen.getByTestId('import-preview');
    const fieldCells = within(table).getAllByTestId('import-preview-field');
    expect(fieldCells.map((c) => c.textContent)).toEqual(['Réseau social', 'Date', 'Heure', 'Texte', 'Lien']);
    expect(table).toHaveTextContent('31/02/2027');

    // The first check uses the suggested mapping as it stands.
    await waitFor(() => expect(dryRuns(fake)).toHaveLength(1), SLOW);
    expect(dryRuns(fake)[0].args).toEqual({
      strategyId,
      mapping: MAPPING,
      skipInvalid: false,
      dryRun: true,
      from: WEEK.from,
      to: WEEK.to,
    });
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('Les 3 lignes sont prêtes à importer.');

    // A new mapping is checked again.
    await pick(user, screen.getByTestId('map-title'), 'Message');
    await waitFor(() => expect(dryRuns(fake)).toHaveLength(2), SLOW);
    expect(dryRuns(fake)[1].args.mapping).toEqual({ ...MAPPING, title: 3 });
    expect(fieldCells[3]).toHaveTextContent('Titre, Texte');

    const errors = await screen.findByTestId('import-errors', undefined, SLOW);
    expect(screen.getByTestId('import-summary')).toHaveTextContent(
      '1 ligne prête à importer, 2 avec des erreurs.',
    );
    const rows = within(errors).getAllByTestId('import-error-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('3');
    expect(rows[0]).toHaveTextContent('Jour');
    expect(rows[0]).toHaveTextContent('une date comme 31/12/2026, trouvé 31/02/2027');
    expect(rows[1]).toHaveTextContent('un réseau social gardé, trouvé mastodon');
    expect(screen.getByTestId('import-run')).toBeDisabled();
  });

  it('imports only once the rows with errors are skipped, then shows the new calendar and closes', async () => {
    const fake = installCalendarBackend();
    importBackend(
      fake,
      () => report({ ...BAD_ROWS, error_count: 7 }),
      report({ imported: 1, skipped: 2, written: true, created_topics: 1, created_editorial: 2 }),
    );
    const onClose = vi.fn();
    const { user, client, strategyId } = await renderInCalendar(<ImportModal opened onClose={onClose} />);
    await user.click(await screen.findByTestId('import-pick'));

    await screen.findByTestId('import-errors', undefined, SLOW);
    expect(screen.getByTestId('import-summary')).toHaveTextContent('1 row ready to import, 2 with errors.');
    expect(screen.getByTestId('import-errors')).toHaveTextContent('a date such as 31/12/2026, found 31/02/2027');
    expect(screen.getByTestId('import-errors-more')).toHaveTextContent('and 5 more errors');
    expect(screen.getByTestId('import-check')).toHaveTextContent(
      'Nothing is imported while a row has an error, unless you choose to skip those rows.',
    );
    const run = screen.getByTestId('import-run');
    expect(screen.getByTestId('import-skip-invalid')).not.toBeChecked();
    expect(run).toBeDisabled();

    await user.click(screen.getByTestId('import-skip-invalid'));
    expect(run).toBeEnabled();
    await user.click(run);

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const real = fake.callsTo('calendar_import_run').filter((c) => !c.args.dryRun);
    expect(real).toHaveLength(1);
    expect(real[0].args).toEqual({
      strategyId,
      mapping: MAPPING,
      skipInvalid: true,
      dryRun: false,
      from: WEEK.from,
      to: WEEK.to,
    });
    // The view the import answered with is on screen.
    const view = client.getQueryData<{ calendar: { posts: { id: number }[] } }>(calendarKey(strategyId, WEEK));
    expect(view?.calendar.posts.map((p) => p.id)).toEqual([77]);
    expect(
      await screen.findByText('1 post imported, 2 rows skipped; created: 1 topic, 2 editorial items.'),
    ).toBeInTheDocument();
  });

  it('asks for the network of every post when the file has no network column', async () => {
    runningFakeClock();
    const fake = installCalendarBackend();
    importBackend(fake, () => report(), report({ written: true }));
    fake.overrides.calendar_import_pick = () => ({ ...PREVIEW, mapping: { ...MAPPING, network: null } });
    const { user } = await renderInCalendar(<ImportModal opened onClose={vi.fn()} />);
    await user.click(await screen.findByTestId('import-pick'));

    await screen.findByTestId('import-mapping');
    expect(screen.getByTestId('import-missing')).toHaveTextContent(
      'Choose the network column, or the network of every post.',
    );
    expect(screen.getByTestId('import-run')).toBeDisabled();
    await pick(user, screen.getByTestId('map-default-network'), 'LinkedIn');

    await waitFor(() => expect(dryRuns(fake)).toHaveLength(1), SLOW);
    expect(dryRuns(fake)[0].args.mapping).toEqual({ ...MAPPING, network: null, default_network: 'linkedin' });
    await waitFor(() => expect(screen.getByTestId('import-run')).toBeEnabled());

    // Without a title nor a text column, nothing can be imported (and nothing is checked).
    await pick(user, screen.getByTestId('map-text'), '— not in the file —');
    expect(screen.getByTestId('import-missing')).toHaveTextContent('Choose the column of the title or of the text.');
    expect(screen.getByTestId('import-run')).toBeDisabled();
    // Past the dry run's delay, nothing was sent.
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    expect(dryRuns(fake)).toHaveLength(1);
  });

  it('reads the first line as data when the file has no header', async () => {
    const fake = installCalendarBackend();
    importBackend(fake, () => report(), report({ written: true }));
    const { user } = await renderInCalendar(<ImportModal opened onClose={vi.fn()} />);
    await user.click(await screen.findByTestId('import-pick'));
    await screen.findByTestId('import-mapping');

    await user.click(screen.getByTestId('import-has-header'));
    const table = screen.getByTestId('import-preview');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('RéseauJourHeureMessageURL');
    expect(screen.getByTestId('map-network')).toHaveValue('Column 1');
    await waitFor(() => expect(dryRuns(fake).at(-1)?.args.mapping).toEqual({ ...MAPPING, has_header: false }), SLOW);
  });
});
