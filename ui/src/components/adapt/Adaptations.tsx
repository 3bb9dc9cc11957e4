// Step 5's adaptations: the log of the changes made to the plan, each with its observation, decision, evidence,
// expected effect and review date, and the form that records one, optionally applying a change to the plan (a
// network's frequency, the content mix, moving or copying a post, keeping an A/B test's winner). The Rust side
// (src-tauri/cinq-core/src/adaptations.rs) validates, applies and logs; this only gathers and shows.
import './logTexts';
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconClipboardList,
  IconInfoCircle,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  AbTest,
  Adaptation,
  AdaptationAction,
  AdaptationInput,
  ApiError,
  CalendarView,
  Evidence,
  EvidenceKind,
  FieldError,
  Language,
  MixWeights,
  Network,
  ObjectivesView,
  Pillar,
} from '../../bindings';
import { notifyError, notifySuccess } from '../../errors';
import { formatDateTime, formatDay, formatNumber, todayIso } from '../../format';
import i18n from '../../i18n';
import { useAppInfo } from '../../queries';
import { confirmDelete } from '../ItemParts';
import { DateField, DateTimeField } from '../common/DateField';
import { ListStatus } from '../StepFrame';
import { useObjectives } from '../objectives/state';
import { planPostGroups, useAbTests, usePlanCalendar } from './abIpc';
import { logApi, logChanged, planChanged, useAdaptations, useWholeEvaluation } from './logIpc';
import { logErrorText } from './logTexts';

export type ActionType = AdaptationAction['type'];
export const ACTION_TYPES: readonly ActionType[] = [
  'set_frequency',
  'set_mix',
  'move_post',
  'duplicate_post',
  'replace_variant',
];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['none', 'finding', 'test', 'kpi', 'underperformer'];
const PILLARS: readonly Pillar[] = ['promotion', 'curation', 'interaction'];
/** The mix's scope select: the whole strategy (else a network's key). */
const STRATEGY_SCOPE = '__strategy__';

/** What the performance tab (or any other part) can open the form with. The form opens when the panel mounts with
 *  it, and again whenever it changes (by value). */
export interface AdaptationPrefill {
  evidence?: Evidence;
  action?: AdaptationAction;
  observation?: string;
}

const langOf = (l: string): Language => (l === 'fr' ? 'fr' : 'en');

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** A value of a change as the UI language writes it: slots and days as dates, figures with the local decimal mark. */
function changeValue(v: string, lang: Language): string {
  if (v.trim() === '') return i18n.t('adaptLog.entry.empty');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return formatDateTime(v, lang);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v, lang);
  if (/^-?\d+(\.\d+)?$/.test(v)) return formatNumber(Number(v), lang);
  return v;
}

function inputOf(a: Adaptation): AdaptationInput {
  return {
    date: a.date,
    observation: a.observation,
    decision: a.decision,
    evidence: a.evidence,
    expected_effect: a.expected_effect,
    review_on: a.review_on,
    reviewed: a.reviewed,
  };
}


// ---------------------------------------------------------------------------------------------------------------
// The panel.

type FormState = { adaptation: Adaptation | null; prefill?: AdaptationPrefill; session: number } | null;

