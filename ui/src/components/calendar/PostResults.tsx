// The "Results" section of the post editor (a dated post): the format as published, the post's link on its network,
// its snapshots of results, and a form to type the numbers of a day (step 5's commands), which saves itself as the
// user types, like the rest of the editor; the editor sends what waits when it closes (`ResultsSaver`). The numbers go
// to Rust as typed, and Rust says which box does not hold a count. The rates are not shown here: step 5 shows those
// Rust computes.
import { memo, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Alert, Badge, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SAVE_DELAY_MS } from '../../autosave';
import type {
  ApiError,
  ContentFormat,
  FieldError,
  Language,
  Measures,
  PostResults,
  ResultSnapshot,
  TypedMeasures,
} from '../../bindings';
import { notifyError } from '../../errors';
import { formatDay } from '../../format';
import i18n from '../../i18n';
import { toApiError } from '../../ipc';
import { adaptApi } from '../adapt/ipc';
import { adaptKeys, CONTENT_FORMATS, EMPTY_MEASURES, isDay, MEASURES } from '../adapt/state';
import type { EditorStatus } from './PostEditor';
import { DateField } from '../common/DateField';
import { useCal } from './state';

const k = (key: string) => `calendar.editor.results.${key}`;

type MeasureKey = keyof Measures;
/** What the boxes hold (text, as typed): what a save sends. */
type Values = TypedMeasures;

function valuesOf(snapshot: ResultSnapshot | undefined): Values {
  const m = snapshot?.measures ?? EMPTY_MEASURES;
  return Object.fromEntries(MEASURES.map((key) => [key, m[key] === null ? '' : String(m[key])])) as Values;
}

/** What the editor needs of the results form to close: the same as of its own fields (see `closeEditor`). */
export interface ResultsSaver {
  /** Sends at once what waits for the end of typing; settles when every save has. */
  flush: () => Promise<unknown>;
  /** Why the numbers on screen are not saved (the last save failed), or null when they are. */
  unsavedReason: () => string | null;
  /** Gives up what waits (before the post is deleted). */
  discard: () => Promise<unknown>;
}

/** Why a save failed, in words, when no field is to blame. */
function reasonOf(e: ApiError): string {
  const key = `errors.${e.code}`;
  return i18n.exists(key) ? i18n.t(key, { message: e.message }) : i18n.t('errors.internal');
}

