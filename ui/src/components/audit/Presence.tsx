// Part 2 of the audit: "not on social media yet", the networks to audit (the catalogue plus the strategy's own),
// and one card per selected network describing the brand's presence there.
import { type FormEvent, useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  NumberInput,
  Paper,
  Rating,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type NumberDraft, parseNumber, useAutosave } from '../../autosave';
import type {
  ApiError,
  AuditView,
  ContentFormat,
  CustomNetworkInput,
  Decision,
  FieldError,
  FormatRating,
  Network,
  NetworkKind,
  Presence,
} from '../../bindings';
import { api } from '../../ipc';
import { DateField } from '../common/DateField';
import { Question } from '../StepFrame';
import { networkName, scrollIntoView } from './parts';
import { errorOf, useAuditCtx } from './state';

const KINDS: readonly NetworkKind[] = ['social', 'owned'];
const ALL_FORMATS: readonly ContentFormat[] = ['photo', 'video', 'carousel', 'text', 'link', 'story', 'live', 'short_video'];
const DECISIONS: readonly (Decision | 'none')[] = ['none', 'keep', 'improve', 'drop'];

export function PresenceSection() {
  const { t } = useTranslation();
  const { audit, strategyId, tracker } = useAuditCtx();
  // The switch answers at once; the backend's answer confirms it.
  const [firstTimer, setFirstTimer] = useState<boolean | null>(null);
  const shownFirstTimer = firstTimer ?? audit.not_on_social_yet;

  const toggleFirstTimer = (on: boolean) => {
    setFirstTimer(on);
    tracker
      .run('options', () => api.auditSetOptions(strategyId, on, audit.stale_after_days))
      .catch(() => undefined)
      .finally(() => setFirstTimer(null));
  };

  const selected = audit.networks.filter((n) => audit.selected.includes(n.key));

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Switch
          size="md"
          label={t('audit.presence.firstTimer')}
          description={t('audit.presence.firstTimerHelp')}
          checked={shownFirstTimer}
          onChange={(e) => toggleFirstTimer(e.currentTarget.checked)}
          data-testid="first-timer"
        />
        {shownFirstTimer && (
          <Alert variant="light" icon={<IconInfoCircle size={18} />} data-testid="first-timer-note">
            {t('audit.presence.firstTimerOn')}
          </Alert>
        )}
      </Stack>

      <NetworkPicker />

      {!shownFirstTimer && (
        <Stack gap="md">
          <Question
            title={t('audit.presence.cardsQuestion')}
            help={t('audit.presence.cardsHelp')}
            example={t('audit.presence.cardsExample')}
          />
          <StaleAfter />
          {selected.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('audit.presence.noneSelected')}
            </Text>
          ) : (
            selected.map((n) => <PresenceCard key={n.key} network={n} />)
          )}
        </Stack>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function NetworkPicker() {
  const { t } = useTranslation();
  const { audit, strategyId, tracker } = useAuditCtx();
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [adding, setAdding] = useState(false);

  const isSelected = (key: string) => pending[key] ?? audit.selected.includes(key);
  const toggle = (key: string) => {
    const next = !isSelected(key);
    setPending((p) => ({ ...p, [key]: next }));
    tracker
      .run(`select:${key}`, () => api.auditSelectNetwork(strategyId, key, next))
      .catch(() => undefined)
      .finally(() =>
        setPending((p) => {
          const { [key]: _done, ...rest } = p;
          return rest;
        }),
      );
  };
  const confirmRemove = (n: Network) =>
    modals.openConfirmModal({
      title: t('audit.presence.removeTitle'),
      centered: true,
      children: <Text size="sm">{t('audit.presence.removeBody', { name: n.name })}</Text>,
      labels: { confirm: t('audit.presence.removeConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as Record<string, unknown>,
      cancelProps: { 'data-testid': 'cancel-delete' } as Record<string, unknown>,
      onConfirm: () => {
        // The same key as the presence card's autosave: a failed save of a removed network is no longer pending.
        tracker.forget(`${strategyId}:presence:${n.key}`);
        tracker.run(`network-delete:${n.key}`, () => api.auditDeleteNetwork(strategyId, n.key)).catch(() => undefined);
      },
    });

  return (
    <Stack gap="md">
      <Question
        title={t('audit.presence.networksQuestion')}
        help={t('audit.presence.networksHelp')}
        example={t('audit.presence.networksExample')}
      />
      {KINDS.map((kind) => {
        const list = audit.networks.filter((n) => n.kind === kind);
        if (list.length === 0) return null;
        return (
          <Stack gap={6} key={kind} data-testid={`networks-${kind}`}>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t(`audit.kinds.${kind}`)}
            </Text>
            <Group gap="xs">
              {list.map((n) => {
                const on = isSelected(n.key);
                const name = networkName(audit.networks, n.key);
                return (
                  <Group key={n.key} gap={0} wrap="nowrap">
                    <Button
                      size="xs"
                      radius="xl"
                      variant={on ? 'filled' : 'default'}
                      leftSection={on ? <IconCheck size={14} /> : null}
                      aria-pressed={on}
                      data-selected={on ? 'true' : 'false'}
                      data-testid={`network-${n.key}`}
                      onClick={() => toggle(n.key)}
                    >
                      {name}
                      {n.custom && (
                        <Badge size="xs" variant="white" ml={6} color="gray">
                          {t('audit.presence.custom')}
                        </Badge>
                      )}
                    </Button>
                    {n.custom && (
                      <Tooltip label={t('audit.presence.removeNetwork', { name })}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="sm"
                          aria-label={t('audit.presence.removeNetwork', { name })}
                          data-testid={`network-remove-${n.key}`}
                          onClick={() => confirmRemove(n)}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                );
              })}
            </Group>
          </Stack>
        );
      })}
      {adding ? (
        <AddNetworkForm onDone={() => setAdding(false)} />
      ) : (
        <Group>
          <Button
            variant="subtle"
            size="sm"
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            data-testid="network-add"
          >
            {t('audit.presence.addNetwork')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AddNetworkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useAuditCtx();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<NetworkKind>('social');
  const [maxLength, setMaxLength] = useState<NumberDraft>('');
  const [formats, setFormats] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const max = parseNumber(maxLength);
    if (!max.ok) {
      setErrors([{ field: 'max_length', code: 'not_a_number' }]);
      return;
    }
    const input: CustomNetworkInput = {
      name,
      kind,
      max_length: max.value,
      formats: ALL_FORMATS.filter((f) => formats.includes(f)),
    };
    setSaving(true);
    tracker.run('network-add', () => api.auditAddNetwork(strategyId, input)).then(
      () => onDone(),
      (err: ApiError) => {
        setSaving(false);
        setErrors(err.code === 'validation' ? err.fields : []);
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} data-testid="network-add-form">
      <Stack gap="sm">
        <Title order={5}>{t('audit.presence.addNetwork')}</Title>
        <Group grow align="flex-start">
          <TextInput
            label={t('audit.presence.addName')}
            placeholder={t('audit.presence.addNameHint')}
            withAsterisk
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorOf(errors, 'name', 'network')}
            data-testid="network-add-name"
          />
          <NumberInput
            label={t('audit.presence.addMaxLength')}
            description={t('audit.presence.addMaxLengthHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowDecimal={false}
            allowNegative={false}
            value={maxLength}
            onChange={setMaxLength}
            error={errorOf(errors, 'max_length')}
            data-testid="network-add-max_length"
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('audit.presence.addKind')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as NetworkKind)}
            aria-label={t('audit.presence.addKind')}
            data-testid="network-add-kind"
            data={KINDS.map((k) => ({
              value: k,
              label: <span data-testid={`network-add-kind-${k}`}>{t(`audit.kind.${k}`)}</span>,
            }))}
          />
        </Stack>
        <Checkbox.Group label={t('audit.presence.addFormats')} value={formats} onChange={setFormats}>
          <Group gap="md" mt={6}>
            {ALL_FORMATS.map((f) => (
              <Checkbox key={f} value={f} label={t(`audit.formats.${f}`)} data-testid={`network-add-format-${f}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="network-add-submit">
            {t('audit.presence.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function StaleAfter() {
  const { t } = useTranslation();
  const { audit, strategyId, tracker } = useAuditCtx();
  const s = useAutosave<NumberDraft, AuditView>({
    key: `${strategyId}:stale_after_days`,
    initial: () => audit.stale_after_days,
    send: (v) => {
      const n = parseNumber(v);
      if (!n.ok || n.value == null) return null;
      const days = n.value;
      return api.auditSetOptions(strategyId, audit.not_on_social_yet, days);
    },
    tracker,
  });
  return (
    <NumberInput
      label={t('audit.presence.staleAfter')}
      description={t('audit.presence.staleAfterHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      allowDecimal={false}
      maw={520}
      value={s.draft}
      onChange={(v) => s.change(v, 'debounce')}
      onBlur={s.flush}
      error={errorOf(s.errors, 'stale_after_days')}
      data-testid="stale-after-days"
    />
  );
}

// ---------------------------------------------------------------------------------------------------------------

interface PresenceDraft {
  handle: string;
  owner: string;
  active: boolean;
  followers: NumberDraft;
  posts_per_week: NumberDraft;
  likes_per_post: NumberDraft;
  comments_per_post: NumberDraft;
  shares_per_post: NumberDraft;
  engagement_rate: NumberDraft;
  who_interacts: string;
  best_times: string;
  last_post_on: string;
  decision: Decision | null;
  formats: FormatRating[];
}

type NumberField = 'followers' | 'posts_per_week' | 'likes_per_post' | 'comments_per_post' | 'shares_per_post' | 'engagement_rate';
const NUMBER_FIELDS: readonly NumberField[] = [
  'followers',
  'posts_per_week',
  'likes_per_post',
  'comments_per_post',
  'shares_per_post',
  'engagement_rate',
];

function toDraft(p: Presence | undefined): PresenceDraft {
  return {
    handle: p?.handle ?? '',
    owner: p?.owner ?? '',
    // No account until the brand says it has one there.
    active: p?.active ?? false,
    followers: p?.followers ?? '',
    posts_per_week: p?.posts_per_week ?? '',
    likes_per_post: p?.likes_per_post ?? '',
    comments_per_post: p?.comments_per_post ?? '',
    shares_per_post: p?.shares_per_post ?? '',
    engagement_rate: p?.engagement_rate ?? '',
    who_interacts: p?.who_interacts ?? '',
    best_times: p?.best_times ?? '',
    last_post_on: p?.last_post_on ?? '',
    decision: p?.decision ?? null,
    formats: p?.formats ?? [],
  };
}

/** The presence to send, or null while a number cannot be read yet (e.g. a lone "-"). */
function fromDraft(network: string, d: PresenceDraft): Presence | null {
  const numbers = {} as Record<NumberField, number | null>;
  for (const f of NUMBER_FIELDS) {
    const n = parseNumber(d[f]);
    if (!n.ok) return null;
    numbers[f] = n.value;
  }
  return {
    network,
    handle: d.handle,
    owner: d.owner,
    active: d.active,
    ...numbers,
    who_interacts: d.who_interacts,
    best_times: d.best_times,
    last_post_on: d.last_post_on.trim() === '' ? null : d.last_post_on.trim(),
    decision: d.decision,
    formats: d.formats,
  };
}

function PresenceCard({ network }: { network: Network }) {
  const { t } = useTranslation();
  const { audit, strategyId, tracker, focus } = useAuditCtx();
  const key = network.key;
  const s = useAutosave<PresenceDraft, AuditView>({
    key: `${strategyId}:presence:${key}`,
    initial: () => toDraft(audit.presences.find((p) => p.network === key)),
    send: (d) => {
      const presence = fromDraft(key, d);
      return presence && api.presenceSave(strategyId, presence);
    },
    tracker,
  });
  const d = s.draft;
  const highlighted = focus?.section === 'presence' && focus.network === key;
  useEffect(() => {
    if (highlighted) scrollIntoView(`presence-${key}`);
  }, [highlighted, key]);

  const set = <K extends keyof PresenceDraft>(field: K, value: PresenceDraft[K], mode: 'debounce' | 'now') =>
    s.change({ ...d, [field]: value }, mode);
  const tid = (field: string) => `presence-${key}-${field}`;
  const text = (field: 'handle' | 'owner' | 'best_times', label: string, hint: string) => (
    <TextInput
      label={label}
      placeholder={hint}
      value={d[field]}
      onChange={(e) => set(field, e.currentTarget.value, 'debounce')}
      onBlur={s.flush}
      error={errorOf(s.errors, field)}
      data-testid={tid(field)}
    />
  );
  const num = (field: NumberField, label: string, opts: { hint?: string; integer?: boolean; suffix?: string } = {}) => (
    <NumberInput
      label={label}
      description={opts.hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      allowDecimal={!opts.integer}
      suffix={opts.suffix}
      value={d[field]}
      onChange={(v) => set(field, v, 'debounce')}
      onBlur={s.flush}
      error={errorOf(s.errors, field)}
      data-testid={tid(field)}
    />
  );
  const rating = (f: ContentFormat) => d.formats.find((r) => r.format === f)?.rating ?? 0;
  const setRating = (f: ContentFormat, value: number) => {
    const others = d.formats.filter((r) => r.format !== f);
    const next = value > 0 ? [...others, { format: f, rating: value }] : others;
    const order = (x: FormatRating) => ALL_FORMATS.indexOf(x.format);
    set('formats', next.sort((a, b) => order(a) - order(b)), 'now');
  };
  const formatsError = errorOf(s.errors, 'formats');

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      id={`presence-${key}`}
      data-testid={`presence-${key}`}
      data-highlighted={highlighted ? 'true' : undefined}
      style={
        highlighted
          ? { outline: '3px solid var(--mantine-primary-color-filled)', transition: 'outline-color 0.3s' }
          : undefined
      }
    >
      <Group justify="space-between" mb="md">
        <Title order={4}>{networkName(audit.networks, key)}</Title>
        <Switch
          label={t('audit.presence.active')}
          checked={d.active}
          onChange={(e) => set('active', e.currentTarget.checked, 'now')}
          data-testid={tid('active')}
        />
      </Group>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('handle', t('audit.presence.handle'), t('audit.presence.handleHint'))}
          {text('owner', t('audit.presence.owner'), t('audit.presence.ownerHint'))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {num('followers', t('audit.presence.followers'), { integer: true })}
          {num('posts_per_week', t('audit.presence.postsPerWeek'))}
          <DateField
            label={t('audit.presence.lastPost')}
            value={d.last_post_on}
            onChange={(v) => set('last_post_on', v, 'now')}
            onBlur={s.flush}
            error={errorOf(s.errors, 'last_post_on')}
            testId={tid('last_post_on')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {num('likes_per_post', t('audit.presence.likes'), { hint: t('audit.presence.interactionsHint') })}
          {num('comments_per_post', t('audit.presence.comments'), { hint: t('audit.presence.interactionsHint') })}
          {num('shares_per_post', t('audit.presence.shares'), { hint: t('audit.presence.interactionsHint') })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {num('engagement_rate', t('audit.presence.engagementRate'), { hint: t('audit.presence.engagementRateHint') })}
        </SimpleGrid>
        <Textarea
          label={t('audit.presence.whoInteracts')}
          placeholder={t('audit.presence.whoInteractsHint')}
          autosize
          minRows={1}
          value={d.who_interacts}
          onChange={(e) => set('who_interacts', e.currentTarget.value, 'debounce')}
          onBlur={s.flush}
          error={errorOf(s.errors, 'who_interacts')}
          data-testid={tid('who_interacts')}
        />
        {text('best_times', t('audit.presence.bestTimes'), t('audit.presence.bestTimesHint'))}
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('audit.presence.formats')}
          </Text>
          {network.formats.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('audit.presence.formatsNone')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
              {network.formats.map((f) => {
                const label = t(`audit.formats.${f}`);
                const value = rating(f);
                return (
                  <Group key={f} gap="xs" wrap="nowrap" data-testid={tid(`format-${f}`)} data-rating={value}>
                    <Text size="sm" w={110} id={`${tid(`format-${f}`)}-label`}>
                      {label}
                    </Text>
                    <Rating
                      value={value}
                      onChange={(v) => setRating(f, v)}
                      aria-labelledby={`${tid(`format-${f}`)}-label`}
                    />
                    {value > 0 && (
                      <CloseButton
                        size="sm"
                        aria-label={t('audit.presence.clearRating', { format: label })}
                        onClick={() => setRating(f, 0)}
                      />
                    )}
                  </Group>
                );
              })}
            </SimpleGrid>
          )}
          {formatsError && (
            <Text size="sm" c="red">
              {formatsError}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${tid('decision')}-label`}>
            {t('audit.presence.decision')}
          </Text>
          <SegmentedControl
            value={d.decision ?? 'none'}
            onChange={(v) => set('decision', v === 'none' ? null : (v as Decision), 'now')}
            aria-labelledby={`${tid('decision')}-label`}
            data-testid={tid('decision')}
            data={DECISIONS.map((x) => ({
              value: x,
              label: <span data-testid={tid(`decision-${x}`)}>{t(`audit.decisions.${x}`)}</span>,
            }))}
          />
        </Stack>
      </Stack>
    </Paper>
  );
}
