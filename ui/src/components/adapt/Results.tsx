// Part 1 of step 5, the results: importing a network's export (a native dialog and a dry run on the Rust side, a
// report to read, then the import with its progress and a way to cancel it), or any other CSV of results through a
// column mapping screen (which column holds what, checked by a dry run after every change, then the same import),
// and the unplanned posts the imports found, to link to the planned post they really are, or to keep.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconFileImport, IconLink } from '@tabler/icons-react';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  ApiError,
  CalendarView,
  DateOrder,
  Language,
  MeasureColumns,
  Post,
  ResultsCsvPreview,
  ResultsImportReport,
  ResultsMapping,
  ResultsPicked,
} from '../../bindings';
import { notifyError, notifySuccess } from '../../errors';
import { formatDay } from '../../format';
import { networkWords } from '../../networkWords';
import i18n from '../../i18n';
import { toApiError } from '../../ipc';
import { calApi, type Range } from '../calendar/ipc';
import { addDays, calendarKey, dayOf, timeOf } from '../calendar/state';
import { useObjectives } from '../objectives/state';
import { MappingPreviewTable, tableOf } from '../MappingPreview';
import { Question } from '../StepFrame';
import { adaptApi, IMPORT_PROGRESS_EVENT, type ImportProgress } from './ipc';
import { MEASURES, networkName, resultsChanged, useUnplanned } from './state';
import type { PartProps } from './TestAdaptStep';

const k = (key: string) => `adapt.results.${key}`;
const COUNTS = ['matched', 'updated', 'unchanged', 'unplanned', 'rejected'] as const;
/** An unplanned post can be linked to the posts planned on its network this many days either side of it. */
const LINK_WINDOW_DAYS = 7;

/** What an import did, in words, for the notification. */
export function importedMessage(r: ResultsImportReport): string {
  return i18n.t(k('done'), {
    matched: r.matched,
    updated: r.updated,
    unchanged: r.unchanged,
    unplanned: r.unplanned,
    rejected: r.rejected,
  });
}

export function Results({ strategyId }: PartProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<ResultsPicked | null>(null);
  /** Each file picked gets a fresh dialog. */
  const [pickCount, setPickCount] = useState(0);
  const [picking, setPicking] = useState(false);

  const pick = async () => {
    setPicking(true);
    try {
      const p = await adaptApi.resultsPick(strategyId);
      // null: the dialog was cancelled, nothing changes.
      if (p !== null && (p.report !== null || p.preview !== null)) {
        setPicked(p);
        setPickCount((n) => n + 1);
      }
    } catch (e) {
      notifyError(toApiError(e));
    } finally {
      setPicking(false);
    }
  };

  return (
    <Stack gap="lg">
      <Question title={t(k('question'))} help={t(k('help'))} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t(k('formatsTitle'))}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>{t(k('formats.x'))}</List.Item>
            <List.Item>{t(k('formats.meta'))}</List.Item>
            <List.Item>{t(k('formats.linkedin'))}</List.Item>
            <List.Item>{t(k('formats.other'))}</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            {t(k('formatsHelp'))}
          </Text>
          <Group>
            <Button
              leftSection={<IconFileImport size={18} />}
              onClick={() => void pick()}
              loading={picking}
              data-testid="results-import"
            >
              {t(k('import'))}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {picked?.report && (
        <ImportModal key={pickCount} strategyId={strategyId} initial={picked.report} onClose={() => setPicked(null)} />
      )}
      {picked?.preview && !picked.report && (
        <MappingModal
          key={pickCount}
          strategyId={strategyId}
          preview={picked.preview}
          onClose={() => setPicked(null)}
        />
      )}
      <UnplannedList strategyId={strategyId} />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The import: its run (shared by a known export and a mapped CSV), then the two dialogs.

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ImportProgress | null }
  /** Nothing was written: some rows are bad and were not skipped (the new report says which). */
  | { kind: 'notWritten' }
  | { kind: 'failed'; error: ApiError };

/** Runs the import of the file picked last, with its progress and a way to cancel it. Once something is written,
 *  the results are refreshed, the user told, and `onDone` called. */