/** The text of a field error of the results form. */
function resultsErrorText(e: FieldError): string {
  if (e.field === 'taken_on') return i18n.t(k('invalidDate'));
  if (e.code === 'not_count') return i18n.t(k('notCount'));
  const key = `calendar.editor.fieldErrors.${e.code}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t('errors.validation');
}

/** Memoised: the editor re-renders at each keystroke, and this part does not depend on what is typed. */
export const PostResultsSection = memo(function PostResultsSection({ postId, saverRef, onStatus }: {
  postId: number;
  /** Where the form puts what the editor calls to send what waits when it closes. */
  saverRef?: RefObject<ResultsSaver | null>;
  /** The form's save status, for the editor's status line. */
  onStatus?: (status: EditorStatus) => void;
}) {
  const { t } = useTranslation();
  const { strategyId, lang, view } = useCal();
  const client = useQueryClient();
  const key = adaptKeys.postResults(strategyId, postId);
  const query = useQuery({ queryKey: key, queryFn: () => adaptApi.postResults(strategyId, postId) });
  const results = query.data;

  /** Puts the answer on screen; step 5's evaluation and best times (hinted above) are out of date. */
  const changed = (out: PostResults) => {
    client.setQueryData(key, out);
    void client.invalidateQueries({ queryKey: adaptKeys.evaluations(strategyId) });
    void client.invalidateQueries({ queryKey: adaptKeys.bestTimes(strategyId) });
  };

  const setFormat = async (format: ContentFormat | null) => {
    try {
      changed(await adaptApi.postFormatSet(strategyId, postId, format));
    } catch (e) {
      notifyError(toApiError(e));
    }
  };

  return (
    <Stack gap="sm" data-testid="post-results">
      <Text size="sm" c="dimmed">
        {t(k('help'))}
      </Text>
      {query.isError && (
        <Alert color="red" data-testid="post-results-failed">
          {t(k('loadFailed'))}
        </Alert>
      )}
      {results && (
        <>
          <Group gap="sm" align="flex-end">
            <Select
              label={t(k('format'))}
              description={t(k('formatHelp'))}
              placeholder={t(k('formatHint'))}
              data={CONTENT_FORMATS.map((f) => ({ value: f, label: t(k(`formats.${f}`)) }))}
              value={results.publication?.format ?? null}
              onChange={(v) => void setFormat(v as ContentFormat | null)}
              clearable
              style={{ flex: 1, minWidth: 200 }}
              data-testid="post-results-format"
            />
            {results.publication?.unplanned && (
              <Tooltip label={t(k('unplannedHelp'))}>
                <Badge variant="light" color="gray" mb={6} data-testid="post-results-unplanned">
                  {t(k('unplanned'))}
                </Badge>
              </Tooltip>
            )}
          </Group>
          {results.publication && results.publication.permalink !== '' && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="post-results-permalink">
              {t(k('permalink'), { link: results.publication.permalink })}
            </Text>
          )}
          <Snapshots snapshots={results.snapshots} lang={lang} />
          <DayForm
            key={postId}
            results={results}
            today={view.today}
            lang={lang}
            onSave={(day, measures) => adaptApi.postResultsSave(strategyId, postId, day, measures)}
            onSaved={changed}
            saverRef={saverRef}
            onStatus={onStatus}
          />
        </>
      )}
    </Stack>
  );
});

function Snapshots({ snapshots, lang }: { snapshots: ResultSnapshot[]; lang: Language }) {
  const { t } = useTranslation();
  if (snapshots.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="post-results-none">
        {t(k('none'))}
      </Text>
    );
  }
  // Only the measures some snapshot knows, each with its name: a day's numbers wrap in the width of the drawer rather
  // than stretching a column per measure sideways.
  const columns = MEASURES.filter((m) => snapshots.some((s) => s.measures[m] !== null));
  const number = new Intl.NumberFormat(lang);
  return (
    <Table.ScrollContainer minWidth={0} maxHeight={220} type="native">
      <Table
        fz="xs"
        striped
        withTableBorder
        layout="fixed"
        aria-label={t(k('snapshots'))}
        data-testid="post-results-snapshots"
      >
        <colgroup>
          <col style={{ width: '10.5em' }} />
          <col style={{ width: '7em' }} />
          <col />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(k('day'))}</Table.Th>
            <Table.Th>{t(k('source'))}</Table.Th>
            <Table.Th>{t(k('numbers'))}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...snapshots].reverse().map((s) => (
            <Table.Tr key={s.taken_on} data-testid={`post-results-snapshot-${s.taken_on}`}>
              <Table.Td style={{ overflowWrap: 'break-word' }}>{formatDay(s.taken_on, lang)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'break-word' }}>{t(k(`sources.${s.source}`))}</Table.Td>
              <Table.Td>
                <Group component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none', rowGap: 2, columnGap: 12 }}>
                  {columns.map((m) => (
                    <li key={m} data-measure={m} style={{ whiteSpace: 'nowrap' }}>
                      <Text span size="xs" c="dimmed">
                        {t(k(`measures.${m}`))}
                      </Text>{' '}
                      <Text span size="xs" fw={600}>
                        {s.measures[m] === null ? '—' : number.format(s.measures[m])}
                      </Text>
                    </li>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What is typed on a day: the day and the boxes. */
interface Entry {
  day: string;
  values: Values;
}

/** The numbers of a day as the user types them, saved after a pause in typing like the editor's other fields (each
 *  answer puts the post's results on screen). What is typed stays in the boxes until Rust accepts it: a box Rust
 *  refuses shows why under it, and picking another day then keeps the numbers typed, for that day. */
function useDayEntry({ results, today, lang, save, onSaved }: {
  results: PostResults;
  today: string;
  lang: Language;
  save: (day: string, values: Values) => Promise<PostResults>;
  onSaved: (out: PostResults) => void;
}) {
  const latest = useRef(results);
  useEffect(() => {
    latest.current = results;
  }, [results]);
  const snapshotOn = (day: string) => latest.current.snapshots.find((s) => s.taken_on === day);
  const [entry, setEntry] = useState<Entry>(() => ({
    day: today,
    values: valuesOf(results.snapshots.find((s) => s.taken_on === today)),
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<EditorStatus>({ kind: 'idle' });
  /** The last save's words ("Results of … saved."). */
  const [done, setDone] = useState<string | null>(null);
  const shown = useRef(entry);
  /** What is typed and not accepted yet (waiting, on its way, or refused), or null. */
  const unsaved = useRef<Entry | null>(null);
  const waiting = useRef<Entry | null>(null);
  const failure = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const busy = useRef(0);
  const saved = useRef(false);
  const opts = useRef({ save, onSaved, lang });
  useEffect(() => {
    opts.current = { save, onSaved, lang };
  });

  const show = useCallback((next: Entry) => {
    shown.current = next;
    setEntry(next);
  }, []);

  const settle = useCallback(() => {
    setStatus(
      busy.current > 0
        ? { kind: 'saving' }
        : failure.current !== null
          ? { kind: 'error', reason: failure.current }
          : saved.current
            ? { kind: 'saved' }
            : { kind: 'idle' },
    );
  }, []);

  const send = useCallback(
    async (e: Entry) => {
      busy.current += 1;
      settle();
      try {
        const out = await opts.current.save(e.day, e.values);
        latest.current = out;
        opts.current.onSaved(out);
        saved.current = true;
        // A newer change of the boxes is on its way: its answer says how things stand.
        if (unsaved.current === e) {
          unsaved.current = null;
          failure.current = null;
          setErrors([]);
          const empty = MEASURES.every((m) => e.values[m].trim() === '');
          setDone(i18n.t(k(empty ? 'removed' : 'saved'), { date: formatDay(e.day, opts.current.lang) }));
        }
      } catch (x) {
        const err = toApiError(x);
        if (err.code !== 'validation') notifyError(err);
        if (unsaved.current === e) {
          const fields = err.code === 'validation' ? err.fields : [];
          failure.current = fields[0] ? resultsErrorText(fields[0]) : reasonOf(err);
          setErrors(fields);
        }
      } finally {
        busy.current -= 1;
        settle();
      }
    },
    [settle],
  );

  /** Sends what waits now; settles when every save has. */
  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const w = waiting.current;
    waiting.current = null;
    if (w) chain.current = chain.current.then(() => send(w));
    return chain.current;
  }, [send]);

  const change = useCallback(
    (next: Entry, mode: 'debounce' | 'now') => {
      show(next);
      unsaved.current = next;
      waiting.current = next;
      setDone(null);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (mode === 'now') void flush();
      else timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, show],
  );

  const type = (m: MeasureKey, v: string) =>
    change({ day: shown.current.day, values: { ...shown.current.values, [m]: v } }, 'debounce');

  /** Shows another day: what waits is sent for the day it was typed on, then that day's numbers show; unless the
   *  numbers typed were refused, which stay, for the new day. */
  const pickDay = (day: string) => {
    setDone(null);
    void flush();
    const picked = { day, values: shown.current.values };
    show(picked);
    void chain.current.then(() => {
      if (shown.current !== picked) return; // typed in, or another day picked, meanwhile
      if (unsaved.current !== null) change(picked, 'now');
      else if (isDay(day)) show({ day, values: valuesOf(snapshotOn(day)) });
    });
  };

  const unsavedReason = useCallback(
    () => (unsaved.current !== null && waiting.current === null ? failure.current : null),
    [],
  );

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    waiting.current = null;
    unsaved.current = null;
    failure.current = null;
    return chain.current;
  }, []);

  // Leaving with numbers waiting for the end of typing (another post opened, the post made an idea…): send them now
  // rather than lose them.
  useEffect(() => () => void flush(), [flush]);

  return { entry, errors, status, done, type, pickDay, flush, unsavedReason, discard };
}

function DayForm({ results, today, lang, onSave, onSaved, saverRef, onStatus }: {
  results: PostResults;
  today: string;
  lang: Language;
  onSave: (day: string, measures: Values) => Promise<PostResults>;
  onSaved: (out: PostResults) => void;
  saverRef?: RefObject<ResultsSaver | null>;
  onStatus?: (status: EditorStatus) => void;
}) {
  const { t } = useTranslation();
  const d = useDayEntry({ results, today, lang, save: onSave, onSaved });
  const { flush, unsavedReason, discard, status } = d;
  useEffect(() => {
    if (!saverRef) return;
    saverRef.current = { flush, unsavedReason, discard };
    return () => {
      saverRef.current = null;
    };
  }, [saverRef, flush, unsavedReason, discard]);
  useEffect(() => onStatus?.(status), [onStatus, status]);
  useEffect(() => () => onStatus?.({ kind: 'idle' }), [onStatus]);
  const errorOf = (field: string) => {
    const e = d.errors.find((x) => x.field === field);
    return e ? resultsErrorText(e) : undefined;
  };

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t(k('formTitle'))}
      </Text>
      <Text size="xs" c="dimmed">
        {t(k('formHelp'))}
      </Text>
      <DateField
        label={t(k('day'))}
        value={d.entry.day}
        onChange={(v) => d.pickDay(v)}
        error={errorOf('taken_on')}
        clearable={false}
        w={200}
        testId="post-results-day"
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs">
        {MEASURES.map((m) => (
          // Plain text boxes: what is typed is what Rust reads (a number box would hand over nothing for "2,5"), and
          // the editor re-renders as the user types, where ten formatted inputs would slow it.
          <TextInput
            key={m}
            inputMode="numeric"
            label={t(k(`measures.${m}`))}
            value={d.entry.values[m]}
            onChange={(e) => d.type(m, e.currentTarget.value)}
            onBlur={() => void d.flush()}
            error={errorOf(m)}
            size="xs"
            data-testid={`post-results-${m}`}
            errorProps={{ 'data-testid': `post-results-${m}-error` }}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="teal" role="status" data-testid="post-results-status">
        {d.done ?? ''}
      </Text>
    </Stack>
  );
}
