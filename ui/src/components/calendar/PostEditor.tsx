// The post editor of the calendar (step 4): a drawer with every field of a post, which saves itself as the user types
// (one undo entry per opening), the length of the text against the chosen network's limit and how it fits the other
// networks, the checks about the post, and its results once it has a day (./PostResults); what the decided A/B tests
// of step 5 taught on its network, and an A/B test started from it. Also the pieces the
// editorial item editor shares: the editing session, the autosave of a draft, the save status line and the field
// errors.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  Alert,
  Autocomplete,
  Badge,
  Button,
  Checkbox,
  Collapse,
  Divider,
  Drawer,
  Group,
  Input,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import {
  IconAB,
  IconAlertTriangle,
  IconBulb,
  IconCheck,
  IconChevronDown,
  IconChevronUp,
  IconCircleX,
  IconCopy,
  IconInfoCircle,
  IconLoader2,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SAVE_DELAY_MS } from '../../autosave';
import type {
  ApiError,
  CalendarFinding,
  CalendarRow,
  CalendarView,
  FieldError,
  Pillar,
  Post,
  PostInput,
  PostStatus,
  Severity,
  VariedElement,
} from '../../bindings';
import { fieldErrorText, limitsOf, notifyError, notifySuccess } from '../../errors';
import { formatDay } from '../../format';
import i18n from '../../i18n';
import { networkWords } from '../../networkWords';
import { abKeys } from '../adapt/abIpc';
import { BestTimesHint, PlannedMark } from './PlanMarks';
import { objectivesKey } from '../objectives/state';
import { confirmDelete } from '../ItemParts';
import './i18n';
import { DateField, TimeField } from '../common/DateField';
import { calApi } from './ipc';
import { PostResultsSection, type ResultsSaver } from './PostResults';
import {
  calendarKey,
  dayOf,
  EMPTY_POST,
  newPostDefaults,
  inputOf,
  invalidateCalendar,
  PILLAR_COLORS,
  POST_STATUSES,
  postById,
  rowName,
  textLength,
  timeOf,
  undoStackOf,
  useCal,
  useLearnings,
} from './state';

// ---------------------------------------------------------------------------------------------------------------
// What both editors share.

/** A new editing session each time the editor opens, or opens on another record: a fresh draft, a new undo group.
 *  While it is closed the session stays, so that the drawer keeps its content as it slides away. */
export function useEditorSession(opened: boolean, id: number | null): number {
  const [s, setS] = useState({ opened, id, session: 0 });
  if (opened !== s.opened || (opened && id !== s.id)) {
    setS({ opened, id: opened ? id : s.id, session: opened ? s.session + 1 : s.session });
  }
  return s.session;
}

export type EditorStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; reason: string };

/** A draft turned into what a save sends, or the errors that keep it from being sent as it is. */
export type Prepared<I> = { input: I } | { errors: FieldError[] };

export interface EditorSaveOptions<D, I, R> {
  /** The draft to start from (only read on the first render). */
  initial: D;
  /** The record as saved, or null for a new one (the first save creates it). */
  saved: R | null;
  prepare: (draft: D) => Prepared<I>;
  /** Saves `input` over `before` (null creates); resolves with the record saved, rejects with an `ApiError`. */
  save: (before: R | null, input: I) => Promise<R>;
  errorText: (e: FieldError) => string;
}

export interface EditorSave<D, R> {
  draft: D;
  /** The record as last saved. */
  record: R | null;
  /** The field errors of the last save (the backend's), or those that keep the draft from being sent. */
  errors: FieldError[];
  status: EditorStatus;
  /** Changes the draft and saves it: after a pause in typing, or at once. */
  change: (update: (d: D) => D, mode: 'debounce' | 'now') => void;
  /** Saves at once what waits; resolves with the record as saved once every save has settled. */
  flush: () => Promise<R | null>;
  /** Why what is on screen is not saved (the last save failed, or it cannot be sent), or null when it is. */
  unsavedReason: () => string | null;
  /** Gives up what waits (before a deletion); resolves with the record once the saves on their way have settled. */
  discard: () => Promise<R | null>;
}

function reasonOf(e: ApiError, errorText: (e: FieldError) => string): string {
  if (e.code === 'validation') return e.fields[0] ? errorText(e.fields[0]) : i18n.t('errors.validation');
  const key = `errors.${e.code}`;
  return i18n.exists(key) ? i18n.t(key, { message: e.message }) : i18n.t('errors.internal');
}

