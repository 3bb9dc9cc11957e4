import { useEffect, useState, type ReactNode } from 'react';
import { Box, Container, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconFolderOpen, IconRoute, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSampleCreate } from '../actions';
import { useNav } from '../nav';
import { Brand, SettingsButton } from './Brand';
import { StrategyFormModal } from '../lazy';
import { ReviewsDue } from './adapt/logDue';

interface ChoiceProps {
  testId: string;
  icon: ReactNode;
  title: string;
  hint: string;
  onClick: () => void;
  disabled?: boolean;
}

function Choice({ testId, icon, title, hint, onClick, disabled }: ChoiceProps) {
  return (
    <UnstyledButton data-testid={testId} onClick={onClick} disabled={disabled} style={{ display: 'flex' }}>
      <Paper withBorder shadow="xs" p="lg" radius="md" style={{ flex: 1 }}>
        <Stack gap="sm">
          <ThemeIcon size={44} radius="md" variant="light">
            {icon}
          </ThemeIcon>
          <Text fw={700} size="lg">
            {title}
          </Text>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}

export function Welcome() {
  const { t } = useTranslation();
  const nav = useNav();
  const [formOpened, setFormOpened] = useState(false);
  const sample = useSampleCreate((s) => nav.openStrategy(s.id));

  useEffect(() => nav.markReady(), [nav]);

  return (
    <Box data-testid="welcome" mih="100vh" py="xl">
      <Container size="lg">
        <Group justify="space-between" mb={48}>
          <Brand />
          <SettingsButton />
        </Group>
        <Stack gap="xs" mb="xl" maw={720}>
          <Title order={1}>{t('welcome.title')}</Title>
          <Text size="lg" c="dimmed">
            {t('welcome.intro')}
          </Text>
        </Stack>
        <ReviewsDue />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Choice
            testId="welcome-new"
            icon={<IconRoute size={26} />}
            title={t('welcome.new')}
            hint={t('welcome.newHint')}
            onClick={() => setFormOpened(true)}
          />
          <Choice
            testId="welcome-sample"
            icon={<IconSparkles size={26} />}
            title={t('welcome.sample')}
            hint={t('welcome.sampleHint')}
            onClick={() => sample.mutate()}
            disabled={sample.isPending}
          />
          <Choice
            testId="welcome-open"
            icon={<IconFolderOpen size={26} />}
            title={t('welcome.open')}
            hint={t('welcome.openHint')}
            onClick={nav.goList}
          />
        </SimpleGrid>
      </Container>
      <StrategyFormModal
        opened={formOpened}
        onClose={() => setFormOpened(false)}
        onSaved={(s) => {
          setFormOpened(false);
          nav.openStrategy(s.id);
        }}
      />
    </Box>
  );
}
