// Part 4 of the audit: the findings the Rust side computed, most severe first, each linked to its data.
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding, StepId } from '../../bindings';
import { FindingsList } from '../Findings';
import { type Section, SECTIONS, useAuditCtx } from './state';

export function Summary({ onGoToStep }: { onGoToStep: (step: StepId) => void }) {
  const { t } = useTranslation();
  const { audit, view, lang, goTo } = useAuditCtx();
  // Only the accounts described (a figure, a handle, a description…): Rust counts them.
  const presences = view.progress.described.length;

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
      <FindingsList
        findings={view.findings}
        lang={lang}
        texts={{
          empty: t('audit.summary.none'),
          severity: (s) => t(`audit.severities.${s}`),
          suggestion: (text) => t('audit.summary.suggestion', { text }),
          seeData: t('audit.summary.seeData'),
        }}
        testIds={{
          list: 'findings',
          empty: 'findings-empty',
          item: 'finding',
          severity: 'finding-severity',
          title: 'finding-title',
          explanation: 'finding-explanation',
          suggestion: 'finding-suggestion',
          link: 'finding-link',
        }}
        onOpen={open}
      />
    </Stack>
  );
}