/** A draft saved as it is edited, one save after the other, each over the record the previous one answered with (so
 *  a new record is created once, then updated). The answers never overwrite the draft: what is typed stays, even when
 *  a save fails. */
export function useEditorSave<D, I, R>(o: EditorSaveOptions<D, I, R>): EditorSave<D, R> {
  const [draft, setDraft] = useState<D>(o.initial);
  const [record, setRecord] = useState<R | null>(o.saved);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<EditorStatus>({ kind: 'idle' });
  const opts = useRef(o);
  useEffect(() => {
    opts.current = o;
  });
  const draftRef = useRef<D>(o.initial);
  /** The draft the record holds (what was last saved, or the draft opened with). */
  const sent = useRef<D>(o.initial);
  const recordRef = useRef<R | null>(o.saved);
  const failure = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const busy = useRef(0);

  const settle = useCallback(() => {
    setStatus(
      busy.current > 0
        ? { kind: 'saving' }
        : failure.current !== null
          ? { kind: 'error', reason: failure.current }
          : { kind: 'saved' },
    );
  }, []);

  /** Sends the newest draft, if it is not saved yet. */
  const send = useCallback(async () => {
    const value = draftRef.current;
    if (value === sent.current) return;
    const { prepare, save, errorText } = opts.current;
    const prepared = prepare(value);
    if ('errors' in prepared) {
      failure.current = errorText(prepared.errors[0]);
      setErrors(prepared.errors);
      settle();
      return;
    }
    busy.current += 1;
    settle();
    try {
      const out = await save(recordRef.current, prepared.input);
      recordRef.current = out;
      sent.current = value;
      failure.current = null;
      setRecord(out);
      setErrors([]);
    } catch (e) {
      const err = e as ApiError;
      failure.current = reasonOf(err, errorText);
      setErrors(err.code === 'validation' ? err.fields : []);
      if (err.code !== 'validation') notifyError(err);
    } finally {
      busy.current -= 1;
      settle();
    }
  }, [settle]);

  const flush = useCallback((): Promise<R | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(send);
    return chain.current.then(() => recordRef.current);
  }, [send]);

  const change = useCallback(
    (update: (d: D) => D, mode: 'debounce' | 'now') => {
      const next = update(draftRef.current);
      draftRef.current = next;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (mode === 'now') void flush();
      else timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const unsavedReason = useCallback(
    () => (draftRef.current !== sent.current && failure.current !== null ? failure.current : null),
    [],
  );

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    sent.current = draftRef.current;
    return chain.current.then(() => recordRef.current);
  }, []);

  // Leaving with a save still waiting for the end of typing: send it now rather than lose it.
  const flushIfWaiting = useCallback(() => {
    if (timer.current) void flush();
  }, [flush]);
  useEffect(() => () => flushIfWaiting(), [flushIfWaiting]);

  return { draft, record, errors, status, change, flush, unsavedReason, discard };
}

/** The inline text of a field error: the editor's own wording first, then the app's. */
export function editorErrorText(e: FieldError): string {
  for (const key of [`calendar.editor.fieldErrors.${e.field}_${e.code}`, `calendar.editor.fieldErrors.${e.code}`]) {
    if (i18n.exists(key)) return i18n.t(key, limitsOf(e));
  }
  return fieldErrorText(e.code, limitsOf(e));
}

/** The error of `field` among `errors`, in words (quoting the limit Rust sent with it). */
export function errorOf(errors: readonly FieldError[], field: string): string | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? editorErrorText(e) : undefined;
}

/** The discreet "Saving… / Saved / Not saved: …" line of an editor. */
export function EditorStatusLine({ status, testId }: { status: EditorStatus; testId: string }) {
  const { t } = useTranslation();
  const look =
    status.kind === 'saving'
      ? { color: 'dimmed', icon: <IconLoader2 size={14} aria-hidden />, text: t('common.saving') }
      : status.kind === 'saved'
        ? { color: 'teal', icon: <IconCheck size={14} aria-hidden />, text: t('common.saved') }
        : status.kind === 'error'
          ? {
              color: 'red',
              icon: <IconAlertTriangle size={14} aria-hidden />,
              text: t('common.notSaved', { reason: status.reason }),
            }
          : { color: 'dimmed', icon: null, text: '' };
  return (
    <Group
      component="span"
      gap={4}
      wrap="nowrap"
      data-testid={testId}
      data-status={status.kind}
      role="status"
      aria-live="polite"
      c={look.color}
      style={{ minHeight: 20 }}
    >
      {look.icon}
      <Text size="sm" c="inherit" component="span">
        {look.text}
      </Text>
    </Group>
  );
}

