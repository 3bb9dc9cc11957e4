// The import dialog of the calendar (step 4). A file is picked (a native dialog on the Rust side, which keeps it and
// answers with a preview). Cinq's own CSV is imported as it stands; any other CSV goes through the column mapping
// screen: which column holds each field of a post (initialised from the mapping the Rust side suggests), the
// network of every post when there is no network column, the order of the dates, and a preview of the first rows.
// Every change of the mapping checks the whole file (a dry run) and lists the bad rows: line, column, what was
// expected. Nothing is imported while a row is bad, unless the user chooses to skip the bad rows.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  ApiError,
  CalendarImported,
  ColumnMapping,
  CsvPreview,
  DateOrder,
  MappedImportReport,
} from '../../bindings';
import { notifySuccess } from '../../errors';
import { toApiError } from '../../ipc';
import i18n from '../../i18n';
import { objectivesKey } from '../objectives/state';
import { calApi } from './ipc';
import { MappingPreviewTable, tableOf } from '../MappingPreview';
import { useCal } from './state';

/** The fields of a post a column can hold, in the order the mapping screen shows them. */
export const MAPPED_FIELDS = [
  'network',
  'date',
  'time',
  'title',
  'text',
  'link',
  'media_notes',
  'pillar',
  'topic',
  'status',
  'campaign',
  'editorial_item',
  'objective',
] as const satisfies readonly (keyof ColumnMapping)[];
export type MappedField = (typeof MAPPED_FIELDS)[number];

const DATE_ORDERS: readonly DateOrder[] = ['day_first', 'month_first'];
/** The Select value of "not in the file". */
const NONE = 'none';
/** The dry run waits this long after the last change of the mapping. */
export const CHECK_DELAY_MS = 300;
/** The bad rows listed at most (the others are counted). */
const ERRORS_SHOWN = 20;

const k = (key: string) => `calendar.transfer.import.${key}`;

/** What the import did, in words: "12 posts imported, 2 rows skipped; created: 1 topic." */
export function importedMessage(r: MappedImportReport): string {
  const t = i18n.t.bind(i18n);
  let done = t(k('done'), { count: r.imported });
  if (r.skipped > 0) done += `, ${t(k('doneSkipped'), { count: r.skipped })}`;
  const created = [
    r.created_topics > 0 ? t(k('createdTopics'), { count: r.created_topics }) : null,
    r.created_objectives > 0 ? t(k('createdObjectives'), { count: r.created_objectives }) : null,
    r.created_editorial > 0 ? t(k('createdEditorial'), { count: r.created_editorial }) : null,
  ].filter((s): s is string => s !== null);
  return created.length > 0 ? t(k('doneCreated'), { done, what: created.join(', ') }) : `${done}.`;
}

/** The mapping as sent: the network of every post only counts when there is no network column. */
function sentMapping(m: ColumnMapping): ColumnMapping {
  return { ...m, default_network: m.network === null ? m.default_network : null };
}

/** What the mapping still lacks (text keys): a network, and a title or a text. */
function missingOf(m: ColumnMapping): string[] {
  const missing: string[] = [];
  if (m.network === null && !m.default_network) missing.push('mapping.missingNetwork');
  if (m.title === null && m.text === null) missing.push('mapping.missingText');
  return missing;
}

function ErrorAlert({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const key = `errors.${error.code}`;
  // A bad file's message says where and what ("file, line L, column C: expected…"); other errors get their words.
  const body =
    error.code === 'invalid_file'
      ? error.message
      : [i18n.exists(key) ? t(key, { message: error.message }) : t('errors.internal'), error.message]
          .filter((s) => s.trim() !== '')
          .join(' ');
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t(k('errorTitle'))} data-testid="import-error">
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {body}
      </Text>
    </Alert>
  );
}

export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t(k('title'))} size="xl">
      {/* The modal mounts its content while open only: each opening starts afresh. */}
      <ImportFlow onClose={onClose} />
    </Modal>
  );
}