export function AdaptationsPanel({ strategyId, prefill }: { strategyId: number; prefill?: AdaptationPrefill }) {
  const { t, i18n: i } = useTranslation();
  const lang = langOf(i.language);
  const client = useQueryClient();
  const list = useAdaptations(strategyId);
  const objectives = useObjectives(strategyId);
  const today = objectives.data?.today ?? todayIso();
  // Rust's default delay to a review (`Limits.review_after_days`): the form waits for it.
  const appInfo = useAppInfo();
  const [sessions, setSessions] = useState(1);
  const [form, setForm] = useState<FormState>(() => (prefill ? { adaptation: null, prefill, session: 0 } : null));
  // Another prefill (another underperformer chosen elsewhere) opens the form again with it. Compared by value, so
  // that a parent passing a new but equal object at each render does not reopen the form over what is typed.
  const prefillKey = prefill ? JSON.stringify(prefill) : null;
  const [shownPrefill, setShownPrefill] = useState(prefillKey);
  if (prefillKey !== shownPrefill) {
    setShownPrefill(prefillKey);
    if (prefill) {
      setForm({ adaptation: null, prefill, session: sessions });
      setSessions(sessions + 1);
    }
  }
  const open = (adaptation: Adaptation | null) => {
    setForm({ adaptation, session: sessions });
    setSessions(sessions + 1);
  };

  const remove = useMutation({
    mutationFn: (id: number) => logApi.delete(strategyId, id),
    onSuccess: (l) => {
      logChanged(client, strategyId, l);
      notifySuccess(t('adaptLog.deleted'));
    },
    onError: notifyError,
  });
  const markReviewed = useMutation({
    mutationFn: (a: Adaptation) => logApi.save(strategyId, a.id, { ...inputOf(a), reviewed: true }),
    onSuccess: (l) => {
      logChanged(client, strategyId, l);
      notifySuccess(t('adaptLog.entry.markedReviewed'));
    },
    onError: notifyError,
  });

  return (
    <Stack gap="md" data-testid="adaptations">
      <Group justify="space-between" align="center" wrap="wrap">
        <Group gap="xs">
          <IconClipboardList size={22} aria-hidden />
          <Title order={3}>{t('adaptLog.title')}</Title>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)} data-testid="adapt-new">
          {t('adaptLog.new')}
        </Button>
      </Group>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="adapt-help">
        <Stack gap={6}>
          <Text size="sm">{t('adaptLog.help.why')}</Text>
          <Text size="sm">{t('adaptLog.help.review')}</Text>
          <Text size="sm">{t('adaptLog.help.apply')}</Text>
        </Stack>
      </Alert>
      <ListStatus
        query={list}
        failedTestId="adapt-load-failed"
        failedTitle={t('adaptLog.loadFailed')}
        retryLabel={t('adaptLog.retry')}
        empty={t('adaptLog.empty')}
      />
      {list.data?.map((a) => (
        <Entry
          key={a.id}
          a={a}
          lang={lang}
          reviewing={markReviewed.isPending && markReviewed.variables?.id === a.id}
          onReviewed={() => markReviewed.mutate(a)}
          onEdit={() => open(a)}
          onDelete={() =>
            confirmDelete({
              title: t('adaptLog.deleteTitle'),
              body: t('adaptLog.deleteBody'),
              confirmTestId: 'adaptation-delete-confirm',
              onConfirm: () => remove.mutate(a.id),
            })
          }
        />
      ))}
      {form && !appInfo.isPending && (
        <AdaptationForm
          key={form.session}
          reviewAfterDays={appInfo.data?.limits.review_after_days}
          strategyId={strategyId}
          adaptation={form.adaptation}
          prefill={form.prefill}
          today={today}
          lang={lang}
          networks={objectives.data?.networks}
          onClose={() => setForm(null)}
        />
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// An entry of the log.

function Entry({
  a,
  lang,
  reviewing,
  onReviewed,
  onEdit,
  onDelete,
}: {
  a: Adaptation;
  lang: Language;
  reviewing: boolean;
  onReviewed: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  // Whether its review has come and is not done: Rust decides (Adaptation.due).
  const due = a.due;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid={`adaptation-${a.id}`}
      component="article"
      style={due ? { borderColor: 'var(--mantine-color-orange-filled)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('adaptLog.entry.date', { date: formatDay(a.date, lang) })}
            </Text>
            <Text fw={700} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {a.decision.trim() || t('adaptLog.entry.noDecision')}
            </Text>
            <Group gap="xs">
              {a.review_on && (
                <Badge variant="light" color={a.reviewed ? 'teal' : due ? 'orange' : 'gray'}>
                  {t('adaptLog.entry.reviewOn', { date: formatDay(a.review_on, lang) })}
                </Badge>
              )}
              {due && (
                <Badge color="orange" variant="filled" data-testid={`adaptation-due-${a.id}`}>
                  {t('adaptLog.entry.due')}
                </Badge>
              )}
              {a.reviewed && (
                <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />} data-testid={`adaptation-reviewed-${a.id}`}>
                  {t('adaptLog.entry.reviewed')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {a.review_on && !a.reviewed && (
              <Button
                size="compact-sm"
                variant={due ? 'filled' : 'light'}
                color={due ? 'orange' : undefined}
                leftSection={<IconCheck size={14} />}
                loading={reviewing}
                onClick={onReviewed}
                data-testid={`adaptation-review-${a.id}`}
              >
                {t('adaptLog.entry.markReviewed')}
              </Button>
            )}
            <Tooltip label={t('adaptLog.edit')}>
              <ActionIcon variant="subtle" aria-label={t('adaptLog.edit')} onClick={onEdit} data-testid={`adaptation-edit-${a.id}`}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('adaptLog.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('adaptLog.delete')}
                onClick={onDelete}
                data-testid={`adaptation-delete-${a.id}`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Field label={t('adaptLog.entry.observation')} value={a.observation} />
          <Field
            label={t('adaptLog.entry.evidence')}
            value={
              a.evidence.kind === 'none'
                ? ''
                : [t(`adaptLog.evidenceKinds.${a.evidence.kind}`), a.evidence.label.trim()].filter(Boolean).join(' · ')
            }
          />
          <Field label={t('adaptLog.entry.expected')} value={a.expected_effect} />
        </SimpleGrid>
        {a.changes.length > 0 && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('adaptLog.entry.changes')}
            </Text>
            <List size="sm" spacing={2}>
              {a.changes.map((c, index) => (
                <List.Item key={index} data-testid={`adaptation-change-${a.id}-${index}`}>
                  <Text span size="sm" fw={600}>
                    {c.what[lang]}
                  </Text>
                  {t('adaptLog.entry.colon')}
                  <Text span size="sm">
                    {t('adaptLog.entry.change', { before: changeValue(c.before, lang), after: changeValue(c.after, lang) })}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} c={value.trim() ? undefined : 'dimmed'}>
        {value.trim() || '—'}
      </Text>
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The form.

type Num = number | string;

interface Draft {
  date: string;
  observation: string;
  decision: string;
  expected: string;
  reviewOn: string;
  reviewed: boolean;
  evidence: { kind: EvidenceKind; choice: string | null; ref: number | null; label: string };
  actionType: ActionType | 'none';
  network: string | null;
  postsPerWeek: Num;
  scope: string;
  weights: Record<Pillar, Num>;
  post: string | null;
  when: string;
  test: string | null;
}

function draftOf(
  a: Adaptation | null,
  prefill: AdaptationPrefill | undefined,
  today: string,
  reviewAfterDays: number | undefined,
): Draft {
  const action = a ? null : (prefill?.action ?? null);
  const evidence = a?.evidence ?? prefill?.evidence ?? { kind: 'none', ref_id: null, label: '' };
  const d: Draft = {
    date: a?.date ?? today,
    observation: a?.observation ?? prefill?.observation ?? '',
    decision: a?.decision ?? '',
    expected: a?.expected_effect ?? '',
    reviewOn: a ? (a.review_on ?? '') : reviewAfterDays === undefined ? '' : addDays(today, reviewAfterDays),
    reviewed: a?.reviewed ?? false,
    evidence: { kind: evidence.kind, choice: null, ref: evidence.ref_id, label: evidence.label },
    actionType: action?.type ?? 'none',
    network: null,
    postsPerWeek: '',
    scope: STRATEGY_SCOPE,
    weights: { promotion: '', curation: '', interaction: '' },
    post: null,
    when: '',
    test: null,
  };
  switch (action?.type) {
    case 'set_frequency':
      return { ...d, network: action.network, postsPerWeek: action.posts_per_week ?? '' };
    case 'set_mix':
      return { ...d, scope: action.network ?? STRATEGY_SCOPE, weights: { ...action.weights } };
    case 'move_post':
    case 'duplicate_post':
      return { ...d, post: String(action.post_id), when: action.scheduled_at };
    case 'replace_variant':
      return { ...d, test: String(action.test_id) };
    default:
      return d;
  }
}

function numberOf(v: Num): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim().replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The action the form describes, or the fields still to fill in. */
export function actionOf(d: Draft): { action: AdaptationAction | null; missing: FieldError[] } {
  const missing = (field: string): { action: null; missing: FieldError[] } => ({
    action: null,
    missing: [{ field, code: 'required' }],
  });
  switch (d.actionType) {
    case 'none':
      return { action: null, missing: [] };
    case 'set_frequency':
      if (!d.network) return missing('network');
      return { action: { type: 'set_frequency', network: d.network, posts_per_week: numberOf(d.postsPerWeek) }, missing: [] };
    case 'set_mix': {
      const w = (p: Pillar) => numberOf(d.weights[p]) ?? 0;
      const weights: MixWeights = { promotion: w('promotion'), curation: w('curation'), interaction: w('interaction') };
      return { action: { type: 'set_mix', network: d.scope === STRATEGY_SCOPE ? null : d.scope, weights }, missing: [] };
    }
    case 'move_post':
    case 'duplicate_post':
      if (!d.post) return missing('post_id');
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(d.when)) return missing('scheduled_at');
      return { action: { type: d.actionType, post_id: Number(d.post), scheduled_at: d.when }, missing: [] };
    case 'replace_variant':
      if (!d.test) return missing('test_id');
      return { action: { type: 'replace_variant', test_id: Number(d.test) }, missing: [] };
  }
}

export function inputOfDraft(d: Draft): AdaptationInput {
  const none = d.evidence.kind === 'none';
  return {
    date: d.date,
    observation: d.observation,
    decision: d.decision,
    evidence: { kind: d.evidence.kind, ref_id: none ? null : d.evidence.ref, label: none ? '' : d.evidence.label },
    expected_effect: d.expected,
    review_on: d.reviewOn.trim() === '' ? null : d.reviewOn,
    reviewed: d.reviewed,
  };
}

/** The fields of the actions (the Rust side names them so too). */
const ACTION_FIELDS = [
  'network',
  'posts_per_week',
  'promotion',
  'curation',
  'interaction',
  'weights',
  'post_id',
  'scheduled_at',
  'test_id',
];

/** The fields the form shows an error under; the others go in the alert at the top. */
const SHOWN_FIELDS = new Set([
  'date',
  'observation',
  'decision',
  'evidence',
  'expected_effect',
  'review_on',
  'network',
  'posts_per_week',
  'promotion',
  'curation',
  'interaction',
  'weights',
  'post_id',
  'scheduled_at',
  'test_id',
]);

interface Choice {
  value: string;
  label: string;
  ref: number | null;
  /** What the choice says happened, to start the observation with. */
  observation?: string;
  /** What the choice suggests doing, to start the decision with. */
  decision?: string;
}

function AdaptationForm({
  strategyId,
  adaptation,
  prefill,
  today,
  lang,
  networks,
  reviewAfterDays,
  onClose,
}: {
  strategyId: number;
  adaptation: Adaptation | null;
  /** A new adaptation's review is this many days after today (none when unknown). */
  reviewAfterDays: number | undefined;
  prefill?: AdaptationPrefill;
  today: string;
  lang: Language;
  networks: readonly Network[] | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const objectives = useObjectives(strategyId);
  const tests = useAbTests(strategyId);
  const evaluation = useWholeEvaluation(strategyId);
  const plan = usePlanCalendar(strategyId);
  const [d, setD] = useState<Draft>(() => draftOf(adaptation, prefill, today, reviewAfterDays));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const creating = adaptation === null;

  const onError = (e: ApiError) => {
    if (e.code === 'validation' && e.fields.length > 0) setErrors(e.fields);
    else if (e.code === 'conflict') setConflict(e.message);
    else notifyError(e);
  };
  const save = useMutation({
    mutationFn: (input: AdaptationInput) => logApi.save(strategyId, adaptation?.id ?? null, input),
    onSuccess: (list) => {
      logChanged(client, strategyId, list);
      notifySuccess(t('adaptLog.saved'));
      onClose();
    },
    onError,
  });
  const apply = useMutation({
    mutationFn: ({ input, action }: { input: AdaptationInput; action: AdaptationAction }) =>
      logApi.apply(strategyId, input, action),
    onSuccess: (list, { action }) => {
      logChanged(client, strategyId, list);
      planChanged(client, strategyId, action);
      const newest = list.reduce<Adaptation | null>((m, a) => (m === null || a.id > m.id ? a : m), null);
      notifySuccess(t('adaptLog.applied', { count: newest?.changes.length ?? 0 }));
      onClose();
    },
    onError,
  });

  const submit = () => {
    setConflict(null);
    const input = inputOfDraft(d);
    if (!creating) {
      save.mutate(input);
      return;
    }
    const { action, missing } = actionOf(d);
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    if (action) apply.mutate({ input, action });
    else save.mutate(input);
  };

  const err = (field: string) => {
    const e = errors.find((x) => x.field === field);
    if (!e) return undefined;
    if (e.code === 'required' && ['network', 'post_id', 'test_id'].includes(field)) return t('adaptLog.action.required');
    if (e.code === 'required' && field === 'scheduled_at') return t('adaptLog.action.whenRequired');
    return logErrorText(e);
  };
  const others = errors.filter((e) => !SHOWN_FIELDS.has(e.field));
  const clear = (...fields: string[]) => {
    setErrors((old) => old.filter((e) => !fields.includes(e.field)));
    setConflict(null);
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K], ...fields: string[]) => {
    setD((old) => ({ ...old, [k]: v }));
    clear(...fields);
  };

  // --- Evidence choices, from the data of the other parts.
  const ev = evaluation.data;
  const choices: Record<EvidenceKind, Choice[]> = {
    none: [],
    finding: [
      ...(objectives.data?.findings ?? []).map((f, i) => ({ value: `of:${i}`, label: f.title[lang], ref: null, observation: f.explanation[lang], decision: f.suggestion[lang] })),
      ...(plan.data?.checks.findings ?? []).map((f, i) => ({ value: `cf:${i}`, label: f.title[lang], ref: null, observation: f.explanation[lang], decision: f.suggestion[lang] })),
    ],
    test: (tests.data ?? []).map((x) => ({
      value: `test:${x.id}`,
      label: t('adaptLog.testLabel', {
        name: x.name,
        verdict: x.winner ? t('adaptLog.testWinner', { label: x.winner }) : t('adaptLog.testUndecided'),
      }),
      ref: x.id,
      observation: x.verdicts[0]?.[lang],
    })),
    kpi: (ev?.objectives ?? []).map((k) => ({
      value: `kpi:${k.objective_id}`,
      label: t('adaptLog.kpiLabel', { title: k.title, status: t(`adaptLog.kpiStatus.${k.status}`) }),
      ref: k.objective_id,
      observation: k.explanation[lang],
    })),
    underperformer: (ev?.underperformers ?? []).map((u, i) => ({
      value: `under:${i}`,
      label: u.title[lang],
      ref: u.post_id,
      observation: u.explanation[lang],
      decision: u.suggestion[lang],
    })),
  };
  const kindChoices = choices[d.evidence.kind];
  const choose = (value: string | null) => {
    const c = kindChoices.find((x) => x.value === value);
    setD((old) => ({
      ...old,
      evidence: { ...old.evidence, choice: value, ref: c?.ref ?? null, label: c?.label ?? old.evidence.label },
      // The choice's words start the observation and the decision, when they are still empty.
      observation: old.observation.trim() === '' && c?.observation ? c.observation : old.observation,
      decision: old.decision.trim() === '' && c?.decision ? c.decision : old.decision,
    }));
    clear('evidence');
  };

  const saving = save.isPending || apply.isPending;
  const decisionError = err('decision');

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={<Text fw={700}>{t(creating ? 'adaptLog.form.newTitle' : 'adaptLog.form.editTitle')}</Text>}
    >
      <form
        data-testid="adapt-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {(errors.length > 0 || conflict !== null) && (
            <Alert
              color={conflict !== null ? 'orange' : 'red'}
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={conflict !== null ? t('adaptLog.form.conflict') : t('adaptLog.form.notSaved')}
              data-testid={conflict !== null ? 'adapt-conflict' : 'adapt-form-error'}
            >
              {conflict !== null && <Text size="sm">{t('adaptLog.form.conflictDetail', { message: conflict })}</Text>}
              {others.map((e, i) => (
                <Text key={i} size="sm">
                  {logErrorText(e)}
                </Text>
              ))}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <DateField
              label={t('adaptLog.form.date')}
              value={d.date}
              onChange={(v) => set('date', v, 'date')}
              error={err('date')}
              required
              testId="adapt-date"
              errorTestId="adapt-date-error"
            />
            <DateField
              label={t('adaptLog.form.reviewOn')}
              description={t('adaptLog.form.reviewHint')}
              value={d.reviewOn}
              onChange={(v) => set('reviewOn', v, 'review_on')}
              error={err('review_on')}
              testId="adapt-review-on"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <Textarea
            label={t('adaptLog.form.observation')}
            description={t('adaptLog.form.observationHint')}
            placeholder={t('adaptLog.form.observationPlaceholder')}
            value={d.observation}
            onChange={(e) => set('observation', e.currentTarget.value, 'observation', 'decision')}
            error={err('observation')}
            autosize
            minRows={2}
            data-testid="adapt-observation"
          />
          <Textarea
            label={t('adaptLog.form.decision')}
            description={t('adaptLog.form.decisionHint')}
            placeholder={t('adaptLog.form.decisionPlaceholder')}
            value={d.decision}
            onChange={(e) => set('decision', e.currentTarget.value, 'decision')}
            error={decisionError}
            autosize
            minRows={2}
            data-testid="adapt-decision"
            errorProps={{ 'data-testid': 'adapt-decision-error' }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('adaptLog.form.evidenceKind')}
              data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`adaptLog.evidenceKinds.${k}`) }))}
              value={d.evidence.kind}
              onChange={(v) =>
                v && set('evidence', { kind: v as EvidenceKind, choice: null, ref: null, label: '' }, 'evidence')
              }
              allowDeselect={false}
              data-testid="adapt-evidence-kind"
            />
            {d.evidence.kind !== 'none' && (
              <Select
                label={t('adaptLog.form.evidenceChoice')}
                placeholder={kindChoices.length > 0 ? t('adaptLog.form.evidenceChoicePlaceholder') : t('adaptLog.form.evidenceNone')}
                data={kindChoices.map((c) => ({ value: c.value, label: c.label }))}
                value={d.evidence.choice}
                onChange={choose}
                disabled={kindChoices.length === 0}
                searchable
                data-testid="adapt-evidence-choice"
              />
            )}
          </SimpleGrid>
          {d.evidence.kind !== 'none' && (
            <TextInput
              label={t('adaptLog.form.evidenceLabel')}
              description={t('adaptLog.form.evidenceLabelHint')}
              value={d.evidence.label}
              onChange={(e) => set('evidence', { ...d.evidence, label: e.currentTarget.value }, 'evidence')}
              error={err('evidence')}
              data-testid="adapt-evidence-label"
            />
          )}
          <Textarea
            label={t('adaptLog.form.expected')}
            placeholder={t('adaptLog.form.expectedPlaceholder')}
            value={d.expected}
            onChange={(e) => set('expected', e.currentTarget.value, 'expected_effect')}
            error={err('expected_effect')}
            autosize
            minRows={2}
            data-testid="adapt-expected"
          />
          {!creating && (
            <Checkbox
              label={t('adaptLog.form.reviewed')}
              checked={d.reviewed}
              onChange={(e) => set('reviewed', e.currentTarget.checked)}
              data-testid="adapt-reviewed"
            />
          )}

          {creating ? (
            <>
              <Divider label={t('adaptLog.form.actionSection')} labelPosition="left" />
              <Text size="sm" c="dimmed" mt={-8}>
                {t('adaptLog.form.actionHint')}
              </Text>
              <Select
                label={t('adaptLog.form.action')}
                data={(['none', ...ACTION_TYPES] as const).map((a) => ({ value: a, label: t(`adaptLog.actions.${a}`) }))}
                value={d.actionType}
                onChange={(v) => v && set('actionType', v as Draft['actionType'], ...ACTION_FIELDS)}
                allowDeselect={false}
                data-testid="adapt-action-type"
              />
              <ActionFields
                d={d}
                setD={setD}
                clear={clear}
                err={err}
                lang={lang}
                networks={networks}
                objectives={objectives.data}
                tests={tests.data}
                plan={plan.data}
              />
            </>
          ) : (
            adaptation.action && (
              <Text size="sm" c="dimmed">
                {t('adaptLog.form.actionKept')}
              </Text>
            )
          )}

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="adapt-cancel">
              {t('adaptLog.form.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="adapt-save">
              {t(!creating ? 'adaptLog.form.saveEdit' : d.actionType === 'none' ? 'adaptLog.form.save' : 'adaptLog.form.saveApply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The fields of the action chosen in the form. */
function ActionFields({
  d,
  setD,
  clear,
  err,
  lang,
  networks,
  objectives,
  tests,
  plan,
}: {
  d: Draft;
  setD: (f: (old: Draft) => Draft) => void;
  clear: (...fields: string[]) => void;
  err: (field: string) => string | undefined;
  lang: Language;
  networks: readonly Network[] | undefined;
  objectives: ObjectivesView | undefined;
  tests: AbTest[] | undefined;
  plan: CalendarView | undefined;
}) {
  const { t } = useTranslation();
  // Rust's limit (`Limits.posts_per_week`); Rust refuses more anyway, with the limit in its error.
  const maxPace = useAppInfo().data?.limits.posts_per_week;
  const change = (patch: Partial<Draft>, ...fields: string[]) => {
    setD((old) => ({ ...old, ...patch }));
    clear(...fields);
  };
  const nameOf = (key: string) => networks?.find((n) => n.key === key)?.name ?? key;
  const missions = objectives?.data.missions ?? [];
  const missionNetworks = missions.map((m) => ({ value: m.network, label: nameOf(m.network) }));

  switch (d.actionType) {
    case 'none':
      return null;
    case 'set_frequency': {
      const current = missions.find((m) => m.network === d.network)?.posts_per_week;
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('adaptLog.action.network')}
            placeholder={t('adaptLog.action.networkPlaceholder')}
            data={missionNetworks}
            value={d.network}
            onChange={(v) => {
              const now = missions.find((m) => m.network === v)?.posts_per_week;
              change({ network: v, postsPerWeek: d.postsPerWeek === '' && now != null ? now : d.postsPerWeek }, 'network');
            }}
            description={
              d.network == null
                ? undefined
                : current == null
                  ? t('adaptLog.action.currentNone')
                  : t('adaptLog.action.current', { value: formatNumber(current, lang) })
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            error={err('network')}
            withAsterisk
            data-testid="adapt-action-network"
            errorProps={{ 'data-testid': 'adapt-action-network-error' }}
          />
          <NumberInput
            label={t('adaptLog.action.postsPerWeek')}
            description={t('adaptLog.action.postsPerWeekHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={d.postsPerWeek}
            onChange={(v) => change({ postsPerWeek: v }, 'posts_per_week')}
            min={0}
            max={maxPace}
            step={0.5}
            decimalScale={1}
            allowNegative={false}
            decimalSeparator={lang === 'fr' ? ',' : '.'}
            error={err('posts_per_week')}
            data-testid="adapt-action-posts-per-week"
            errorProps={{ 'data-testid': 'adapt-action-posts-per-week-error' }}
          />
        </SimpleGrid>
      );
    }
    case 'set_mix': {
      const mix = objectives?.data.mix;
      const own = d.scope === STRATEGY_SCOPE ? mix?.strategy : mix?.networks.find((n) => n.network === d.scope)?.weights;
      const sum = PILLARS.reduce((acc, p) => acc + (numberOf(d.weights[p]) ?? 0), 0);
      const scopes = [{ value: STRATEGY_SCOPE, label: t('adaptLog.action.scopeStrategy') }, ...missionNetworks];
      const weightsError = err('weights');
      return (
        <Stack gap="sm">
          <Select
            label={t('adaptLog.action.scope')}
            data={scopes}
            value={d.scope}
            onChange={(v) => {
              if (!v) return;
              const w =
                v === STRATEGY_SCOPE ? mix?.strategy : (mix?.networks.find((n) => n.network === v)?.weights ?? mix?.strategy);
              change({ scope: v, weights: w ? { ...w } : d.weights }, 'weights', ...PILLARS);
            }}
            allowDeselect={false}
            description={
              own
                ? t('adaptLog.action.currentMix', own)
                : d.scope !== STRATEGY_SCOPE
                  ? t('adaptLog.action.currentMixDefault')
                  : undefined
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data-testid="adapt-action-scope"
          />
          <SimpleGrid cols={3} spacing="sm">
            {PILLARS.map((p) => (
              <NumberInput
                key={p}
                label={t(`adaptLog.action.pillars.${p}`)}
                value={d.weights[p]}
                onChange={(v) => change({ weights: { ...d.weights, [p]: v } }, p, 'weights')}
                min={0}
                max={100}
                allowNegative={false}
                allowDecimal={false}
                error={err(p)}
                data-testid={`adapt-action-weight-${p}`}
              />
            ))}
          </SimpleGrid>
          <Text
            size="sm"
            fw={600}
            c={sum === 100 ? 'teal' : 'red'}
            data-testid="adapt-action-sum"
            role={sum === 100 ? undefined : 'status'}
          >
            {t('adaptLog.action.sum', { sum: formatNumber(sum, lang) })}
            {sum !== 100 && (
              <Text span size="sm" fw={400}>
                {' '}
                {t('adaptLog.action.sumHint')}
              </Text>
            )}
          </Text>
          {weightsError && (
            <Text size="sm" c="red" data-testid="adapt-action-weights-error">
              {weightsError}
            </Text>
          )}
        </Stack>
      );
    }
    case 'move_post':
    case 'duplicate_post': {
      const posts = plan?.calendar.posts ?? [];
      const chosen = posts.find((p) => String(p.id) === d.post);
      return (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('adaptLog.action.post')}
              placeholder={t('adaptLog.action.postPlaceholder')}
              nothingFoundMessage={t('adaptLog.action.noPosts')}
              data={planPostGroups(plan, lang)}
              value={d.post}
              onChange={(v) => {
                const p = posts.find((x) => String(x.id) === v);
                change({ post: v, when: d.when === '' && p?.scheduled_at ? p.scheduled_at : d.when }, 'post_id');
              }}
              searchable
              error={err('post_id')}
              withAsterisk
              data-testid="adapt-action-post"
              errorProps={{ 'data-testid': 'adapt-action-post-error' }}
            />
            <DateTimeField
              label={t(d.actionType === 'move_post' ? 'adaptLog.action.when' : 'adaptLog.action.whenCopy')}
              description={
                chosen?.scheduled_at
                  ? t('adaptLog.action.currentSlot', { value: formatDateTime(chosen.scheduled_at, lang) })
                  : undefined
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={d.when}
              onChange={(when) => change({ when }, 'scheduled_at')}
              error={err('scheduled_at')}
              required
              testId="adapt-action-when"
              errorTestId="adapt-action-when-error"
            />
          </SimpleGrid>
          {d.actionType === 'duplicate_post' && (
            <Text size="sm" c="dimmed">
              {t('adaptLog.action.duplicateHint')}
            </Text>
          )}
        </Stack>
      );
    }
    case 'replace_variant': {
      const decided = (tests ?? []).filter((x) => x.status === 'decided');
      const chosen = decided.find((x) => String(x.id) === d.test);
      return (
        <Stack gap="sm">
          <Select
            label={t('adaptLog.action.test')}
            placeholder={decided.length > 0 ? t('adaptLog.action.testPlaceholder') : t('adaptLog.action.noTests')}
            data={decided.map((x) => ({
              value: String(x.id),
              label: t('adaptLog.testLabel', { name: x.name, verdict: t('adaptLog.testWinner', { label: x.winner ?? '' }) }),
            }))}
            value={d.test}
            onChange={(v) => change({ test: v }, 'test_id')}
            disabled={decided.length === 0}
            error={err('test_id')}
            withAsterisk
            data-testid="adapt-action-test"
            errorProps={{ 'data-testid': 'adapt-action-test-error' }}
          />
          {chosen && (
            <Text size="sm" c="dimmed">
              {t('adaptLog.action.replaceHint', { varied: t(`adaptLog.varied.${chosen.varied}`) })}
            </Text>
          )}
        </Stack>
      );
    }
  }
}
