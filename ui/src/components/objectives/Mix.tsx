// Part 4 of the objectives step: the content mix (the share of each pillar in the posts, strategy-wide and per
// network) and the topics under each pillar. The three shares always add up to 100: moving one re-balances the
// other two. Everything saves itself as it is edited.
import { lazy, type ReactNode, Suspense, useRef, useState } from 'react';
import {
  ColorSwatch,
  Box,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseNumber, useAutosave } from '../../autosave';
import type { ActualMix, FieldError, Finding, MixWeights, ObjectivesView, Pillar, Topic, TopicInput } from '../../bindings';
import { Question } from '../StepFrame';
import { objApi } from './ipc';
import { FindingNote } from './Missions';
import { confirmDelete, EditDeleteActions, ItemFormModal, useItemSave } from './parts';
import { errorOf, networkName, PILLAR_COLORS, PILLARS, useObj } from './state';

const MixDonut = lazy(() => import('./MixDonut'));

/** The calendar's planned mix (percent, with decimals) in whole percents summing to 100, for the donut. */
export function plannedWeights(mix: ActualMix | null): MixWeights | null {
  if (!mix) return null;
  const promotion = Math.round(mix.promotion);
  const curation = Math.round(mix.curation);
  return { promotion, curation, interaction: Math.max(0, 100 - promotion - curation) };
}

/** The default mix: a third each (the rounding goes to interaction). */
export const THIRDS: MixWeights = { promotion: 33, curation: 33, interaction: 34 };

const sumOf = (w: MixWeights) => w.promotion + w.curation + w.interaction;
const sameMix = (a: MixWeights, b: MixWeights) => PILLARS.every((p) => a[p] === b[p]);

/** Sets `pillar` to `value` (a whole number from 0 to 100) and shares the rest between the other two pillars in
 *  proportion to their current shares (evenly when both are 0), rounded so that the three add up to exactly 100. */
export function rebalance(weights: MixWeights, pillar: Pillar, value: number): MixWeights {
  const v = Math.min(100, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));
  const rest = 100 - v;
  const [a, b] = PILLARS.filter((p) => p !== pillar);
  const wa = Math.max(0, weights[a]);
  const wb = Math.max(0, weights[b]);
  const shareA = wa + wb === 0 ? Math.floor(rest / 2) : Math.round((rest * wa) / (wa + wb));
  return { ...weights, [pillar]: v, [a]: shareA, [b]: rest - shareA } as MixWeights;
}

/** The three pillars' shares, each with a slider and a number field; they always add up to 100. */
export function MixEditor({ value, onChange, onCommit, testIdPrefix, disabled = false, errors = [] }: {
  value: MixWeights;
  onChange: (next: MixWeights) => void;
  /** The end of a gesture (slider released, field left): a good time to save at once. */
  onCommit?: () => void;
  testIdPrefix: string;
  disabled?: boolean;
  /** The backend's field errors of the last save (`weights`, or a pillar's name). */
  errors?: readonly FieldError[];
}) {
  const { t } = useTranslation();
  // A field being typed in shows what is typed (it may be empty for a moment).
  const [typing, setTyping] = useState<{ pillar: Pillar; text: string | number } | null>(null);
  // One gesture (a drag, or typing a number) re-balances from the mix it started with, so that the other two keep
  // their proportions exactly whatever the intermediate values.
  const gesture = useRef<{ pillar: Pillar; base: MixWeights; last: MixWeights } | null>(null);

  const set = (pillar: Pillar, v: number) => {
    const g = gesture.current;
    const base = g && g.pillar === pillar && sameMix(g.last, value) ? g.base : value;
    const next = rebalance(base, pillar, v);
    gesture.current = { pillar, base, last: next };
    onChange(next);
  };
  const end = () => {
    gesture.current = null;
    onCommit?.();
  };
  const total = sumOf(value);
  const totalError = errorOf(errors, 'weights');

  return (
    <Stack gap="sm" data-testid={`${testIdPrefix}-editor`}>
      {PILLARS.map((p) => {
        const label = t(`objectives.pillars.${p}`);
        return (
          <Grid key={p} align="center" gap="sm">
            <Grid.Col span={{ base: 12, xs: 3 }}>
              <Group gap={6} wrap="nowrap">
                <ColorSwatch color={`var(--mantine-color-${PILLAR_COLORS[p]}-6)`} size={12} withShadow={false} />
                <Text size="sm" fw={700}>
                  {label}
                </Text>
              </Group>
            </Grid.Col>
            <Grid.Col span={{ base: 8, xs: 6 }}>
              <Slider
                value={value[p]}
                onChange={(v) => set(p, v)}
                onChangeEnd={end}
                min={0}
                max={100}
                step={1}
                color={PILLAR_COLORS[p]}
                disabled={disabled}
                label={(v) => t('objectives.mix.percent', { value: v })}
                thumbLabel={t('objectives.mix.share', { pillar: label })}
                data-testid={`${testIdPrefix}-slider-${p}`}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 4, xs: 3 }}>
              <NumberInput
                aria-label={t('objectives.mix.share', { pillar: label })}
                value={typing?.pillar === p ? typing.text : value[p]}
                onChange={(v) => {
                  setTyping({ pillar: p, text: v });
                  const parsed = parseNumber(v);
                  if (parsed.ok && parsed.value !== null) set(p, parsed.value);
                }}
                onBlur={() => {
                  setTyping(null);
                  end();
                }}
                min={0}
                max={100}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                suffix=" %"
                disabled={disabled}
                error={errorOf(errors, p)}
                data-testid={`${testIdPrefix}-input-${p}`}
                errorProps={{ 'data-testid': `${testIdPrefix}-input-${p}-error` }}
              />
            </Grid.Col>
          </Grid>
        );
      })}
      <Group justify="flex-end" gap="xs">
        <Text size="sm" fw={700} c={total === 100 ? undefined : 'red'} data-testid={`${testIdPrefix}-total`}>
          {t('objectives.mix.total', { value: total })}
        </Text>
      </Group>
      {totalError && (
        <Text size="sm" c="red" role="alert" data-testid={`${testIdPrefix}-error`}>
          {totalError}
        </Text>
      )}
    </Stack>
  );
}