function useImportRun(strategyId: number, onDone: () => void) {
  const client = useQueryClient();
  const [run, setRun] = useState<RunState>({ kind: 'idle' });

  /** The new report when nothing was written (a bad row was not skipped), null otherwise. */
  const start = async (skipInvalid: boolean, mapping: ResultsMapping | null): Promise<ResultsImportReport | null> => {
    setRun({ kind: 'running', progress: null });
    let unlisten: UnlistenFn | null = null;
    try {
      unlisten = await listen<ImportProgress>(IMPORT_PROGRESS_EVENT, (e) =>
        setRun((r) => (r.kind === 'running' ? { kind: 'running', progress: e.payload } : r)),
      );
    } catch {
      // No progress events (none to listen to): the bar stays indeterminate.
    }
    try {
      const out = await adaptApi.resultsImportRun(strategyId, skipInvalid, mapping);
      if (out.written) {
        resultsChanged(client, strategyId, { calendar: true });
        notifySuccess(importedMessage(out));
        onDone();
        return null;
      }
      // Nothing written (a row is bad and was not skipped): its report says why.
      setRun({ kind: 'notWritten' });
      return out;
    } catch (e) {
      setRun({ kind: 'failed', error: toApiError(e) });
      return null;
    } finally {
      unlisten?.();
    }
  };

  const cancel = () => {
    adaptApi.resultsImportCancel().catch((e: unknown) => notifyError(toApiError(e)));
  };

  return { run, running: run.kind === 'running', start, cancel };
}

/** The import dialog's frame: it cannot be closed while the import runs. */
function RunModal({ title, running, onClose, size, children }: {
  title: string;
  running: boolean;
  onClose: () => void;
  size: 'lg' | 'xl';
  children: ReactNode;
}) {
  return (
    <Modal
      opened
      onClose={() => {
        if (!running) onClose();
      }}
      withCloseButton={!running}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      title={title}
      size={size}
    >
      {children}
    </Modal>
  );
}

/** The progress of a running import, or why it did not happen. */
function RunStatus({ run }: { run: RunState }) {
  const { t } = useTranslation();
  const progress = run.kind === 'running' ? run.progress : null;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100;
  return (
    <>
      {run.kind === 'running' && (
        <Stack gap={4}>
          <Progress
            value={percent}
            animated={progress === null}
            striped={progress === null}
            aria-label={t(k('report.progressLabel'))}
            data-testid="results-progress"
          />
          <Text size="xs" c="dimmed" data-testid="results-progress-text">
            {progress ? t(k('report.progress'), { done: progress.done, total: progress.total }) : t(k('report.running'))}
          </Text>
        </Stack>
      )}
      {run.kind === 'failed' && <RunError error={run.error} />}
      {run.kind === 'notWritten' && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="results-not-written">
          {t(k('report.notWritten'))}
        </Alert>
      )}
    </>
  );
}

/** Close, or cancel the running import; and Import. */
function RunButtons({ running, canRun, onRun, onCancel, onClose, runTestId }: {
  running: boolean;
  canRun: boolean;
  onRun: () => void;
  onCancel: () => void;
  onClose: () => void;
  runTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {running ? (
        <Button variant="default" color="red" onClick={onCancel} data-testid="results-cancel">
          {t(k('report.cancel'))}
        </Button>
      ) : (
        <Button variant="default" onClick={onClose}>
          {t(k('report.close'))}
        </Button>
      )}
      <Button onClick={onRun} loading={running} disabled={!canRun || running} data-testid={runTestId}>
        {t(k('report.run'))}
      </Button>
    </Group>
  );
}

