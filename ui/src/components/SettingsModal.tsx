import { Button, Code, Divider, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguagePref, Settings, ThemePref } from '../bindings';
import { notifyError } from '../errors';
import { api } from '../ipc';
import { qk } from '../queries';
import { BackupsPanel } from './BackupsPanel';

interface Props {
  opened: boolean;
  onClose: () => void;
  appInfo: AppInfo;
  settings: Settings;
}

export function SettingsModal({ opened, onClose, appInfo, settings }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: api.settingsSet,
    onMutate: (next) => {
      // Apply at once; the backend answer confirms (or the previous value comes back on error).
      const previous = queryClient.getQueryData<Settings>(qk.settings);
      queryClient.setQueryData(qk.settings, next);
      return { previous };
    },
    onSuccess: (saved) => queryClient.setQueryData(qk.settings, saved),
    onError: (e, _next, ctx) => {
      if (ctx?.previous) queryClient.setQueryData(qk.settings, ctx.previous);
      notifyError(e);
    },
  });

  const label = (testId: string, text: string) => <span data-testid={testId}>{text}</span>;

  return (
    <Modal opened={opened} onClose={onClose} title={t('settings.title')} centered size="lg">
      <Stack gap="lg">
        <Stack gap={6}>
          <Text fw={600} size="sm" id="settings-language-label">
            {t('settings.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="settings-language-label"
            fullWidth
            value={settings.language}
            onChange={(language) => save.mutate({ ...settings, language: language as LanguagePref })}
            data={[
              { value: 'system', label: label('settings-lang-system', t('settings.system')) },
              { value: 'en', label: label('settings-lang-en', t('settings.english')) },
              { value: 'fr', label: label('settings-lang-fr', t('settings.french')) },
            ]}
          />
        </Stack>
        <Stack gap={6}>
          <Text fw={600} size="sm" id="settings-theme-label">
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            aria-labelledby="settings-theme-label"
            fullWidth
            value={settings.theme}
            onChange={(theme) => save.mutate({ ...settings, theme: theme as ThemePref })}
            data={[
              { value: 'system', label: label('settings-theme-system', t('settings.system')) },
              { value: 'light', label: label('settings-theme-light', t('settings.light')) },
              { value: 'dark', label: label('settings-theme-dark', t('settings.dark')) },
            ]}
          />
        </Stack>
        <Divider label={t('settings.backups')} labelPosition="left" />
        <BackupsPanel />
        <Divider label={t('settings.about')} labelPosition="left" />
        <Stack gap={4} data-testid="settings-about">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" w={140}>
              {t('settings.app')}
            </Text>
            <Text size="sm" data-testid="settings-app-name">
              {appInfo.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" w={140}>
              {t('settings.version')}
            </Text>
            <Text size="sm" data-testid="settings-version">
              {appInfo.version}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
              {t('settings.database')}
            </Text>
            <Code style={{ wordBreak: 'break-all' }} data-testid="settings-db-path">
              {appInfo.db_path}
            </Code>
          </Group>
          <Text size="sm" c="dimmed" data-testid="settings-data-where">
            {t('settings.dataWhere')}
          </Text>
        </Stack>
        <Group justify="flex-end">
          <Button data-testid="settings-close" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
