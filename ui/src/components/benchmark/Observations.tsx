// Part 2 of the benchmark: what was seen of each player on each network, dated, so that it can be done again and
// compared. Each player's observations are listed newest first.
import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Chip,
  Group,
  Input,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconCopyPlus, IconPlus, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type NumberDraft, parseNumber, useAutosave } from '../../autosave';
import type {
  BenchmarkView,
  ContentFormat,
  FieldError,
  Network,
  Observation,
  ObservationInput,
  Player,
} from '../../bindings';
import { DateField } from '../common/DateField';
import { Question } from '../StepFrame';
import { formatDay, todayIso } from '../../format';
import { networkWords } from '../../networkWords';
import { benchApi } from './ipc';
import { confirmDelete, EditDeleteActions, ItemFormModal, useItemSave } from './parts';
import { PLAYER_COLORS } from './Players';
import { errorOf, formatFigure, networkName, networkOptions, useBench } from './state';

interface Draft {
  player_id: string | null;
  network: string | null;
  observed_on: string;
  followers: NumberDraft;
  posts_per_week: NumberDraft;
  engagement_per_post: NumberDraft;
  themes: string[];
  tone: string;
  formats: ContentFormat[];
  works: string;
  fails: string;
}

/** What the form opens with: a new observation, one to edit, or a new one repeated today from an older one. */
type Editing =
  | { mode: 'new'; playerId: number }
  | { mode: 'edit'; observation: Observation }
  | { mode: 'repeat'; observation: Observation };

function draftOf(o: Observation, observedOn: string): Draft {
  return {
    player_id: String(o.player_id),
    network: o.network,
    observed_on: observedOn,
    followers: o.followers ?? '',
    posts_per_week: o.posts_per_week ?? '',
    engagement_per_post: o.engagement_per_post ?? '',
    themes: [...o.themes],
    tone: o.tone,
    formats: [...o.formats],
    works: o.works,
    fails: o.fails,
  };
}

