// Step 3, the objectives: six guided parts (business goals, social objectives, missions, content mix, measurement
// plan, summary). The Rust side computes the SMART checks, the vanity guard and the findings; this only shows them.
import '@mantine/charts/styles.css';
import './i18n';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Box } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../bindings';
import { StepHeader, StepLoadFailed, StepLoading, StepTabs } from '../StepFrame';
import { Goals } from './Goals';
import { Measurement } from './Measurement';
import { Missions } from './Missions';
import { Mix } from './Mix';
import { Objectives } from './Objectives';
import { SaveStatusLine } from './parts';
import { ObjContext, type ObjCtx, objTracker, scrollIntoView, type Section, SECTIONS, useObjectives } from './state';
import { Summary } from './Summary';

/** The sub-step shown last, per strategy, so that coming back to the step reopens it. */
const lastSection = new Map<number, Section>();

export function ObjectivesStep({ strategyId, onGoToStep, onOpenOverview }: {
  strategyId: number;
  onGoToStep?: (step: StepId) => void;
  onOpenOverview?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const client = useQueryClient();
  const query = useObjectives(strategyId);
  const tracker = useMemo(() => objTracker(client, strategyId), [client, strategyId]);
  const [section, setSection] = useState<Section>(() => lastSection.get(strategyId) ?? 'goals');
  const [anchor, setAnchor] = useState<{ id: string } | null>(null);

  const goTo = useCallback<ObjCtx['goTo']>(
    (s, target) => {
      lastSection.set(strategyId, s);
      setSection(s);
      setAnchor(target?.anchor ? { id: target.anchor } : null);
    },
    [strategyId],
  );
  useEffect(() => {
    if (anchor) scrollIntoView(anchor.id);
  }, [anchor]);

  const view = query.data;
  const ctx = useMemo<ObjCtx | null>(
    () => (view ? { strategyId, view, tracker, lang, goTo } : null),
    [strategyId, view, tracker, lang, goTo],
  );

  if (query.isError) {
    return (
      <StepLoadFailed
        testId="objectives"
        title={t('objectives.loadFailed')}
        retryLabel={t('objectives.retry')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!ctx || !view) return <StepLoading testId="objectives-loading" />;

  // Which data parts have something in them: Rust decides (ObjectivesView.progress).
  const filled = view.progress;

  return (
    <ObjContext.Provider value={ctx}>
      <Box data-testid="objectives">
        <StepHeader
          filled={filled}
          label={(done, total) => t('objectives.progress', { done, total })}
          testId="obj-progress"
          status={<SaveStatusLine tracker={tracker} />}
        />
        <StepTabs
          sections={SECTIONS}
          value={section}
          onChange={(s) => goTo(s)}
          label={t('objectives.partsLabel')}
          tabLabel={(s) => t(`objectives.tabs.${s}`)}
          testIdPrefix="obj"
          filled={(s) => s in filled && filled[s as keyof typeof filled]}
          panels={{
            goals: <Goals />,
            objectives: <Objectives />,
            missions: <Missions />,
            mix: <Mix />,
            measurement: <Measurement />,
            summary: <Summary onGoToStep={onGoToStep} onOpenOverview={onOpenOverview} />,
          }}
        />
      </Box>
    </ObjContext.Provider>
  );
}
