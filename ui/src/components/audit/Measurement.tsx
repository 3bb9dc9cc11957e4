// Part 3 of the audit: for each selected network, which measurements are available and where they are read.
import { useEffect } from 'react';
import { Alert, Checkbox, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAutosave } from '../../autosave';
import type { Metric, Network } from '../../bindings';
import { api } from '../../ipc';
import { Question } from '../StepFrame';
import { networkName, scrollIntoView } from './parts';
import { errorOf, useAuditCtx } from './state';

export const METRICS: readonly Metric[] = ['reach', 'engagement', 'clicks', 'follower_growth', 'conversions'];

export function Measurement() {
  const { t } = useTranslation();
  const { audit, view, lang } = useAuditCtx();
  const selected = audit.networks.filter((n) => audit.selected.includes(n.key));
  // Rust decides what is still missing, and says it (audit::progress).
  const { measurement: complete, gaps, measurement_answer: answer } = view.progress;

  return (
    <Stack gap="lg">
      <Question
        title={t('audit.measurement.question')}
        help={t('audit.measurement.help')}
        example={t('audit.measurement.example')}
      />
      <Alert
        variant="light"
        color={complete ? 'teal' : gaps.length > 0 ? 'orange' : 'gray'}
        icon={complete ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
        title={t('audit.measurement.doIHave')}
        data-testid="measurement-answer"
        data-complete={complete ? 'true' : 'false'}
      >
        {answer[lang]}
      </Alert>
      {selected.map((n) => (
        <MetricCard key={n.key} network={n} />
      ))}
    </Stack>
  );
}

function MetricCard({ network }: { network: Network }) {
  const { audit, focus } = useAuditCtx();
  const highlighted = focus?.section === 'measurement' && focus.network === network.key;
  useEffect(() => {
    if (highlighted) scrollIntoView(`metrics-${network.key}`);
  }, [highlighted, network.key]);
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      id={`metrics-${network.key}`}
      data-testid={`metrics-${network.key}`}
      data-highlighted={highlighted ? 'true' : undefined}
      style={highlighted ? { outline: '3px solid var(--mantine-primary-color-filled)' } : undefined}
    >
      <Title order={4} mb="sm">
        {networkName(audit.networks, network.key)}
      </Title>
      <Table verticalSpacing={6} withRowBorders={false}>
        <Table.Tbody>
          {METRICS.map((m) => (
            <MetricRow key={m} network={network.key} metric={m} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function MetricRow({ network, metric }: { network: string; metric: Metric }) {
  const { t } = useTranslation();
  const { audit, strategyId, tracker } = useAuditCtx();
  const s = useAutosave({
    key: `${strategyId}:metric:${network}:${metric}`,
    initial: () => {
      const c = audit.metrics.find((x) => x.network === network && x.metric === metric);
      return { available: c?.available ?? false, source: c?.source ?? '', not_applicable: c?.not_applicable ?? false };
    },
    // useAutosave runs the request through the tracker itself.
    send: (d) => api.metricSave(strategyId, { network, metric, ...d }),
    tracker,
  });
  const id = `metric-${network}-${metric}`;
  const label = t(`audit.metrics.${metric}`);
  const na = s.draft.not_applicable;
  const networkLabel = networkName(audit.networks, network);
  return (
    <Table.Tr data-testid={`${id}-row`} data-not-applicable={na ? 'true' : undefined}>
      <Table.Td w="38%">
        <Checkbox
          label={label}
          aria-label={t('audit.measurement.available', { metric: label })}
          checked={s.draft.available && !na}
          disabled={na}
          onChange={(e) => s.change({ ...s.draft, available: e.currentTarget.checked }, 'now')}
          data-testid={id}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="sm"
          aria-label={`${label} · ${t('audit.measurement.source')}`}
          placeholder={t('audit.measurement.sourceHint')}
          value={s.draft.source}
          disabled={na}
          onChange={(e) => s.change({ ...s.draft, source: e.currentTarget.value }, 'debounce')}
          onBlur={s.flush}
          error={errorOf(s.errors, 'source')}
          data-testid={`${id}-source`}
        />
      </Table.Td>
      <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
        <Checkbox
          size="sm"
          label={t('audit.measurement.notApplicable')}
          aria-label={t('audit.measurement.notApplicableLabel', { metric: label, network: networkLabel })}
          checked={na}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            s.change({ ...s.draft, not_applicable: on, available: on ? false : s.draft.available }, 'now');
          }}
          data-testid={`${id}-na`}
        />
      </Table.Td>
    </Table.Tr>
  );
}