export function Observations() {
  const { t } = useTranslation();
  const { view, strategyId, tracker, lang, goTo } = useBench();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { players, observations } = view.benchmark;

  const remove = (o: Observation) =>
    confirmDelete({
      title: t('benchmark.observations.deleteTitle'),
      body: t('benchmark.observations.deleteBody', {
        ...networkWords(
          view.networks.find((n) => n.key === o.network),
          o.network,
        ),
        network: networkName(view.networks, o.network),
        date: formatDay(o.observed_on, lang),
      }),
      onConfirm: () => {
        tracker
          .run(`observation-delete-${o.id}`, () => benchApi.observationDelete(strategyId, o.id))
          .catch(() => undefined);
      },
    });

  return (
    <Stack gap="lg">
      <Question
        title={t('benchmark.observations.question')}
        help={t('benchmark.observations.help')}
        example={t('benchmark.observations.example')}
      />
      {players.length === 0 && (
        <Paper withBorder p="md" radius="md" data-testid="observations-no-players">
          <Stack gap="xs" align="flex-start">
            <Text c="dimmed">{t('benchmark.observations.noPlayers')}</Text>
            <Button variant="light" onClick={() => goTo('players')}>
              {t('benchmark.observations.goPlayers')}
            </Button>
          </Stack>
        </Paper>
      )}
      {players.map((p) => (
        <PlayerObservations
          key={p.id}
          player={p}
          // The backend lists them newest first; that order is kept.
          observations={observations.filter((o) => o.player_id === p.id)}
          onAdd={() => setEditing({ mode: 'new', playerId: p.id })}
          onEdit={(o) => setEditing({ mode: 'edit', observation: o })}
          onRepeat={(o) => setEditing({ mode: 'repeat', observation: o })}
          onDelete={remove}
        />
      ))}
      {editing && <ObservationForm editing={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function PlayerObservations({
  player,
  observations,
  onAdd,
  onEdit,
  onRepeat,
  onDelete,
}: {
  player: Player;
  observations: Observation[];
  onAdd: () => void;
  onEdit: (o: Observation) => void;
  onRepeat: (o: Observation) => void;
  onDelete: (o: Observation) => void;
}) {
  const { t } = useTranslation();
  const { view, lang } = useBench();
  // The first one of each network in the backend's order (newest first) is the latest.
  const seen = new Set<string>();
  return (
    <Paper withBorder p="md" radius="md" data-testid="player-observations" data-player-id={player.id}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Text fw={700}>{player.name}</Text>
            <Badge variant="light" color={PLAYER_COLORS[player.player_type]} size="sm">
              {t(`benchmark.playerBadges.${player.player_type}`)}
            </Badge>
          </Group>
          <Button
            variant="light"
            size="compact-sm"
            leftSection={<IconPlus size={16} />}
            onClick={onAdd}
            aria-label={t('benchmark.observations.addFor', { name: player.name })}
            data-testid="observation-add"
          >
            {t('benchmark.observations.add')}
          </Button>
        </Group>
        {observations.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('benchmark.observations.empty')}
          </Text>
        )}
        {observations.map((o) => {
          const latest = !seen.has(o.network);
          seen.add(o.network);
          return (
            <Paper
              key={o.id}
              withBorder
              p="sm"
              radius="sm"
              data-testid="observation-row"
              data-network={o.network}
              data-latest={latest ? 'true' : 'false'}
            >
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="xs">
                    <Text fw={600} size="sm" data-testid="observation-date">
                      {formatDay(o.observed_on, lang)}
                    </Text>
                    <Badge variant="outline" size="sm">
                      {networkName(view.networks, o.network)}
                    </Badge>
                    {latest && (
                      <Badge variant="light" color="teal" size="sm">
                        {t('benchmark.observations.latest')}
                      </Badge>
                    )}
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('benchmark.observations.repeatHelp')} multiline w={260}>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        leftSection={<IconCopyPlus size={16} />}
                        onClick={() => onRepeat(o)}
                        data-testid="observation-repeat"
                      >
                        {t('benchmark.observations.repeat')}
                      </Button>
                    </Tooltip>
                    <EditDeleteActions
                      editLabel={t('benchmark.observations.editLabel')}
                      deleteLabel={t('benchmark.observations.deleteLabel')}
                      onEdit={() => onEdit(o)}
                      onDelete={() => onDelete(o)}
                      testIdPrefix="observation"
                    />
                  </Group>
                </Group>
                <Group gap="lg">
                  <Figure label={t('benchmark.observations.followers')} value={formatFigure(o.followers, lang)} />
                  <Figure label={t('benchmark.observations.postsPerWeek')} value={formatFigure(o.posts_per_week, lang)} />
                  <Figure
                    label={t('benchmark.observations.engagement')}
                    value={formatFigure(o.engagement_per_post, lang)}
                  />
                </Group>
                {(o.themes.length > 0 || o.formats.length > 0) && (
                  <Group gap={4}>
                    {o.themes.map((th) => (
                      <Badge key={`theme-${th}`} variant="light" size="sm" tt="none">
                        {th}
                      </Badge>
                    ))}
                    {o.formats.map((f) => (
                      <Badge key={`format-${f}`} variant="dot" size="sm" color="gray" tt="none">
                        {t(`audit.formats.${f}`)}
                      </Badge>
                    ))}
                  </Group>
                )}
                {o.tone && (
                  <Text size="sm">{t('benchmark.observations.toneLine', { tone: o.tone })}</Text>
                )}
                {o.works && (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconThumbUp size={16} color="var(--mantine-color-teal-6)" aria-label={t('benchmark.observations.works')} role="img" />
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {o.works}
                    </Text>
                  </Group>
                )}
                {o.fails && (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconThumbDown size={16} color="var(--mantine-color-red-6)" aria-label={t('benchmark.observations.fails')} role="img" />
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {o.fails}
                    </Text>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </Stack>
  );
}

function ObservationForm({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  return editing.mode === 'edit' ? (
    <ObservationEditForm observation={editing.observation} onClose={onClose} />
  ) : (
    <ObservationCreateForm editing={editing} onClose={onClose} />
  );
}

/** The observation to send, or the inline errors of what cannot be sent as it is (the backend checks the rest). */
function inputOf(
  d: Draft,
  formats: readonly ContentFormat[],
): { ok: true; input: ObservationInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const numbers = {
    followers: parseNumber(d.followers),
    posts_per_week: parseNumber(d.posts_per_week),
    engagement_per_post: parseNumber(d.engagement_per_post),
  };
  for (const [field, parsed] of Object.entries(numbers)) {
    if (!parsed.ok) errors.push({ field, code: 'not_a_number' });
  }
  if (d.player_id == null) errors.push({ field: 'player_id', code: 'unknown_player' });
  if (d.network == null) errors.push({ field: 'network', code: 'unknown_network' });
  if (errors.length > 0 || d.player_id == null || d.network == null) return { ok: false, errors };
  const value = (p: ReturnType<typeof parseNumber>) => (p.ok ? p.value : null);
  return {
    ok: true,
    input: {
      player_id: Number(d.player_id),
      network: d.network,
      observed_on: d.observed_on.trim(),
      followers: value(numbers.followers),
      posts_per_week: value(numbers.posts_per_week),
      engagement_per_post: value(numbers.engagement_per_post),
      themes: d.themes,
      tone: d.tone,
      // Only the formats the chosen network offers.
      formats: d.formats.filter((f) => formats.includes(f)),
      works: d.works,
      fails: d.fails,
    },
  };
}

/** A new observation, or one repeated today from an older one: it exists once it has its player, network and
 *  date, so it is added with a button. */
function ObservationCreateForm({
  editing,
  onClose,
}: {
  editing: Exclude<Editing, { mode: 'edit' }>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { view, strategyId, tracker, audited } = useBench();
  const form = useItemSave(tracker, 'observation-new');
  const [d, setD] = useState<Draft>(() => {
    if (editing.mode === 'repeat') return draftOf(editing.observation, todayIso());
    const first = networkOptions(view.networks, audited)[0];
    const network = first ? ('group' in first ? first.items[0]?.value : first.value) : null;
    return {
      player_id: String(editing.playerId),
      network: network ?? null,
      observed_on: todayIso(),
      followers: '',
      posts_per_week: '',
      engagement_per_post: '',
      themes: [],
      tone: '',
      formats: [],
      works: '',
      fails: '',
    };
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const save = async () => {
    const built = inputOf(d, formatsOf(view.networks, d.network));
    if (!built.ok) {
      form.reset(built.errors);
      return;
    }
    const ok = await form.submit(() => benchApi.observationSave(strategyId, null, built.input));
    if (ok) onClose();
  };

  return (
    <ItemFormModal
      title={editing.mode === 'repeat' ? t('benchmark.observations.repeatTitle') : t('benchmark.observations.newTitle')}
      size="xl"
      onClose={close}
      create={{ onSubmit: () => void save(), saving: form.saving, testId: 'observation-save' }}
    >
      <ObservationFields
        d={d}
        errors={form.errors}
        set={(k, v) => setD((old) => ({ ...old, [k]: v }))}
        onBlur={() => undefined}
      />
    </ItemFormModal>
  );
}

/** An existing observation: every change saves itself, after a pause in typing or on blur. */
function ObservationEditForm({ observation, onClose }: { observation: Observation; onClose: () => void }) {
  const { t } = useTranslation();
  const { view, strategyId, tracker } = useBench();
  const s = useAutosave<Draft, BenchmarkView>({
    key: `${strategyId}:observation:${observation.id}`,
    initial: () => draftOf(observation, observation.observed_on),
    send: (d) => {
      // A number still being typed, or nothing chosen, cannot be sent yet.
      const built = inputOf(d, formatsOf(view.networks, d.network));
      return built.ok ? benchApi.observationSave(strategyId, observation.id, built.input) : null;
    },
    tracker,
  });

  return (
    <ItemFormModal
      title={t('benchmark.observations.editTitle')}
      size="xl"
      onClose={onClose}
      closeTestId="observation-close"
    >
      <ObservationFields
        d={s.draft}
        errors={s.errors}
        set={(k, v, mode) => s.change({ ...s.draft, [k]: v }, mode)}
        onBlur={() => void s.flush()}
      />
    </ItemFormModal>
  );
}

function formatsOf(networks: readonly Network[], key: string | null): readonly ContentFormat[] {
  return networks.find((n) => n.key === key)?.formats ?? [];
}

function ObservationFields({
  d,
  errors,
  set,
  onBlur,
}: {
  d: Draft;
  errors: FieldError[];
  set: <K extends keyof Draft>(k: K, v: Draft[K], mode: 'debounce' | 'now') => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const { view, audited } = useBench();
  const formats = formatsOf(view.networks, d.network);
  const networkData = useMemo(() => networkOptions(view.networks, audited), [view.networks, audited]);
  const themeSuggestions = useMemo(
    () => [...new Set([...view.coverage.themes, ...view.benchmark.brand_themes])],
    [view.coverage.themes, view.benchmark.brand_themes],
  );

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label={t('benchmark.observations.player')}
          data={view.benchmark.players.map((p) => ({ value: String(p.id), label: p.name }))}
          value={d.player_id}
          onChange={(v) => set('player_id', v, 'now')}
          error={errorOf(errors, 'player_id')}
          allowDeselect={false}
          data-testid="observation-player"
        />
        <Select
          label={t('benchmark.observations.network')}
          data={networkData}
          value={d.network}
          onChange={(v) => set('network', v, 'now')}
          error={errorOf(errors, 'network')}
          allowDeselect={false}
          searchable
          data-testid="observation-network"
        />
        <DateField
          label={t('benchmark.observations.observedOn')}
          value={d.observed_on}
          onChange={(v) => set('observed_on', v, 'now')}
          onBlur={onBlur}
          error={errorOf(errors, 'observed_on')}
          clearable={false}
          testId="observation-date-input"
          errorTestId="observation-observed_on-error"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <NumberInput
          label={t('benchmark.observations.followers')}
          value={d.followers}
          onChange={(v) => set('followers', v, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'followers')}
          allowDecimal={false}
          thousandSeparator={false}
          data-testid="observation-followers"
          errorProps={{ 'data-testid': 'observation-followers-error' }}
        />
        <NumberInput
          label={t('benchmark.observations.postsPerWeek')}
          value={d.posts_per_week}
          onChange={(v) => set('posts_per_week', v, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'posts_per_week')}
          decimalScale={2}
          data-testid="observation-posts"
          errorProps={{ 'data-testid': 'observation-posts_per_week-error' }}
        />
        <NumberInput
          label={t('benchmark.observations.engagement')}
          description={t('benchmark.observations.engagementHelp')}
          value={d.engagement_per_post}
          onChange={(v) => set('engagement_per_post', v, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'engagement_per_post')}
          decimalScale={2}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="observation-engagement"
          errorProps={{ 'data-testid': 'observation-engagement_per_post-error' }}
        />
      </SimpleGrid>
      <TagsInput
        label={t('benchmark.observations.themes')}
        placeholder={t('benchmark.common.themesHint')}
        data={themeSuggestions}
        value={d.themes}
        onChange={(v) => set('themes', v, 'now')}
        error={errorOf(errors, 'themes')}
        clearable
        data-testid="observation-themes"
      />
      <TextInput
        label={t('benchmark.observations.tone')}
        placeholder={t('benchmark.observations.toneHint')}
        value={d.tone}
        onChange={(e) => set('tone', e.currentTarget.value, 'debounce')}
          onBlur={onBlur}
        error={errorOf(errors, 'tone')}
        data-testid="observation-tone"
      />
      <Input.Wrapper label={t('benchmark.observations.formats')}>
        {formats.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('benchmark.observations.formatsNone')}
          </Text>
        ) : (
          <Chip.Group multiple value={d.formats} onChange={(v) => set('formats', v as ContentFormat[], 'now')}>
            <Group gap="xs" mt={4} data-testid="observation-formats">
              {formats.map((f) => (
                <Chip key={f} value={f} size="sm">
                  {t(`audit.formats.${f}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Textarea
          label={t('benchmark.observations.works')}
          placeholder={t('benchmark.observations.worksHint')}
          value={d.works}
          onChange={(e) => set('works', e.currentTarget.value, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'works')}
          autosize
          minRows={3}
          data-testid="observation-works"
        />
        <Textarea
          label={t('benchmark.observations.fails')}
          placeholder={t('benchmark.observations.failsHint')}
          value={d.fails}
          onChange={(e) => set('fails', e.currentTarget.value, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'fails')}
          autosize
          minRows={3}
          data-testid="observation-fails"
        />
      </SimpleGrid>
    </>
  );
}
