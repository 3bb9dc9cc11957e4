// Part 5 of the objectives step: the measurement plan. For each social objective's KPI: where the figure comes from,
// how often it is reviewed and by whom. An objective without a source cannot be followed (a blocking finding).
import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAutosave } from '../../autosave';
import type { MeasurementPlan, Objective, ObjectivesView, ReviewFrequency } from '../../bindings';
import { Question } from '../StepFrame';
import { objApi } from './ipc';
import { KpiLine } from './Objectives';
import { errorOf, findingsOf, useObj } from './state';

export const FREQUENCIES: readonly ReviewFrequency[] = ['weekly', 'fortnightly', 'monthly', 'quarterly'];

/** The usual places a figure comes from, as suggestions after those computed for the objective. */
const COMMON_SOURCES = ['native', 'webAnalytics', 'crm', 'shop', 'tool', 'reviews'] as const;

export function Measurement() {
  const { t } = useTranslation();
  const { view, goTo } = useObj();
  const { objectives } = view.data;

  return (
    <Stack gap="lg">
      <Question
        title={t('objectives.measurement.question')}
        help={t('objectives.measurement.help')}
        example={t('objectives.measurement.example')}
      />
      {objectives.length === 0 ? (
        <Paper withBorder p="md" radius="md" data-testid="measurement-empty">
          <Stack gap="xs" align="flex-start">
            <Text c="dimmed">{t('objectives.measurement.empty')}</Text>
            <Button variant="light" onClick={() => goTo('objectives')} data-testid="measurement-go-objectives">
              {t('objectives.measurement.goObjectives')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        objectives.map((o) => <MeasurementRow key={o.id} objective={o} />)
      )}
    </Stack>
  );
}

/** The sources to suggest: the audit's for this KPI, the templates' for its metric, then the usual ones. */
function sourceSuggestions(view: ObjectivesView, o: Objective, lang: 'en' | 'fr', common: string[]): string[] {
  const computed = view.checks.find((c) => c.objective_id === o.id)?.source_suggestions ?? [];
  const fromTemplates = view.templates.filter((tpl) => tpl.kpi_metric === o.kpi_metric).map((tpl) => tpl.source[lang]);
  const out: string[] = [];
  for (const s of [...computed, ...fromTemplates, ...common]) {
    const trimmed = s.trim();
    if (trimmed && !out.some((x) => x.toLowerCase() === trimmed.toLowerCase())) out.push(trimmed);
  }
  return out;
}

function MeasurementRow({ objective: o }: { objective: Objective }) {
  const { t } = useTranslation();
  const { view, strategyId, tracker, lang, goTo } = useObj();
  const s = useAutosave<MeasurementPlan, ObjectivesView>({
    key: `${strategyId}:measurement:${o.id}`,
    initial: () => ({ ...o.measurement }),
    send: (plan) => objApi.measurementSave(strategyId, o.id, plan),
    tracker,
  });
  const check = view.checks.find((c) => c.objective_id === o.id);
  const measurable = check?.smart.measurable ?? false;
  const specific = check?.smart.specific ?? false;
  const blocking = findingsOf(view, o.id).find((f) => f.kind === 'not_measurable');
  const suggestions = sourceSuggestions(
    view,
    o,
    lang,
    COMMON_SOURCES.map((k) => t(`objectives.measurement.sources.${k}`)),
  );
  const status = measurable ? t('objectives.measurement.measurable') : t('objectives.measurement.notMeasurable');

  return (
    <Paper withBorder p="md" radius="md" data-testid="measurement-row" data-objective-id={o.id} id={`measurement-${o.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
              {o.title}
            </Text>
            <KpiLine objective={o} />
          </Stack>
          <Tooltip label={status}>
            <ThemeIcon
              variant="light"
              radius="xl"
              color={measurable ? 'teal' : 'red'}
              role="img"
              aria-label={status}
              data-testid="measurement-ok"
              data-ok={measurable ? 'true' : 'false'}
            >
              {measurable ? <IconCircleCheck size={18} aria-hidden /> : <IconCircleX size={18} aria-hidden />}
            </ThemeIcon>
          </Tooltip>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Autocomplete
            label={t('objectives.measurement.source')}
            placeholder={t('objectives.measurement.sourceHint')}
            data={suggestions}
            value={s.draft.source}
            onChange={(v) => s.change({ ...s.draft, source: v }, 'debounce')}
            onBlur={() => void s.flush()}
            error={errorOf(s.errors, 'source')}
            data-testid="measurement-source"
          />
          <Select
            label={t('objectives.measurement.frequency')}
            placeholder={t('objectives.measurement.frequencyHint')}
            data={FREQUENCIES.map((f) => ({ value: f, label: t(`objectives.frequencies.${f}`) }))}
            value={s.draft.frequency}
            onChange={(v) => s.change({ ...s.draft, frequency: v as ReviewFrequency | null }, 'now')}
            error={errorOf(s.errors, 'frequency')}
            clearable
            data-testid="measurement-frequency"
          />
          <TextInput
            label={t('objectives.measurement.reviewer')}
            placeholder={t('objectives.measurement.reviewerHint')}
            value={s.draft.reviewer}
            onChange={(e) => s.change({ ...s.draft, reviewer: e.currentTarget.value }, 'debounce')}
            onBlur={() => void s.flush()}
            error={errorOf(s.errors, 'reviewer')}
            data-testid="measurement-reviewer"
          />
        </SimpleGrid>
        {!measurable && (blocking || !specific) && (
          <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} data-testid="measurement-finding">
              {blocking && (
                <>
                  <Text size="sm" c="red" fw={600}>
                    {blocking.title[lang]}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {blocking.suggestion[lang] || blocking.explanation[lang]}
                  </Text>
                </>
              )}
              {!specific && (
                <Text size="sm" c="dimmed">
                  {t('objectives.measurement.noKpiFirst')}
                </Text>
              )}
            </Stack>
            {!specific && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => goTo('objectives', { anchor: `objective-${o.id}` })}
                data-testid="measurement-edit-kpi"
              >
                {t('objectives.measurement.editKpi')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
