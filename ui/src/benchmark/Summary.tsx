// Part 6 of the benchmark: the findings the Rust side computed, most severe first, each linked to its data.
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity, StepId } from '../bindings';
import { Question } from './parts';
import { useBench } from './state';

const SEVERITIES: readonly Severity[] = ['blocking', 'warning', 'info'];
const SEVERITY_LOOK: Record<Severity, { color: string; Icon: typeof IconInfoCircle }> = {
  blocking: { color: 'red', Icon: IconCircleX },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  info: { color: 'blue', Icon: IconInfoCircle },
};

export function Summary({ onGoToStep }: { onGoToStep?: (step: StepId) => void }) {
  const { t } = useTranslation();
  const { view, lang, goTo } = useBench();
  // Stable sort: the backend's order is kept within a severity.
  const findings = [...view.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));

  const open = (f: Finding) => {
    if (f.link.step !== 'benchmark') {
      onGoToStep?.(f.link.step);
      return;
    }
    const network = f.link.network ?? f.network;
    if (f.link.section === 'coverage') goTo('comparison', { anchor: 'bench-coverage' });
    else goTo('comparison', { network, anchor: network ? `bench-comparison-${network}` : undefined });
  };

  return (
    <Stack gap="lg">
      <Question title={t('benchmark.summary.question')} help={t('benchmark.summary.help')} />
      <Stack gap="sm" data-testid="bench-findings" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {findings.length === 0 && (
          <Text c="dimmed" component="li" data-testid="bench-findings-empty">
            {t('benchmark.summary.empty')}
          </Text>
        )}
        {findings.map((f, i) => {
          const { color, Icon } = SEVERITY_LOOK[f.severity];
          return (
            <Paper
              key={`${f.kind}-${f.network ?? ''}-${i}`}
              component="li"
              withBorder
              p="md"
              radius="md"
              data-testid="bench-finding"
              data-kind={f.kind}
              data-severity={f.severity}
              data-network={f.network ?? undefined}
              style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
            >
              <Group align="flex-start" wrap="nowrap" gap="md">
                <ThemeIcon color={color} variant="light" radius="xl" size="lg" aria-hidden>
                  <Icon size={20} />
                </ThemeIcon>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Badge color={color} variant="light" size="sm">
                      {t(`benchmark.summary.severities.${f.severity}`)}
                    </Badge>
                    <Text fw={700} data-testid="bench-finding-title">
                      {f.title[lang]}
                    </Text>
                  </Group>
                  <Text size="sm" data-testid="bench-finding-explanation">
                    {f.explanation[lang]}
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="bench-finding-suggestion">
                    {t('benchmark.summary.suggestion', { text: f.suggestion[lang] })}
                  </Text>
                  <Group>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      rightSection={<IconArrowRight size={14} />}
                      onClick={() => open(f)}
                      data-testid="bench-finding-link"
                    >
                      {t('benchmark.summary.seeData')}
                    </Button>
                  </Group>
                </Stack>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
