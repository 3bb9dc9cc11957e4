// Part 1 of step 5, the results: importing a network's export (a native dialog and a dry run on the Rust side, a
// report to read, then the import with its progress and a way to cancel it), and the unplanned posts the imports
// found, to link to the planned post they really are, or to keep.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
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
import type { ApiError, CalendarView, Language, Post, ResultsImportReport } from '../../bindings';
import { notifyError, notifySuccess } from '../../errors';
import { formatDay } from '../../format';
import i18n from '../../i18n';
import { toApiError } from '../../ipc';
import { calApi, type Range } from '../calendar/ipc';
import { addDays, calendarKey, dayOf, timeOf } from '../calendar/state';
import { useObjectives } from '../objectives/state';
import { Question } from '../StepFrame';
import { adaptApi, IMPORT_PROGRESS_EVENT, type ImportProgress } from './ipc';
import { networkName, resultsChanged, useUnplanned } from './state';
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
  const [report, setReport] = useState<ResultsImportReport | null>(null);
  const [picking, setPicking] = useState(false);

  const pick = async () => {
    setPicking(true);
    try {
      const r = await adaptApi.resultsPick(strategyId);
      if (r !== null) setReport(r); // null: the dialog was cancelled, nothing changes.
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
      {report && <ImportModal strategyId={strategyId} initial={report} onClose={() => setReport(null)} />}
      <UnplannedList strategyId={strategyId} />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The import.

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ImportProgress | null }
  /** Nothing was written: some rows are bad and were not skipped (the new report says which). */
  | { kind: 'notWritten' }
  | { kind: 'failed'; error: ApiError };

function ImportModal({ strategyId, initial, onClose }: {
  strategyId: number;
  initial: ResultsImportReport;
  onClose: () => void;
}) {
  const { t, i18n: i } = useTranslation();
  const lang: Language = i.language === 'fr' ? 'fr' : 'en';
  const client = useQueryClient();
  const networks = useObjectives(strategyId).data?.networks;
  const [report, setReport] = useState(initial);
  const [skip, setSkip] = useState(false);
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const running = run.kind === 'running';
  const errorsMore = report.error_count - report.errors.length;
  const good = report.matched + report.updated + report.unchanged + report.unplanned;
  const canRun = !running && good > 0 && (report.error_count === 0 || skip);

  const start = async () => {
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
      const out = await adaptApi.resultsImportRun(strategyId, report.error_count > 0 && skip);
      if (out.written) {
        resultsChanged(client, strategyId, { calendar: true });
        notifySuccess(importedMessage(out));
        onClose();
        return;
      }
      // Nothing written (a row is bad and was not skipped): its report says why.
      setReport(out);
      setRun({ kind: 'notWritten' });
    } catch (e) {
      setRun({ kind: 'failed', error: toApiError(e) });
    } finally {
      unlisten?.();
    }
  };

  const cancel = () => {
    adaptApi.resultsImportCancel().catch((e: unknown) => notifyError(toApiError(e)));
  };

  const progress = run.kind === 'running' ? run.progress : null;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100;

  return (
    <Modal
      opened
      onClose={() => {
        if (!running) onClose();
      }}
      withCloseButton={!running}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      title={t(k('report.title'))}
      size="lg"
    >
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
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {COUNTS.map((c) => (
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
        </Stack>

        {report.error_count > 0 && (
          <Stack gap={6}>
            <Text fw={600} size="sm" c="red">
              {t(k('report.errorsTitle'), { count: report.error_count })}
            </Text>
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

        {running && (
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

        <Group justify="flex-end">
          {running ? (
            <Button variant="default" color="red" onClick={cancel} data-testid="results-cancel">
              {t(k('report.cancel'))}
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              {t(k('report.close'))}
            </Button>
          )}
          <Button onClick={() => void start()} loading={running} disabled={!canRun} data-testid="results-run">
            {t(k('report.run'))}
          </Button>
        </Group>
      </Stack>
    </Modal>
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
  const key = `errors.${error.code}`;
  const text = [
    i18n.exists(key) ? t(key, { message: error.message }) : t('errors.internal'),
    error.code === 'invalid_file' ? '' : error.message,
  ]
    .filter((s) => s.trim() !== '')
    .join(' ');
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t(k('report.failed'))} data-testid="results-failed">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Alert>
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
                  ? t(k('unplanned.linkNone'), { network })
                  : t(k('unplanned.linkHelp'), { network })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
