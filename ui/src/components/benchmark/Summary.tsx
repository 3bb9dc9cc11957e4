// Part 6 of the benchmark: the findings the Rust side computed, most severe first, each linked to its data.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding, StepId } from '../../bindings';
import { FindingsList } from '../Findings';
import { Question } from '../StepFrame';
import { useBench } from './state';

export function Summary({ onGoToStep }: { onGoToStep?: (step: StepId) => void }) {
  const { t } = useTranslation();
  const { view, lang, goTo } = useBench();

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
      <FindingsList
        findings={view.findings}
        lang={lang}
        texts={{
          empty: t('benchmark.summary.empty'),
          severity: (s) => t(`benchmark.summary.severities.${s}`),
          suggestion: (text) => t('benchmark.summary.suggestion', { text }),
          seeData: t('benchmark.summary.seeData'),
        }}
        testIds={{
          list: 'bench-findings',
          empty: 'bench-findings-empty',
          item: 'bench-finding',
          title: 'bench-finding-title',
          explanation: 'bench-finding-explanation',
          suggestion: 'bench-finding-suggestion',
          link: 'bench-finding-link',
        }}
        onOpen={open}
      />
    </Stack>
  );
}
