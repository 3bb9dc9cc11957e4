// Step 2, the benchmark: six guided parts (players, observations, customer voice, trends, comparison, summary).
// The Rust side computes the comparison, the coverage of themes and the findings; this only shows them.
import '@mantine/charts/styles.css';
import './i18n';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Center, Group, Loader, Progress, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditView, BenchmarkView, StepId } from '../bindings';
import { Comparison } from './Comparison';
import { Observations } from './Observations';
import { SaveStatusLine } from './parts';
import { Players } from './Players';
import {
  BenchContext,
  type BenchCtx,
  isSection,
  SaveTracker,
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

type DataPart = 'players' | 'observations' | 'voice' | 'trends';

/** Which of the data parts have something in them (for the progress indicator only). */
export function filledParts(view: BenchmarkView): Record<DataPart, boolean> {
  const b = view.benchmark;
  const v = b.voice;
  return {
    players: b.players.length > 0,
    observations: b.observations.length > 0,
    voice: [v.words, v.tone, v.shares, v.reactions, ...v.questions].some((s) => s.trim() !== ''),
    trends: b.trends.length > 0,
  };
}

export function BenchmarkStep({ strategyId, onGoToStep }: { strategyId: number; onGoToStep?: (step: StepId) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const client = useQueryClient();
  const query = useBenchmark(strategyId);
  const tracker = useMemo(() => new SaveTracker(client, strategyId), [client, strategyId]);
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
      <Alert color="red" data-testid="benchmark" icon={<IconAlertTriangle size={18} />} title={t('benchmark.loadFailed')}>
        <Button variant="light" color="red" mt="xs" onClick={() => void query.refetch()}>
          {t('benchmark.retry')}
        </Button>
      </Alert>
    );
  }
  if (!ctx || !view) {
    return (
      <Center py="xl" data-testid="benchmark-loading">
        <Loader />
      </Center>
    );
  }

  const filled = filledParts(view);
  const done = Object.values(filled).filter(Boolean).length;
  const total = Object.keys(filled).length;
  const tabIcon = (s: Section) =>
    s in filled && filled[s as DataPart] ? (
      <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden data-testid={`bench-tab-${s}-done`} />
    ) : null;

  return (
    <BenchContext.Provider value={ctx}>
      <Box data-testid="benchmark">
        <Group justify="space-between" align="center" mb="xs" gap="md">
          <Group gap="sm" style={{ flex: 1, minWidth: 200 }} wrap="nowrap">
            <Text size="sm" c="dimmed" data-testid="bench-progress" style={{ whiteSpace: 'nowrap' }}>
              {t('benchmark.progress', { done, total })}
            </Text>
            <Progress
              value={(done / total) * 100}
              size="sm"
              color="teal"
              style={{ flex: 1, maxWidth: 200 }}
              aria-label={t('benchmark.progress', { done, total })}
            />
          </Group>
          <SaveStatusLine tracker={tracker} />
        </Group>
        <Tabs
          value={section}
          onChange={(v) => {
            if (isSection(v)) goTo(v);
          }}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('benchmark.partsLabel')}>
            {SECTIONS.map((s) => (
              <Tabs.Tab key={s} value={s} data-testid={`bench-tab-${s}`} rightSection={tabIcon(s)}>
                {t(`benchmark.tabs.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="players" pt="lg">
            <Players />
          </Tabs.Panel>
          <Tabs.Panel value="observations" pt="lg">
            <Observations />
          </Tabs.Panel>
          <Tabs.Panel value="voice" pt="lg">
            <Voice />
          </Tabs.Panel>
          <Tabs.Panel value="trends" pt="lg">
            <Trends />
          </Tabs.Panel>
          <Tabs.Panel value="comparison" pt="lg">
            <Comparison />
          </Tabs.Panel>
          <Tabs.Panel value="summary" pt="lg">
            <Summary onGoToStep={onGoToStep} />
          </Tabs.Panel>
        </Tabs>
      </Box>
    </BenchContext.Provider>
  );
}
