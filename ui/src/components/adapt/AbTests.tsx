// Step 5's A/B tests: what a test is and how to read it, the tests with their variants, verdicts and statistics, and
// the form that creates or edits one. Every count, rate, p-value, verdict, status and winner comes computed from Rust
// (src-tauri/cinq-core/src/abtests.rs and stats.rs); this only shows them.
import './abTexts';
import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconFlask, IconInfoCircle, IconPencil, IconPlus, IconTrash, IconTrophy, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  AbStatus,
  AbTest,
  AbTestInput,
  ApiError,
  CalendarView,
  Comparison,
  FieldError,
  Language,
  MeasureKey,
  SuccessMetric,
  VariedElement,
} from '../../bindings';
import { notifyError, notifySuccess } from '../../errors';
import { formatDateTime, formatNumber } from '../../format';
import i18n from '../../i18n';
import { learningsKey } from '../calendar/state';
import { confirmDelete } from '../ItemParts';
import { ListStatus } from '../StepFrame';
import { abApi, abKeys, inputOf, networkLabel, planPostGroups, useAbTests, usePlanCalendar, variantData } from './abIpc';
import { abErrorText } from './abTexts';

export const VARIED: readonly VariedElement[] = ['photo', 'title', 'text', 'time', 'format'];
export const METRICS: readonly SuccessMetric[] = ['click_through', 'engagement_rate', 'ratio'];
export const MEASURE_KEYS: readonly MeasureKey[] = [
  'impressions',
  'reach',
  'reactions',
  'comments',
  'shares',
  'saves',
  'clicks',
  'video_views',
  'follows',
  'leads',
  'engagements',
];
const STATUS_COLORS: Record<AbStatus, string> = { waiting_for_data: 'gray', running: 'blue', decided: 'teal' };

// ---------------------------------------------------------------------------------------------------------------
// Display.

const langOf = (l: string): Language => (l === 'fr' ? 'fr' : 'en');

/** A rate (a fraction) as a percentage, one decimal at most. */
function percent(rate: number | null, lang: Language): string {
  if (rate == null || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A difference of rates (fractions) in percentage points, with its sign. */
function points(diff: number, lang: Language): string {
  const value = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(diff * 100);
  return i18n.t('adaptTests.pp', { value });
}

function pValue(p: number, lang: Language): string {
  const f = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 3 }).format(v);
  return p < 0.001 ? i18n.t('adaptTests.below', { value: f(0.001) }) : f(p);
}

