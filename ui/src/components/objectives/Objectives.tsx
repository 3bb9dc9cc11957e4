// Part 2 of the objectives step: the social objectives, each with its KPI (baseline → target by a deadline), the
// marketing objective it serves, its SMART checks and its findings (the vanity guard among them). The Rust side
// computes the checks; this shows them and edits the objectives.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Input,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleX,
  IconFilePlus,
  IconInfoCircle,
  IconPlus,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type NumberDraft, parseNumber, useAutosave } from '../../autosave';
import type {
  Direction,
  FieldError,
  KpiMetric,
  Objective,
  ObjectiveCheck,
  ObjectiveInput,
  ObjectivesView,
  ObjectiveTemplate,
  ObjectiveType,
  Severity,
} from '../../bindings';
import { formatDay } from '../../format';
import i18n from '../../i18n';
import { DateField } from '../common/DateField';
import { Question } from '../StepFrame';
import { objApi } from './ipc';
import { confirmDelete, EditDeleteActions, ItemFormModal, useItemSave } from './parts';
import { EMPTY_OBJECTIVE, errorOf, findingsOf, formatFigure, networkName, useObj } from './state';

export const OBJECTIVE_TYPES: readonly ObjectiveType[] = [
  'awareness',
  'engagement',
  'traffic',
  'leads',
  'conversions',
  'reputation',
  'customer_care',
];

export const TYPE_COLORS: Record<ObjectiveType, string> = {
  awareness: 'blue',
  engagement: 'grape',
  traffic: 'cyan',
  leads: 'indigo',
  conversions: 'teal',
  reputation: 'yellow',
  customer_care: 'orange',
};

/** The metrics of the KPI select, grouped so that those tied to results come first. Which metrics are vanity ones is
 *  the Rust side's rule (`view.metrics`): they stand apart in their own group, whatever group they are listed in here. */
const METRIC_GROUPS: readonly { key: 'results' | 'audience' | 'care' | 'other'; metrics: KpiMetric[] }[] = [
  { key: 'results', metrics: ['qualified_visits', 'leads', 'sign_ups', 'conversions', 'sales', 'clicks', 'click_through_rate'] },
  { key: 'audience', metrics: ['reach', 'impressions', 'engagement_rate', 'comments', 'mentions', 'video_views', 'followers', 'likes', 'shares'] },
  { key: 'care', metrics: ['response_time', 'response_rate', 'rating'] },
  { key: 'other', metrics: ['custom'] },
];

/** The SMART letters, in order, as the badges' `data-letter`. */
export const SMART_LETTERS = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

/** Whether a metric is a vanity one, and which way it goes by default: the Rust side's rules, carried by the view. */
function metricInfo(view: ObjectivesView, m: KpiMetric | null) {
  return m === null ? undefined : view.metrics.find((x) => x.metric === m);
}


/** The new objective in an answered view: the one with the highest id. */
function newest(view: ObjectivesView): Objective | null {
  return view.data.objectives.reduce<Objective | null>((best, o) => (!best || o.id > best.id ? o : best), null);
}

