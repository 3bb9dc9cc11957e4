// The "Results" section of the post editor (a dated post): the format as published, the post's link on its network,
// its snapshots of results, and a form to type the numbers of a day (step 5's commands). The rates are not shown
// here: step 5 shows those Rust computes.
import { memo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContentFormat, Language, Measures, PostResults, ResultSnapshot } from '../../bindings';
import { notifyError } from '../../errors';
import { formatDay } from '../../format';
import { toApiError } from '../../ipc';
import { adaptApi } from '../adapt/ipc';
import { adaptKeys, CONTENT_FORMATS, EMPTY_MEASURES, isDay, MEASURES } from '../adapt/state';
import { useCal } from './state';

const k = (key: string) => `calendar.editor.results.${key}`;

type MeasureKey = keyof Measures;
/** What the boxes hold (text, as typed). */
type Values = Record<MeasureKey, string>;

function valuesOf(snapshot: ResultSnapshot | undefined): Values {
  const m = snapshot?.measures ?? EMPTY_MEASURES;
  return Object.fromEntries(MEASURES.map((key) => [key, m[key] === null ? '' : String(m[key])])) as Values;
}

/** What a save sends: an empty box is an unknown measure (null), never 0; or the boxes that hold no whole number. */
export function measuresOf(values: Values): { measures: Measures } | { bad: MeasureKey[] } {
  const bad = MEASURES.filter((key) => values[key].trim() !== '' && !/^\d+$/.test(values[key].trim()));
  if (bad.length > 0) return { bad };
  const measures = Object.fromEntries(
    MEASURES.map((key) => [key, values[key].trim() === '' ? null : Number(values[key].trim())]),
  ) as unknown as Measures;
  return { measures };
}

/** Memoised: the editor re-renders at each keystroke, and this part does not depend on what is typed. */
export const PostResultsSection = memo(function PostResultsSection({ postId }: { postId: number }) {
  const { t } = useTranslation();
  const { strategyId, lang, view } = useCal();
  const client = useQueryClient();
  const key = adaptKeys.postResults(strategyId, postId);
  const query = useQuery({ queryKey: key, queryFn: () => adaptApi.postResults(strategyId, postId) });
  const results = query.data;

  /** Puts the answer on screen; step 5's evaluation is out of date. */
  const changed = (out: PostResults) => {
    client.setQueryData(key, out);
    void client.invalidateQueries({ queryKey: adaptKeys.evaluations(strategyId) });
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
  // Only the measures some snapshot knows: the table stays narrow.
  const columns = MEASURES.filter((m) => snapshots.some((s) => s.measures[m] !== null));
  const number = new Intl.NumberFormat(lang);
  return (
    <Table.ScrollContainer minWidth={200 + columns.length * 90} maxHeight={220}>
      <Table fz="xs" striped withTableBorder aria-label={t(k('snapshots'))} data-testid="post-results-snapshots">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(k('day'))}</Table.Th>
            <Table.Th>{t(k('source'))}</Table.Th>
            {columns.map((m) => (
              <Table.Th key={m} ta="right">
                {t(k(`measures.${m}`))}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...snapshots].reverse().map((s) => (
            <Table.Tr key={s.taken_on} data-testid={`post-results-snapshot-${s.taken_on}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(s.taken_on, lang)}</Table.Td>
              <Table.Td>{t(k(`sources.${s.source}`))}</Table.Td>
              {columns.map((m) => (
                <Table.Td key={m} ta="right">
                  {s.measures[m] === null ? '—' : number.format(s.measures[m])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DayForm({ results, today, lang, onSave, onSaved }: {
  results: PostResults;
  today: string;
  lang: Language;
  onSave: (day: string, measures: Measures) => Promise<PostResults>;
  onSaved: (out: PostResults) => void;
}) {
  const { t } = useTranslation();
  const snapshotOn = (day: string) => results.snapshots.find((s) => s.taken_on === day);
  const [day, setDay] = useState(today);
  const [values, setValues] = useState<Values>(() => valuesOf(snapshotOn(today)));
  const [saving, setSaving] = useState(false);
  const [dayError, setDayError] = useState<string | null>(null);
  const [bad, setBad] = useState<MeasureKey[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const pickDay = (next: string) => {
    setDay(next);
    setDone(null);
    setDayError(null);
    // The numbers already there for that day, to correct them.
    if (isDay(next)) setValues(valuesOf(snapshotOn(next)));
  };

  const save = async () => {
    const prepared = measuresOf(values);
    setBad('bad' in prepared ? prepared.bad : []);
    if (!isDay(day)) setDayError(t(k('invalidDate')));
    if (!isDay(day) || 'bad' in prepared) return;
    const { measures } = prepared;
    setSaving(true);
    setDone(null);
    try {
      const out = await onSave(day, measures);
      onSaved(out);
      const empty = MEASURES.every((m) => measures[m] === null);
      setDone(t(k(empty ? 'removed' : 'saved'), { date: formatDay(day, lang) }));
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'validation' && err.fields.some((f) => f.field === 'taken_on')) setDayError(t(k('invalidDate')));
      else notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t(k('formTitle'))}
      </Text>
      <Text size="xs" c="dimmed">
        {t(k('formHelp'))}
      </Text>
      <TextInput
        type="date"
        label={t(k('day'))}
        value={day}
        onChange={(e) => pickDay(e.currentTarget.value)}
        error={dayError}
        w={180}
        data-testid="post-results-day"
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs">
        {MEASURES.map((m) => (
          // Plain number boxes: the editor re-renders as the user types, and ten formatted inputs would slow it.
          <TextInput
            key={m}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            label={t(k(`measures.${m}`))}
            value={values[m]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDone(null);
              setValues((old) => ({ ...old, [m]: v }));
            }}
            error={bad.includes(m) ? t(k('notCount')) : undefined}
            size="xs"
            data-testid={`post-results-${m}`}
          />
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <Button size="xs" onClick={() => void save()} loading={saving} data-testid="post-results-save">
          {t(k('save'))}
        </Button>
        <Text size="xs" c="teal" role="status" data-testid="post-results-status">
          {done ?? ''}
        </Text>
      </Group>
    </Stack>
  );
}
