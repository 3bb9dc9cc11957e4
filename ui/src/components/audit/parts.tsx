// Small pieces the audit's parts share.
import { Stack, Text } from '@mantine/core';
import type { Network } from '../../bindings';
import i18n from '../../i18n';

/** A question of the audit: its wording, a one-line explanation and a short example. */
export function Question({ title, help, example }: { title: string; help: string; example?: string }) {
  return (
    <Stack gap={2}>
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

/** The name of a network in the UI language (built-in owned media have translated names). */
export function networkName(networks: readonly Network[], key: string): string {
  const n = networks.find((x) => x.key === key);
  if (n && !n.custom) {
    const k = `audit.networkNames.${key}`;
    if (i18n.exists(k)) return i18n.t(k);
  }
  return n?.name ?? key;
}

/** Brings an element into view (when the browser can) once it is rendered. */
export function scrollIntoView(id: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    el?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  });
}
