// The export dialog of the calendar (step 4): a format (each with what it is for), a period, networks and statuses,
// and for the CSV formats the separator and the UTF-8 mark. The Rust side asks where to save (a folder for
// Hootsuite, which writes one file per network) and writes the files. The last choices are remembered.
import { useState } from 'react';
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Radio,
  SegmentedControl,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError, Delimiter, ExportFormat, ExportOptions, PostStatus } from '../../bindings';
import { notifyError, notifySuccess } from '../../errors';
import { DateField } from '../common/DateField';
import { calApi } from './ipc';
import { POST_STATUSES, rangeLabel, useCal } from './state';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['cinq-csv', 'google-csv', 'outlook-csv', 'hootsuite', 'sprout', 'ics'];
/** The whole plan first: it is the default (an export is most often the plan to hand over, not the week on screen). */
const PERIODS = ['all', 'screen', 'custom'] as const;
type Period = (typeof PERIODS)[number];
const DELIMITERS: readonly Delimiter[] = ['comma', 'semicolon'];

/** Where the last choices are kept. */
export const EXPORT_STORAGE_KEY = 'cinq.calendar.export';
/** The version of the choices kept. Those of version 1 (no `version`) hold the period on screen as their period
 *  whenever it was never changed, the default then: their period is not read, so that the whole plan is the default
 *  for them too. */
const STORAGE_VERSION = 2;

interface Choices {
  format: ExportFormat;
  period: Period;
  /** The custom dates, `YYYY-MM-DD` (or empty). */
  from: string;
  to: string;
  networks: string[];
  statuses: PostStatus[];
  delimiter: Delimiter;
  bom: boolean;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The remembered choices, each checked (anything odd falls back to its default). */
function loadChoices(defaults: Choices, networks: readonly string[]): Choices {
  let stored: Record<string, unknown> = {};
  try {
    const raw = window.localStorage.getItem(EXPORT_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: the defaults.
  }
  const pick = <T,>(value: unknown, ok: (v: unknown) => v is T, fallback: T): T => (ok(value) ? value : fallback);
  const oneOf =
    <T extends string>(list: readonly T[]) =>
    (v: unknown): v is T =>
      typeof v === 'string' && (list as readonly string[]).includes(v);
  const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  return {
    format: pick(stored.format, oneOf(EXPORT_FORMATS), defaults.format),
    period: stored.version === STORAGE_VERSION ? pick(stored.period, oneOf(PERIODS), defaults.period) : defaults.period,
    from: pick(stored.from, isDay, defaults.from),
    to: pick(stored.to, isDay, defaults.to),
    // A network the strategy no longer shows is left out.
    networks: pick(stored.networks, isStrings, defaults.networks).filter((n) => networks.includes(n)),
    statuses: pick(stored.statuses, isStrings, defaults.statuses).filter((s): s is PostStatus =>
      (POST_STATUSES as readonly string[]).includes(s),
    ),
    delimiter: pick(stored.delimiter, oneOf(DELIMITERS), defaults.delimiter),
    bom: pick(stored.bom, (v): v is boolean => typeof v === 'boolean', defaults.bom),
  };
}

function saveChoices(c: Choices) {
  try {
    window.localStorage.setItem(EXPORT_STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, ...c }));
  } catch {
    // Storage full or blocked: the choices are simply not remembered.
  }
}

/** The name of a written file, without its folder. */
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function ExportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('calendar.transfer.export.title')} size="lg">
      {/* The modal mounts its content while open only: each opening starts from the remembered choices. */}
      <ExportForm onClose={onClose} />
    </Modal>
  );
}

function ExportForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, range, view, lang } = useCal();
  const [c, setC] = useState<Choices>(() =>
    loadChoices(
      {
        format: 'cinq-csv',
        period: 'all',
        from: range.from,
        to: range.to,
        networks: [],
        statuses: [],
        delimiter: lang === 'fr' ? 'semicolon' : 'comma',
        bom: true,
      },
      view.rows.map((r) => r.network),
    ),
  );
  const [running, setRunning] = useState(false);
  const set = (patch: Partial<Choices>) => setC((prev) => ({ ...prev, ...patch }));
  const k = (key: string) => `calendar.transfer.export.${key}`;

  const datesError =
    c.period !== 'custom'
      ? null
      : c.from === '' || c.to === ''
        ? t(k('datesMissing'))
        : c.from > c.to
          ? t(k('datesOrder'))
          : null;
  const csv = c.format !== 'ics';

  const run = async () => {
    const period =
      c.period === 'screen' ? range : c.period === 'custom' ? { from: c.from, to: c.to } : { from: null, to: null };
    const options: ExportOptions = {
      format: c.format,
      from: period.from,
      to: period.to,
      networks: c.networks,
      statuses: c.statuses,
      delimiter: c.delimiter,
      bom: c.bom,
    };
    saveChoices(c);
    setRunning(true);
    try {
      const written = await calApi.export(strategyId, options);
      if (written === null) return; // Cancelled: the dialog stays as it was.
      if (written.length === 0) notifySuccess(t(k('empty')));
      else notifySuccess(t(k('done'), { count: written.length, files: written.map(baseName).join(', ') }));
      onClose();
    } catch (e) {
      notifyError(e as ApiError);
    } finally {
      setRunning(false);
    }
  };

  const segment = (testId: string, text: string) => <span data-testid={testId}>{text}</span>;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!datesError && !running) void run();
      }}
      noValidate
      data-testid="export-modal"
    >
      <Stack gap="md">
        <Radio.Group
          label={t(k('format'))}
          value={c.format}
          onChange={(format) => set({ format: format as ExportFormat })}
          data-testid="export-format"
        >
          <Stack gap={6} mt={6}>
            {EXPORT_FORMATS.map((f) => (
              <Radio.Card key={f} value={f} radius="md" p="sm" data-testid={`export-format-${f}`}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <Stack gap={0}>
                    <Text fw={600} size="sm">
                      {t(k(`formats.${f}.label`))}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(k(`formats.${f}.hint`))}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>

        <Stack gap={6}>
          <Text fw={500} size="sm" id="export-period-label">
            {t(k('period'))}
          </Text>
          <SegmentedControl
            aria-labelledby="export-period-label"
            fullWidth
            value={c.period}
            onChange={(period) => set({ period: period as Period })}
            data={PERIODS.map((p) => ({ value: p, label: segment(`export-period-${p}`, t(k(`periods.${p}`))) }))}
          />
          {c.period === 'screen' && (
            <Text size="xs" c="dimmed">
              {t(k('periodScreenHint'), { period: rangeLabel(range, lang) })}
            </Text>
          )}
          {c.period === 'all' && (
            <Text size="xs" c="dimmed">
              {t(k('periodAllHint'))}
            </Text>
          )}
          {c.period === 'custom' && (
            <Stack gap={4}>
              <Group grow align="flex-start">
                <DateField
                  label={t(k('from'))}
                  value={c.from}
                  onChange={(from) => set({ from })}
                  testId="export-from"
                />
                <DateField
                  label={t(k('to'))}
                  value={c.to}
                  onChange={(to) => set({ to })}
                  testId="export-to"
                />
              </Group>
              {datesError && (
                <Text size="xs" c="red" role="alert" data-testid="export-dates-error">
                  {datesError}
                </Text>
              )}
            </Stack>
          )}
        </Stack>

        <MultiSelect
          label={t(k('networks'))}
          placeholder={c.networks.length === 0 ? t(k('networksAll')) : undefined}
          data={view.rows.map((r) => ({ value: r.network, label: r.name }))}
          value={c.networks}
          onChange={(networks) => set({ networks })}
          clearable
          data-testid="export-networks"
        />
        <MultiSelect
          label={t(k('statuses'))}
          placeholder={c.statuses.length === 0 ? t(k('statusesAll')) : undefined}
          data={POST_STATUSES.map((s) => ({ value: s, label: t(`calendar.status.${s}`) }))}
          value={c.statuses}
          onChange={(statuses) => set({ statuses: statuses as PostStatus[] })}
          clearable
          data-testid="export-statuses"
        />

        {csv && (
          <>
            <Stack gap={6}>
              <Text fw={500} size="sm" id="export-delimiter-label">
                {t(k('delimiter'))}
              </Text>
              <SegmentedControl
                aria-labelledby="export-delimiter-label"
                fullWidth
                value={c.delimiter}
                onChange={(delimiter) => set({ delimiter: delimiter as Delimiter })}
                data={DELIMITERS.map((d) => ({
                  value: d,
                  label: segment(`export-delimiter-${d}`, t(k(`delimiters.${d}`))),
                }))}
                data-testid="export-delimiter"
              />
              <Text size="xs" c="dimmed">
                {t(k('delimiterHint'))}
              </Text>
            </Stack>
            <Switch
              label={t(k('bom'))}
              description={t(k('bomHint'))}
              checked={c.bom}
              onChange={(e) => set({ bom: e.currentTarget.checked })}
              data-testid="export-bom"
            />
          </>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={running} disabled={datesError !== null} data-testid="export-run">
            {t(k('run'))}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