/** Closes an editor: sends what waits, then closes, unless something could not be saved (it asks first). */
export async function closeEditor(s: Pick<EditorSave<unknown, unknown>, 'flush' | 'unsavedReason' | 'discard'>, onClose: () => void) {
  await s.flush();
  const reason = s.unsavedReason();
  if (reason === null) {
    onClose();
    return;
  }
  modals.openConfirmModal({
    title: i18n.t('calendar.editor.discard.title'),
    children: <Text size="sm">{i18n.t('calendar.editor.discard.body', { reason })}</Text>,
    labels: { confirm: i18n.t('calendar.editor.discard.confirm'), cancel: i18n.t('calendar.editor.discard.keep') },
    confirmProps: { color: 'red', 'data-testid': 'editor-discard-confirm' } as Record<string, unknown>,
    cancelProps: { 'data-testid': 'editor-discard-cancel' } as Record<string, unknown>,
    onConfirm: () => {
      void s.discard();
      onClose();
    },
  });
}

/** One status for the drawer's title out of its parts' (the post's fields, its results): saving while one saves, not
 *  saved while one failed. */
export function combineStatus(a: EditorStatus, b: EditorStatus): EditorStatus {
  if (a.kind === 'saving' || b.kind === 'saving') return { kind: 'saving' };
  if (a.kind === 'error') return a;
  if (b.kind === 'error') return b;
  return a.kind === 'saved' || b.kind === 'saved' ? { kind: 'saved' } : { kind: 'idle' };
}

/** Asks before deleting what the editor shows; once confirmed, drops what waits to be saved, deletes the record (if
 *  it was ever saved) and closes. */
export function confirmEditorDelete<R>(
  s: Pick<EditorSave<unknown, R>, 'discard'>,
  o: { title: string; body: string; confirmTestId: string; remove: (saved: R) => Promise<unknown>; onClose: () => void },
) {
  confirmDelete({
    title: o.title,
    body: o.body,
    confirmTestId: o.confirmTestId,
    onConfirm: () => {
      void (async () => {
        const saved = await s.discard();
        if (!saved) return o.onClose();
        try {
          await o.remove(saved);
          o.onClose();
        } catch (e) {
          notifyError(e as ApiError);
        }
      })();
    },
  });
}

/** Ctrl+Enter (Cmd+Enter on a Mac) anywhere in the editor. */
export function onCtrlEnter(run: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };
}

/** The drawer's heading: its title and the save status (spans only: it sits in a heading). */
export function EditorTitle({ title, status, testId }: { title: string; status: EditorStatus; testId: string }) {
  return (
    <Stack gap={0} component="span">
      <Text fw={700} size="lg" component="span">
        {title}
      </Text>
      <EditorStatusLine status={status} testId={testId} />
    </Stack>
  );
}

export const SEVERITY_LOOK: Record<Severity, { color: string; icon: ReactNode }> = {
  blocking: { color: 'red', icon: <IconCircleX size={18} /> },
  warning: { color: 'orange', icon: <IconAlertTriangle size={18} /> },
  info: { color: 'blue', icon: <IconInfoCircle size={18} /> },
};

// ---------------------------------------------------------------------------------------------------------------
// The post editor.

const PILLARS: readonly Pillar[] = ['promotion', 'curation', 'interaction'];
/** The statuses that need a day. */
const NEEDS_DATE: readonly PostStatus[] = ['scheduled', 'published'];
const DEFAULT_TIME = '10:00';
/** What an A/B test started from a post may vary. */
const VARIED: readonly VariedElement[] = ['photo', 'title', 'text', 'time', 'format'];

/** A post as edited: its day and time apart, and whether it is an idea (no date), so that ticking "No date yet" and
 *  unticking it gives the day back. */
interface PostDraft extends Omit<PostInput, 'scheduled_at'> {
  idea: boolean;
  day: string;
  time: string;
}

function draftOf(input: PostInput): PostDraft {
  const { scheduled_at, ...rest } = input;
  return {
    ...rest,
    idea: scheduled_at === null,
    day: scheduled_at ? dayOf(scheduled_at) : '',
    time: scheduled_at ? timeOf(scheduled_at) : DEFAULT_TIME,
  };
}

