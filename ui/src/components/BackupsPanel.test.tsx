import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, BackupsView, RestoreReport } from '../bindings';
import { installBackend, makeStrategy } from '../test/backend';
import { renderApp } from '../test/render';
import { formatSize } from './BackupsPanel';

function backup(partial: Partial<BackupInfo>): BackupInfo {
  return {
    name: 'cinq-20270301-080000-daily.sqlite3',
    path: '/home/me/.local/share/cinq/backups/cinq-20270301-080000-daily.sqlite3',
    created_at: '2027-03-01T08:00:00Z',
    reason: 'daily',
    from_version: null,
    size: 1_234_567,
    strategies: ['Spring launch'],
    readable: true,
    ...partial,
  };
}

/** The list as `backups_list` answers it; the rule's numbers are the view's, never the UI's own. */
function view(backups: BackupInfo[]): BackupsView {
  return { backups, keep_days: 5, keep_weeks: 3, keep_events: 8 };
}

const COPIES: BackupInfo[] = [
  backup({
    name: 'cinq-20270302-100000-import.sqlite3',
    created_at: '2027-03-02T10:00:00Z',
    reason: 'import',
    strategies: ['Spring launch', 'Autumn'],
    size: 2048,
  }),
  backup({}),
  backup({
    name: 'cinq-20270228-070000-migration-v8.sqlite3',
    created_at: '2027-02-28T07:00:00Z',
    reason: 'migration',
    from_version: 8,
    strategies: [],
  }),
];

describe('Settings → Backups', () => {
  it('lists the copies, and a restore asks for confirmation, then calls the command and reloads every query', async () => {
    const s = makeStrategy({ name: 'Spring launch', current_step: 'objectives' });
    const backend = installBackend({ strategies: [s], lastStrategyId: s.id });
    backend.overrides.backups_list = () => view(COPIES);
    backend.overrides.backup_restore = (args) => {
      const restored = COPIES.find((c) => c.name === args.name);
      const report: RestoreReport = {
        restored: restored!,
        kept: backup({ name: 'cinq-20270303-090000-before-restore.sqlite3', reason: 'before_restore' }),
      };
      return report;
    };
    const { user } = await renderApp();
    expect(await screen.findByTestId('step-title')).toHaveTextContent('Objectives');

    await user.click(screen.getByTestId('open-settings'));
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(3);
    expect(screen.getByTestId('backups')).toHaveTextContent('The last 5 days, 3 weeks and 8 imports are kept.');
    expect(rows[0]).toHaveTextContent('Before an import');
    expect(rows[0]).toHaveTextContent('2 strategies: Spring launch, Autumn');
    expect(rows[0]).toHaveTextContent(formatSize(2048, 'en'));
    expect(rows[1]).toHaveTextContent('Daily');
    expect(rows[1]).toHaveTextContent('1 strategy: Spring launch');
    expect(rows[1]).toHaveTextContent('1.2 MB');
    expect(rows[2]).toHaveTextContent('Before an update (from version 8)');
    expect(rows[2]).toHaveTextContent('No strategies');
    expect(within(rows[1]).getByTestId('backup-date')).toHaveTextContent('2027');

    // Restore asks first, and cancel calls nothing.
    await user.click(within(rows[1]).getByTestId('backup-restore'));
    const confirm = await screen.findByTestId('backup-confirm');
    expect(confirm).toHaveTextContent('Your current data is kept as a backup first');
    expect(confirm).toHaveTextContent('1 strategy: Spring launch');
    await user.click(within(confirm).getByTestId('backup-confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('backup-confirm')).toBeNull());
    expect(backend.callsTo('backup_restore')).toHaveLength(0);

    // Confirmed: the command runs with the copy's name, and the data is read again.
    const strategyReads = backend.callsTo('strategy_get').length + backend.callsTo('strategy_open').length;
    const listReads = backend.callsTo('backups_list').length;
    await user.click(within(rows[1]).getByTestId('backup-restore'));
    await user.click(within(await screen.findByTestId('backup-confirm')).getByTestId('backup-confirm-restore'));
    await waitFor(() => expect(backend.callsTo('backup_restore')).toHaveLength(1));
    expect(backend.callsTo('backup_restore')[0].args).toEqual({ name: 'cinq-20270301-080000-daily.sqlite3' });
    expect(await screen.findByText(/has been restored, and the data reloaded/)).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo('backups_list').length).toBeGreaterThan(listReads));
    await waitFor(() =>
      expect(backend.callsTo('strategy_get').length + backend.callsTo('strategy_open').length).toBeGreaterThan(
        strategyReads,
      ),
    );
    expect(screen.queryByTestId('backup-confirm')).toBeNull();
  });

  it('backs up now, and shows the panel in French', async () => {
    const backend = installBackend({ settings: { language: 'fr', theme: 'system' } });
    let copies: BackupInfo[] = [];
    backend.overrides.backups_list = () => view(copies);
    backend.overrides.backup_create = () => {
      const made = backup({ reason: 'manual', name: 'cinq-20270301-080000-manual.sqlite3' });
      copies = [made];
      return made;
    };
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('open-settings'));
    expect(await screen.findByTestId('backups-empty')).toHaveTextContent('Aucune sauvegarde');
    await user.click(screen.getByTestId('backup-now'));
    const row = await screen.findByTestId('backup-row');
    expect(row).toHaveTextContent('Manuelle');
    expect(row).toHaveTextContent('1 stratégie : Spring launch');
    expect(row).toHaveTextContent(/1,2\s?Mo/);
    expect(await screen.findByText('Sauvegarde effectuée.')).toBeInTheDocument();
    expect(backend.callsTo('backup_create')).toHaveLength(1);
  });

  it('formats sizes in the language of the interface', () => {
    expect(formatSize(512, 'en')).toBe('512 byte');
    expect(formatSize(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatSize(1_234_567, 'fr')).toMatch(/^1,2\s?Mo$/);
  });
});
