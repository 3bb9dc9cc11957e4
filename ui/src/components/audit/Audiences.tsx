// Part 1 of the audit: the audiences (personas), how much each uses each network, and the audience × network map.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
  useComputedColorScheme,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type NumberDraft, parseNumber, useAutosave } from '../../autosave';
import type {
  ApiError,
  Audit,
  AudienceType,
  AuditView,
  FieldError,
  Persona,
  PersonaInput,
  UsageLevel,
} from '../../bindings';
import { api } from '../../ipc';
import { Question } from '../StepFrame';
import { HEATMAP_SCALE } from './heatmap';
import { networkName, scrollIntoView } from './parts';
import { errorOf, useAuditCtx } from './state';

export const LEVELS: readonly UsageLevel[] = ['none', 'low', 'medium', 'high'];
const AUDIENCE_TYPES: readonly AudienceType[] = ['b2c', 'b2b'];

interface PersonaDraft {
  name: string;
  description: string;
  audience_type: AudienceType;
  age_min: NumberDraft;
  age_max: NumberDraft;
  usage: Record<string, UsageLevel>;
}

/** The persona form being filled in, per strategy, so that it survives switching parts. */
const openForms = new Map<number, { personaId: number | null; draft: PersonaDraft; errors: FieldError[] }>();

function draftOf(p: Persona | null): PersonaDraft {
  return {
    name: p?.name ?? '',
    description: p?.description ?? '',
    audience_type: p?.audience_type ?? 'b2c',
    age_min: p?.age_min ?? '',
    age_max: p?.age_max ?? '',
    usage: Object.fromEntries((p?.usage ?? []).map((u) => [u.network, u.level])),
  };
}

function levelOf(p: Persona, network: string): UsageLevel {
  return p.usage.find((u) => u.network === network)?.level ?? 'none';
}

/** The networks whose usage is asked: the selected ones; for first-timers, every social network as well, since the
 *  candidate networks come from the audiences. */
function usageNetworks(audit: Audit, extra: readonly string[] = []): string[] {
  const wanted = new Set([...audit.selected, ...extra]);
  return audit.networks
    .filter((n) => wanted.has(n.key) || (audit.not_on_social_yet && n.kind === 'social'))
    .map((n) => n.key);
}