function preparePost(d: PostDraft): Prepared<PostInput> {
  const errors: FieldError[] = [];
  if (d.network === '') errors.push({ field: 'network', code: 'required' });
  if (!d.idea && !/^\d{4}-\d{2}-\d{2}$/.test(d.day)) errors.push({ field: 'scheduled_at', code: 'required' });
  if (errors.length > 0) return { errors };
  const { idea, day, time, ...rest } = d;
  const hhmm = /^\d{2}:\d{2}/.test(time) ? time.slice(0, 5) : DEFAULT_TIME;
  return { input: { ...rest, scheduled_at: idea ? null : `${day}T${hhmm}` } };
}

function postName(p: { title: string; text: string }): string {
  return p.title.trim() || p.text.trim().slice(0, 40) || i18n.t('calendar.editor.post.untitled');
}

/** The drawer that edits a post (`post`), or a new one with the fields of `preset` set. */
export function PostEditor(props: {
  opened: boolean;
  post: Post | null;
  preset?: Partial<PostInput>;
  onClose: () => void;
}) {
  const session = useEditorSession(props.opened, props.post?.id ?? null);
  return <PostEditorSession key={session} {...props} />;
}

function PostEditorSession({
  opened,
  post,
  preset,
  onClose,
}: {
  opened: boolean;
  post: Post | null;
  preset?: Partial<PostInput>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { strategyId, range, view, objectives, actions, lang, openPost } = useCal();
  const client = useQueryClient();
  const [starting, setStarting] = useState(false);
  const group = `post-editor-${useId()}`;
  const s = useEditorSave<PostDraft, PostInput, Post>({
    initial: draftOf(post ? inputOf(post) : { ...EMPTY_POST, ...newPostDefaults(view?.rows, preset?.network), ...preset }),
    saved: post,
    prepare: preparePost,
    save: (before, input) => actions.savePost(before, input, group),
    errorText: editorErrorText,
  });
  // The results typed for a day save themselves too: closing the editor sends what waits of both, and asks before
  // losing what either could not save.
  const resultsRef = useRef<ResultsSaver | null>(null);
  const [resultsStatus, setResultsStatus] = useState<EditorStatus>({ kind: 'idle' });
  const whole = {
    flush: async () => {
      const [record] = await Promise.all([s.flush(), resultsRef.current?.flush()]);
      return record;
    },
    unsavedReason: () => s.unsavedReason() ?? resultsRef.current?.unsavedReason() ?? null,
    discard: async () => {
      await resultsRef.current?.discard();
      return s.discard();
    },
  };
  const d = s.draft;
  const err = (field: string) => errorOf(s.errors, field);
  const set = <K extends keyof PostDraft>(k: K, v: PostDraft[K], mode: 'debounce' | 'now') =>
    s.change((old) => ({ ...old, [k]: v }), mode);
  const flush = () => void s.flush();
  const close = () => void closeEditor(whole, onClose);

  const remove = () =>
    confirmEditorDelete(whole, {
      title: t('calendar.editor.post.deleteTitle'),
      body: t('calendar.editor.post.deleteBody', { name: postName(d) }),
      confirmTestId: 'post-editor-delete-confirm',
      remove: actions.deletePost,
      onClose,
    });

  const prepared = preparePost(d);
  const duplicate = async () => {
    if ('errors' in prepared) return;
    await s.flush();
    try {
      const copy = await actions.savePost(null, prepared.input);
      notifySuccess(t('calendar.editor.post.duplicated'));
      openPost(copy);
    } catch (e) {
      notifyError(e as ApiError);
    }
  };

  /** Starts an A/B test with the post as saved (what waits is saved first) as variant A, then opens variant B. */
  const startTest = async (varied: VariedElement) => {
    const saved = await s.flush();
    if (!saved || s.unsavedReason() !== null) return;
    setStarting(true);
    try {
      const test = await calApi.abTestStart(strategyId, saved.id, varied, lang);
      notifySuccess(t('calendar.editor.ab.started'));
      // B was created outside the calendar's changes: its views, step 3's mix and step 5's tests are out of date,
      // and the undo history cannot describe it (it is forgotten, as after an import).
      undoStackOf(strategyId).clear();
      void client.invalidateQueries({ queryKey: objectivesKey(strategyId), refetchType: 'none' });
      void client.invalidateQueries({ queryKey: abKeys.tests(strategyId) });
      await invalidateCalendar(client, strategyId);
      const b = test.variant_data.find((v) => v.label === 'B') ?? test.variant_data[1];
      if (b?.post_id == null) return;
      let copy = postById(client.getQueryData<CalendarView>(calendarKey(strategyId, range)) ?? view, b.post_id);
      if (!copy && b.scheduled_at) {
        const day = dayOf(b.scheduled_at);
        copy = postById(await calApi.get(strategyId, { from: day, to: day }), b.post_id);
      }
      if (copy) openPost(copy);
    } catch (e) {
      notifyError(e as ApiError);
    } finally {
      setStarting(false);
    }
  };

  // The choices of the selects.
  const networkData = view.rows.map((r) => ({
    value: r.network,
    label: r.kept ? r.name : t('calendar.editor.post.notKept', { name: r.name }),
  }));
  if (d.network !== '' && !view.rows.some((r) => r.network === d.network)) {
    networkData.push({ value: d.network, label: t('calendar.editor.post.notKept', { name: d.network }) });
  }
  const topics = objectives?.data.topics ?? [];
  const topicData = PILLARS.map((p) => ({
    group: t(`calendar.pillars.${p}`),
    items: topics.filter((tp) => tp.pillar === p).map((tp) => ({ value: String(tp.id), label: tp.name })),
  })).filter((g) => g.items.length > 0);
  const topic = topics.find((tp) => tp.id === d.topic_id);
  const objectiveList = objectives?.data.objectives ?? [];
  const objectiveData = objectiveList.map((o) => ({ value: String(o.id), label: o.title }));
  const editorialData = view.editorial_all.map((e) => ({
    value: String(e.id),
    label: `${e.title} — ${formatDay(e.date, lang)}`,
  }));
  if (d.editorial_item_id !== null && !view.editorial_all.some((e) => e.id === d.editorial_item_id)) {
    editorialData.push({ value: String(d.editorial_item_id), label: `#${d.editorial_item_id}` });
  }
  const statusData = POST_STATUSES.map((st) => ({
    value: st,
    label: t(`calendar.status.${st}`),
    disabled: d.idea && NEEDS_DATE.includes(st),
  }));

  const toggleIdea = (idea: boolean) =>
    s.change(
      (old) => ({
        ...old,
        idea,
        day: !idea && old.day === '' ? view.today : old.day,
        status: idea && NEEDS_DATE.includes(old.status) ? 'ready' : old.status,
      }),
      'now',
    );
  const pickTopic = (v: string | null) => {
    const id = v === null ? null : Number(v);
    const picked = topics.find((tp) => tp.id === id);
    s.change((old) => ({ ...old, topic_id: id, pillar: old.pillar ?? picked?.pillar ?? null }), 'now');
  };

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size="lg"
      title={
        <EditorTitle
          title={t(s.record ? 'calendar.editor.post.editTitle' : 'calendar.editor.post.newTitle')}
          status={combineStatus(s.status, resultsStatus)}
          testId="post-editor-status"
        />
      }
      data-testid="post-editor"
    >
      <Stack gap="md" onKeyDown={(e) => onCtrlEnter(close)(e)}>
        <Select
          label={t('calendar.editor.post.network')}
          placeholder={t('calendar.editor.post.networkHint')}
          data={networkData}
          value={d.network === '' ? null : d.network}
          onChange={(v) => v && set('network', v, 'now')}
          error={err('network')}
          allowDeselect={false}
          withAsterisk
          data-autofocus={d.network === '' ? true : undefined}
          data-testid="post-editor-network"
        />
        <PlannedMark post={s.record} />
        <PostLearnings network={d.network} />
        <Stack gap="xs">
          {!d.idea && (
            <SimpleGrid cols={2} spacing="sm">
              <DateField
                label={t('calendar.editor.day')}
                value={d.day}
                onChange={(v) => set('day', v, 'now')}
                onBlur={flush}
                error={err('scheduled_at')}
                clearable={false}
                testId="post-editor-day"
                errorTestId="post-editor-day-error"
              />
              <TimeField
                label={t('calendar.editor.time')}
                value={d.time}
                onChange={(v) => set('time', v, 'debounce')}
                onBlur={flush}
                testId="post-editor-time"
              />
            </SimpleGrid>
          )}
          {!d.idea && (
            <BestTimesHint
              network={d.network}
              day={d.day}
              onPick={(day, time) => s.change((old) => ({ ...old, day, time }), 'now')}
            />
          )}
          <Checkbox
            label={t('calendar.editor.post.noDate')}
            description={d.idea ? t('calendar.editor.post.noDateHelp') : undefined}
            checked={d.idea}
            onChange={(e) => toggleIdea(e.currentTarget.checked)}
            data-testid="post-editor-idea"
          />
        </Stack>
        <TextInput
          label={t('calendar.editor.post.title')}
          placeholder={t('calendar.editor.post.titleHint')}
          value={d.title}
          onChange={(e) => set('title', e.currentTarget.value, 'debounce')}
          onBlur={flush}
          error={err('title')}
          data-autofocus={d.network !== '' ? true : undefined}
          data-testid="post-editor-title"
          errorProps={{ 'data-testid': 'post-editor-title-error' }}
        />
        <Stack gap={4}>
          <Textarea
            label={t('calendar.editor.post.text')}
            placeholder={t('calendar.editor.post.textHint')}
            value={d.text}
            onChange={(e) => set('text', e.currentTarget.value, 'debounce')}
            onBlur={flush}
            error={err('text')}
            autosize
            minRows={4}
            maxRows={16}
            data-testid="post-editor-text"
            errorProps={{ 'data-testid': 'post-editor-text-error' }}
          />
          <LengthFit text={d.text} network={d.network} rows={view.rows} />
        </Stack>
        <TextInput
          label={t('calendar.editor.link')}
          placeholder={t('calendar.editor.linkHint')}
          value={d.link}
          onChange={(e) => set('link', e.currentTarget.value, 'debounce')}
          onBlur={flush}
          error={err('link')}
          data-testid="post-editor-link"
        />
        <Textarea
          label={t('calendar.editor.post.media')}
          placeholder={t('calendar.editor.post.mediaHint')}
          value={d.media_notes}
          onChange={(e) => set('media_notes', e.currentTarget.value, 'debounce')}
          onBlur={flush}
          error={err('media_notes')}
          autosize
          minRows={2}
          data-testid="post-editor-media"
        />
        <Input.Wrapper
          label={t('calendar.editor.post.pillar')}
          description={t('calendar.editor.post.pillarHelp')}
          error={err('pillar')}
        >
          <div>
            <SegmentedControl
              fullWidth
              color={d.pillar ? PILLAR_COLORS[d.pillar] : 'gray'}
              data={[
                { value: 'none', label: t('calendar.editor.post.noPillar') },
                ...PILLARS.map((p) => ({ value: p, label: t(`calendar.pillars.${p}`) })),
              ]}
              value={d.pillar ?? 'none'}
              onChange={(v) => set('pillar', v === 'none' ? null : (v as Pillar), 'now')}
              data-testid="post-editor-pillar"
            />
          </div>
        </Input.Wrapper>
        <Select
          label={t('calendar.editor.post.topic')}
          placeholder={t('calendar.editor.post.topicHint')}
          description={
            topics.length === 0
              ? t('calendar.editor.post.topicNone')
              : topic && d.pillar && topic.pillar !== d.pillar
                ? t('calendar.editor.post.topicOtherPillar', { pillar: t(`calendar.pillars.${topic.pillar}`) })
                : undefined
          }
          data={topicData}
          value={d.topic_id === null ? null : String(d.topic_id)}
          onChange={pickTopic}
          error={err('topic_id')}
          clearable
          searchable
          data-testid="post-editor-topic"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('calendar.editor.post.status')}
            description={d.idea ? t('calendar.editor.post.statusNeedsDate') : undefined}
            data={statusData}
            value={d.status}
            onChange={(v) => v && set('status', v as PostStatus, 'now')}
            error={err('status')}
            allowDeselect={false}
            data-testid="post-editor-status-select"
          />
          <Autocomplete
            label={t('calendar.editor.post.campaign')}
            placeholder={t('calendar.editor.post.campaignHint')}
            description={t('calendar.editor.post.campaignHelp')}
            data={view.campaigns}
            value={d.campaign}
            onChange={(v) => set('campaign', v, 'debounce')}
            onBlur={flush}
            error={err('campaign')}
            data-testid="post-editor-campaign"
          />
        </SimpleGrid>
        <Select
          label={t('calendar.editor.post.objective')}
          placeholder={t('calendar.editor.post.objectiveHint')}
          description={objectiveList.length === 0 ? t('calendar.editor.post.objectiveNone') : undefined}
          data={objectiveData}
          value={d.objective_id === null ? null : String(d.objective_id)}
          onChange={(v) => set('objective_id', v === null ? null : Number(v), 'now')}
          error={err('objective_id')}
          clearable
          data-testid="post-editor-objective"
        />
        <Select
          label={t('calendar.editor.post.editorial')}
          placeholder={t('calendar.editor.post.editorialHint')}
          description={t('calendar.editor.post.editorialHelp')}
          data={editorialData}
          value={d.editorial_item_id === null ? null : String(d.editorial_item_id)}
          onChange={(v) => set('editorial_item_id', v === null ? null : Number(v), 'now')}
          error={err('editorial_item_id')}
          clearable
          searchable
          data-testid="post-editor-editorial"
        />
        {s.record?.scheduled_at && (
          <>
            <Divider label={t('calendar.editor.results.title')} labelPosition="left" />
            <PostResultsSection postId={s.record.id} saverRef={resultsRef} onStatus={setResultsStatus} />
          </>
        )}
        <Divider label={t('calendar.editor.post.checks')} labelPosition="left" />
        <PostChecks postId={s.record?.id ?? null} text={d.text} network={d.network} rows={view.rows} />
        <Divider />
        <Group justify="space-between">
          <Group gap="xs">
            {s.record && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={remove}
                data-testid="post-editor-delete"
              >
                {t('calendar.editor.post.delete')}
              </Button>
            )}
            {s.record && (
              <Button
                variant="subtle"
                leftSection={<IconCopy size={16} />}
                onClick={() => void duplicate()}
                disabled={'errors' in prepared}
                data-testid="post-editor-duplicate"
              >
                {t('calendar.editor.post.duplicate')}
              </Button>
            )}
            {s.record && (
              <Menu position="top-start" width={280} withinPortal>
                <Menu.Target>
                  <Button
                    variant="subtle"
                    leftSection={<IconAB size={16} aria-hidden />}
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                    loading={starting}
                    disabled={'errors' in prepared || s.status.kind === 'error'}
                    data-testid="post-ab-start"
                  >
                    {t('calendar.editor.ab.start')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown data-testid="post-ab-menu">
                  <Menu.Label>{t('calendar.editor.ab.varies')}</Menu.Label>
                  {VARIED.map((v) => (
                    <Menu.Item key={v} onClick={() => void startTest(v)} data-testid={`post-ab-varied-${v}`}>
                      {t(`calendar.editor.ab.varied.${v}`)}
                    </Menu.Item>
                  ))}
                  <Menu.Divider />
                  <Text size="xs" c="dimmed" px="sm" py={4}>
                    {t('calendar.editor.ab.help')}
                  </Text>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          <Button onClick={close} data-testid="post-editor-close">
            {t('calendar.editor.done')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('calendar.editor.shortcut')}
        </Text>
      </Stack>
    </Drawer>
  );
}

/** What the decided A/B tests taught on the post's network (nothing when they taught nothing there): each learning
 *  with its test and the winning variant, in a box that folds. */
function PostLearnings({ network }: { network: string }) {
  const { t } = useTranslation();
  const { strategyId, view } = useCal();
  const learnings = useLearnings(strategyId, network).data ?? [];
  const [open, setOpen] = useState(true);
  const listId = useId();
  if (network === '' || learnings.length === 0) return null;
  const title = t(
    'calendar.editor.learnings.title',
    networkWords(
      view.rows.find((r) => r.network === network),
      rowName(view, network),
    ),
  );
  return (
    <Paper withBorder radius="sm" px="sm" py={6} data-testid="post-learnings" data-network={network}>
      <UnstyledButton
        w="100%"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={listId}
        data-testid="post-learnings-toggle"
      >
        <Group gap="xs" wrap="nowrap">
          <IconBulb size={18} color="var(--mantine-color-yellow-6)" aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" fw={600} style={{ flex: 1 }}>
            {title}
          </Text>
          <Badge size="sm" variant="light" color="yellow" tt="none">
            {t('calendar.editor.learnings.count', { count: learnings.length })}
          </Badge>
          {open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack
          component="ul"
          id={listId}
          aria-label={title}
          gap={6}
          mt={6}
          mb={2}
          p={0}
          style={{ listStyle: 'none', maxHeight: 180, overflowY: 'auto' }}
        >
          {learnings.map((l) => (
            <li key={l.test_id} data-testid={`post-learning-${l.test_id}`}>
              <Text size="sm">{l.learning}</Text>
              <Text size="xs" c="dimmed">
                {l.winner
                  ? t('calendar.editor.learnings.source', { name: l.name, winner: l.winner })
                  : t('calendar.editor.learnings.sourceNoWinner', { name: l.name })}
              </Text>
            </li>
          ))}
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** How long the text is for a network: its count, its limit, and whether it fits. */
function fitOf(text: string, row: CalendarRow | undefined) {
  const count = textLength(text);
  const max = row?.max_length ?? null;
  return { count, max, fits: max === null || count <= max };
}

/** The counter under the text ("123 / 280", red when over) and how the text fits the other kept networks. */
function LengthFit({ text, network, rows }: { text: string; network: string; rows: CalendarRow[] }) {
  const { t } = useTranslation();
  const row = rows.find((r) => r.network === network);
  const { count, max, fits } = fitOf(text, row);
  const others = rows.filter((r) => r.kept && r.network !== network);
  return (
    <Stack gap={4}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="red" data-testid="post-editor-over">
          {!fits && max !== null && t('calendar.editor.post.over', { ...networkWords(row, network), count: count - max })}
        </Text>
        <Text
          size="sm"
          c={fits ? 'dimmed' : 'red'}
          fw={fits ? undefined : 700}
          style={{ whiteSpace: 'nowrap' }}
          data-testid="post-editor-counter"
          data-over={fits ? 'false' : 'true'}
        >
          {network === ''
            ? t('calendar.editor.post.counterNoNetwork', { count })
            : max === null
              ? t('calendar.editor.post.counterNoLimit', { count })
              : t('calendar.editor.post.counter', { count, max })}
        </Text>
      </Group>
      {others.length > 0 && (
        <Group gap={6} data-testid="post-editor-fit">
          <Text size="xs" c="dimmed">
            {t('calendar.editor.post.fitLabel')}
          </Text>
          {others.map((r) => {
            const f = fitOf(text, r);
            const values = { network: r.name, count: f.count, max: f.max };
            const [label, aria] =
              f.max === null
                ? [t('calendar.editor.post.fitsNoLimit', values), t('calendar.editor.post.fitsNoLimitAria', values)]
                : f.fits
                  ? [t('calendar.editor.post.fits', values), t('calendar.editor.post.fitsAria', values)]
                  : [t('calendar.editor.post.tooLong', values), t('calendar.editor.post.tooLongAria', values)];
            return (
              <Badge
                key={r.network}
                size="sm"
                variant="light"
                color={f.fits ? 'teal' : 'red'}
                tt="none"
                role="img"
                aria-label={aria}
                data-testid={`post-editor-fit-${r.network}`}
                data-fits={f.fits ? 'true' : 'false'}
              >
                {label}
              </Badge>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}

/** The findings about the post (from the view's checks), and the live length check. */
function PostChecks({
  postId,
  text,
  network,
  rows,
}: {
  postId: number | null;
  text: string;
  network: string;
  rows: CalendarRow[];
}) {
  const { t } = useTranslation();
  const { view, lang } = useCal();
  const row = rows.find((r) => r.network === network);
  const length = fitOf(text, row);
  // The length is checked here as the user types; the view's length finding would lag behind.
  const findings: CalendarFinding[] =
    postId === null
      ? []
      : // Only the findings about this post (Rust gives them a `post_title`), not those about the plan or a network.
        view.checks.findings.filter(
          (f) => f.post_title !== null && f.posts.includes(postId) && f.kind !== 'post_too_long',
        );
  const items: { key: string; kind: string; severity: Severity; title: string; explanation: string; suggestion: string }[] =
    findings.map((f, i) => ({
      key: `${f.kind}-${i}`,
      kind: f.kind,
      severity: f.severity,
      title: (f.post_title ?? f.title)[lang],
      explanation: f.explanation[lang],
      suggestion: f.suggestion[lang],
    }));
  if (!length.fits && length.max !== null) {
    const values = { ...networkWords(row, network), count: length.count, max: length.max };
    items.unshift({
      key: 'length',
      kind: 'post_too_long',
      severity: 'warning',
      title: t('calendar.editor.post.lengthTitle', values),
      explanation: t('calendar.editor.post.lengthExplanation', values),
      suggestion: t('calendar.editor.post.lengthSuggestion'),
    });
  }
  return (
    <Stack gap="xs" data-testid="post-editor-checks">
      {items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="post-editor-checks-none">
          {postId === null ? t('calendar.editor.post.checksNew') : t('calendar.editor.post.checksNone')}
        </Text>
      )}
      {items.map((f) => (
        <Alert
          key={f.key}
          variant="light"
          color={SEVERITY_LOOK[f.severity].color}
          icon={SEVERITY_LOOK[f.severity].icon}
          title={f.title}
          data-testid="post-editor-check"
          data-kind={f.kind}
          data-severity={f.severity}
        >
          <Stack gap={2}>
            {f.explanation && <Text size="sm">{f.explanation}</Text>}
            {f.suggestion && (
              <Text size="sm" fs="italic">
                {t('calendar.editor.post.suggestion', { text: f.suggestion })}
              </Text>
            )}
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
