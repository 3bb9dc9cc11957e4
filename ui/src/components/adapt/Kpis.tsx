// Part 2 of step 5, the objectives: one card per social objective with its KPI's status (computed in Rust against the
// straight path from the baseline to the target), its value against the target, its history drawn with that path,
// and the readings typed by hand.
import { useState } from 'react';
import { LineChart } from '@mantine/charts';
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiError, Evaluation, FieldError, KpiReading, KpiTrack, Language } from '../../bindings';
import { notifyError } from '../../errors';
import { formatDay } from '../../format';
import i18n from '../../i18n';
import { toApiError } from '../../ipc';
import { DateField } from '../common/DateField';
import { StepLoadFailed, StepLoading, Question } from '../StepFrame';
import { adaptErrorText } from './i18n';
import { adaptApi } from './ipc';
import {
  adaptKeys,
  dayTime,
  formatFigure,
  isDay,
  longDay,
  shortDay,
  STATUS_COLORS,
  useEvaluation,
  withUnit,
} from './state';
import type { PartProps } from './TestAdaptStep';

const k = (key: string) => `adapt.kpis.${key}`;

export function Kpis({ strategyId, onGoToStep }: PartProps) {
  const { t } = useTranslation();
  const query = useEvaluation(strategyId);
  const evaluation = query.data;

  if (query.isError && !evaluation) {
    return (
      <StepLoadFailed
        testId="kpis-load-failed"
        title={t('adapt.loadFailed')}
        retryLabel={t('adapt.retry')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!evaluation) return <StepLoading testId="kpis-loading" />;

  return (
    <Stack gap="lg" data-testid="kpis">
      <Question title={t(k('question'))} help={t(k('help'))} />
      {evaluation.objectives.length === 0 ? (
        <Paper withBorder p="md" radius="md" data-testid="kpis-empty">
          <Stack gap="xs" align="flex-start">
            <Text c="dimmed">{t(k('empty'))}</Text>
            {onGoToStep && (
              <Button variant="light" onClick={() => onGoToStep('objectives')} data-testid="kpis-go-objectives">
                {t(k('goObjectives'))}
              </Button>
            )}
          </Stack>
        </Paper>
      ) : (
        evaluation.objectives.map((track) => (
          <KpiCard key={track.objective_id} strategyId={strategyId} track={track} today={evaluation.today} />
        ))
      )}
    </Stack>
  );
}

/** Where the value comes from, in words. */
function sourceText(track: KpiTrack): string {
  const t = i18n.t.bind(i18n);
  if (track.source === 'readings') return t(k('source.readings'));
  if (track.source === 'posts') {
    return track.period_days === null
      ? t(k('source.postsNoPeriod'))
      : t(k('source.posts'), { count: track.period_days });
  }
  return t(k('source.none'));
}

function KpiCard({ strategyId, track, today }: { strategyId: number; track: KpiTrack; today: string }) {
  const { t, i18n: i } = useTranslation();
  const lang: Language = i.language === 'fr' ? 'fr' : 'en';
  const id = track.objective_id;
  const figure = (label: string, value: string, testId?: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );

  return (
    <Paper withBorder p="md" radius="md" data-testid={`kpi-card-${id}`} data-status={track.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={4} style={{ overflowWrap: 'anywhere' }}>
            {track.title}
          </Title>
          <Badge color={STATUS_COLORS[track.status]} variant="light" data-testid={`kpi-status-${id}`}>
            {t(k(`status.${track.status}`))}
          </Badge>
        </Group>
        <Text size="sm" data-testid={`kpi-explanation-${id}`}>
          {track.explanation[lang]}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
          {figure(t(k('current')), withUnit(track.current, track.unit, lang), `kpi-current-${id}`)}
          {figure(t(k('target')), withUnit(track.target, track.unit, lang), `kpi-target-${id}`)}
          {figure(t(k('deadline')), track.deadline ? formatDay(track.deadline, lang) : t(k('noDeadline')))}
          {figure(t(k('baseline')), withUnit(track.baseline, track.unit, lang))}
          {track.expected !== null && figure(t(k('expected')), withUnit(track.expected, track.unit, lang))}
          {track.projected !== null && figure(t(k('projected')), withUnit(track.projected, track.unit, lang))}
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid={`kpi-source-${id}`} data-source={track.source}>
          {sourceText(track)}
        </Text>
        <KpiChart track={track} lang={lang} />
        <Divider label={t(k('readings.title'))} labelPosition="left" />
        <Readings strategyId={strategyId} track={track} today={today} lang={lang} />
      </Stack>
    </Paper>
  );
}

/** The history and the straight path from the baseline on the start date to the target on the deadline, on a time
 *  axis. Rust gives the path's value on each day of the history (so the tooltip compares them) and its two ends. */
export function chartPoints(track: KpiTrack): { time: number; value?: number; expected?: number }[] {
  const points = new Map<number, { time: number; value?: number; expected?: number }>();
  for (const h of track.history) {
    points.set(dayTime(h.date), { time: dayTime(h.date), value: h.value, expected: h.expected ?? undefined });
  }
  for (const p of track.path) {
    const time = dayTime(p.date);
    points.set(time, { ...points.get(time), time, expected: p.value });
  }
  return [...points.values()].sort((a, b) => a.time - b.time);
}

function KpiChart({ track, lang }: { track: KpiTrack; lang: Language }) {
  const { t } = useTranslation();
  if (track.history.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={`kpi-chart-empty-${track.objective_id}`}>
        {t(k('chart.empty'))}
      </Text>
    );
  }
  const data = chartPoints(track);
  const withPath = data.some((p) => p.expected !== undefined);
  return (
    <div role="img" aria-label={t(k('chart.label'), { title: track.title })} data-testid={`kpi-chart-${track.objective_id}`}>
      <LineChart
        h={200}
        data={data}
        dataKey="time"
        curveType="linear"
        series={[
          { name: 'value', label: t(k('chart.value')), color: 'blue.6' },
          ...(withPath ? [{ name: 'expected', label: t(k('chart.trajectory')), color: 'gray.6', strokeDasharray: '5 5' }] : []),
        ]}
        xAxisProps={{
          type: 'number',
          scale: 'time',
          domain: ['dataMin', 'dataMax'],
          tickFormatter: (v: number) => shortDay(v, lang),
        }}
        tooltipProps={{ labelFormatter: (label: unknown) => longDay(Number(label), lang) }}
        valueFormatter={(v) => formatFigure(v, lang)}
        withLegend
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Readings.

interface ReadingDraft {
  day: string;
  value: number | string;
  note: string;
}

function Readings({ strategyId, track, today, lang }: {
  strategyId: number;
  track: KpiTrack;
  today: string;
  lang: Language;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = track.objective_id;
  const [draft, setDraft] = useState<ReadingDraft>({ day: today, value: '', note: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? adaptErrorText(e.code) : undefined;
  };

  /** The readings answered replace the objective's in every cached evaluation, then the evaluations are fetched
   *  again (the value and the status change with them). */
  const changed = (readings: KpiReading[] | null, removed?: number) => {
    client.setQueriesData<Evaluation>({ queryKey: adaptKeys.evaluations(strategyId) }, (e) =>
      e
        ? {
            ...e,
            objectives: e.objectives.map((o) =>
              o.objective_id !== id
                ? o
                : { ...o, readings: readings ?? o.readings.filter((r) => r.id !== removed) },
            ),
          }
        : e,
    );
    void client.invalidateQueries({ queryKey: adaptKeys.evaluations(strategyId) });
  };

  const save = async () => {
    const found: FieldError[] = [];
    if (!isDay(draft.day)) found.push({ field: 'taken_on', code: 'invalid_date' });
    if (typeof draft.value !== 'number') {
      found.push({ field: 'value', code: draft.value === '' ? 'required' : 'invalid_number' });
    }
    setErrors(found);
    if (found.length > 0 || typeof draft.value !== 'number') return;
    setSaving(true);
    try {
      const readings = await adaptApi.kpiReadingSave(strategyId, id, draft.day, draft.value, draft.note.trim());
      changed(readings);
      setDraft((d) => ({ ...d, value: '', note: '' }));
    } catch (e) {
      const err: ApiError = toApiError(e);
      if (err.code === 'validation') setErrors(err.fields);
      else notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (readingId: number) => {
    try {
      await adaptApi.kpiReadingDelete(strategyId, readingId);
      changed(null, readingId);
    } catch (e) {
      notifyError(toApiError(e));
    }
  };

  // Newest first.
  const readings = [...track.readings].sort((a, b) => b.taken_on.localeCompare(a.taken_on));
  return (
    <Stack gap="sm" data-testid={`kpi-readings-${id}`}>
      <Text size="xs" c="dimmed">
        {t(k('readings.help'))}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Group align="flex-start" gap="sm">
          <DateField
            label={t(k('readings.date'))}
            value={draft.day}
            onChange={(day) => setDraft((d) => ({ ...d, day }))}
            error={errorOf('taken_on')}
            clearable={false}
            w={190}
            testId={`kpi-reading-date-${id}`}
          />
          <NumberInput
            label={track.unit ? `${t(k('readings.value'))} (${track.unit})` : t(k('readings.value'))}
            value={draft.value}
            onChange={(v) => setDraft((d) => ({ ...d, value: v }))}
            error={errorOf('value')}
            decimalSeparator={lang === 'fr' ? ',' : '.'}
            thousandSeparator={false}
            hideControls
            w={150}
            data-testid={`kpi-reading-value-${id}`}
            errorProps={{ 'data-testid': `kpi-reading-value-error-${id}` }}
          />
          <TextInput
            label={t(k('readings.note'))}
            placeholder={t(k('readings.notePlaceholder'))}
            value={draft.note}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setDraft((d) => ({ ...d, note }));
            }}
            style={{ flex: 1, minWidth: 180 }}
            data-testid={`kpi-reading-note-${id}`}
          />
          <Button type="submit" mt={25} loading={saving} data-testid={`kpi-reading-save-${id}`}>
            {t(k('readings.save'))}
          </Button>
        </Group>
      </form>
      {readings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(k('readings.none'))}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360} maxHeight={240}>
          <Table fz="sm" striped aria-label={t(k('readings.count'), { count: readings.length })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(k('readings.date'))}</Table.Th>
                <Table.Th>{t(k('readings.value'))}</Table.Th>
                <Table.Th>{t(k('readings.note'))}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {readings.map((r) => (
                <Table.Tr key={r.id} data-testid={`kpi-reading-${r.id}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.taken_on, lang)}</Table.Td>
                  <Table.Td>{withUnit(r.value, track.unit, lang)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.note}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t(k('readings.delete'), { date: formatDay(r.taken_on, lang) })}
                      onClick={() => void remove(r.id)}
                      data-testid={`kpi-reading-delete-${r.id}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