/** "Promotion 33 %, Curation 33 %, Interaction 34 %". */
function mixText(w: MixWeights, t: TFunction): string {
  return PILLARS.map((p) => `${t(`objectives.pillars.${p}`)} ${t('objectives.mix.percent', { value: w[p] })}`).join(', ');
}

export function Mix() {
  const { t } = useTranslation();
  const { strategyId, view, tracker, lang } = useObj();
  const strategy = useAutosave<MixWeights, ObjectivesView>({
    key: `${strategyId}:mix`,
    initial: () => view.data.mix.strategy,
    send: (w) => objApi.mixSave(strategyId, null, w),
    tracker,
  });
  const general = view.findings.filter(
    (f) => f.link.section === 'mix' && f.link.network === null && f.kind !== 'pillar_without_topics',
  );

  return (
    <Stack gap="lg">
      <Question title={t('objectives.mix.question')} help={t('objectives.mix.help')} example={t('objectives.mix.example')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="mix-pillars-help">
        {PILLARS.map((p) => (
          <Paper
            key={p}
            withBorder
            p="sm"
            radius="md"
            style={{ borderLeft: `4px solid var(--mantine-color-${PILLAR_COLORS[p]}-6)` }}
          >
            <Text fw={700} c={`${PILLAR_COLORS[p]}.8`}>
              {t(`objectives.pillars.${p}`)}
            </Text>
            <Text size="sm">{t(`objectives.pillarHelp.${p}`)}</Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Paper withBorder p="md" radius="md" data-testid="mix-strategy" id="mix-strategy">
        <Stack gap="md">
          <Stack gap={2}>
            <Text fw={700}>{t('objectives.mix.strategyTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('objectives.mix.strategyHelp')}
            </Text>
          </Stack>
          <Grid gap="xl" align="center">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm">
                <MixEditor
                  value={strategy.draft}
                  onChange={(w) => strategy.change(w, 'debounce')}
                  onCommit={() => void strategy.flush()}
                  errors={strategy.errors}
                  testIdPrefix="mix"
                />
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconRefresh size={16} />}
                    onClick={() => strategy.change(THIRDS, 'now')}
                    disabled={sameMix(strategy.draft, THIRDS)}
                    data-testid="mix-reset"
                  >
                    {t('objectives.mix.reset')}
                  </Button>
                </Group>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Box data-testid="mix-donut" mih={200}>
                <Suspense
                  fallback={
                    <Center h={200}>
                      <Loader size="sm" />
                    </Center>
                  }
                >
                  <MixDonut target={strategy.draft} actual={plannedWeights(view.planned_mix)} />
                </Suspense>
              </Box>
              {view.planned_mix && (
                <Text size="xs" c="dimmed" ta="center" data-testid="mix-planned-note">
                  {t('objectives.mix.plannedNote', { count: view.planned_posts })}
                </Text>
              )}
            </Grid.Col>
          </Grid>
          {general.map((f, i) => (
            <FindingNote
              key={`${f.kind}-${i}`}
              finding={f}
              lang={lang}
              testId="mix-finding"
              suggestion={(text) => t('objectives.mix.finding', { text })}
            />
          ))}
        </Stack>
      </Paper>

      {view.kept.length > 0 && (
        <Paper withBorder p="md" radius="md" data-testid="mix-networks">
          <Stack gap="md">
            <Stack gap={2}>
              <Text fw={700}>{t('objectives.mix.networksTitle')}</Text>
              <Text size="sm" c="dimmed">
                {t('objectives.mix.networksHelp')}
              </Text>
            </Stack>
            {view.kept.map((key) => (
              <NetworkMixRow key={key} network={key} strategyMix={strategy.draft} />
            ))}
          </Stack>
        </Paper>
      )}

      <Topics />
    </Stack>
  );
}

/** A kept network: it follows the strategy's mix, or has its own. */
function NetworkMixRow({ network, strategyMix }: { network: string; strategyMix: MixWeights }) {
  const { t } = useTranslation();
  const { strategyId, view, tracker, lang } = useObj();
  // `null`: the network follows the strategy's mix.
  const s = useAutosave<MixWeights | null, ObjectivesView>({
    key: `${strategyId}:mix:${network}`,
    initial: () => view.data.mix.networks.find((n) => n.network === network)?.weights ?? null,
    send: (w) => objApi.mixSave(strategyId, network, w),
    tracker,
  });
  const own = s.draft;
  const name = networkName(view.networks, network);
  const findings = view.findings.filter((f) => f.link.section === 'mix' && f.link.network === network);

  return (
    <Paper withBorder p="sm" radius="md" data-testid="mix-network" data-network={network} id={`mix-${network}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{name}</Text>
          <Switch
            label={t('objectives.mix.override')}
            checked={own !== null}
            onChange={(e) => s.change(e.currentTarget.checked ? { ...strategyMix } : null, 'now')}
            data-testid={`mix-override-${network}`}
          />
        </Group>
        {own === null ? (
          <Text size="sm" c="dimmed" data-testid={`mix-follows-${network}`}>
            {t('objectives.mix.follows', { parts: mixText(strategyMix, t) })}
          </Text>
        ) : (
          <MixEditor
            value={own}
            onChange={(w) => s.change(w, 'debounce')}
            onCommit={() => void s.flush()}
            errors={s.errors}
            testIdPrefix={`mix-${network}`}
          />
        )}
        {own === null && s.errors.length > 0 && (
          <Text size="sm" c="red" role="alert" data-testid={`mix-${network}-error`}>
            {errorOf(s.errors, s.errors[0].field)}
          </Text>
        )}
        {findings.map((f, i) => (
          <FindingNote
            key={`${f.kind}-${i}`}
            finding={f}
            lang={lang}
            testId="mix-finding"
            suggestion={(text) => t('objectives.mix.finding', { text })}
          />
        ))}
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Topics.

/** The pillar a `pillar_without_topics` finding is about (its link says). */
function pillarOf(f: Finding): Pillar | null {
  return f.link.pillar;
}

function Topics() {
  const { t } = useTranslation();
  const { view, lang } = useObj();
  const [editing, setEditing] = useState<Topic | null>(null);
  const noTopics = view.findings.filter((f) => f.kind === 'pillar_without_topics' && f.link.network === null);
  const unmatched = noTopics.filter((f) => pillarOf(f) === null);
  const note = (f: Finding, i: number) => (
    <FindingNote
      key={`${f.kind}-${i}`}
      finding={f}
      lang={lang}
      testId="topics-finding"
      suggestion={(text) => t('objectives.mix.finding', { text })}
    />
  );

  return (
    <Stack gap="md" data-testid="topics" id="topics">
      <Question
        title={t('objectives.topics.question')}
        help={t('objectives.topics.help')}
        example={t('objectives.topics.example')}
      />
      {unmatched.map(note)}
      {/* Three columns only from `lg` up: at 1024 px a third of the page leaves a topic's field too narrow to read. */}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md" data-testid="topics-grid">
        {PILLARS.map((p) => (
          <TopicColumn key={p} pillar={p} onEdit={setEditing}>
            {noTopics.filter((f) => pillarOf(f) === p).map(note)}
          </TopicColumn>
        ))}
      </SimpleGrid>
      {editing && <TopicEditForm topic={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** The narrowest a new topic's field gets before its button goes to the next line (layout.test.ts checks the
 *  placeholders against it). */
export const TOPIC_FIELD_MIN_REM = 13;

function TopicColumn({ pillar, onEdit, children }: {
  pillar: Pillar;
  onEdit: (topic: Topic) => void;
  /** The findings about this pillar. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { strategyId, view, tracker } = useObj();
  const form = useItemSave(tracker, `${strategyId}:topic-new:${pillar}`);
  const [name, setName] = useState('');
  const topics = view.data.topics.filter((x) => x.pillar === pillar);
  const label = t(`objectives.pillars.${pillar}`);

  const add = async () => {
    const input: TopicInput = { pillar, name: name.trim(), description: '' };
    const ok = await form.submit(() => objApi.topicSave(strategyId, null, input));
    if (ok) setName('');
  };
  const remove = (topic: Topic) =>
    confirmDelete({
      title: t('objectives.topics.deleteTitle', { name: topic.name }),
      body: t('objectives.topics.deleteBody'),
      onConfirm: () => {
        tracker.run(`topic-delete-${topic.id}`, () => objApi.topicDelete(strategyId, topic.id)).catch(() => undefined);
      },
    });

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid={`topics-${pillar}`}
      style={{ borderTop: `4px solid var(--mantine-color-${PILLAR_COLORS[pillar]}-6)` }}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Text fw={700} c={`${PILLAR_COLORS[pillar]}.8`}>
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`objectives.pillarHelp.${pillar}`)}
          </Text>
        </Stack>
        {children}
        {topics.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="topics-empty">
            {t('objectives.topics.empty')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {topics.map((topic) => (
              <Group
                key={topic.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                align="flex-start"
                gap="xs"
                data-testid="topic-item"
                data-topic-id={topic.id}
              >
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="topic-name-text">
                    {topic.name}
                  </Text>
                  {topic.description && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {topic.description}
                    </Text>
                  )}
                </Stack>
                <Group gap={2} wrap="nowrap">
                  <EditDeleteActions
                    editLabel={t('objectives.topics.editLabel', { name: topic.name })}
                    deleteLabel={t('objectives.topics.deleteLabel', { name: topic.name })}
                    onEdit={() => onEdit(topic)}
                    onDelete={() => remove(topic)}
                    testIdPrefix="topic"
                  />
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
          noValidate
        >
          {/* The field keeps room for its placeholder: when the column is narrow, the button goes under it. */}
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              style={{ flex: `1 1 ${TOPIC_FIELD_MIN_REM}rem` }}
              aria-label={t('objectives.topics.newLabel', { pillar: label })}
              placeholder={t('objectives.topics.newHint')}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                if (form.errors.length > 0) form.reset();
              }}
              error={errorOf(form.errors, 'name')}
              data-testid={`topic-new-${pillar}`}
              errorProps={{ 'data-testid': `topic-new-${pillar}-error` }}
            />
            <Button
              type="submit"
              variant="light"
              leftSection={<IconPlus size={16} />}
              loading={form.saving}
              data-testid={`topic-add-${pillar}`}
            >
              {t('objectives.topics.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}

/** An existing topic: every change saves itself, after a pause in typing or on blur. */
function TopicEditForm({ topic, onClose }: { topic: Topic; onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useObj();
  const s = useAutosave<TopicInput, ObjectivesView>({
    key: `${strategyId}:topic:${topic.id}`,
    initial: () => ({ pillar: topic.pillar, name: topic.name, description: topic.description }),
    send: (values) => objApi.topicSave(strategyId, topic.id, values),
    tracker,
  });
  const set = <K extends keyof TopicInput>(k: K, v: TopicInput[K], mode: 'debounce' | 'now') =>
    s.change({ ...s.draft, [k]: v }, mode);

  return (
    <ItemFormModal
      title={t('objectives.topics.editTitle', { name: topic.name })}
      size="md"
      onClose={onClose}
      closeTestId="topic-close"
    >
      <TextInput
        label={t('objectives.topics.name')}
        value={s.draft.name}
        onChange={(e) => set('name', e.currentTarget.value, 'debounce')}
        onBlur={() => void s.flush()}
        error={errorOf(s.errors, 'name')}
        withAsterisk
        data-autofocus
        data-testid="topic-name"
        errorProps={{ 'data-testid': 'topic-name-error' }}
      />
      <Textarea
        label={t('objectives.topics.description')}
        placeholder={t('objectives.topics.descriptionHint')}
        value={s.draft.description}
        onChange={(e) => set('description', e.currentTarget.value, 'debounce')}
        onBlur={() => void s.flush()}
        error={errorOf(s.errors, 'description')}
        autosize
        minRows={2}
        data-testid="topic-description"
      />
      <Select
        label={t('objectives.topics.pillar')}
        data={PILLARS.map((p) => ({ value: p, label: t(`objectives.pillars.${p}`) }))}
        value={s.draft.pillar}
        onChange={(v) => {
          const p = PILLARS.find((x) => x === v);
          if (p) set('pillar', p, 'now');
        }}
        allowDeselect={false}
        error={errorOf(s.errors, 'pillar')}
        data-testid="topic-pillar"
      />
    </ItemFormModal>
  );
}