/** What the import would do: the rows matched, updated… */
function Counts({ report, counts, lang }: {
  report: ResultsImportReport;
  counts: readonly (typeof COUNTS)[number][];
  lang: Language;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: counts.length === 4 ? 4 : 3 }} spacing="xs">
      {counts.map((c) => (
        <Paper key={c} withBorder p="xs" radius="sm" data-testid={`results-count-${c}`} data-count={report[c]}>
          <Text fw={700} size="lg" c={c === 'rejected' && report[c] > 0 ? 'red' : undefined}>
            {new Intl.NumberFormat(lang).format(report[c])}
          </Text>
          <Text size="sm">{t(k(`report.counts.${c}`))}</Text>
          <Text size="xs" c="dimmed">
            {t(k(`report.hints.${c}`))}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The bad rows the report lists (line, column, what was expected), and how many more there are. */
function ErrorList({ report, lang }: { report: ResultsImportReport; lang: Language }) {
  const { t } = useTranslation();
  const errorsMore = report.error_count - report.errors.length;
  return (
    <>
      <Table.ScrollContainer minWidth={420} maxHeight={220}>
        <Table withTableBorder fz="xs" data-testid="results-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(k('report.line'))}</Table.Th>
              <Table.Th>{t(k('report.column'))}</Table.Th>
              <Table.Th>{t(k('report.expected'))}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((e, n) => (
              <Table.Tr key={n} data-testid="results-error-row">
                <Table.Td>{e.line}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>{e.expected[lang]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errorsMore > 0 && (
        <Text size="xs" c="dimmed" data-testid="results-errors-more">
          {t(k('report.more'), { count: errorsMore })}
        </Text>
      )}
    </>
  );
}

/** The rows an import would take (those with no error). */
function goodRows(r: ResultsImportReport): number {
  return r.matched + r.updated + r.unchanged + r.unplanned;
}

function ImportModal({ strategyId, initial, onClose }: {
  strategyId: number;
  initial: ResultsImportReport;
  onClose: () => void;
}) {
  const { t, i18n: i } = useTranslation();
  const lang: Language = i.language === 'fr' ? 'fr' : 'en';
  const networks = useObjectives(strategyId).data?.networks;
  const [report, setReport] = useState(initial);
  const [skip, setSkip] = useState(false);
  const { run, running, start, cancel } = useImportRun(strategyId, onClose);
  const good = goodRows(report);
  const canRun = good > 0 && (report.error_count === 0 || skip);

  const go = async () => {
    const out = await start(report.error_count > 0 && skip, null);
    if (out) setReport(out);
  };

  return (
    <RunModal title={t(k('report.title'))} running={running} onClose={onClose} size="lg">
      <Stack gap="md" data-testid="results-report">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={4}>
          <Text size="sm" c="dimmed">
            {t(k('report.file'))}
          </Text>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="results-report-file">
            {report.file}
          </Text>
          <Text size="sm" c="dimmed">
            {t(k('report.kind'))}
          </Text>
          <Text size="sm" fw={600} data-testid="results-report-kind">
            {t(k(`kinds.${report.kind}`))}
          </Text>
          <Text size="sm" c="dimmed">
            {t(k('report.network'))}
          </Text>
          <Text size="sm" fw={600}>
            {networkName(networks, report.network)} · {t(k('report.rows'), { count: report.rows })}
          </Text>
        </SimpleGrid>
        <Text size="sm">{t(k('report.takenOn'), { date: formatDay(report.taken_on, lang) })}</Text>

        <Stack gap={6}>
          <Title order={4} size="h5">
            {t(k('report.would'))}
          </Title>
          <Counts report={report} counts={COUNTS} lang={lang} />
        </Stack>

        {report.error_count > 0 && (
          <Stack gap={6}>
            <Text fw={600} size="sm" c="red">
              {t(k('report.errorsTitle'), { count: report.error_count })}
            </Text>
            <ErrorList report={report} lang={lang} />
            <Checkbox
              label={t(k('report.skip'))}
              description={t(k('report.skipHint'))}
              checked={skip}
              disabled={running}
              onChange={(e) => setSkip(e.currentTarget.checked)}
              data-testid="results-skip"
            />
          </Stack>
        )}
        {good === 0 && (
          <Text size="sm" c="dimmed" data-testid="results-nothing">
            {t(k('report.nothing'))}
          </Text>
        )}

        <RunStatus run={run} />
        <RunButtons
          running={running}
          canRun={canRun}
          onRun={() => void go()}
          onCancel={cancel}
          onClose={onClose}
          runTestId="results-run"
        />
      </Stack>
    </RunModal>
  );
}

/** Why the import did not happen: cancelled, bad rows left, or a failure. */
function RunError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  if (error.code === 'cancelled') {
    return (
      <Alert color="gray" data-testid="results-cancelled">
        {t('errors.cancelled')}
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t(k('report.failed'))} data-testid="results-failed">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {errorText(error)}
      </Text>
    </Alert>
  );
}

function errorText(error: ApiError): string {
  const key = `errors.${error.code}`;
  return [
    i18n.exists(key) ? i18n.t(key, { message: error.message }) : i18n.t('errors.internal'),
    error.code === 'invalid_file' ? '' : error.message,
  ]
    .filter((s) => s.trim() !== '')
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// The column mapping of any other CSV.

/** The fields of a post a column can hold, in the order the mapping screen shows them (the date order and the
 *  network of every row come in between). */
const POST_FIELDS = ['network', 'date', 'external_id', 'permalink', 'text', 'format'] as const satisfies readonly (keyof ResultsMapping)[];
const MEASURE_FIELDS = MEASURES as readonly (keyof MeasureColumns)[];
const DATE_ORDERS: readonly DateOrder[] = ['day_first', 'month_first'];
/** The Select value of "not in the file". */
const NONE = 'none';
/** The dry run waits this long after the last change of the mapping. */
export const CHECK_DELAY_MS = 300;
/** What the mapping screen shows of the dry run (the rows left out are "with errors"). */
const MAPPED_COUNTS = ['matched', 'updated', 'unchanged', 'unplanned'] as const;

/** The columns and rows as the table shows them, with or without a header line (the preview was read with the
 *  header the Rust side detected). */
function MappingModal({ strategyId, preview, onClose }: {
  strategyId: number;
  preview: ResultsCsvPreview;
  onClose: () => void;
}) {
  const { t, i18n: i } = useTranslation();
  const lang: Language = i.language === 'fr' ? 'fr' : 'en';
  const objectives = useObjectives(strategyId).data;
  const [mapping, setMapping] = useState<ResultsMapping>(preview.mapping);
  const [skip, setSkip] = useState(false);
  const [checked, setChecked] = useState<{ key: string; report: ResultsImportReport | null; error: ApiError | null } | null>(
    null,
  );
  const latest = useRef('');
  const { run, running, start, cancel } = useImportRun(strategyId, onClose);

  const key = JSON.stringify(mapping);
  const usable = mapping.date !== null;

  // The dry run, CHECK_DELAY_MS after the last change; an answer to an older mapping is dropped.
  useEffect(() => {
    latest.current = key;
    if (!usable) return;
    const timer = window.setTimeout(() => {
      adaptApi.resultsMappingCheck(strategyId, mapping).then(
        (report) => {
          if (latest.current === key) setChecked({ key, report, error: null });
        },
        (e: unknown) => {
          if (latest.current === key) setChecked({ key, report: null, error: toApiError(e) });
        },
      );
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key, usable, mapping, strategyId]);

  const current = usable && checked?.key === key ? checked : null;
  const checking = usable && current === null;
  const report = current?.report ?? null;
  const ready = report ? goodRows(report) : 0;
  const canRun = report !== null && ready > 0 && (report.error_count === 0 || skip);

  const go = async () => {
    const out = await start(skip, mapping);
    // Nothing written (the file changed since its check): its report shows why.
    if (out) setChecked({ key, report: out, error: null });
  };

  const set = (patch: Partial<ResultsMapping>) => setMapping((m) => ({ ...m, ...patch }));
  const setMeasure = (f: keyof MeasureColumns, v: number | null) =>
    setMapping((m) => ({ ...m, measures: { ...m.measures, [f]: v } }));
  const column = (n: number) => t(k('mapping.column'), { n });
  const table = tableOf(preview, mapping.has_header, column);
  const columnOptions = [
    { value: NONE, label: t(k('mapping.none')) },
    ...table.columns.map((name, n) => ({ value: String(n), label: name || column(n + 1) })),
  ];
  const valueOf = (c: number | null) => (c === null ? NONE : String(c));
  const columnOf = (v: string | null) => (v === null || v === NONE ? null : Number(v));
  const fieldsOf = (n: number) => [
    ...POST_FIELDS.filter((f) => mapping[f] === n).map((f) => t(k(`mapping.fields.${f}`))),
    ...MEASURE_FIELDS.filter((f) => mapping.measures[f] === n).map((f) => t(k(`mapping.measures.${f}`))),
  ];
  const kept = objectives?.kept ?? [];
  const networks = (objectives?.networks ?? []).filter((n) => kept.length === 0 || kept.includes(n.key));

  const columnSelect = (field: string, label: string, value: number | null, onChange: (v: number | null) => void, extra?: {
    description?: string;
    required?: boolean;
  }) => (
    <Select
      key={field}
      label={label}
      description={extra?.description}
      required={extra?.required}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data={columnOptions}
      value={valueOf(value)}
      onChange={(v) => onChange(columnOf(v))}
      allowDeselect={false}
      disabled={running}
      data-testid={`results-map-${field}`}
    />
  );

  return (
    <RunModal title={t(k('mapping.title'))} running={running} onClose={onClose} size="xl">
      <Stack gap="md" data-testid="results-mapping">
        <Text size="sm" c="dimmed">
          {t(k('mapping.help'))}
        </Text>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="results-map-file">
          {t(k('mapping.file'), { file: preview.file })} · {t(k('mapping.rows'), { count: preview.total_rows })}
        </Text>
        <Checkbox
          label={t(k('mapping.hasHeader'))}
          checked={mapping.has_header}
          disabled={running}
          onChange={(e) => set({ has_header: e.currentTarget.checked })}
          data-testid="results-map-header"
        />

        <Stack gap={6}>
          <Title order={4} size="h5">
            {t(k('mapping.postTitle'))}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
            {columnSelect('network', t(k('mapping.fields.network')), mapping.network, (v) => set({ network: v }), {
              description: t(k('mapping.hints.network')),
            })}
            <Select
              label={t(k('mapping.defaultNetwork'))}
              description={t(k('mapping.defaultNetworkHint'))}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={t(k('mapping.defaultNetworkPlaceholder'))}
              data={networks.map((n) => ({ value: n.key, label: networkName(objectives?.networks, n.key) }))}
              value={mapping.default_network}
              onChange={(v) => set({ default_network: v })}
              clearable
              clearButtonProps={{ 'aria-label': t(k('mapping.defaultNetworkClear')) }}
              disabled={running}
              data-testid="results-map-default_network"
            />
            {columnSelect('date', t(k('mapping.fields.date')), mapping.date, (v) => set({ date: v }), {
              description: t(k('mapping.hints.date')),
              required: true,
            })}
            <Select
              label={t(k('mapping.fields.date_order'))}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={DATE_ORDERS.map((o) => ({ value: o, label: t(k(`mapping.dateOrders.${o}`)) }))}
              value={mapping.date_order}
              onChange={(v) => {
                if (v !== null) set({ date_order: v as DateOrder });
              }}
              allowDeselect={false}
              disabled={running}
              data-testid="results-map-date_order"
            />
            {(['external_id', 'permalink', 'text', 'format'] as const).map((f) =>
              columnSelect(f, t(k(`mapping.fields.${f}`)), mapping[f], (v) => set({ [f]: v })),
            )}
          </SimpleGrid>
        </Stack>

        <Stack gap={6}>
          <Title order={4} size="h5">
            {t(k('mapping.measuresTitle'))}
          </Title>
          <Text size="xs" c="dimmed">
            {t(k('mapping.measuresHelp'))}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
            {MEASURE_FIELDS.map((f) =>
              columnSelect(f, t(k(`mapping.measures.${f}`)), mapping.measures[f], (v) => setMeasure(f, v)),
            )}
          </SimpleGrid>
        </Stack>

        <Stack gap={6}>
          <Title order={4} size="h5">
            {t(k('mapping.previewTitle'))}
          </Title>
          <MappingPreviewTable
            table={table}
            fieldsOf={fieldsOf}
            unmapped={t(k('mapping.unmapped'))}
            column={column}
            maxHeight={260}
            cellWidth={240}
            testId="results-map-preview"
          />
          {preview.total_rows > table.rows.length && (
            <Text size="xs" c="dimmed">
              {t(k('mapping.previewMore'), { shown: table.rows.length, count: preview.total_rows })}
            </Text>
          )}
        </Stack>

        <Paper withBorder p="md" radius="md" data-testid="results-map-check">
          <Stack gap="sm">
            <Title order={4} size="h5">
              {t(k('mapping.checkTitle'))}
            </Title>
            {!usable && (
              <Text size="sm" c="orange" data-testid="results-map-missing">
                {t(k('mapping.missingDate'))}
              </Text>
            )}
            {checking && (
              <Group gap="xs" data-testid="results-map-checking">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t(k('mapping.checking'))}
                </Text>
              </Group>
            )}
            {current?.error && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t(k('mapping.checkFailed'))}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="results-map-error">
                  {errorText(current.error)}
                </Text>
              </Alert>
            )}
            {report && (
              <>
                <Text size="sm" fw={600} data-testid="results-map-summary">
                  {report.rows === 0
                    ? t(k('mapping.noRows'))
                    : t(k('mapping.summary'), {
                        ready: t(k('mapping.ready'), { count: ready }),
                        bad: t(k('mapping.withErrors'), { count: report.rejected }),
                      })}
                </Text>
                <Counts report={report} counts={MAPPED_COUNTS} lang={lang} />
                {report.error_count > 0 && (
                  <Stack gap={4}>
                    <Text fw={600} size="sm" c="red">
                      {t(k('report.errorsTitle'), { count: report.error_count })}
                    </Text>
                    <ErrorList report={report} lang={lang} />
                  </Stack>
                )}
              </>
            )}
            <Checkbox
              label={t(k('report.skip'))}
              description={t(k('mapping.skipHint'))}
              checked={skip}
              disabled={running}
              onChange={(e) => setSkip(e.currentTarget.checked)}
              data-testid="results-map-skip"
            />
          </Stack>
        </Paper>

        <RunStatus run={run} />
        <RunButtons
          running={running}
          canRun={canRun}
          onRun={() => void go()}
          onCancel={cancel}
          onClose={onClose}
          runTestId="results-map-run"
        />
      </Stack>
    </RunModal>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The unplanned posts.

/** The days around the unplanned posts: one calendar query covers every post's choices. */
function windowOf(posts: readonly Post[]): Range | null {
  const days = posts.flatMap((p) => (p.scheduled_at ? [dayOf(p.scheduled_at)] : [])).sort();
  if (days.length === 0) return null;
  return { from: addDays(days[0], -LINK_WINDOW_DAYS), to: addDays(days[days.length - 1], LINK_WINDOW_DAYS) };
}

function UnplannedList({ strategyId }: { strategyId: number }) {
  const { t } = useTranslation();
  const query = useUnplanned(strategyId);
  const posts = query.data ?? [];
  const range = windowOf(posts);
  const calendar = useQuery({
    queryKey: calendarKey(strategyId, range ?? { from: '', to: '' }),
    queryFn: () => calApi.get(strategyId, range!),
    enabled: range !== null,
  });
  const [kept, setKept] = useState<ReadonlySet<number>>(new Set());

  return (
    <Stack gap="sm" data-testid="unplanned-list">
      <Question title={t(k('unplanned.title'))} help={t(k('unplanned.help'))} />
      {query.isSuccess && posts.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="unplanned-empty">
          {t(k('unplanned.empty'))}
        </Text>
      )}
      {posts.map((p) => (
        <UnplannedRow
          key={p.id}
          strategyId={strategyId}
          post={p}
          unplannedIds={posts.map((x) => x.id)}
          calendar={calendar.data}
          kept={kept.has(p.id)}
          onKeep={(keep) =>
            setKept((s) => {
              const next = new Set(s);
              if (keep) next.add(p.id);
              else next.delete(p.id);
              return next;
            })
          }
        />
      ))}
    </Stack>
  );
}

function postTitle(p: { title: string; text: string }): string {
  return p.title.trim() || p.text.trim().split('\n')[0] || i18n.t(k('unplanned.untitled'));
}

function UnplannedRow({ strategyId, post, unplannedIds, calendar, kept, onKeep }: {
  strategyId: number;
  post: Post;
  unplannedIds: number[];
  calendar: CalendarView | undefined;
  kept: boolean;
  onKeep: (keep: boolean) => void;
}) {
  const { t, i18n: i } = useTranslation();
  const lang: Language = i.language === 'fr' ? 'fr' : 'en';
  const client = useQueryClient();
  const networks = useObjectives(strategyId).data?.networks;
  const [planned, setPlanned] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const network = networkName(networks, post.network);
  const words = { ...networkWords(networks?.find((n) => n.key === post.network), network), network };
  const day = post.scheduled_at ? dayOf(post.scheduled_at) : null;
  const title = postTitle(post);

  // The posts planned on the same network within the window, nearest in time first.
  const candidates =
    day && calendar
      ? calendar.calendar.posts
          .filter(
            (c) =>
              c.network === post.network &&
              !unplannedIds.includes(c.id) &&
              c.scheduled_at !== null &&
              dayOf(c.scheduled_at) >= addDays(day, -LINK_WINDOW_DAYS) &&
              dayOf(c.scheduled_at) <= addDays(day, LINK_WINDOW_DAYS),
          )
          .sort(
            (a, b) =>
              Math.abs(Date.parse(a.scheduled_at!) - Date.parse(post.scheduled_at!)) -
              Math.abs(Date.parse(b.scheduled_at!) - Date.parse(post.scheduled_at!)),
          )
      : [];
  const options = candidates.map((c) => ({
    value: String(c.id),
    label: `${postTitle(c)} — ${formatDay(dayOf(c.scheduled_at!), lang)} ${timeOf(c.scheduled_at!)}`,
  }));

  const link = async () => {
    if (planned === null) return;
    setLinking(true);
    try {
      await adaptApi.unplannedLink(strategyId, post.id, Number(planned));
      resultsChanged(client, strategyId, { calendar: true });
      notifySuccess(t(k('unplanned.linked')));
    } catch (e) {
      notifyError(toApiError(e));
    } finally {
      setLinking(false);
    }
  };

  const excerpt = post.text.trim() !== '' && post.text.trim() !== post.title.trim() ? post.text.trim() : '';
  return (
    <Paper withBorder p="md" radius="md" data-testid={`unplanned-${post.id}`} data-kept={kept ? 'true' : 'false'}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Badge variant="light" color="gray" tt="none">
                {network}
              </Badge>
              {post.scheduled_at && (
                <Text size="sm" c="dimmed">
                  {formatDay(dayOf(post.scheduled_at), lang)} {timeOf(post.scheduled_at)}
                </Text>
              )}
            </Group>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Text>
            {excerpt && (
              <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                {excerpt}
              </Text>
            )}
          </Stack>
          {kept && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onKeep(false)}
              aria-label={t(k('unplanned.openFor'), { title })}
              data-testid={`unplanned-reopen-${post.id}`}
            >
              {t(k('unplanned.reopen'))}
            </Button>
          )}
        </Group>
        {!kept && (
          <Stack gap={4}>
            <Group align="flex-end" gap="sm">
              <Select
                label={t(k('unplanned.linkLabel'))}
                placeholder={t(k('unplanned.linkPlaceholder'))}
                data={options}
                value={planned}
                onChange={setPlanned}
                disabled={options.length === 0}
                searchable
                style={{ flex: 1, minWidth: 220 }}
                aria-describedby={`unplanned-help-${post.id}`}
                data-testid={`unplanned-select-${post.id}`}
              />
              <Group gap="xs">
                <Button
                  leftSection={<IconLink size={16} />}
                  onClick={() => void link()}
                  disabled={planned === null}
                  loading={linking}
                  data-testid={`unplanned-link-${post.id}`}
                >
                  {t(k('unplanned.link'))}
                </Button>
                <Button variant="default" onClick={() => onKeep(true)} data-testid={`unplanned-keep-${post.id}`}>
                  {t(k('unplanned.keep'))}
                </Button>
              </Group>
            </Group>
            <Text size="xs" c="dimmed" id={`unplanned-help-${post.id}`}>
              {calendar === undefined
                ? ''
                : options.length === 0
                  ? t(k('unplanned.linkNone'), words)
                  : t(k('unplanned.linkHelp'), words)}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
