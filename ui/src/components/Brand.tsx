import { ActionIcon, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconNumber5, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../nav';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size="md" radius="sm" variant="filled" aria-hidden>
        <IconNumber5 size={18} />
      </ThemeIcon>
      <Text fw={800} size="lg">
        {t('app.name')}
      </Text>
    </Group>
  );
}

export function SettingsButton() {
  const { t } = useTranslation();
  const nav = useNav();
  return (
    <Tooltip label={t('common.settings')}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('common.settings')}
        data-testid="open-settings"
        onClick={nav.openSettings}
      >
        <IconSettings size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
