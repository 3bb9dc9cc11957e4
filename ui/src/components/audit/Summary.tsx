// Part 4 of the audit: the findings the Rust side computed, most severe first, each linked to its data.
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity, StepId } from '../../bindings';
import { type Section, SECTIONS, useAuditCtx } from './state';

const SEVERITIES: readonly Severity[] = ['blocking', 'warning', 'info'];
const SEVERITY_LOOK: Record<Severity, { color: string; Icon: typeof IconInfoCircle }> = {
  blocking: { color: 'red', Icon: IconCircleX },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  info: { color: 'blue', Icon: IconInfoCircle },
};

export function Summary({ onGoToStep }: { onGoToStep: (step: StepId) => void }) {
  const { t } = useTranslation();
  const { audit, view, lang, goTo } = useAuditCtx();
  // Stable sort: the backend's order is kept within a severity.
  const findings = [...view.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const presences = audit.presences.filter((p) => audit.selected.includes(p.network)).length;

  const open = (f: Finding) => {
    if (f.link.step !== 'audit') {
      onGoToStep(f.link.step);
      return;
    }
    const section = (SECTIONS as readonly string[]).includes(f.link.section) ? (f.link.section as Section) : 'audiences';
    goTo(section, f.link.network ?? f.network);
  };

  return (
    <Stack gap="lg">
      <Group gap="xs" data-testid="audit-counts">
        <Badge variant="light" size="lg" data-testid="count-personas">
          {t('audit.summary.personas', { count: audit.personas.length })}
        </Badge>
        <Badge variant="light" size="lg" data-testid="count-networks">
          {t('audit.summary.networks', { count: audit.selected.length })}
        </Badge>
        {!audit.not_on_social_yet && (
          <Badge variant="light" size="lg" data-testid="count-presences">
            {t('audit.summary.presences', { count: presences })}
          </Badge>
        )}
      </Group>
      <Stack gap={2}>
        <Title order={3} size="h4">
          {t('audit.summary.title')}
        </Title>
        <Text size="sm">{t('audit.summary.help')}</Text>
      </Stack>
      <Stack gap="sm" data-testid="findings" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {findings.length === 0 && (
          <Text c="dimmed" component="li" data-testid="findings-empty">
            {t('audit.summary.none')}
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
              data-testid="finding"
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
                    <Badge color={color} variant="light" size="sm" data-testid="finding-severity">
                      {t(`audit.severities.${f.severity}`)}
                    </Badge>
                    <Text fw={700} data-testid="finding-title">
                      {f.title[lang]}
                    </Text>
                  </Group>
                  <Text size="sm" data-testid="finding-explanation">
                    {f.explanation[lang]}
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="finding-suggestion">
                    {t('audit.summary.suggestion', { text: f.suggestion[lang] })}
                  </Text>
                  <Group>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      rightSection={<IconArrowRight size={14} />}
                      onClick={() => open(f)}
                      data-testid="finding-link"
                    >
                      {t('audit.summary.seeData')}
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