function ImportFlow({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, range, actions } = useCal();
  const client = useQueryClient();
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  /** Each file picked gets a fresh mapping screen. */
  const [picked, setPicked] = useState(0);
  const [picking, setPicking] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const pick = async () => {
    setPicking(true);
    try {
      const p = await calApi.importPick();
      if (p === null) return; // Cancelled: nothing changes.
      setPreview(p);
      setPicked((n) => n + 1);
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setPicking(false);
    }
  };

  /** Puts the calendar after the import on screen, says what was done, and closes. */
  const imported = (out: CalendarImported) => {
    actions.replaceView(out.view);
    // The other periods and step 3 (topics and objectives the file named may have been created) are out of date.
    void client.invalidateQueries({
      queryKey: ['calendar', strategyId],
      predicate: (q) => q.queryKey[2] !== range.from || q.queryKey[3] !== range.to,
    });
    void client.invalidateQueries({ queryKey: objectivesKey(strategyId) });
    notifySuccess(importedMessage(out.report));
    onClose();
  };

  const runCinq = async () => {
    setRunning(true);
    setError(null);
    try {
      imported(await calApi.importRun(strategyId, null, false, false, range));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Stack gap="md" data-testid="import-modal">
      <Text size="sm">{t(k('intro'))}</Text>
      <Group gap="sm">
        <Button
          variant={preview ? 'default' : 'filled'}
          leftSection={<IconFileImport size={18} />}
          onClick={() => void pick()}
          loading={picking}
          data-testid="import-pick"
        >
          {t(k(preview ? 'pickAnother' : 'pick'))}
        </Button>
        {preview && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="import-file">
            {t(k('file'), { file: preview.file })}
          </Text>
        )}
      </Group>
      {error && <ErrorAlert error={error} />}
      {preview?.cinq && (
        <Stack gap="md" data-testid="import-cinq">
          <Paper withBorder p="md" radius="md">
            <Stack gap={4}>
              <Text fw={600}>{t(k('cinq'), { count: preview.total_rows })}</Text>
              <Text size="sm" c="dimmed">
                {t(k('cinqHint'))}
              </Text>
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void runCinq()} loading={running} data-testid="import-run">
              {t(k('run'))}
            </Button>
          </Group>
        </Stack>
      )}
      {preview && !preview.cinq && (
        <MappingStep key={picked} preview={preview} onImported={imported} onCancel={onClose} />
      )}
    </Stack>
  );
}

/** The columns and rows as the table shows them, with or without a header line (the preview was read with the
 *  header it detected). */
