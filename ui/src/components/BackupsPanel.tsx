import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, Language } from '../bindings';
import { notifyError, notifySuccess } from '../errors';
import { formatDateTime } from '../format';
import { api } from '../ipc';
import { qk } from '../queries';

/** A size in bytes, in the UI's language (1000-based, as file managers show it). */
export function formatSize(bytes: number, lang: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Settings → Backups: the copies Cinq keeps beside its database, "Back up now", and restoring one. */
export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'fr' ? 'fr' : 'en';
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: qk.backups, queryFn: api.backupsList });
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const create = useMutation({
    mutationFn: api.backupCreate,
    onSuccess: async () => {
      notifySuccess(t('backups.created'));
      await queryClient.invalidateQueries({ queryKey: qk.backups });
    },
    onError: notifyError,
  });

  const restore = useMutation({
    mutationFn: (b: BackupInfo) => api.backupRestore(b.name),
    onSuccess: async (report) => {
      setConfirming(null);
      // Every screen reads the restored data again.
      await queryClient.invalidateQueries();
      notifySuccess(t('backups.restored', { date: formatDateTime(report.restored.created_at, lang) }));
    },
    onError: notifyError,
  });

  const reason = (b: BackupInfo) =>
    b.reason === 'migration' && b.from_version !== null
      ? t('backups.reason.migration_from', { version: b.from_version })
      : t(`backups.reason.${b.reason}`);

  const strategies = (b: BackupInfo) => {
    if (!b.readable) return t('backups.unreadable');
    if (b.strategies.length === 0) return t('backups.noStrategies');
    return t('backups.strategies', { count: b.strategies.length, names: b.strategies.join(', ') });
  };

  return (
    <Stack gap="sm" data-testid="backups">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed">
          {list.data
            ? t('backups.intro', {
                days: list.data.keep_days,
                weeks: list.data.keep_weeks,
                events: list.data.keep_events,
              })
            : null}
        </Text>
        <Button
          variant="light"
          size="xs"
          style={{ flexShrink: 0 }}
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="backup-now"
        >
          {t('backups.now')}
        </Button>
      </Group>
      {list.isPending && <Loader size="sm" />}
      {list.isError && (
        <Alert color="red" variant="light" data-testid="backups-error">
          {t('backups.listFailed', { message: list.error.message })}
        </Alert>
      )}
      {list.data?.backups.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="backups-empty">
          {t('backups.empty')}
        </Text>
      )}
      {list.data && list.data.backups.length > 0 && (
        <Stack gap={6} mah={320} style={{ overflowY: 'auto' }} data-testid="backups-list">
          {list.data.backups.map((b) => (
            <Paper key={b.name} withBorder p="xs" radius="sm" data-testid="backup-row" data-name={b.name}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600} data-testid="backup-date">
                      {formatDateTime(b.created_at, lang)}
                    </Text>
                    <Badge variant="light" size="sm" color={b.reason === 'daily' ? 'gray' : 'blue'}>
                      {reason(b)}
                    </Badge>
                    <Text size="xs" c="dimmed" data-testid="backup-size">
                      {formatSize(b.size, lang)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" truncate="end" title={b.strategies.join(', ')}>
                    {strategies(b)}
                  </Text>
                </Stack>
                <Button
                  variant="subtle"
                  size="xs"
                  disabled={!b.readable || restore.isPending}
                  onClick={() => setConfirming(b)}
                  data-testid="backup-restore"
                >
                  {t('backups.restore')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {confirming && (
        <Alert color="orange" variant="light" title={t('backups.confirmTitle')} data-testid="backup-confirm">
          <Stack gap="xs">
            <Text size="sm">
              {t('backups.confirmText', {
                date: formatDateTime(confirming.created_at, lang),
                what: strategies(confirming),
              })}
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => setConfirming(null)}
                disabled={restore.isPending}
                data-testid="backup-confirm-cancel"
              >
                {t('common.cancel')}
              </Button>
              <Button
                color="orange"
                size="xs"
                loading={restore.isPending}
                onClick={() => restore.mutate(confirming)}
                data-testid="backup-confirm-restore"
              >
                {t('backups.confirmRestore')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
