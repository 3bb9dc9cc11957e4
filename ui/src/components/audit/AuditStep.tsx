// Step 1, the audit: four guided parts (audiences, networks & presence, measurement, summary), saved as the user
// types. The Rust side computes the findings; this only shows them.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Center, Group, Loader, Progress, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconLoader2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Audit, AuditView, StepId } from '../../bindings';
import { useAudit } from '../../queries';
import { Audiences } from './Audiences';
import { Measurement } from './Measurement';
import { PresenceSection } from './Presence';
import { AuditContext, type AuditCtx, SaveTracker, type Section, SECTIONS, useSaveStatus } from './state';
import { Summary } from './Summary';

/** The sub-step shown last, per strategy, so that coming back to the audit reopens it. */
const lastSection = new Map<number, Section>();

function isSection(v: string | null | undefined): v is Section {
  return (SECTIONS as readonly (string | null | undefined)[]).includes(v);
}

/** Which of the three data parts have something in them (for the progress indicator only). */
export function filledParts(view: AuditView): Record<Exclude<Section, 'summary'>, boolean> {
  const a: Audit = view.audit;
  // A network where the brand is absent has nothing to fill in: one described account (or "not on social media
  // yet") completes the part.
  const presenceDone = a.selected.length > 0 && (a.not_on_social_yet || a.presences.length > 0);
  const measurementDone =
    a.selected.length > 0 &&
    a.metrics.some((m) => a.selected.includes(m.network)) &&
    !view.findings.some((f) => f.kind === 'missing_measurement');
  return { audiences: a.personas.length > 0, presence: presenceDone, measurement: measurementDone };
}

export function AuditStep({ strategyId, onGoToStep }: { strategyId: number; onGoToStep: (step: StepId) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const client = useQueryClient();
  const query = useAudit(strategyId);
  const tracker = useMemo(() => new SaveTracker(client, strategyId), [client, strategyId]);
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
      <Alert color="red" data-testid="audit" icon={<IconAlertTriangle size={18} />} title={t('audit.loadFailed')}>
        <Button variant="light" color="red" mt="xs" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  }
  if (!ctx || !view) {
    return (
      <Center py="xl" data-testid="audit-loading">
        <Loader />
      </Center>
    );
  }

  const filled = filledParts(view);
  const done = Object.values(filled).filter(Boolean).length;
  const total = Object.keys(filled).length;
  const tabIcon = (s: Section) =>
    s !== 'summary' && filled[s] ? (
      <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden data-testid={`audit-tab-${s}-done`} />
    ) : null;

  return (
    <AuditContext.Provider value={ctx}>
      <Box data-testid="audit">
        <Group justify="space-between" align="center" mb="xs" gap="md">
          <Group gap="sm" style={{ flex: 1, minWidth: 200 }} wrap="nowrap">
            <Text size="sm" c="dimmed" data-testid="audit-progress" style={{ whiteSpace: 'nowrap' }}>
              {t('audit.progress', { count: done, total })}
            </Text>
            <Progress
              value={(done / total) * 100}
              size="sm"
              color="teal"
              style={{ flex: 1, maxWidth: 200 }}
              aria-label={t('audit.progress', { count: done, total })}
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
          <Tabs.List aria-label={t('audit.partsLabel')}>
            {SECTIONS.map((s) => (
              <Tabs.Tab key={s} value={s} data-testid={`audit-tab-${s}`} rightSection={tabIcon(s)}>
                {t(`audit.tabs.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="audiences" pt="lg">
            <Audiences />
          </Tabs.Panel>
          <Tabs.Panel value="presence" pt="lg">
            <PresenceSection />
          </Tabs.Panel>
          <Tabs.Panel value="measurement" pt="lg">
            <Measurement />
          </Tabs.Panel>
          <Tabs.Panel value="summary" pt="lg">
            <Summary onGoToStep={onGoToStep} />
          </Tabs.Panel>
        </Tabs>
      </Box>
    </AuditContext.Provider>
  );
}

function SaveStatusLine({ tracker }: { tracker: SaveTracker }) {
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