export function Objectives() {
  const { t } = useTranslation();
  const { view, strategyId, tracker } = useObj();
  const [adding, setAdding] = useState<'choose' | 'blank' | null>(null);
  const [editing, setEditing] = useState<Objective | null>(null);
  const { objectives } = view.data;

  const remove = (o: Objective) =>
    confirmDelete({
      title: t('objectives.objectiveList.deleteTitle', { title: o.title }),
      body: t('objectives.objectiveList.deleteBody'),
      onConfirm: () => {
        tracker
          .run(`objective-delete-${o.id}`, () => objApi.objectiveDelete(strategyId, o.id))
          .catch(() => undefined);
      },
    });

  /** After a creation: the chooser closes and the new objective's form opens. */
  const created = (answered: ObjectivesView) => {
    setAdding(null);
    const o = newest(answered);
    if (o) setEditing(o);
  };

  return (
    <Stack gap="lg">
      <Question
        title={t('objectives.objectiveList.question')}
        help={t('objectives.objectiveList.help')}
        example={t('objectives.objectiveList.example')}
      />
      <Alert variant="light" color="orange" icon={<IconAlertTriangle size={18} />} data-testid="objective-vanity-help">
        <Text size="sm">{t('objectives.objectiveList.vanityHelp')}</Text>
      </Alert>
      {objectives.length === 0 && (
        <Text c="dimmed" data-testid="objectives-empty">
          {t('objectives.objectiveList.empty')}
        </Text>
      )}
      {objectives.map((o) => (
        <ObjectiveCard key={o.id} objective={o} onEdit={() => setEditing(o)} onDelete={() => remove(o)} />
      ))}
      <Group>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding('choose')} data-testid="objective-add">
          {t('objectives.objectiveList.add')}
        </Button>
      </Group>
      {adding === 'choose' && (
        <TemplateChooser onClose={() => setAdding(null)} onBlank={() => setAdding('blank')} onCreated={created} />
      )}
      {adding === 'blank' && <ObjectiveCreateForm onClose={() => setAdding(null)} onCreated={created} />}
      {editing && <ObjectiveEditForm objective={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The card and its pieces (also used by the edit form and the measurement plan).

/** The KPI's name: the user's words, or the metric's name. */
export function kpiTitle(o: Pick<ObjectiveInput, 'kpi_metric' | 'kpi_name'>): string {
  if (o.kpi_name.trim()) return o.kpi_name.trim();
  if (o.kpi_metric) return i18n.t(`objectives.kpiMetrics.${o.kpi_metric}`);
  return i18n.t('objectives.objectiveList.noKpi');
}

/** "Qualified visits (visits / month): 300 → 450, by 30 September 2026". */
export function KpiLine({ objective: o }: { objective: Objective }) {
  const { t } = useTranslation();
  const { lang } = useObj();
  const hasFigures = o.baseline !== null || o.target !== null;
  return (
    <Text size="sm" data-testid="objective-kpi">
      <Text span fw={600} c={o.kpi_metric ? undefined : 'dimmed'}>
        {kpiTitle(o)}
      </Text>
      {o.kpi_unit.trim() && ` (${o.kpi_unit.trim()})`}
      {hasFigures && `${lang === 'fr' ? ' : ' : ': '}${formatFigure(o.baseline, lang)} → ${formatFigure(o.target, lang)}`}
      {', '}
      {o.deadline
        ? t('objectives.objectiveList.byDeadline', { date: formatDay(o.deadline, lang) })
        : t('objectives.objectiveList.noDeadline')}
    </Text>
  );
}

function ObjectiveCard({ objective: o, onEdit, onDelete }: { objective: Objective; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const { view } = useObj();
  const m = view.data.marketing.find((x) => x.id === o.marketing_objective_id);
  const g = m ? view.data.goals.find((x) => x.id === m.business_goal_id) : undefined;
  return (
    <Paper withBorder p="md" radius="md" data-testid="objective-card" data-objective-id={o.id} id={`objective-${o.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="objective-title-text">
              {o.title}
            </Text>
            <Group gap="xs">
              <Badge variant="light" color={TYPE_COLORS[o.objective_type]} data-testid="objective-type-badge">
                {t(`objectives.objectiveTypes.${o.objective_type}`)}
              </Badge>
              {o.networks.map((n) => (
                <Badge key={n} variant="outline" color="gray" tt="none" data-testid="objective-network">
                  {networkName(view.networks, n)}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <EditDeleteActions
              editLabel={t('objectives.objectiveList.editLabel', { title: o.title })}
              deleteLabel={t('objectives.objectiveList.deleteLabel', { title: o.title })}
              onEdit={onEdit}
              onDelete={onDelete}
              testIdPrefix="objective"
              tooltips
            />
          </Group>
        </Group>
        <KpiLine objective={o} />
        <Text size="sm" c={m ? undefined : 'dimmed'} data-testid="objective-serves">
          {m
            ? g
              ? t('objectives.objectiveList.servesGoal', { marketing: m.title, goal: g.title })
              : t('objectives.objectiveList.serves', { marketing: m.title })
            : t('objectives.objectiveList.notLinked')}
        </Text>
        <SmartBadges objectiveId={o.id} />
        <ObjectiveFindings objectiveId={o.id} />
      </Stack>
    </Paper>
  );
}

function letterOk(check: ObjectiveCheck, letter: SmartLetter): boolean {
  return check.smart[letter];
}

/** Why a letter passes or not, in the UI language. */
function letterReason(check: ObjectiveCheck, letter: SmartLetter): string {
  if (letter === 'achievable') {
    const { ambition, pace } = check.smart;
    if (ambition === 'ok' && pace !== null) {
      // Per week when the deadline is near, per month otherwise: Rust decides which.
      const percent = Math.max(0, Math.round((pace.factor - 1) * 100));
      return i18n.t(pace.per === 'week' ? 'objectives.ambition.okWeekly' : 'objectives.ambition.okMonthly', { percent });
    }
    return i18n.t(`objectives.ambition.${ambition}`);
  }
  return i18n.t(`objectives.smart.${letterOk(check, letter) ? 'pass' : 'fail'}.${letter}`);
}

/** The five SMART letters of an objective, each with what it means and why it passes or not; and the vanity flag. */
export function SmartBadges({ objectiveId }: { objectiveId: number }) {
  const { t } = useTranslation();
  const { view } = useObj();
  const check = view.checks.find((c) => c.objective_id === objectiveId);
  if (!check) return null;
  return (
    <Group gap={6} data-testid="smart-badges">
      {SMART_LETTERS.map((letter) => {
        const ok = letterOk(check, letter);
        const name = t(`objectives.smart.names.${letter}`);
        const reason = letterReason(check, letter);
        return (
          <Tooltip
            key={letter}
            multiline
            w={280}
            withArrow
            label={
              <Stack gap={2}>
                <Text size="xs" fw={700}>
                  {t('objectives.smart.label', { name, state: t(`objectives.smart.${ok ? 'ok' : 'ko'}`) })}
                </Text>
                <Text size="xs">{t(`objectives.smart.meaning.${letter}`)}</Text>
                <Text size="xs">{reason}</Text>
              </Stack>
            }
          >
            <Badge
              variant={ok ? 'light' : 'outline'}
              color={ok ? 'teal' : 'red'}
              leftSection={ok ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
              role="img"
              tabIndex={0}
              aria-label={`${t('objectives.smart.label', { name, state: t(`objectives.smart.${ok ? 'ok' : 'ko'}`) })}. ${reason}`}
              data-testid="smart-badge"
              data-letter={letter}
              data-ok={ok ? 'true' : 'false'}
            >
              {t(`objectives.smart.letters.${letter}`)}
            </Badge>
          </Tooltip>
        );
      })}
      {check.smart.vanity && (
        <Badge variant="light" color="orange" data-testid="vanity-badge">
          {t('objectives.objectiveList.vanityBadge')}
        </Badge>
      )}
    </Group>
  );
}

const SEVERITY_LOOK: Record<Severity, { color: string; Icon: typeof IconInfoCircle }> = {
  blocking: { color: 'red', Icon: IconCircleX },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  info: { color: 'blue', Icon: IconInfoCircle },
};

/** The findings about one objective, in the UI language. */
export function ObjectiveFindings({ objectiveId }: { objectiveId: number }) {
  const { t } = useTranslation();
  const { view, lang } = useObj();
  const findings = findingsOf(view, objectiveId);
  if (findings.length === 0) return null;
  return (
    <Stack gap="xs">
      {findings.map((f, i) => {
        const { color, Icon } = SEVERITY_LOOK[f.severity];
        return (
          <Alert
            key={`${f.kind}-${i}`}
            variant="light"
            color={color}
            icon={<Icon size={18} />}
            title={f.title[lang]}
            data-testid="objective-finding"
            data-kind={f.kind}
            data-severity={f.severity}
          >
            <Stack gap={2}>
              <Text size="sm">{f.explanation[lang]}</Text>
              {f.suggestion[lang] && (
                <Text size="sm" fs="italic">
                  {t('objectives.summary.suggestion', { text: f.suggestion[lang] })}
                </Text>
              )}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Creating: from a template, or blank.

function TemplateChooser({
  onClose,
  onBlank,
  onCreated,
}: {
  onClose: () => void;
  onBlank: () => void;
  onCreated: (view: ObjectivesView) => void;
}) {
  const { t } = useTranslation();
  const { view, strategyId, tracker, lang } = useObj();
  const [creating, setCreating] = useState(false);

  const choose = async (tpl: ObjectiveTemplate) => {
    const input: ObjectiveInput = {
      ...EMPTY_OBJECTIVE,
      title: tpl.title[lang],
      objective_type: tpl.objective_type,
      kpi_metric: tpl.kpi_metric,
      kpi_name: tpl.kpi_name[lang],
      kpi_unit: tpl.kpi_unit[lang],
      direction: tpl.direction,
    };
    setCreating(true);
    try {
      const answered = await tracker.run('objective-new', () => objApi.objectiveSave(strategyId, null, input));
      onCreated(answered);
    } catch {
      // The save status (and a notification for anything but a field error) says what went wrong.
      setCreating(false);
    }
  };

  const types = OBJECTIVE_TYPES.filter((ty) => view.templates.some((tpl) => tpl.objective_type === ty));

  return (
    <Modal opened onClose={onClose} title={t('objectives.objectiveList.chooseTitle')} size="xl">
      <Stack gap="md">
        <Text size="sm">{t('objectives.objectiveList.chooseHelp')}</Text>
        {types.map((ty) => (
          <Stack key={ty} gap="xs" data-testid="objective-template-group" data-type={ty}>
            <Text fw={700} size="sm">
              {t(`objectives.objectiveTypes.${ty}`)}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {view.templates
                .filter((tpl) => tpl.objective_type === ty)
                .map((tpl, i) => (
                  <Paper
                    key={`${ty}-${i}`}
                    component="button"
                    type="button"
                    withBorder
                    p="sm"
                    radius="md"
                    disabled={creating}
                    onClick={() => void choose(tpl)}
                    style={{ textAlign: 'left', cursor: creating ? 'wait' : 'pointer', width: '100%' }}
                    data-testid="objective-template"
                    data-type={ty}
                  >
                    {/* Spans only: a button holds phrasing content. */}
                    <Stack gap={4} component="span">
                      <Text fw={600} size="sm" component="span">
                        {tpl.title[lang]}
                      </Text>
                      <Text size="xs" component="span">
                        {t('objectives.objectiveList.kpiOf', {
                          kpi: `${tpl.kpi_name[lang]}${tpl.kpi_unit[lang] ? ` (${tpl.kpi_unit[lang]})` : ''}`,
                        })}
                      </Text>
                      <Text size="xs" c="dimmed" component="span">
                        {t('objectives.objectiveList.why', { text: tpl.why[lang] })}
                      </Text>
                    </Stack>
                  </Paper>
                ))}
            </SimpleGrid>
          </Stack>
        ))}
        <Divider />
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconFilePlus size={18} />}
            onClick={onBlank}
            disabled={creating}
            data-testid="objective-blank"
          >
            {t('objectives.objectiveList.blank')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('objectives.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A blank objective: it exists once it has a title, so it is added with a button; its full form opens then. */
function ObjectiveCreateForm({ onClose, onCreated }: { onClose: () => void; onCreated: (view: ObjectivesView) => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useObj();
  const form = useItemSave(tracker, 'objective-new');
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ObjectiveType>('awareness');

  const close = () => {
    form.reset();
    onClose();
  };
  const save = async () => {
    const answer: { view?: ObjectivesView } = {};
    const ok = await form.submit(async () => {
      answer.view = await objApi.objectiveSave(strategyId, null, { ...EMPTY_OBJECTIVE, title, objective_type: type });
      return answer.view;
    });
    if (ok && answer.view) onCreated(answer.view);
  };

  return (
    <ItemFormModal
      title={t('objectives.objectiveList.newTitle')}
      size="lg"
      onClose={close}
      create={{ onSubmit: () => void save(), saving: form.saving, testId: 'objective-save' }}
      closeTestId="objective-close"
    >
      <TextInput
        label={t('objectives.objectiveList.title')}
        placeholder={t('objectives.objectiveList.titleHint')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errorOf(form.errors, 'title')}
        withAsterisk
        data-autofocus
        data-testid="objective-title"
        errorProps={{ 'data-testid': 'objective-title-error' }}
      />
      <TypeSelect value={type} onChange={setType} error={errorOf(form.errors, 'objective_type')} />
    </ItemFormModal>
  );
}

function TypeSelect({ value, onChange, error }: { value: ObjectiveType; onChange: (v: ObjectiveType) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('objectives.objectiveList.type')}
      data={OBJECTIVE_TYPES.map((ty) => ({ value: ty, label: t(`objectives.objectiveTypes.${ty}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as ObjectiveType)}
      error={error}
      allowDeselect={false}
      data-testid="objective-type"
    />
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Editing: every field saves itself.

interface Draft {
  title: string;
  objective_type: ObjectiveType;
  marketing: string | null;
  kpi_metric: KpiMetric | null;
  kpi_name: string;
  kpi_unit: string;
  direction: Direction;
  baseline: NumberDraft;
  target: NumberDraft;
  deadline: string | null;
  networks: string[];
  owner: string;
  contribution: string;
}

function draftOf(o: Objective): Draft {
  return {
    title: o.title,
    objective_type: o.objective_type,
    marketing: o.marketing_objective_id === null ? null : String(o.marketing_objective_id),
    kpi_metric: o.kpi_metric,
    kpi_name: o.kpi_name,
    kpi_unit: o.kpi_unit,
    direction: o.direction,
    baseline: o.baseline ?? '',
    target: o.target ?? '',
    deadline: o.deadline,
    networks: [...o.networks],
    owner: o.owner,
    contribution: o.contribution,
  };
}

/** The figures still being typed that are not numbers (they are not sent). */
function numberErrors(d: Draft): FieldError[] {
  return (['baseline', 'target'] as const)
    .filter((field) => !parseNumber(d[field]).ok)
    .map((field) => ({ field, code: 'not_a_number' }));
}

/** The objective to send, or `null` when a figure cannot be sent as it is. */
function inputOf(d: Draft): ObjectiveInput | null {
  const baseline = parseNumber(d.baseline);
  const target = parseNumber(d.target);
  if (!baseline.ok || !target.ok) return null;
  return {
    title: d.title,
    objective_type: d.objective_type,
    marketing_objective_id: d.marketing === null ? null : Number(d.marketing),
    kpi_metric: d.kpi_metric,
    kpi_name: d.kpi_name,
    kpi_unit: d.kpi_unit,
    direction: d.direction,
    baseline: baseline.value,
    target: target.value,
    deadline: d.deadline,
    networks: d.networks,
    owner: d.owner,
    contribution: d.contribution,
  };
}

function ObjectiveEditForm({ objective, onClose }: { objective: Objective; onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker, view } = useObj();
  const s = useAutosave<Draft, ObjectivesView>({
    key: `${strategyId}:objective:${objective.id}`,
    initial: () => draftOf(objective),
    send: (d) => {
      // A figure still being typed cannot be sent yet.
      const input = inputOf(d);
      return input ? objApi.objectiveSave(strategyId, objective.id, input) : null;
    },
    tracker,
  });
  const local = numberErrors(s.draft);
  const errors = [...local, ...s.errors.filter((e) => !local.some((l) => l.field === e.field))];

  return (
    <ItemFormModal
      title={t('objectives.objectiveList.editTitle', { title: objective.title })}
      size="lg"
      onClose={onClose}
      closeTestId="objective-close"
    >
      <ObjectiveFields
        d={s.draft}
        errors={errors}
        set={(k, v, mode) => s.change({ ...s.draft, [k]: v }, mode)}
        setMetric={(metric) =>
          s.change(
            { ...s.draft, kpi_metric: metric, direction: metricInfo(view, metric)?.direction ?? s.draft.direction },
            'now',
          )
        }
        onBlur={() => void s.flush()}
      />
      <Divider label={t('objectives.objectiveList.checksHeading')} labelPosition="left" />
      <Stack gap="xs" data-testid="objective-live-checks">
        <SmartBadges objectiveId={objective.id} />
        <ObjectiveFindings objectiveId={objective.id} />
      </Stack>
    </ItemFormModal>
  );
}

function ObjectiveFields({
  d,
  errors,
  set,
  setMetric,
  onBlur,
}: {
  d: Draft;
  errors: FieldError[];
  set: <K extends keyof Draft>(k: K, v: Draft[K], mode: 'debounce' | 'now') => void;
  setMetric: (metric: KpiMetric | null) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useObj();

  const marketingData = view.data.marketing.map((m) => {
    const g = view.data.goals.find((x) => x.id === m.business_goal_id);
    return { value: String(m.id), label: g ? `${m.title} — ${g.title}` : m.title };
  });
  const isVanity = (m: KpiMetric) => metricInfo(view, m)?.vanity === true;
  const item = (m: KpiMetric) => ({ value: m, label: t(`objectives.kpiMetrics.${m}`) });
  const group = (key: string, metrics: KpiMetric[]) => ({
    group: t(`objectives.objectiveList.metricGroups.${key}`),
    items: metrics.map(item),
  });
  // The vanity metrics stand apart, just before the user's own metric.
  const metricData = [
    ...METRIC_GROUPS.filter((g) => g.key !== 'other').map((g) => group(g.key, g.metrics.filter((m) => !isVanity(m)))),
    group('vanity', view.metrics.filter((m) => m.vanity).map((m) => m.metric)),
    ...METRIC_GROUPS.filter((g) => g.key === 'other').map((g) => group(g.key, g.metrics)),
  ];
  const keptNetworks = view.kept.filter((k) => view.networks.some((n) => n.key === k));
  const otherNetworks = view.networks.filter((n) => !view.kept.includes(n.key)).map((n) => n.key);
  const networkItem = (key: string) => ({ value: key, label: networkName(view.networks, key) });
  const networkData = [
    ...(keptNetworks.length
      ? [{ group: t('objectives.objectiveList.networksKept'), items: keptNetworks.map(networkItem) }]
      : []),
    ...(otherNetworks.length
      ? [{ group: t('objectives.objectiveList.networksOther'), items: otherNetworks.map(networkItem) }]
      : []),
  ];
  const vanity = metricInfo(view, d.kpi_metric)?.vanity === true;

  return (
    <>
      <TextInput
        label={t('objectives.objectiveList.title')}
        placeholder={t('objectives.objectiveList.titleHint')}
        value={d.title}
        onChange={(e) => set('title', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'title')}
        withAsterisk
        data-autofocus
        data-testid="objective-title"
        errorProps={{ 'data-testid': 'objective-title-error' }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TypeSelect
          value={d.objective_type}
          onChange={(v) => set('objective_type', v, 'now')}
          error={errorOf(errors, 'objective_type')}
        />
        <Select
          label={t('objectives.objectiveList.marketing')}
          placeholder={t('objectives.objectiveList.marketingHint')}
          description={marketingData.length === 0 ? t('objectives.objectiveList.marketingNone') : undefined}
          data={marketingData}
          value={d.marketing}
          onChange={(v) => set('marketing', v, 'now')}
          error={errorOf(errors, 'marketing_objective_id')}
          clearable
          data-testid="objective-marketing"
        />
      </SimpleGrid>
      <Divider label={t('objectives.objectiveList.kpiSection')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('objectives.objectiveList.kpiMetric')}
          placeholder={t('objectives.objectiveList.kpiMetricHint')}
          description={vanity ? t('objectives.objectiveList.kpiVanityHint') : undefined}
          data={metricData}
          value={d.kpi_metric}
          onChange={(v) => setMetric(v as KpiMetric | null)}
          error={errorOf(errors, 'kpi_metric')}
          clearable
          searchable
          maxDropdownHeight={320}
          data-testid="objective-kpi-metric"
        />
        <TextInput
          label={t('objectives.objectiveList.kpiName')}
          placeholder={t('objectives.objectiveList.kpiNameHint')}
          description={d.kpi_metric === 'custom' ? t('objectives.objectiveList.kpiNameCustom') : undefined}
          value={d.kpi_name}
          onChange={(e) => set('kpi_name', e.currentTarget.value, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'kpi_name')}
          withAsterisk={d.kpi_metric === 'custom'}
          data-testid="objective-kpi-name"
          errorProps={{ 'data-testid': 'objective-kpi_name-error' }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('objectives.objectiveList.kpiUnit')}
          placeholder={t('objectives.objectiveList.kpiUnitHint')}
          value={d.kpi_unit}
          onChange={(e) => set('kpi_unit', e.currentTarget.value, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'kpi_unit')}
          data-testid="objective-kpi-unit"
        />
        <Input.Wrapper label={t('objectives.objectiveList.direction')} error={errorOf(errors, 'direction')}>
          <div>
            <SegmentedControl
              data={(['increase', 'decrease'] as const).map((dir) => ({
                value: dir,
                label: t(`objectives.directions.${dir}`),
              }))}
              value={d.direction}
              onChange={(v) => set('direction', v as Direction, 'now')}
              data-testid="objective-direction"
            />
          </div>
        </Input.Wrapper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <NumberInput
          label={t('objectives.objectiveList.baseline')}
          description={t('objectives.objectiveList.baselineHelp')}
          value={d.baseline}
          onChange={(v) => set('baseline', v, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'baseline')}
          decimalScale={2}
          data-testid="objective-baseline"
          errorProps={{ 'data-testid': 'objective-baseline-error' }}
        />
        <NumberInput
          label={t('objectives.objectiveList.target')}
          description={t('objectives.objectiveList.targetHelp')}
          value={d.target}
          onChange={(v) => set('target', v, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'target')}
          decimalScale={2}
          data-testid="objective-target"
          errorProps={{ 'data-testid': 'objective-target-error' }}
        />
        <DateField
          label={t('objectives.objectiveList.deadline')}
          placeholder={t('objectives.objectiveList.deadlineHint')}
          value={d.deadline ?? ''}
          onChange={(v) => set('deadline', v === '' ? null : v, 'now')}
          error={errorOf(errors, 'deadline')}
          clearLabel={t('objectives.objectiveList.deadlineClear')}
          testId="objective-deadline"
          errorTestId="objective-deadline-error"
        />
      </SimpleGrid>
      <MultiSelect
        label={t('objectives.objectiveList.networks')}
        placeholder={d.networks.length ? undefined : t('objectives.objectiveList.networksHint')}
        data={networkData}
        value={d.networks}
        onChange={(v) => set('networks', v, 'now')}
        error={errorOf(errors, 'networks')}
        clearable
        data-testid="objective-networks"
      />
      <TextInput
        label={t('objectives.objectiveList.owner')}
        placeholder={t('objectives.objectiveList.ownerHint')}
        value={d.owner}
        onChange={(e) => set('owner', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'owner')}
        data-testid="objective-owner"
      />
      <Textarea
        label={t('objectives.objectiveList.contribution')}
        placeholder={t('objectives.objectiveList.contributionHint')}
        value={d.contribution}
        onChange={(e) => set('contribution', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'contribution')}
        autosize
        minRows={2}
        data-testid="objective-contribution"
      />
    </>
  );
}
