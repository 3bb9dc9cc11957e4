// Step 5, test, evaluate, adapt: the posts' results (imports of the networks' exports, unplanned posts), the
// objectives' KPIs against their path to the target, the performance by network, pillar, topic and format with the
// underperformers, and the best times to post. The Rust side computes every figure and rule; this only shows them.
import '@mantine/charts/styles.css';
import './i18n';
import { useState, type ReactNode } from 'react';
import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../bindings';
import { useObjectives } from '../objectives/state';
import { StepTabs } from '../StepFrame';
import { AbTestsPanel } from './AbTests';
import { AdaptationsPanel, type AdaptationPrefill } from './Adaptations';
import { BestTimes } from './BestTimes';
import { Kpis } from './Kpis';
import { lastSection } from './lastSection';
import { Performance } from './Performance';
import { Results } from './Results';
import { type Section, SECTIONS } from './state';

export interface PartProps {
  strategyId: number;
  onGoToStep?: (step: StepId) => void;
  /** Opens the adaptations with a new one prefilled (from an underperformer, a KPI…). */
  onAdapt?: (prefill: AdaptationPrefill) => void;
  prefill?: AdaptationPrefill;
}

/** Each sub-step's content (a new sub-step adds its entry here and its id to `SECTIONS`). */
const PARTS: Record<Section, (p: PartProps) => ReactNode> = {
  results: (p) => <Results {...p} />,
  kpis: (p) => <Kpis {...p} />,
  performance: (p) => <Performance {...p} />,
  times: (p) => <BestTimes {...p} />,
  tests: (p) => <AbTestsPanel strategyId={p.strategyId} />,
  adaptations: (p) => <AdaptationsPanel strategyId={p.strategyId} prefill={p.prefill} />,
};

const isSection = (s: string | undefined): s is Section => SECTIONS.includes(s as Section);

export function TestAdaptStep({ strategyId, onGoToStep }: PartProps) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>(() => {
    const last = lastSection.get(strategyId);
    return isSection(last) ? last : 'results';
  });
  const [prefill, setPrefill] = useState<AdaptationPrefill | undefined>(undefined);
  const onAdapt = (p: AdaptationPrefill) => {
    setPrefill(p);
    lastSection.set(strategyId, 'adaptations');
    setSection('adaptations');
  };
  // The networks' names (step 3's view has them); loaded here once for the parts.
  useObjectives(strategyId);

  const panels = Object.fromEntries(
    SECTIONS.map((s) => [s, PARTS[s]({ strategyId, onGoToStep, onAdapt, prefill })]),
  ) as Record<
    Section,
    ReactNode
  >;
  return (
    <Box data-testid="adapt">
      <StepTabs
        sections={SECTIONS}
        value={section}
        onChange={(s) => {
          lastSection.set(strategyId, s);
          setSection(s);
        }}
        label={t('adapt.partsLabel')}
        tabLabel={(s) => t(`adapt.tabs.${s}`)}
        testIdPrefix="adapt"
        filled={() => false}
        panels={panels}
      />
    </Box>
  );
}
