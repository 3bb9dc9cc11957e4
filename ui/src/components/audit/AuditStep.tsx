// Step 1, the audit: four guided parts (audiences, networks & presence, measurement, summary), saved as the user
// types. The Rust side computes the findings; this only shows them.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Box, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type SaveTracker, useSaveStatus } from '../../autosave';
import type { AuditView, StepId } from '../../bindings';
import { useAudit } from '../../queries';
import { StepHeader, StepLoadFailed, StepLoading, StepTabs } from '../StepFrame';
import { Audiences } from './Audiences';
import { Measurement } from './Measurement';
import { PresenceSection } from './Presence';
import { AuditContext, type AuditCtx, auditTracker, type Section, SECTIONS } from './state';
import { Summary } from './Summary';

/** The sub-step shown last, per strategy, so that coming back to the audit reopens it. */
const lastSection = new Map<number, Section>();


export function AuditStep({ strategyId, onGoToStep }: { strategyId: number; onGoToStep: (step: StepId) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const client = useQueryClient();
  const query = useAudit(strategyId);
  const tracker = useMemo(() => auditTracker(client, strategyId), [client, strategyId]);
  const [section, setSection] = useState<Section>(() => lastSection.get(strategyId) ?? 'audiences');
  const [focus, setFocus] = useState<AuditCtx['focus']>(null);

  const open = useCallback(
    (s: Section) => {
      lastSection.set(strategyId, s);
      setSection(s);
    },
    [strategyId],
  );
  const goTo = useCallback(
    (s: Section, network?: string | null) => {
      open(s);
      setFocus(network ? { section: s, network } : null);
    },
    [open],
  );

  // Clear the highlight a moment after it was asked for.
  useEffect(() => {
    if (!focus) return;
    const timer = setTimeout(() => setFocus(null), 2500);
    return () => clearTimeout(timer);
  }, [focus]);

  const view = query.data;
  const ctx = useMemo<AuditCtx | null>(
    () => (view ? { strategyId, view, audit: view.audit, tracker, lang, goTo, focus } : null),
    [strategyId, view, tracker, lang, goTo, focus],
  );

  if (query.isError) {
    return (
      <StepLoadFailed
        testId="audit"
        title={t('audit.loadFailed')}
        retryLabel={t('app.retry')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!ctx || !view) return <StepLoading testId="audit-loading" />;

  // Which of the three data parts are filled in: Rust decides (audit::progress).
  const { audiences, presence, measurement } = view.progress;
  const filled: Record<Exclude<Section, 'summary'>, boolean> = { audiences, presence, measurement };

  return (
    <AuditContext.Provider value={ctx}>
      <Box data-testid="audit">
        <StepHeader
          filled={filled}
          label={(done, total) => t('audit.progress', { count: done, total })}
          testId="audit-progress"
          status={<SaveStatusLine tracker={tracker} />}
        />
        <StepTabs
          sections={SECTIONS}
          value={section}
          onChange={(s) => goTo(s)}
          label={t('audit.partsLabel')}
          tabLabel={(s) => t(`audit.tabs.${s}`)}
          testIdPrefix="audit"
          filled={(s) => s !== 'summary' && filled[s]}
          panels={{
            audiences: <Audiences />,
            presence: <PresenceSection />,
            measurement: <Measurement />,
            summary: <Summary onGoToStep={onGoToStep} />,
          }}
        />
      </Box>
    </AuditContext.Provider>
  );
}

function SaveStatusLine({ tracker }: { tracker: SaveTracker<AuditView> }) {
  const { t } = useTranslation();
  const status = useSaveStatus(tracker);
  const common = { size: 'sm' as const, 'data-testid': 'save-status', 'data-status': status.kind, role: 'status' };
  switch (status.kind) {
    case 'saving':
      return (
        <Group gap={4} c="dimmed">
          <IconLoader2 size={16} aria-hidden />
          <Text {...common}>{t('audit.status.saving')}</Text>
        </Group>
      );
    case 'saved':
      return (
        <Group gap={4} c="teal">
          <IconCheck size={16} aria-hidden />
          <Text {...common}>{t('audit.status.saved')}</Text>
        </Group>
      );
    case 'error':
      return (
        <Group gap={4} c="red" wrap="nowrap" maw={420}>
          <IconAlertTriangle size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Text {...common} lineClamp={2}>
            {t('audit.status.error', { reason: status.reason })}
          </Text>
        </Group>
      );
    default:
      return (
        <Text {...common} c="dimmed">
          {t('audit.status.idle')}
        </Text>
      );
  }
}