function MappingStep({ preview, onImported, onCancel }: {
  preview: CsvPreview;
  onImported: (out: CalendarImported) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { strategyId, range, view, lang } = useCal();
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  const [skip, setSkip] = useState(false);
  const [checked, setChecked] = useState<{ key: string; report: MappedImportReport | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const latest = useRef('');
  const { from, to } = range;

  const sent = useMemo(() => sentMapping(mapping), [mapping]);
  const key = JSON.stringify(sent);
  const missing = missingOf(sent);
  const usable = missing.length === 0;

  // The dry run, CHECK_DELAY_MS after the last change; an answer to an older mapping is dropped.
  useEffect(() => {
    latest.current = key;
    if (!usable) return;
    const timer = window.setTimeout(() => {
      calApi.importRun(strategyId, sent, false, true, { from, to }).then(
        (out) => {
          if (latest.current !== key) return;
          setChecked({ key, report: out.report });
          setError(null);
        },
        (e: unknown) => {
          if (latest.current !== key) return;
          setChecked({ key, report: null });
          setError(toApiError(e));
        },
      );
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key, usable, sent, strategyId, from, to]);

  const current = checked?.key === key ? checked : null;
  const checking = usable && current === null;
  const report = current?.report ?? null;
  // A dry run counts the good rows (`imported`) and the bad ones (`skipped`).
  const badRows = report?.skipped ?? 0;
  const readyRows = report?.imported ?? 0;
  const canImport =
    usable && report !== null && readyRows > 0 && (report.error_count === 0 || skip) && !running;

  const set = (patch: Partial<ColumnMapping>) => setMapping((m) => ({ ...m, ...patch }));
  const column = (n: number) => t(k('mapping.column'), { n });
  const table = tableOf(preview, mapping.has_header, column);
  const columnOptions = [
    { value: NONE, label: t(k('mapping.none')) },
    ...table.columns.map((name, i) => ({ value: String(i), label: name || column(i + 1) })),
  ];
  const fieldsOf = (i: number) =>
    MAPPED_FIELDS.filter((f) => mapping[f] === i).map((f) => t(k(`mapping.fields.${f}`)));
  const shownErrors = report ? report.errors.slice(0, ERRORS_SHOWN) : [];
  const moreErrors = report ? report.error_count - shownErrors.length : 0;

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const out = await calApi.importRun(strategyId, sent, skip, false, range);
      if (out.report.written) onImported(out);
      // Nothing written (the file changed since the check): its report shows why.
      else setChecked({ key, report: out.report });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setRunning(false);
    }
  };

  const segment = (testId: string, text: string) => <span data-testid={testId}>{text}</span>;

  return (
    <Stack gap="lg" data-testid="import-mapping">
      <Stack gap={4}>
        <Title order={4}>{t(k('mapping.title'))}</Title>
        <Text size="sm" c="dimmed">
          {t(k('mapping.help'))} {t(k('mapping.rows'), { count: preview.total_rows })}
        </Text>
      </Stack>
      <Checkbox
        label={t(k('mapping.hasHeader'))}
        checked={mapping.has_header}
        onChange={(e) => set({ has_header: e.currentTarget.checked })}
        data-testid="import-has-header"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        {MAPPED_FIELDS.map((f) => (
          <Select
            key={f}
            label={t(k(`mapping.fields.${f}`))}
            description={f === 'date' || f === 'time' ? t(k(`mapping.hints.${f}`)) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={columnOptions}
            value={mapping[f] === null ? NONE : String(mapping[f])}
            onChange={(v) => set({ [f]: v === null || v === NONE ? null : Number(v) })}
            allowDeselect={false}
            data-testid={`map-${f}`}
          />
        ))}
      </SimpleGrid>
      {mapping.network === null && (
        <Select
          label={t(k('mapping.defaultNetwork'))}
          description={t(k('mapping.defaultNetworkHint'))}
          placeholder={t(k('mapping.defaultNetworkPlaceholder'))}
          data={view.rows.map((r) => ({ value: r.network, label: r.name }))}
          value={mapping.default_network}
          onChange={(v) => set({ default_network: v })}
          required
          data-testid="map-default-network"
        />
      )}
      <Stack gap={6} data-testid="map-date-order">
        <Text fw={500} size="sm" id="import-date-order-label">
          {t(k('mapping.dateOrder'))}
        </Text>
        <SegmentedControl
          aria-labelledby="import-date-order-label"
          value={mapping.date_order}
          onChange={(v) => set({ date_order: v as DateOrder })}
          data={DATE_ORDERS.map((o) => ({
            value: o,
            label: segment(`map-date-order-${o}`, t(k(`mapping.dateOrders.${o}`))),
          }))}
        />
      </Stack>

      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t(k('mapping.previewTitle'))}
        </Text>
        <MappingPreviewTable
          table={table}
          fieldsOf={fieldsOf}
          unmapped={t(k('mapping.unmapped'))}
          column={column}
          maxHeight={320}
          cellWidth={260}
          testId="import-preview"
          fieldTestId="import-preview-field"
        />
        {preview.total_rows > table.rows.length && (
          <Text size="xs" c="dimmed">
            {t(k('mapping.previewMore'), { shown: table.rows.length, count: preview.total_rows })}
          </Text>
        )}
      </Stack>

      <Paper withBorder p="md" radius="md" data-testid="import-check">
        <Stack gap="sm">
          <Text fw={600}>{t(k('check.title'))}</Text>
          {!usable && (
            <Stack gap={2} data-testid="import-missing">
              {missing.map((m) => (
                <Text key={m} size="sm" c="orange">
                  {t(k(m))}
                </Text>
              ))}
            </Stack>
          )}
          {checking && (
            <Group gap="xs" data-testid="import-checking">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t(k('check.checking'))}
              </Text>
            </Group>
          )}
          {error && <ErrorAlert error={error} />}
          {usable && report && (
            <Text size="sm" fw={500} data-testid="import-summary">
              {report.rows === 0
                ? t(k('check.noRows'))
                : report.error_count === 0
                  ? t(k('check.allGood'), { count: readyRows })
                  : t(k('check.summary'), {
                      ready: t(k('check.ready'), { count: readyRows }),
                      bad: t(k('check.withErrors'), { count: badRows }),
                    })}
            </Text>
          )}
          {usable && report && shownErrors.length > 0 && (
            <Stack gap={4}>
              <Table.ScrollContainer minWidth={420} maxHeight={240}>
                <Table withTableBorder fz="xs" data-testid="import-errors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t(k('check.line'))}</Table.Th>
                      <Table.Th>{t(k('check.column'))}</Table.Th>
                      <Table.Th>{t(k('check.expected'))}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shownErrors.map((e, i) => (
                      <Table.Tr key={i} data-testid="import-error-row">
                        <Table.Td>{e.line}</Table.Td>
                        <Table.Td>{e.column}</Table.Td>
                        <Table.Td>{e.expected[lang]}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {moreErrors > 0 && (
                <Text size="xs" c="dimmed" data-testid="import-errors-more">
                  {t(k('check.more'), { count: moreErrors })}
                </Text>
              )}
            </Stack>
          )}
          <Checkbox
            label={t(k('check.skip'))}
            description={t(k('check.skipHint'))}
            checked={skip}
            onChange={(e) => setSkip(e.currentTarget.checked)}
            data-testid="import-skip-invalid"
          />
        </Stack>
      </Paper>

      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void run()} loading={running} disabled={!canImport} data-testid="import-run">
          {t(k('run'))}
        </Button>
      </Group>
    </Stack>
  );
}