/** A metric in words: a ratio names its two measures. */
function metricText(metric: SuccessMetric, numerator: MeasureKey | null, denominator: MeasureKey | null): string {
  if (metric === 'ratio' && numerator && denominator) {
    return i18n.t('adaptTests.ratio', {
      numerator: i18n.t(`adaptTests.measures.${numerator}`),
      denominator: i18n.t(`adaptTests.measures.${denominator}`),
    });
  }
  return i18n.t(`adaptTests.metric.${metric}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The panel.

type FormState = { test: AbTest | null; session: number } | null;

export function AbTestsPanel({ strategyId }: { strategyId: number }) {
  const { t, i18n: i } = useTranslation();
  const lang = langOf(i.language);
  const client = useQueryClient();
  const tests = useAbTests(strategyId);
  const plan = usePlanCalendar(strategyId);
  const [form, setForm] = useState<FormState>(null);
  const [sessions, setSessions] = useState(0);

  const open = (test: AbTest | null) => {
    setSessions((n) => n + 1);
    setForm({ test, session: sessions + 1 });
  };

  const remove = useMutation({
    mutationFn: (testId: number) => abApi.delete(strategyId, testId),
    onSuccess: (list) => {
      client.setQueryData(abKeys.tests(strategyId), list);
      // The post editor shows the decided tests' learnings.
      void client.invalidateQueries({ queryKey: learningsKey(strategyId) });
      notifySuccess(t('adaptTests.deleted'));
    },
    onError: notifyError,
  });

  const askDelete = (test: AbTest) =>
    confirmDelete({
      title: t('adaptTests.deleteTitle'),
      body: t('adaptTests.deleteBody', { name: test.name }),
      confirmTestId: 'ab-delete-confirm',
      onConfirm: () => remove.mutate(test.id),
    });

  return (
    <Stack gap="md" data-testid="ab-tests">
      <Group justify="space-between" align="center" wrap="wrap">
        <Group gap="xs">
          <IconFlask size={22} aria-hidden />
          <Title order={3}>{t('adaptTests.title')}</Title>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)} data-testid="ab-new">
          {t('adaptTests.new')}
        </Button>
      </Group>
      <Help />
      <ListStatus
        query={tests}
        failedTestId="ab-load-failed"
        failedTitle={t('adaptTests.loadFailed')}
        retryLabel={t('adaptTests.retry')}
        empty={t('adaptTests.empty')}
      />
      {tests.data?.map((test) => (
        <TestCard
          key={test.id}
          test={test}
          strategyId={strategyId}
          lang={lang}
          view={plan.data}
          onEdit={() => open(test)}
          onDelete={() => askDelete(test)}
        />
      ))}
      {form && (
        <TestForm
          key={form.session}
          strategyId={strategyId}
          test={form.test}
          view={plan.data}
          lang={lang}
          onClose={() => setForm(null)}
        />
      )}
    </Stack>
  );
}

function Help() {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="ab-help">
      <Stack gap={6}>
        <Text size="sm">{t('adaptTests.help.what')}</Text>
        <Text size="sm">{t('adaptTests.help.one')}</Text>
        <Text size="sm">{t('adaptTests.help.when')}</Text>
        <Text size="sm">{t('adaptTests.help.stats')}</Text>
        <Text size="sm">{t('adaptTests.help.verdict')}</Text>
      </Stack>
    </Alert>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// A test's card.

function TestCard({
  test,
  strategyId,
  lang,
  view,
  onEdit,
  onDelete,
}: {
  test: AbTest;
  strategyId: number;
  lang: Language;
  view: CalendarView | undefined;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const variants = variantData(test);
  const several = test.comparisons.length > 1;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`ab-card-${test.id}`} data-status={test.status} component="article">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={4} style={{ overflowWrap: 'anywhere' }}>
              {test.name}
            </Title>
            <Group gap="xs">
              <Badge color={STATUS_COLORS[test.status]} variant="light" data-testid={`ab-status-${test.id}`}>
                {t(`adaptTests.status.${test.status}`)}
              </Badge>
              {test.status === 'decided' && test.winner && (
                <Badge color="teal" variant="filled" leftSection={<IconTrophy size={12} />} data-testid={`ab-winner-${test.id}`}>
                  {t('adaptTests.winner', { label: test.winner })}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('adaptTests.edit', { name: test.name })}>
              <ActionIcon
                variant="subtle"
                aria-label={t('adaptTests.edit', { name: test.name })}
                onClick={onEdit}
                data-testid={`ab-edit-${test.id}`}
              >
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('adaptTests.delete', { name: test.name })}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('adaptTests.delete', { name: test.name })}
                onClick={onDelete}
                data-testid={`ab-delete-${test.id}`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Field label={t('adaptTests.card.hypothesis')}>
            {test.hypothesis.trim() ? test.hypothesis : <Text span c="dimmed" size="sm">{t('adaptTests.card.noHypothesis')}</Text>}
          </Field>
          <Field label={t('adaptTests.card.varies')}>{t(`adaptTests.varied.${test.varied}`)}</Field>
          <Field label={t('adaptTests.card.metric')}>{metricText(test.metric, test.numerator, test.denominator)}</Field>
        </SimpleGrid>

        {test.verdicts.length > 0 ? (
          <Alert
            variant="light"
            color={test.status === 'decided' ? 'teal' : 'blue'}
            icon={test.status === 'decided' ? <IconTrophy size={18} /> : <IconInfoCircle size={18} />}
          >
            <Stack gap={4}>
              {test.verdicts.map((v, i) => (
                <Text
                  key={i}
                  fw={i === 0 ? 700 : 500}
                  size={i === 0 ? 'md' : 'sm'}
                  data-testid={i === 0 ? `ab-verdict-${test.id}` : undefined}
                >
                  {v[lang]}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed" data-testid={`ab-waiting-${test.id}`}>
            {t('adaptTests.card.waiting')}
          </Text>
        )}

        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing={6} aria-label={t('adaptTests.card.variants', { name: test.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adaptTests.col.variant')}</Table.Th>
                <Table.Th>{t('adaptTests.col.post')}</Table.Th>
                <Table.Th ta="right">{t('adaptTests.col.counts')}</Table.Th>
                <Table.Th ta="right">{t('adaptTests.col.rate')}</Table.Th>
                <Table.Th>{t('adaptTests.col.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {variants.map((v, i) => {
                const has = v.successes != null && v.trials != null;
                return (
                  <Table.Tr key={`${i}-${v.label}`} data-testid={`ab-variant-${test.id}-${i}`}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {v.label}
                        </Text>
                        {test.winner === v.label && <IconTrophy size={14} aria-label={t('adaptTests.winner', { label: v.label })} />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {v.post_id != null ? (
                        <Stack gap={0}>
                          <Text size="sm" lineClamp={1}>
                            {v.post_title.trim() || `#${v.post_id}`}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {[networkLabel(view, v.network), v.scheduled_at ? formatDateTime(v.scheduled_at, lang) : '']
                              .filter(Boolean)
                              .join(' · ')}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('adaptTests.noPost')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {has
                        ? t('adaptTests.counts', {
                            successes: formatNumber(v.successes ?? 0, lang),
                            trials: formatNumber(v.trials ?? 0, lang),
                          })
                        : '—'}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {has && (v.trials ?? 0) > 0 ? percent((v.successes ?? 0) / (v.trials ?? 1), lang) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" size="sm" color={v.from_results ? 'indigo' : has ? 'grape' : 'gray'}>
                        {t(v.from_results ? 'adaptTests.fromResults' : has ? 'adaptTests.typed' : 'adaptTests.noCounts')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        {test.comparisons.length > 0 && (
          <Stack gap={4}>
            <Table.ScrollContainer minWidth={620}>
              <Table verticalSpacing={6} aria-label={t('adaptTests.card.comparisons', { name: test.name })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('adaptTests.col.comparison')}</Table.Th>
                    <Table.Th ta="right">{t('adaptTests.col.difference')}</Table.Th>
                    <Table.Th ta="right">{t('adaptTests.col.pValue')}</Table.Th>
                    {several && <Table.Th ta="right">{t('adaptTests.col.adjusted')}</Table.Th>}
                    <Table.Th>{t('adaptTests.col.test')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {test.comparisons.map((c, i) => (
                    <ComparisonRow key={i} c={c} lang={lang} several={several} testId={`ab-comparison-${test.id}-${i}`} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              {t('adaptTests.testHelp')} {several ? t('adaptTests.adjustedHelp') : ''}
            </Text>
          </Stack>
        )}

        {test.learning.trim() !== '' ? (
          <Field label={t('adaptTests.card.learning')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`ab-learning-text-${test.id}`}>
              {test.learning}
            </Text>
          </Field>
        ) : (
          test.status === 'decided' && <LearningInvite test={test} strategyId={strategyId} />
        )}
      </Stack>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function ComparisonRow({ c, lang, several, testId }: { c: Comparison; lang: Language; several: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={testId} fw={c.significant ? 600 : undefined}>
      <Table.Td>{t('adaptTests.vs', { variant: c.variant.name, control: c.control.name })}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {points(c.difference, lang)}{' '}
        <Text span size="xs" c="dimmed">
          ({t('adaptTests.interval', { low: points(c.difference_low, lang), high: points(c.difference_high, lang) })})
        </Text>
      </Table.Td>
      <Table.Td ta="right">{pValue(c.p_value, lang)}</Table.Td>
      {several && <Table.Td ta="right">{pValue(c.adjusted_p_value, lang)}</Table.Td>}
      <Table.Td>{t(`adaptTests.test.${c.test}`)}</Table.Td>
    </Table.Tr>
  );
}

/** A decided test with no learning yet asks for it, in place. */
function LearningInvite({ test, strategyId }: { test: AbTest; strategyId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (learning: string) => abApi.save(strategyId, test.id, { ...inputOf(test), learning }),
    onSuccess: (list) => {
      client.setQueryData(abKeys.tests(strategyId), list);
      // The post editor shows the decided tests' learnings.
      void client.invalidateQueries({ queryKey: learningsKey(strategyId) });
      notifySuccess(t('adaptTests.card.learningSaved'));
    },
    onError: (e: ApiError) => {
      const f = e.fields.find((x) => x.field === 'learning');
      if (e.code === 'validation' && f) setError(abErrorText(f));
      else notifyError(e);
    },
  });
  return (
    <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-yellow-light)">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('adaptTests.card.learningInvite')}
        </Text>
        <Textarea
          aria-label={t('adaptTests.card.learningLabel', { name: test.name })}
          placeholder={t('adaptTests.card.learningPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          autosize
          minRows={2}
          data-testid={`ab-learning-${test.id}`}
        />
        <Group justify="flex-end">
          <Button
            size="compact-sm"
            disabled={text.trim() === ''}
            loading={save.isPending}
            onClick={() => save.mutate(text)}
            data-testid={`ab-learning-save-${test.id}`}
          >
            {t('adaptTests.card.saveLearning')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The form.

type Count = number | string;

interface VariantDraft {
  /** A key for React, stable while the form is open. */
  key: number;
  label: string;
  post: string | null;
  successes: Count;
  trials: Count;
}

interface Draft {
  name: string;
  hypothesis: string;
  varied: VariedElement;
  metric: SuccessMetric;
  numerator: MeasureKey | null;
  denominator: MeasureKey | null;
  variants: VariantDraft[];
  learning: string;
  nextKey: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function draftOf(test: AbTest | null): Draft {
  const input: AbTestInput = test
    ? inputOf(test)
    : {
        name: '',
        hypothesis: '',
        varied: 'photo',
        metric: 'click_through',
        numerator: null,
        denominator: null,
        variants: ['A', 'B'].map((label) => ({ label, post_id: null, successes: null, trials: null })),
        learning: '',
      };
  return {
    ...input,
    variants: input.variants.map((v, key) => ({
      key,
      label: v.label,
      post: v.post_id == null ? null : String(v.post_id),
      successes: v.successes ?? '',
      trials: v.trials ?? '',
    })),
    nextKey: input.variants.length,
  };
}

/** A typed count: a whole number, or null when left empty. */
function countOf(v: Count): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function toInput(d: Draft): AbTestInput {
  const ratio = d.metric === 'ratio';
  return {
    name: d.name,
    hypothesis: d.hypothesis,
    varied: d.varied,
    metric: d.metric,
    numerator: ratio ? d.numerator : null,
    denominator: ratio ? d.denominator : null,
    variants: d.variants.map((v) => ({
      label: v.label,
      post_id: v.post == null ? null : Number(v.post),
      successes: countOf(v.successes),
      trials: countOf(v.trials),
    })),
    learning: d.learning,
  };
}

function TestForm({
  strategyId,
  test,
  view,
  lang,
  onClose,
}: {
  strategyId: number;
  test: AbTest | null;
  view: CalendarView | undefined;
  lang: Language;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(test));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const options = planPostGroups(
    view,
    lang,
    test ? variantData(test).flatMap((v) => (v.post_id == null ? [] : [{ ...v, id: v.post_id, title: v.post_title }])) : [],
  );

  const save = useMutation({
    mutationFn: (input: AbTestInput) => abApi.save(strategyId, test?.id ?? null, input),
    onSuccess: (list) => {
      client.setQueryData(abKeys.tests(strategyId), list);
      // The post editor shows the decided tests' learnings.
      void client.invalidateQueries({ queryKey: learningsKey(strategyId) });
      notifySuccess(t('adaptTests.saved'));
      onClose();
    },
    onError: (e: ApiError) => {
      if (e.code === 'validation' && e.fields.length > 0) setErrors(e.fields);
      else notifyError(e);
    },
  });

  const err = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? abErrorText(e) : undefined;
  };
  /** Typing in a field clears its error. */
  const clear = (...fields: string[]) => setErrors((old) => old.filter((e) => !fields.includes(e.field)));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setD((old) => ({ ...old, [k]: v }));
    clear(k);
  };
  const setVariant = (index: number, patch: Partial<VariantDraft>) => {
    setD((old) => ({ ...old, variants: old.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) }));
    clear(...Object.keys(patch).map((k) => `variants.${index}.${k === 'post' ? 'post_id' : k}`));
  };
  const addVariant = () => {
    setD((old) => {
      const used = new Set(old.variants.map((v) => v.label.trim().toUpperCase()));
      const label = [...LETTERS].find((l) => !used.has(l)) ?? '';
      return {
        ...old,
        variants: [...old.variants, { key: old.nextKey, label, post: null, successes: '', trials: '' }],
        nextKey: old.nextKey + 1,
      };
    });
    clear('variants');
  };
  // The errors of the variants after a removed one would point at the wrong variant: they go.
  const removeVariant = (index: number) => {
    setD((old) => ({ ...old, variants: old.variants.filter((_, i) => i !== index) }));
    setErrors((old) => old.filter((e) => !e.field.startsWith('variants')));
  };

  const measureData = MEASURE_KEYS.map((m) => ({ value: m, label: t(`adaptTests.measures.${m}`) }));
  const variantsError = err('variants');

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={<Text fw={700}>{t(test ? 'adaptTests.form.editTitle' : 'adaptTests.form.newTitle')}</Text>}
    >
      <form
        data-testid="ab-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(toInput(d));
        }}
      >
        <Stack gap="md">
          {errors.length > 0 && (
            <Alert color="red" variant="light" data-testid="ab-form-error">
              {t('adaptTests.form.notSaved')}
            </Alert>
          )}
          <TextInput
            label={t('adaptTests.form.name')}
            placeholder={t('adaptTests.form.namePlaceholder')}
            value={d.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={err('name')}
            withAsterisk
            data-autofocus
            data-testid="ab-name"
            errorProps={{ 'data-testid': 'ab-name-error' }}
          />
          <Textarea
            label={t('adaptTests.form.hypothesis')}
            description={t('adaptTests.form.hypothesisHint')}
            placeholder={t('adaptTests.form.hypothesisPlaceholder')}
            value={d.hypothesis}
            onChange={(e) => set('hypothesis', e.currentTarget.value)}
            error={err('hypothesis')}
            autosize
            minRows={2}
            data-testid="ab-hypothesis"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('adaptTests.form.varied')}
              description={t('adaptTests.form.variedHint')}
              data={VARIED.map((v) => ({ value: v, label: t(`adaptTests.varied.${v}`) }))}
              value={d.varied}
              onChange={(v) => v && set('varied', v as VariedElement)}
              allowDeselect={false}
              error={err('varied')}
              data-testid="ab-varied"
            />
            <Select
              label={t('adaptTests.form.metric')}
              description={t('adaptTests.form.metricHint')}
              data={METRICS.map((m) => ({ value: m, label: t(`adaptTests.metric.${m}`) }))}
              value={d.metric}
              onChange={(v) => {
                if (!v) return;
                set('metric', v as SuccessMetric);
                clear('numerator', 'denominator');
              }}
              allowDeselect={false}
              error={err('metric')}
              data-testid="ab-metric"
            />
          </SimpleGrid>
          {d.metric === 'ratio' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('adaptTests.form.numerator')}
                data={measureData}
                value={d.numerator}
                onChange={(v) => {
                  set('numerator', v as MeasureKey | null);
                }}
                error={err('numerator')}
                withAsterisk
                data-testid="ab-numerator"
                errorProps={{ 'data-testid': 'ab-numerator-error' }}
              />
              <Select
                label={t('adaptTests.form.denominator')}
                data={measureData}
                value={d.denominator}
                onChange={(v) => {
                  set('denominator', v as MeasureKey | null);
                  clear('numerator');
                }}
                error={err('denominator')}
                withAsterisk
                data-testid="ab-denominator"
              />
            </SimpleGrid>
          )}

          <Divider label={t('adaptTests.form.variants')} labelPosition="left" />
          <Text size="sm" c="dimmed" mt={-8}>
            {t('adaptTests.form.variantsHint')}
          </Text>
          {variantsError && (
            <Text size="sm" c="red" data-testid="ab-variants-error" role="alert">
              {variantsError}
            </Text>
          )}
          <Stack gap="sm">
            {d.variants.map((v, index) => {
              const n = index + 1;
              return (
                <Paper key={v.key} withBorder radius="sm" p="sm" data-testid={`ab-form-variant-${index}`}>
                  <Group align="flex-start" gap="sm" wrap="nowrap">
                    <TextInput
                      w={90}
                      label={t('adaptTests.form.label')}
                      aria-label={t('adaptTests.form.labelOf', { index: n })}
                      value={v.label}
                      onChange={(e) => setVariant(index, { label: e.currentTarget.value })}
                      error={err(`variants.${index}.label`)}
                      withAsterisk
                      data-testid={`ab-variant-label-${index}`}
                      errorProps={{ 'data-testid': `ab-variant-label-${index}-error` }}
                    />
                    <Select
                      style={{ flex: 1, minWidth: 0 }}
                      label={t('adaptTests.form.post')}
                      aria-label={t('adaptTests.form.postOf', { index: n })}
                      placeholder={t('adaptTests.form.postPlaceholder')}
                      nothingFoundMessage={t('adaptTests.form.noPosts')}
                      data={options}
                      value={v.post}
                      onChange={(p) => setVariant(index, { post: p })}
                      searchable
                      clearable
                      error={err(`variants.${index}.post_id`)}
                      data-testid={`ab-variant-post-${index}`}
                      errorProps={{ 'data-testid': `ab-variant-post-${index}-error` }}
                    />
                    <NumberInput
                      w={110}
                      label={t('adaptTests.form.successes')}
                      aria-label={t('adaptTests.form.successesOf', { index: n })}
                      value={v.successes}
                      onChange={(x) => setVariant(index, { successes: x })}
                      min={0}
                      allowNegative={false}
                      allowDecimal={false}
                      error={err(`variants.${index}.successes`)}
                      data-testid={`ab-variant-successes-${index}`}
                      errorProps={{ 'data-testid': `ab-variant-successes-${index}-error` }}
                    />
                    <NumberInput
                      w={110}
                      label={t('adaptTests.form.trials')}
                      aria-label={t('adaptTests.form.trialsOf', { index: n })}
                      value={v.trials}
                      onChange={(x) => setVariant(index, { trials: x })}
                      min={0}
                      allowNegative={false}
                      allowDecimal={false}
                      error={err(`variants.${index}.trials`)}
                      data-testid={`ab-variant-trials-${index}`}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={26}
                      aria-label={t('adaptTests.form.remove', { index: n })}
                      disabled={d.variants.length <= 2}
                      onClick={() => removeVariant(index)}
                      data-testid={`ab-variant-remove-${index}`}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={addVariant}
              disabled={d.variants.length >= LETTERS.length}
              data-testid="ab-variant-add"
            >
              {t('adaptTests.form.add')}
            </Button>
          </Group>

          <Divider />
          <Textarea
            label={t('adaptTests.form.learning')}
            description={t('adaptTests.form.learningHint')}
            value={d.learning}
            onChange={(e) => set('learning', e.currentTarget.value)}
            error={err('learning')}
            autosize
            minRows={2}
            data-testid="ab-form-learning"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="ab-cancel">
              {t('adaptTests.form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="ab-save">
              {t('adaptTests.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
