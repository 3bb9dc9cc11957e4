// Step 2, the benchmark: six guided parts (players, observations, customer voice, trends, comparison, summary).
// The Rust side computes the comparison, the coverage of themes and the findings; this only shows them.
import '@mantine/charts/styles.css';
import './i18n';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Box } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditView, StepId } from '../../bindings';
import { StepHeader, StepLoadFailed, StepLoading, StepTabs } from '../StepFrame';
import { Comparison } from './Comparison';
import { Observations } from './Observations';
import { SaveStatusLine } from './parts';
import { Players } from './Players';
import {
  BenchContext,
  type BenchCtx,
  benchTracker,
  scrollIntoView,
  type Section,
  SECTIONS,
  useBenchmark,
} from './state';
import { Summary } from './Summary';
import { Trends } from './Trends';
import { Voice } from './Voice';

/** The sub-step shown last, per strategy, so that coming back to the benchmark reopens it. */
const lastSection = new Map<number, Section>();

export function BenchmarkStep({ strategyId, onGoToStep }: { strategyId: number; onGoToStep?: (step: StepId) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const client = useQueryClient();
  const query = useBenchmark(strategyId);
  const tracker = useMemo(() => benchTracker(client, strategyId), [client, strategyId]);
  const [section, setSection] = useState<Section>(() => lastSection.get(strategyId) ?? 'players');
  const [focusNetwork, setFocusNetwork] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<{ id: string } | null>(null);

  const goTo = useCallback<BenchCtx['goTo']>(
    (s, target) => {
      lastSection.set(strategyId, s);
      setSection(s);
      setFocusNetwork(target?.network ?? null);
      setAnchor(target?.anchor ? { id: target.anchor } : null);
    },
    [strategyId],
  );

  // Bring the part asked for into view once its sub-step is rendered, and clear the highlight a moment later.
  useEffect(() => {
    if (anchor) scrollIntoView(anchor.id);
  }, [anchor]);
  useEffect(() => {
    if (!focusNetwork) return;
    const timer = setTimeout(() => setFocusNetwork(null), 2500);
    return () => clearTimeout(timer);
  }, [focusNetwork]);

  // The networks of the audit are offered first, when the audit is at hand (it is not fetched for this).
  const audited = client.getQueryData<AuditView>(['audit', strategyId])?.audit.selected;
  const view = query.data;
  const ctx = useMemo<BenchCtx | null>(
    () =>
      view ? { strategyId, view, tracker, lang, audited: audited ?? [], goTo, focusNetwork } : null,
    [strategyId, view, tracker, lang, audited, goTo, focusNetwork],
  );

  if (query.isError) {
    return (
      <StepLoadFailed
        testId="benchmark"
        title={t('benchmark.loadFailed')}
        retryLabel={t('benchmark.retry')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!ctx || !view) return <StepLoading testId="benchmark-loading" />;

  // Which data parts have something in them: Rust decides (BenchmarkView.progress).
  const filled = view.progress;

  return (
    <BenchContext.Provider value={ctx}>
      <Box data-testid="benchmark">
        <StepHeader
          filled={filled}
          label={(done, total) => t('benchmark.progress', { done, total })}
          testId="bench-progress"
          status={<SaveStatusLine tracker={tracker} />}
        />
        <StepTabs
          sections={SECTIONS}
          value={section}
          onChange={(s) => goTo(s)}
          label={t('benchmark.partsLabel')}
          tabLabel={(s) => t(`benchmark.tabs.${s}`)}
          testIdPrefix="bench"
          filled={(s) => s in filled && filled[s as keyof typeof filled]}
          panels={{
            players: <Players />,
            observations: <Observations />,
            voice: <Voice />,
            trends: <Trends />,
            comparison: <Comparison />,
            summary: <Summary onGoToStep={onGoToStep} />,
          }}
        />
      </Box>
    </BenchContext.Provider>
  );
}
