// The editorial item editor of the calendar (step 4): a drawer with the item's fields, which saves itself as the user
// types (one undo entry per opening), and its relay posts: those that relay it, and new ones to create on the kept
// networks that do not relay it yet.
import { useId, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconCheck, IconShare, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError, EditorialItem, EditorialItemInput, EditorialStatus, EditorialType, FieldError } from '../../bindings';
import { notifyError } from '../../errors';
import './i18n';
import {
  closeEditor,
  EditorTitle,
  editorErrorText,
  errorOf,
  onCtrlEnter,
  type Prepared,
  useEditorSave,
  useEditorSession,
  confirmEditorDelete,
} from './PostEditor';
import { DateField } from '../common/DateField';
import { dayLabel, dayOf, EMPTY_EDITORIAL, PILLAR_COLORS, rowName, textLength, timeOf, useCal } from './state';

const TYPES: readonly EditorialType[] = ['article', 'newsletter', 'event', 'product_launch', 'video', 'other'];
const STATUSES: readonly EditorialStatus[] = ['planned', 'in_progress', 'ready', 'published'];

function prepareEditorial(d: EditorialItemInput): Prepared<EditorialItemInput> {
  const errors: FieldError[] = [];
  if (d.title.trim() === '') errors.push({ field: 'title', code: 'required' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.push({ field: 'date', code: 'required' });
  return errors.length > 0 ? { errors } : { input: d };
}

function inputOf(item: EditorialItem): EditorialItemInput {
  const { id: _id, ...input } = item;
  return input;
}

/** The text a relay post starts with (as the Rust side makes it, before shortening): the title and the link. */
export function relayText(title: string, link: string): string {
  const t = title.trim();
  const l = link.trim();
  return l === '' ? t : `${t} ${l}`;
}

/** The drawer that edits an editorial item (`item`), or a new one with the fields of `preset` set. */
export function EditorialEditor(props: {
  opened: boolean;
  item: EditorialItem | null;
  preset?: Partial<EditorialItemInput>;
  onClose: () => void;
}) {
  const session = useEditorSession(props.opened, props.item?.id ?? null);
  return <EditorialEditorSession key={session} {...props} />;
}

function EditorialEditorSession({
  opened,
  item,
  preset,
  onClose,
}: {
  opened: boolean;
  item: EditorialItem | null;
  preset?: Partial<EditorialItemInput>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { actions } = useCal();
  const group = `editorial-editor-${useId()}`;
  const s = useEditorSave<EditorialItemInput, EditorialItemInput, EditorialItem>({
    initial: item ? inputOf(item) : { ...EMPTY_EDITORIAL, ...preset },
    saved: item,
    prepare: prepareEditorial,
    save: (before, input) => actions.saveEditorial(before, input, group),
    errorText: editorErrorText,
  });
  const d = s.draft;
  const err = (field: string) => errorOf(s.errors, field);
  const set = <K extends keyof EditorialItemInput>(k: K, v: EditorialItemInput[K], mode: 'debounce' | 'now') =>
    s.change((old) => ({ ...old, [k]: v }), mode);
  const flush = () => void s.flush();
  const close = () => void closeEditor(s, onClose);

  const remove = () =>
    confirmEditorDelete(s, {
      title: t('calendar.editor.editorial.deleteTitle'),
      body: t('calendar.editor.editorial.deleteBody', { name: d.title.trim() || s.record?.title || '' }),
      confirmTestId: 'editorial-editor-delete-confirm',
      remove: actions.deleteEditorial,
      onClose,
    });

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size="lg"
      title={
        <EditorTitle
          title={t(s.record ? 'calendar.editor.editorial.editTitle' : 'calendar.editor.editorial.newTitle')}
          status={s.status}
          testId="editorial-editor-status"
        />
      }
      data-testid="editorial-editor"
    >
      <Stack gap="md" onKeyDown={onCtrlEnter(close)}>
        <TextInput
          label={t('calendar.editor.editorial.title')}
          placeholder={t('calendar.editor.editorial.titleHint')}
          value={d.title}
          onChange={(e) => set('title', e.currentTarget.value, 'debounce')}
          onBlur={flush}
          error={err('title')}
          withAsterisk
          data-autofocus
          data-testid="editorial-editor-title"
          errorProps={{ 'data-testid': 'editorial-editor-title-error' }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('calendar.editor.editorial.type')}
            data={TYPES.map((ty) => ({ value: ty, label: t(`calendar.editorialTypes.${ty}`) }))}
            value={d.item_type}
            onChange={(v) => v && set('item_type', v as EditorialType, 'now')}
            error={err('item_type')}
            allowDeselect={false}
            data-testid="editorial-editor-type"
          />
          <DateField
            label={t('calendar.editor.day')}
            value={d.date}
            onChange={(v) => set('date', v, 'now')}
            onBlur={flush}
            error={err('date')}
            required
            testId="editorial-editor-date"
            errorTestId="editorial-editor-date-error"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('calendar.editor.editorial.theme')}
            placeholder={t('calendar.editor.editorial.themeHint')}
            value={d.theme}
            onChange={(e) => set('theme', e.currentTarget.value, 'debounce')}
            onBlur={flush}
            error={err('theme')}
            data-testid="editorial-editor-theme"
          />
          <TextInput
            label={t('calendar.editor.editorial.owner')}
            placeholder={t('calendar.editor.editorial.ownerHint')}
            value={d.owner}
            onChange={(e) => set('owner', e.currentTarget.value, 'debounce')}
            onBlur={flush}
            error={err('owner')}
            data-testid="editorial-editor-owner"
          />
        </SimpleGrid>
        <Select
          label={t('calendar.editor.editorial.status')}
          data={STATUSES.map((st) => ({ value: st, label: t(`calendar.editorialStatus.${st}`) }))}
          value={d.status}
          onChange={(v) => v && set('status', v as EditorialStatus, 'now')}
          error={err('status')}
          allowDeselect={false}
          data-testid="editorial-editor-status-select"
        />
        <TextInput
          label={t('calendar.editor.link')}
          placeholder={t('calendar.editor.linkHint')}
          value={d.link}
          onChange={(e) => set('link', e.currentTarget.value, 'debounce')}
          onBlur={flush}
          error={err('link')}
          data-testid="editorial-editor-link"
        />
        <Divider label={t('calendar.editor.relays.title')} labelPosition="left" />
        <RelaySection record={s.record} draft={d} flushed={s.flush} />
        <Divider />
        <Group justify="space-between">
          {s.record ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={remove}
              data-testid="editorial-editor-delete"
            >
              {t('calendar.editor.editorial.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={close} data-testid="editorial-editor-close">
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

/** The posts that relay the item, and the kept networks to create relay posts on. */
function RelaySection({
  record,
  draft,
  flushed,
}: {
  record: EditorialItem | null;
  draft: EditorialItemInput;
  /** Saves what waits; resolves with the item as saved (relay posts are made from it). */
  flushed: () => Promise<EditorialItem | null>;
}) {
  const { t } = useTranslation();
  const { view, lang, actions, openPost, select } = useCal();
  const [chosen, setChosen] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<number | null>(null);

  if (!record) {
    return (
      <Text size="sm" c="dimmed" data-testid="relay-section">
        {t('calendar.editor.relays.saveFirst')}
      </Text>
    );
  }

  const relays = [...view.calendar.posts, ...view.calendar.ideas].filter((p) => p.editorial_item_id === record.id);
  const candidates = view.rows.filter((r) => r.kept && !relays.some((p) => p.network === r.network));
  const text = relayText(draft.title, draft.link);
  const count = textLength(text);
  const picked = chosen.filter((n) => candidates.some((r) => r.network === n));

  const create = async () => {
    setCreating(true);
    try {
      const saved = (await flushed()) ?? record;
      const posts = await actions.createRelays(saved, picked);
      setChosen([]);
      setMade(posts.length);
      select(
        posts.map((p) => p.id),
        saved.id,
      );
    } catch (e) {
      notifyError(e as ApiError);
    } finally {
      setCreating(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="relay-section">
      <Text size="sm" c="dimmed">
        {t('calendar.editor.relays.help')}
      </Text>
      {relays.length === 0 ? (
        <Text size="sm" data-testid="relay-none">
          {t('calendar.editor.relays.none')}
        </Text>
      ) : (
        <Stack gap={4} data-testid="relay-list" aria-label={t('calendar.editor.relays.list')}>
          {relays.map((p) => {
            const name = p.title.trim() || p.text.trim().slice(0, 40) || t('calendar.editor.post.untitled');
            const when = p.scheduled_at
              ? `${dayLabel(dayOf(p.scheduled_at), lang)} ${timeOf(p.scheduled_at)}`
              : t('calendar.editor.relays.idea');
            return (
              <UnstyledButton
                key={p.id}
                onClick={() => openPost(p)}
                aria-label={t('calendar.editor.relays.open', { name })}
                data-testid="relay-post"
                data-post-id={p.id}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Group gap="xs" wrap="nowrap">
                  <Badge
                    size="sm"
                    variant="light"
                    color={p.pillar ? PILLAR_COLORS[p.pillar] : 'gray'}
                    tt="none"
                    style={{ flexShrink: 0 }}
                  >
                    {rowName(view, p.network)}
                  </Badge>
                  <Text size="sm" truncate style={{ minWidth: 0 }}>
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0, marginLeft: 'auto' }}>
                    {when} · {t(`calendar.status.${p.status}`)}
                  </Text>
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      )}
      {made !== null && (
        <Alert
          variant="light"
          color="teal"
          icon={<IconCheck size={18} />}
          withCloseButton
          onClose={() => setMade(null)}
          data-testid="relay-made"
        >
          {t('calendar.editor.relays.made', { count: made })}
        </Alert>
      )}
      {candidates.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="relay-all-done">
          {t('calendar.editor.relays.allDone')}
        </Text>
      ) : (
        <Checkbox.Group
          label={t('calendar.editor.relays.pick')}
          description={t('calendar.editor.relays.pickHelp')}
          value={picked}
          onChange={setChosen}
          data-testid="relay-networks"
        >
          <Stack gap={6} mt="xs">
            {candidates.map((r) => {
              const shortened = r.max_length !== null && count > r.max_length;
              return (
                <Checkbox
                  key={r.network}
                  value={r.network}
                  label={r.name}
                  description={
                    <>
                      {r.max_length === null
                        ? t('calendar.editor.relays.lengthNoLimit', { count })
                        : t('calendar.editor.relays.length', { count, max: r.max_length })}
                      {shortened && (
                        <Text span size="xs" c="orange" data-testid={`relay-shortened-${r.network}`}>
                          {' — '}
                          {t('calendar.editor.relays.shortened')}
                        </Text>
                      )}
                    </>
                  }
                  data-testid={`relay-network-${r.network}`}
                  data-shortened={shortened ? 'true' : 'false'}
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
      )}
      {candidates.length > 0 && (
        <Group>
          <Button
            leftSection={<IconShare size={16} />}
            onClick={() => void create()}
            disabled={picked.length === 0}
            loading={creating}
            data-testid="relay-create"
          >
            {t('calendar.editor.relays.create')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
