// Small pieces the benchmark's parts share.
import { useState } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BenchmarkView, FieldError } from '../bindings';
import i18n from '../i18n';
import { type SaveTracker, useSaveStatus } from './state';

/** A question of the benchmark: its wording, a one-line explanation and a short example. */
export function Question({ title, help, example, id }: { title: string; help: string; example?: string; id?: string }) {
  return (
    <Stack gap={2} id={id}>
      <Text fw={700} size="lg" component="h3" m={0}>
        {title}
      </Text>
      <Text size="sm">{help}</Text>
      {example && (
        <Text size="sm" c="dimmed" fs="italic">
          {example}
        </Text>
      )}
    </Stack>
  );
}

/** The discreet "Saved / Saving… / Not saved" line. */
export function SaveStatusLine({ tracker }: { tracker: SaveTracker }) {
  const { t } = useTranslation();
  const status = useSaveStatus(tracker);
  const look =
    status.kind === 'saving'
      ? { color: 'dimmed', icon: <IconLoader2 size={14} aria-hidden />, text: t('benchmark.status.saving') }
      : status.kind === 'saved'
        ? { color: 'teal', icon: <IconCheck size={14} aria-hidden />, text: t('benchmark.status.saved') }
        : status.kind === 'error'
          ? {
              color: 'red',
              icon: <IconAlertTriangle size={14} aria-hidden />,
              text: t('benchmark.status.error', { reason: status.reason }),
            }
          : { color: 'dimmed', icon: null, text: '' };
  return (
    <Group
      gap={4}
      wrap="nowrap"
      data-testid="bench-save-status"
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
export function confirmDelete({ title, body, onConfirm }: { title: string; body: string; onConfirm: () => void }) {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{body}</Text>,
    labels: { confirm: i18n.t('benchmark.common.delete'), cancel: i18n.t('benchmark.common.cancel') },
    confirmProps: { color: 'red', 'data-testid': 'bench-confirm-delete' } as Record<string, unknown>,
    onConfirm,
  });
}

/** The state of a list item's form: its inline errors and whether a save is in flight. A failed save keeps the
 *  values typed (they live in the form) and shows the backend's field errors. */
export function useItemSave(tracker: SaveTracker, key: string) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async (send: () => Promise<BenchmarkView>): Promise<boolean> => {
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
