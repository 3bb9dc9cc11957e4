// "Plan this period" (step 4): the marketer picks a period (the one on screen by default, from today), the networks,
// the days to avoid and whether to re-run the best published posts; "Preview" asks the planner (`calendar_plan`,
// nothing written) and shows the proposed posts by day, each with its reason and a tick, and the planner's notes;
// "Add N posts" writes the posts ticked as planned drafts in one change, which one undo removes. What the plan
// proposes and why is Rust's (plan.rs); nothing typed is lost on an error, which shows under its field. Loaded on
// demand (the dates library is not needed by any first screen).
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldError, Language, Plan, PlanRequest, ProposedPost } from '../../bindings';
import { fieldErrorText, limitsOf, notifyError, notifySuccess } from '../../errors';
import i18n from '../../i18n';
import { calApi } from './ipc';
import { addDays, dayLabel, dayOf, daysOf, rowName, timeOf, useCal } from './state';

const k = (key: string) => `calendar.plan.${key}`;

/** The words of a field's error code: the planner's own (`calendar.plan.errors.<field>_<code>`), else the common. */
export function planErrorText(e: FieldError): string {
  const key = k(`errors.${e.field}_${e.code}`);
  return i18n.exists(key) ? i18n.t(key, limitsOf(e)) : fieldErrorText(e.code, limitsOf(e));
}

interface Choices {
  from: string | null;
  to: string | null;
  networks: string[];
  avoid: string[];
  recycle: boolean;
  /** Empty: the planner's default. */
  cooldown: number | '';
}

export default function PlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useCal();
  return (
    <Modal opened={opened} onClose={onClose} title={t(k('title'))} size="lg">
      <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
        {/* Mounted while open only: each opening starts from the period on screen. */}
        <PlanForm onClose={onClose} />
      </DatesProvider>
    </Modal>
  );
}

function PlanForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, range, view, lang, actions } = useCal();
  // The networks the planner plans when none is named: those the audit kept whose mission sets posts per week.
  const plannable = useMemo(
    () => view.rows.filter((r) => r.kept && r.posts_per_week !== null && r.posts_per_week > 0),
    [view.rows],
  );
  const [c, setC] = useState<Choices>(() => {
    // The period on screen, from today if it started earlier (as long again if it is over).
    const length = daysOf(range).length;
    const from = range.from < view.today ? view.today : range.from;
    const to = range.to < from ? addDays(from, length - 1) : range.to;
    return { from, to, networks: plannable.map((r) => r.network), avoid: [], recycle: false, cooldown: '' };
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [plan, setPlan] = useState<Plan | null>(null);
  /** The proposed posts ticked, by their place in the plan. */
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  /** The choices changed since the preview shown. */
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<'preview' | 'add' | null>(null);

  const set = (patch: Partial<Choices>) => {
    setC((prev) => ({ ...prev, ...patch }));
    if (plan) setStale(true);
  };
  const errorOf = (...fields: string[]) => {
    const e = errors.find((x) => fields.includes(x.field));
    return e ? planErrorText(e) : undefined;
  };
  /** The errors of no field of the form (the missions of step 3). */
  const general = errors.filter((e) => !['from', 'to', 'networks', 'avoid', 'cooldown_days'].includes(e.field));

  const request = (): PlanRequest => ({
    from: c.from ?? '',
    to: c.to ?? '',
    // All of them, or none picked: the planner's own choice (every network it can plan).
    networks: c.networks.length === plannable.length ? [] : c.networks,
    avoid: [...c.avoid].sort(),
    recycle: c.recycle,
    cooldown_days: c.recycle && c.cooldown !== '' ? c.cooldown : null,
  });

  const failed = (e: ApiError) => {
    if (e.code === 'validation' && e.fields.length > 0) setErrors(e.fields);
    else notifyError(e);
  };

  const preview = async () => {
    const missing: FieldError[] = [
      ...(c.from ? [] : [{ field: 'from', code: 'invalid_date' }]),
      ...(c.to ? [] : [{ field: 'to', code: 'invalid_date' }]),
    ];
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    setBusy('preview');
    try {
      const out = await calApi.plan(strategyId, request());
      setErrors([]);
      setPlan(out);
      setTicked(new Set(out.posts.map((_, i) => i)));
      setStale(false);
    } catch (e) {
      failed(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  const add = async () => {
    if (!plan) return;
    const kept = plan.posts.filter((_, i) => ticked.has(i));
    setBusy('add');
    try {
      const saved = await actions.acceptPlan(kept);
      notifySuccess(t(k('added'), { count: saved.length }));
      onClose();
    } catch (e) {
      failed(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  const toggle = (i: number, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (busy === null) void preview();
      }}
      noValidate
      data-testid="plan-modal"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(k('intro'))}
        </Text>
        {general.length > 0 && (
          <Alert color="red" icon={<IconInfoCircle size={18} />} data-testid="plan-error">
            {general.map((e) => (
              <Text size="sm" key={`${e.field}-${e.code}`}>
                {planErrorText(e)}
              </Text>
            ))}
          </Alert>
        )}
        <Group grow align="flex-start">
          <DatePickerInput
            label={t(k('from'))}
            valueFormat="LL"
            value={c.from}
            onChange={(v) => set({ from: v ? String(v) : null })}
            error={errorOf('from')}
            data-testid="plan-from"
            errorProps={{ 'data-testid': 'plan-from-error' }}
          />
          <DatePickerInput
            label={t(k('to'))}
            valueFormat="LL"
            value={c.to}
            onChange={(v) => set({ to: v ? String(v) : null })}
            error={errorOf('to')}
            data-testid="plan-to"
            errorProps={{ 'data-testid': 'plan-to-error' }}
          />
        </Group>
        <Text size="xs" c="dimmed" mt={-8}>
          {t(k('fromHint'))}
        </Text>
        <MultiSelect
          label={t(k('networks'))}
          placeholder={c.networks.length === 0 ? t(k('networksAll')) : undefined}
          data={plannable.map((r) => ({ value: r.network, label: r.name }))}
          value={c.networks}
          onChange={(networks) => set({ networks })}
          error={errorOf('networks')}
          data-testid="plan-networks"
          errorProps={{ 'data-testid': 'plan-networks-error' }}
        />
        <DatePickerInput
          type="multiple"
          label={t(k('avoid'))}
          description={t(k('avoidHint'))}
          placeholder={t(k('avoidPlaceholder'))}
          valueFormat="D MMM"
          value={c.avoid}
          onChange={(v) => set({ avoid: v.map(String) })}
          // Opens on the period's first month; days outside the period change nothing.
          defaultDate={c.from ?? view.today}
          minDate={c.from ?? undefined}
          maxDate={c.to ?? undefined}
          clearable
          clearButtonProps={{ 'aria-label': t(k('clear')) }}
          error={errorOf('avoid')}
          data-testid="plan-avoid"
          errorProps={{ 'data-testid': 'plan-avoid-error' }}
        />
        <Group align="flex-end" gap="md">
          <Switch
            label={t(k('recycle'))}
            description={t(k('recycleHint'))}
            checked={c.recycle}
            onChange={(e) => set({ recycle: e.currentTarget.checked })}
            data-testid="plan-recycle"
            style={{ flex: 1 }}
          />
          {c.recycle && (
            <NumberInput
              label={t(k('cooldown'))}
              value={c.cooldown}
              onChange={(v) => set({ cooldown: typeof v === 'number' ? v : '' })}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              w={180}
              error={errorOf('cooldown_days')}
              data-testid="plan-cooldown"
            />
          )}
        </Group>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant={plan && !stale ? 'default' : 'filled'}
            loading={busy === 'preview'}
            data-testid="plan-preview"
          >
            {t(k(plan ? 'previewAgain' : 'preview'))}
          </Button>
        </Group>

        {plan && (
          <PlanPreview
            plan={plan}
            ticked={ticked}
            onToggle={toggle}
            onTickAll={(on) => setTicked(new Set(on ? plan.posts.map((_, i) => i) : []))}
            lang={lang}
          />
        )}
        {plan && stale && (
          <Text size="sm" c="orange" data-testid="plan-stale">
            {t(k('stale'))}
          </Text>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {plan && plan.posts.length > 0 && (
            <Button
              onClick={() => void add()}
              loading={busy === 'add'}
              disabled={ticked.size === 0 || stale || busy !== null}
              data-testid="plan-add"
            >
              {t(k('add'), { count: ticked.size })}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function PlanPreview({ plan, ticked, onToggle, onTickAll, lang }: {
  plan: Plan;
  ticked: ReadonlySet<number>;
  onToggle: (i: number, on: boolean) => void;
  onTickAll: (on: boolean) => void;
  lang: Language;
}) {
  const { t } = useTranslation();
  const { view } = useCal();
  // By day, in the plan's order (by date and time, then network); each post keeps its place in the plan.
  const days = useMemo(() => {
    const out = new Map<string, { post: ProposedPost; i: number }[]>();
    plan.posts.forEach((post, i) => {
      const day = post.scheduled_at ? dayOf(post.scheduled_at) : '';
      out.set(day, [...(out.get(day) ?? []), { post, i }]);
    });
    return [...out.entries()];
  }, [plan.posts]);
  const all = ticked.size === plan.posts.length;

  return (
    <Stack gap="sm" data-testid="plan-preview-result">
      {plan.posts.length === 0 ? (
        <Alert color="yellow" data-testid="plan-empty">
          {t(k('empty'))}
        </Alert>
      ) : (
        <Group justify="space-between">
          <Text fw={600} size="sm" data-testid="plan-count">
            {t(k('proposed'), { count: plan.posts.length })}
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={() => onTickAll(!all)} data-testid="plan-tick-all">
            {t(k(all ? 'untickAll' : 'tickAll'))}
          </Anchor>
        </Group>
      )}
      {days.map(([day, posts]) => (
        <Paper key={day} withBorder p="sm" radius="md" data-testid={`plan-day-${day}`}>
          <Title order={5} mb={6}>
            {day ? dayLabel(day, lang, true) : '—'}
          </Title>
          <Stack gap={8}>
            {posts.map(({ post, i }) => (
              <Checkbox
                key={i}
                checked={ticked.has(i)}
                onChange={(e) => onToggle(i, e.currentTarget.checked)}
                data-testid={`plan-post-${i}`}
                label={t(k('postLabel'), {
                  time: post.scheduled_at ? timeOf(post.scheduled_at) : '',
                  network: rowName(view, post.network),
                  title: post.title,
                })}
                description={
                  <>
                    {post.pillar ? t(`calendar.pillars.${post.pillar}`) : t(k('noPillar'))}
                    {' — '}
                    {post.reason[lang]}
                    {post.recycled_from && (
                      <>
                        {' — '}
                        {t(k('mark.recycled'), { day: dayLabel(post.recycled_from, lang, true) })}
                      </>
                    )}
                  </>
                }
              />
            ))}
          </Stack>
        </Paper>
      ))}
      {plan.notes.length > 0 && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} title={t(k('notes'))} data-testid="plan-notes">
          <List size="sm" spacing={4}>
            {plan.notes.map((n) => (
              <List.Item key={n.en}>{n[lang]}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
