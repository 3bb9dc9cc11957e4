// Part 6 of the objectives step: the findings the Rust side computed (objectives, missions, mix, measurement), most
// severe first, each linked to its data; and the way to the strategy overview.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Finding, StepId } from '../../bindings';
import { FindingsList } from '../Findings';
import { Question } from '../StepFrame';
import { type Section, useObj } from './state';

const SECTION_OF: Record<string, Section> = {
  goals: 'goals',
  objectives: 'objectives',
  missions: 'missions',
  mix: 'mix',
  measurement: 'measurement',
};

export function Summary({ onGoToStep, onOpenOverview }: {
  onGoToStep?: (step: StepId) => void;
  onOpenOverview?: () => void;
}) {
  const { t } = useTranslation();
  const { view, lang, goTo } = useObj();
  const blocking = view.findings.filter((f) => f.severity === 'blocking').length;

  const open = (f: Finding) => {
    if (f.link.step !== 'objectives') {
      onGoToStep?.(f.link.step);
      return;
    }
    const section = SECTION_OF[f.link.section] ?? 'objectives';
    const anchor =
      f.link.item != null
        ? `${section === 'measurement' ? 'measurement' : 'objective'}-${f.link.item}`
        : f.link.network
          ? `${section === 'mix' ? 'mix' : 'mission'}-${f.link.network}`
          : undefined;
    goTo(section, { anchor });
  };

  return (
    <Stack gap="lg">
      <Question title={t('objectives.summary.question')} help={t('objectives.summary.help')} />
      {blocking > 0 && (
        <Alert color="red" variant="light" data-testid="obj-blocking-left">
          {t('objectives.summary.blockingLeft', { count: blocking })}
        </Alert>
      )}
      <FindingsList
        findings={view.findings}
        lang={lang}
        texts={{
          empty: t('objectives.summary.empty'),
          severity: (s) => t(`objectives.summary.severities.${s}`),
          suggestion: (text) => t('objectives.summary.suggestion', { text }),
          seeData: t('objectives.summary.seeData'),
        }}
        testIds={{
          list: 'obj-findings',
          empty: 'obj-findings-empty',
          item: 'obj-finding',
          severity: 'obj-finding-severity',
          title: 'obj-finding-title',
          explanation: 'obj-finding-explanation',
          suggestion: 'obj-finding-suggestion',
          link: 'obj-finding-link',
        }}
        onOpen={open}
      />
      {onOpenOverview && (
        <Group>
          <Button variant="light" leftSection={<IconFileText size={18} />} onClick={onOpenOverview} data-testid="obj-open-overview">
            {t('objectives.summary.overview')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
