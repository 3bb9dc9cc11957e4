// "Plan this period" (step 4): the marketer picks a period (the one on screen by default, from today), the networks,
// the days to avoid and whether to re-run the best published posts; "Show on the calendar" asks the planner
// (`calendar_plan`, nothing written), closes the dialog and puts the calendar in its plan preview (the proposed posts
// as ghost cards on the grid, PlanPreview.tsx), on the period's first day. "Back to the options" opens it again on the
// same options. What the plan proposes and why is Rust's (plan.rs); nothing typed is lost on an error, which shows
// under its field; a plan with nothing to propose says so here, with the planner's notes. Loaded on demand (the dates
// library is not needed by any first screen).
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { useMemo, useState } from 'react';
import { Alert, Button, Group, List, Modal, MultiSelect, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldError, Plan, PlanRequest } from '../../bindings';
import { fieldErrorText, limitsOf, notifyError } from '../../errors';
import i18n from '../../i18n';
import { calApi } from './ipc';
import { addDays, daysOf, useCal, usePlanPreview, type PlanChoices } from './state';

const k = (key: string) => `calendar.plan.${key}`;

/** The words of a field's error code: the planner's own (`calendar.plan.errors.<field>_<code>`), else the common. */
export function planErrorText(e: FieldError): string {
  const key = k(`errors.${e.field}_${e.code}`);
  return i18n.exists(key) ? i18n.t(key, limitsOf(e)) : fieldErrorText(e.code, limitsOf(e));
}

export default function PlanModal({ opened, onClose, choices, onShown }: {
  opened: boolean;
  onClose: () => void;
  /** The options to start from (those of the preview shown, "Back to the options"); else the period on screen. */
  choices?: PlanChoices;
  /** The proposals are on the calendar: show the period from `day`, its first. */
  onShown: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useCal();
  return (
    <Modal opened={opened} onClose={onClose} title={t(k('title'))} size="lg">
      <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
        {/* Mounted while open only: each opening starts from the period on screen (or the preview's options). */}
        <PlanForm onClose={onClose} initial={choices} onShown={onShown} />
      </DatesProvider>
    </Modal>
  );
}

function PlanForm({ onClose, initial, onShown }: {
  onClose: () => void;
  initial: PlanChoices | undefined;
  onShown: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { strategyId, range, view } = useCal();
  const planPreview = usePlanPreview();
  // The networks the planner plans when none is named: those the audit kept whose mission sets posts per week.
  const plannable = useMemo(
    () => view.rows.filter((r) => r.kept && r.posts_per_week !== null && r.posts_per_week > 0),
    [view.rows],
  );
  const [c, setC] = useState<PlanChoices>(() => {
    if (initial) return initial;
    // The period on screen, from today if it started earlier (as long again if it is over).
    const length = daysOf(range).length;
    const from = range.from < view.today ? view.today : range.from;
    const to = range.to < from ? addDays(from, length - 1) : range.to;
    return { from, to, networks: plannable.map((r) => r.network), avoid: [], recycle: false, cooldown: '' };
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  /** A plan that proposes nothing (said here, with its notes). */
  const [empty, setEmpty] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<PlanChoices>) => {
    setC((prev) => ({ ...prev, ...patch }));
    setEmpty(null);
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

  const show = async () => {
    const missing: FieldError[] = [
      ...(c.from ? [] : [{ field: 'from', code: 'invalid_date' }]),
      ...(c.to ? [] : [{ field: 'to', code: 'invalid_date' }]),
    ];
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      const out = await calApi.plan(strategyId, request());
      setErrors([]);
      if (out.posts.length === 0) {
        setEmpty(out);
        return;
      }
      planPreview.show(out, c);
      onClose();
      onShown(c.from ?? out.from);
    } catch (e) {
      failed(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void show();
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
        {empty && (
          <Stack gap="sm" data-testid="plan-result">
            <Alert color="yellow" data-testid="plan-empty">
              {t(k('empty'))}
            </Alert>
            <PlanNotes notes={empty.notes} />
          </Stack>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="plan-show">
            {t(k('show'))}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The planner's notes (what it could not meet, and why), in the language of the UI. */
export function PlanNotes({ notes }: { notes: Plan['notes'] }) {
  const { t } = useTranslation();
  const { lang } = useCal();
  if (notes.length === 0) return null;
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} title={t(k('notes'))} data-testid="plan-notes">
      <List size="sm" spacing={4}>
        {notes.map((n) => (
          <List.Item key={n.en}>{n[lang]}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