export function Audiences() {
  const { t } = useTranslation();
  const { audit, strategyId, tracker } = useAuditCtx();
  const [form, setForm] = useState(() => openForms.get(strategyId) ?? null);

  const openForm = (p: Persona | null) => {
    const f = { personaId: p?.id ?? null, draft: draftOf(p), errors: [] };
    openForms.set(strategyId, f);
    setForm(f);
    scrollIntoView('persona-form');
  };
  const closeForm = () => {
    openForms.delete(strategyId);
    // A new persona not added is given up; an existing one's waiting change is sent as its form goes.
    if (form?.personaId == null) tracker.forget('persona:new');
    setForm(null);
  };

  const confirmDelete = (p: Persona) =>
    modals.openConfirmModal({
      title: t('audit.audiences.deleteTitle'),
      centered: true,
      children: <Text size="sm">{t('audit.audiences.deleteBody', { name: p.name })}</Text>,
      labels: { confirm: t('audit.audiences.deleteConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as Record<string, unknown>,
      cancelProps: { 'data-testid': 'cancel-delete' } as Record<string, unknown>,
      onConfirm: () => {
        if (form?.personaId === p.id) closeForm();
        tracker.run(`persona-delete:${p.id}`, () => api.personaDelete(strategyId, p.id)).catch(() => undefined);
      },
    });

  return (
    <Stack gap="lg">
      <Question
        title={t('audit.audiences.question')}
        help={t('audit.audiences.help')}
        example={t('audit.audiences.example')}
      />

      {audit.personas.length === 0 && !form && (
        <Text c="dimmed" data-testid="persona-empty">
          {t('audit.audiences.empty')}
        </Text>
      )}
      {audit.personas.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {audit.personas.map((p) => (
            <PersonaCard
              key={p.id}
              persona={p}
              onEdit={() => openForm(p)}
              onDelete={() => confirmDelete(p)}
              editing={form?.personaId === p.id}
            />
          ))}
        </SimpleGrid>
      )}

      {form ? (
        <PersonaForm key={form.personaId ?? 'new'} initial={form} onClose={closeForm} />
      ) : (
        <Group>
          <Button leftSection={<IconPlus size={18} />} variant="light" onClick={() => openForm(null)} data-testid="persona-add">
            {t('audit.audiences.add')}
          </Button>
        </Group>
      )}

      <Heatmap />
    </Stack>
  );
}

function ageText(p: Persona, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  if (p.age_min != null && p.age_max != null) return t('audit.audiences.ages', { min: p.age_min, max: p.age_max });
  if (p.age_min != null) return t('audit.audiences.agesFrom', { min: p.age_min });
  if (p.age_max != null) return t('audit.audiences.agesTo', { max: p.age_max });
  return null;
}

function PersonaCard({
  persona,
  onEdit,
  onDelete,
  editing,
}: {
  persona: Persona;
  onEdit: () => void;
  onDelete: () => void;
  editing: boolean;
}) {
  const { t } = useTranslation();
  const { audit } = useAuditCtx();
  const ages = ageText(persona, t);
  const used = persona.usage.filter((u) => u.level !== 'none');
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid="persona-card"
      data-persona-id={persona.id}
      style={editing ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={700} data-testid="persona-name-text" lineClamp={1}>
            {persona.name}
          </Text>
          <Group gap={6}>
            <Badge variant="light" size="sm">
              {t(`audit.audienceTypes.${persona.audience_type}`)}
            </Badge>
            {ages && (
              <Text size="sm" c="dimmed">
                {ages}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('audit.audiences.edit', { name: persona.name })}>
            <ActionIcon
              variant="subtle"
              aria-label={t('audit.audiences.edit', { name: persona.name })}
              onClick={onEdit}
              data-testid="persona-edit"
            >
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('audit.audiences.delete', { name: persona.name })}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('audit.audiences.delete', { name: persona.name })}
              onClick={onDelete}
              data-testid="persona-delete"
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {persona.description && (
        <Text size="sm" mt="xs" lineClamp={3}>
          {persona.description}
        </Text>
      )}
      {used.length > 0 && (
        <Group gap={6} mt="xs">
          {used.map((u) => (
            <Badge key={u.network} variant="outline" size="sm" color={u.level === 'high' ? 'teal' : 'gray'}>
              {networkName(audit.networks, u.network)} · {t(`audit.levels.${u.level}`)}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}

type FormState = { personaId: number | null; draft: PersonaDraft; errors: FieldError[] };

function PersonaForm({ initial, onClose }: { initial: FormState; onClose: () => void }) {
  const { audit } = useAuditCtx();
  if (initial.personaId == null) return <PersonaCreateForm initial={initial} onClose={onClose} />;
  const persona = audit.personas.find((p) => p.id === initial.personaId);
  return persona ? <PersonaEditForm persona={persona} onClose={onClose} /> : null;
}

/** The persona to send, or `null` when an age cannot be sent as it is; the networks no longer known are left out. */
function personaInput(draft: PersonaDraft, audit: Audit): PersonaInput | null {
  const min = parseNumber(draft.age_min);
  const max = parseNumber(draft.age_max);
  if (!min.ok || !max.ok) return null;
  const known = new Set(audit.networks.map((n) => n.key));
  return {
    name: draft.name,
    description: draft.description,
    audience_type: draft.audience_type,
    age_min: min.value,
    age_max: max.value,
    usage: Object.entries(draft.usage)
      .filter(([network]) => known.has(network))
      .map(([network, level]) => ({ network, level })),
  };
}

/** A new persona: it exists once it has a name, so it is added with a button. */
function PersonaCreateForm({ initial, onClose }: { initial: FormState; onClose: () => void }) {
  const { t } = useTranslation();
  const { audit, strategyId, tracker } = useAuditCtx();
  const [draft, setDraft] = useState(initial.draft);
  const [errors, setErrors] = useState<FieldError[]>(initial.errors);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // Keep what is typed if the user switches parts before adding it.
    if (openForms.has(strategyId)) openForms.set(strategyId, { personaId: null, draft, errors });
  }, [strategyId, draft, errors]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = personaInput(draft, audit);
    if (!input) {
      const local: FieldError[] = [];
      if (!parseNumber(draft.age_min).ok) local.push({ field: 'age_min', code: 'not_a_number' });
      if (!parseNumber(draft.age_max).ok) local.push({ field: 'age_max', code: 'not_a_number' });
      setErrors(local);
      return;
    }
    setSaving(true);
    tracker
      .run('persona:new', () => api.personaSave(strategyId, null, input))
      .then(
        () => onClose(),
        (err: ApiError) => {
          setSaving(false);
          setErrors(err.code === 'validation' ? err.fields : []);
        },
      );
  };

  return (
    <Paper withBorder p="lg" radius="md" id="persona-form" data-testid="persona-form" component="form" onSubmit={submit}>
      <Title order={4} mb="md">
        {t('audit.audiences.newTitle')}
      </Title>
      <Stack gap="md">
        <PersonaFields
          draft={draft}
          errors={errors}
          set={(k, v) => setDraft((d) => ({ ...d, [k]: v }))}
          onBlur={() => undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="persona-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="persona-save">
            {t('audit.audiences.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** An existing persona: every change saves itself, after a pause in typing or on blur; a wrong value shows its
 *  error inline and stays as typed. */
function PersonaEditForm({ persona, onClose }: { persona: Persona; onClose: () => void }) {
  const { t } = useTranslation();
  const { audit, strategyId, tracker } = useAuditCtx();
  const s = useAutosave<PersonaDraft, AuditView>({
    key: `${strategyId}:persona:${persona.id}`,
    initial: () => draftOf(persona),
    send: (draft) => {
      const input = personaInput(draft, audit);
      return input ? api.personaSave(strategyId, persona.id, input) : null;
    },
    tracker,
  });

  return (
    <Paper withBorder p="lg" radius="md" id="persona-form" data-testid="persona-form">
      <Title order={4} mb="md">
        {t('audit.audiences.editTitle', { name: persona.name })}
      </Title>
      <Stack gap="md">
        <PersonaFields
          draft={s.draft}
          errors={s.errors}
          set={(k, v, mode) => s.change({ ...s.draft, [k]: v }, mode)}
          onBlur={() => void s.flush()}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="persona-close">
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PersonaFields({
  draft,
  errors,
  set,
  onBlur,
}: {
  draft: PersonaDraft;
  errors: FieldError[];
  set: <K extends keyof PersonaDraft>(k: K, v: PersonaDraft[K], mode: 'debounce' | 'now') => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const { audit } = useAuditCtx();
  const networks = usageNetworks(audit, Object.keys(draft.usage));
  const usageError = errorOf(errors, 'network');
  return (
    <>
      <TextInput
        label={t('audit.audiences.name')}
        placeholder={t('audit.audiences.nameHint')}
        withAsterisk
        data-autofocus
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'name', 'persona')}
        data-testid="persona-name"
      />
      <Textarea
        label={t('audit.audiences.description')}
        placeholder={t('audit.audiences.descriptionHint')}
        autosize
        minRows={2}
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'description')}
        data-testid="persona-description"
      />
      <Group grow align="flex-start">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('audit.audiences.type')}
          </Text>
          <SegmentedControl
            value={draft.audience_type}
            onChange={(v) => set('audience_type', v as AudienceType, 'now')}
            data-testid="persona-type"
            aria-label={t('audit.audiences.type')}
            data={AUDIENCE_TYPES.map((a) => ({
              value: a,
              label: <span data-testid={`persona-type-${a}`}>{t(`audit.audienceTypes.${a}`)}</span>,
            }))}
          />
          <Text size="xs" c="dimmed">
            {t('audit.audiences.typeHint')}
          </Text>
        </Stack>
        <NumberInput
          label={t('audit.audiences.ageMin')}
          placeholder={t('audit.audiences.ageMinHint')}
          allowDecimal={false}
          allowNegative={false}
          value={draft.age_min}
          onChange={(v) => set('age_min', v, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'age_min')}
          data-testid="persona-age_min"
        />
        <NumberInput
          label={t('audit.audiences.ageMax')}
          placeholder={t('audit.audiences.ageMaxHint')}
          allowDecimal={false}
          allowNegative={false}
          value={draft.age_max}
          onChange={(v) => set('age_max', v, 'debounce')}
          onBlur={onBlur}
          error={errorOf(errors, 'age_max')}
          data-testid="persona-age_max"
        />
      </Group>
      <Stack gap="xs">
        <Box>
          <Text size="sm" fw={500}>
            {t('audit.audiences.usage')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('audit.audiences.usageHelp')}
          </Text>
        </Box>
        {networks.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="persona-no-networks">
            {t('audit.audiences.noNetworks')}
          </Text>
        ) : (
          networks.map((key) => (
            <Group key={key} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" id={`persona-usage-label-${key}`}>
                {networkName(audit.networks, key)}
              </Text>
              <SegmentedControl
                size="xs"
                value={draft.usage[key] ?? 'none'}
                onChange={(v) => set('usage', { ...draft.usage, [key]: v as UsageLevel }, 'now')}
                data-testid={`persona-usage-${key}`}
                aria-labelledby={`persona-usage-label-${key}`}
                data={LEVELS.map((l) => ({
                  value: l,
                  label: <span data-testid={`persona-usage-${key}-${l}`}>{t(`audit.levels.${l}`)}</span>,
                }))}
              />
            </Group>
          ))
        )}
        {usageError && (
          <Text size="sm" c="red">
            {usageError}
          </Text>
        )}
      </Stack>
    </>
  );
}

function Heatmap() {
  const { t } = useTranslation();
  const { audit, focus } = useAuditCtx();
  // One scale per scheme: the more use, the more the cell stands out from the page (see heatmap.ts).
  const scale = HEATMAP_SCALE[useComputedColorScheme('light')];
  const columns = useMemo(() => {
    const rated = audit.personas.flatMap((p) => p.usage.filter((u) => u.level !== 'none').map((u) => u.network));
    const extra = audit.not_on_social_yet ? rated : [];
    const wanted = new Set([...audit.selected, ...extra]);
    return audit.networks.filter((n) => wanted.has(n.key)).map((n) => n.key);
  }, [audit]);
  const highlighted = focus?.section === 'audiences' ? focus.network : null;

  useEffect(() => {
    if (highlighted) scrollIntoView('heatmap');
  }, [highlighted]);

  return (
    <Stack gap="xs" id="heatmap">
      <Title order={4}>{t('audit.audiences.heatmap')}</Title>
      <Text size="sm" c="dimmed">
        {t('audit.audiences.heatmapHelp')}
      </Text>
      {audit.personas.length === 0 || columns.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="heatmap-empty">
          {t('audit.audiences.heatmapEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table withTableBorder withColumnBorders data-testid="heatmap" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>{t('audit.audiences.audience')}</Table.Th>
                {columns.map((key) => (
                  <Table.Th
                    key={key}
                    ta="center"
                    data-network={key}
                    data-highlighted={key === highlighted ? 'true' : undefined}
                    style={key === highlighted ? { outline: '2px solid var(--mantine-primary-color-filled)' } : undefined}
                  >
                    {networkName(audit.networks, key)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.personas.map((p) => (
                <Table.Tr key={p.id} data-testid="heatmap-row">
                  <Table.Th scope="row" fw={600}>
                    {p.name}
                  </Table.Th>
                  {columns.map((key) => {
                    const level = levelOf(p, key);
                    const s = scale[level];
                    return (
                      <Table.Td
                        key={key}
                        ta="center"
                        data-network={key}
                        data-level={level}
                        style={{ backgroundColor: s.bg, color: s.c, fontSize: 'var(--mantine-font-size-sm)' }}
                      >
                        {t(`audit.levels.${level}`)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
