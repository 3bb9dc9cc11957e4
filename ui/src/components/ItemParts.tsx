// Small pieces the steps' list parts share (benchmark, objectives): the save status line, the delete confirmation,
// the edit / delete buttons, the item form and its save state. Generic over the step's view type `V`.
import { type ReactNode, useState } from 'react';
import { ActionIcon, Button, Group, Modal, type ModalProps, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconCheck, IconLoader2, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type AutosaveOptions, type SaveTracker, useAutosave, useSaveStatus } from '../autosave';
import type { ApiError, FieldError } from '../bindings';
import i18n from '../i18n';

/** The discreet "Saved / Saving… / Not saved" line. */
export function SaveStatusLine<V>({ tracker, testId }: { tracker: SaveTracker<V>; testId: string }) {
  const { t } = useTranslation();
  const status = useSaveStatus(tracker);
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
      <Text size="sm" c="inherit">
        {look.text}
      </Text>
    </Group>
  );
}

/** Asks before deleting; `onConfirm` runs the deletion. */
export function confirmDelete({
  title,
  body,
  onConfirm,
  confirmTestId,
}: {
  title: string;
  body: string;
  onConfirm: () => void;
  confirmTestId: string;
}) {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{body}</Text>,
    labels: { confirm: i18n.t('common.delete'), cancel: i18n.t('common.cancel') },
    confirmProps: { color: 'red', 'data-testid': confirmTestId } as Record<string, unknown>,
    onConfirm,
  });
}

/** The edit and delete buttons of a list item's card, with their labels as tooltips when `tooltips` is set. */
export function EditDeleteActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
  testIdPrefix,
  tooltips = false,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  /** The buttons are `{testIdPrefix}-edit` and `{testIdPrefix}-delete`. */
  testIdPrefix: string;
  tooltips?: boolean;
}) {
  const { t } = useTranslation();
  const edit = (
    <ActionIcon variant="subtle" aria-label={editLabel} onClick={onEdit} data-testid={`${testIdPrefix}-edit`}>
      <IconPencil size={16} />
    </ActionIcon>
  );
  const remove = (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={deleteLabel}
      onClick={onDelete}
      data-testid={`${testIdPrefix}-delete`}
    >
      <IconTrash size={16} />
    </ActionIcon>
  );
  if (!tooltips) {
    return (
      <>
        {edit}
        {remove}
      </>
    );
  }
  return (
    <>
      <Tooltip label={t('common.edit')}>{edit}</Tooltip>
      <Tooltip label={t('common.delete')}>{remove}</Tooltip>
    </>
  );
}

/** The modal form of a list item. A new item has Cancel and Add (it exists once its required fields are given);
 *  an existing one saves itself as it is edited, so its form has just Close. */
export function ItemFormModal({
  title,
  size,
  onClose,
  create,
  closeTestId,
  children,
}: {
  title: ReactNode;
  size: ModalProps['size'];
  /** Closes the form: a new item is given up; an existing one's waiting save is sent as the form goes. */
  onClose: () => void;
  /** Only for a new item: its Add button. */
  create?: { onSubmit: () => void; saving: boolean; testId: string };
  closeTestId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create?.onSubmit();
        }}
        noValidate
      >
        <Stack gap="md">
          {children}
          <Group justify="flex-end">
            {create ? (
              <>
                <Button variant="default" onClick={onClose} data-testid={closeTestId}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={create.saving} data-testid={create.testId}>
                  {t('common.add')}
                </Button>
              </>
            ) : (
              <Button variant="default" onClick={onClose} data-testid={closeTestId}>
                {t('common.close')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The state of a list item's form: its inline errors and whether a save is in flight. A failed save keeps the
 *  values typed (they live in the form) and shows the backend's field errors. */
export function useItemSave<V>(tracker: SaveTracker<V>, key: string) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async (send: () => Promise<V>): Promise<boolean> => {
    setSaving(true);
    try {
      await tracker.run(key, send);
      setErrors([]);
      return true;
    } catch (e) {
      const err = e as ApiError;
      setErrors(err.code === 'validation' ? err.fields : []);
      return false;
    } finally {
      setSaving(false);
    }
  };
  const reset = (clientErrors: FieldError[] = []) => {
    setErrors(clientErrors);
    tracker.forget(key);
  };
  return { errors, saving, submit, reset, setErrors };
}

/** What an item's fields get: the values shown, the inline errors, a setter, and what to do when a field is left. */
export interface FieldsProps<D> {
  values: D;
  errors: FieldError[];
  set: <K extends keyof D>(k: K, v: D[K], mode: 'debounce' | 'now') => void;
  onBlur: () => void;
}

/** A new item's form, with Cancel and Add: the item exists once the backend accepts it. Closing gives it up. */
export function CreateItemModal<D, V>({
  title,
  initial,
  tracker,
  saveKey,
  send,
  onClose,
  submitTestId,
  closeTestId,
  fields,
}: {
  title: ReactNode;
  initial: D;
  tracker: SaveTracker<V>;
  /** The tracker's key for this form's failures. */
  saveKey: string;
  send: (values: D) => Promise<V>;
  onClose: () => void;
  submitTestId: string;
  closeTestId?: string;
  fields: (p: FieldsProps<D>) => ReactNode;
}) {
  const form = useItemSave(tracker, saveKey);
  const [values, setValues] = useState<D>(initial);
  const close = () => {
    form.reset();
    onClose();
  };
  const save = async () => {
    if (await form.submit(() => send(values))) onClose();
  };
  return (
    <ItemFormModal
      title={title}
      size="lg"
      onClose={close}
      create={{ onSubmit: () => void save(), saving: form.saving, testId: submitTestId }}
      closeTestId={closeTestId}
    >
      {fields({
        values,
        errors: form.errors,
        set: (k, v) => setValues((old) => ({ ...old, [k]: v })),
        onBlur: () => undefined,
      })}
    </ItemFormModal>
  );
}

/** An existing item's form: every change saves itself, after a pause in typing or when a field is left. */
export function EditItemModal<D, V>({
  title,
  autosave,
  onClose,
  closeTestId,
  fields,
}: {
  title: ReactNode;
  autosave: AutosaveOptions<D, V>;
  onClose: () => void;
  closeTestId: string;
  fields: (p: FieldsProps<D>) => ReactNode;
}) {
  const s = useAutosave<D, V>(autosave);
  return (
    <ItemFormModal title={title} size="lg" onClose={onClose} closeTestId={closeTestId}>
      {fields({
        values: s.draft,
        errors: s.errors,
        set: (k, v, mode) => s.change({ ...s.draft, [k]: v }, mode),
        onBlur: () => void s.flush(),
      })}
    </ItemFormModal>
  );
}
