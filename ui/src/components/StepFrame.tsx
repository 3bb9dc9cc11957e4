// What the guided steps (audit, benchmark) share around their parts: the header with the progress bar and the save
// status, and the tab strip of the parts, with a check on those filled in.
import { useLayoutEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Paper, Progress, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';

/** A question of a step: its wording, a one-line explanation and a short example. */
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

/** While the step's data loads. */
export function StepLoading({ testId }: { testId: string }) {
  useLayoutEffect(() => {
    setLoadingShown(loadingShown + 1);
    return () => setLoadingShown(loadingShown - 1);
  }, []);
  return (
    <Center py="xl" data-testid={testId}>
      <Loader />
    </Center>
  );
}

/** How many steps show their loader now (the first screen is not ready while one does: see `ReadyWhenIdle`). */
let loadingShown = 0;
const loadingListeners = new Set<() => void>();
function setLoadingShown(n: number) {
  loadingShown = n;
  for (const l of loadingListeners) l();
}
export const stepLoadingShown = () => loadingShown;
const subscribeLoading = (l: () => void) => {
  loadingListeners.add(l);
  return () => void loadingListeners.delete(l);
};
/** `stepLoadingShown()`, rendering again when it changes. */
export const useStepLoadingShown = () => useSyncExternalStore(subscribeLoading, stepLoadingShown);

/** The step's data could not be loaded: say so, and offer to try again. */
export function StepLoadFailed({ testId, title, retryLabel, onRetry }: {
  testId: string;
  title: string;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <Alert color="red" data-testid={testId} icon={<IconAlertTriangle size={18} />} title={title}>
      <Button variant="light" color="red" mt="xs" onClick={onRetry}>
        {retryLabel}
      </Button>
    </Alert>
  );
}

/** A list's query in its three states before it has items to show: loading, failed (with a retry), empty. */
export function ListStatus({ query, failedTestId, failedTitle, retryLabel, empty }: {
  query: { isPending: boolean; isError: boolean; data?: readonly unknown[]; refetch: () => unknown };
  failedTestId: string;
  failedTitle: string;
  retryLabel: string;
  empty: string;
}) {
  if (query.isPending) {
    return (
      <Center py="lg">
        <Loader />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <StepLoadFailed testId={failedTestId} title={failedTitle} retryLabel={retryLabel} onRetry={() => void query.refetch()} />
    );
  }
  if (query.data && query.data.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed" ta="center" size="sm">
          {empty}
        </Text>
      </Paper>
    );
  }
  return null;
}

/** "n of m parts filled" with a progress bar, and the save status on the right. */
export function StepHeader({ filled, label, testId, status }: {
  /** Which of the data parts have something in them. */
  filled: Record<string, boolean>;
  /** The progress in words, also the bar's accessible name. */
  label: (done: number, total: number) => string;
  testId: string;
  status: ReactNode;
}) {
  const done = Object.values(filled).filter(Boolean).length;
  const total = Object.keys(filled).length;
  return (
    <Group justify="space-between" align="center" mb="xs" gap="md">
      <Group gap="sm" style={{ flex: 1, minWidth: 200 }} wrap="nowrap">
        <Text size="sm" c="dimmed" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
          {label(done, total)}
        </Text>
        <Progress
          value={(done / total) * 100}
          size="sm"
          color="teal"
          style={{ flex: 1, maxWidth: 200 }}
          aria-label={label(done, total)}
        />
      </Group>
      {status}
    </Group>
  );
}

/** The parts of a step as tabs (`{testIdPrefix}-tab-{part}`), only the open one mounted. */
export function StepTabs<S extends string>({
  sections,
  value,
  onChange,
  label,
  tabLabel,
  testIdPrefix,
  filled,
  panels,
}: {
  sections: readonly S[];
  value: S;
  onChange: (section: S) => void;
  /** The accessible name of the tab strip. */
  label: string;
  tabLabel: (section: S) => string;
  testIdPrefix: string;
  /** Whether a part has something in it: its tab gets a check (`{testIdPrefix}-tab-{part}-done`). */
  filled: (section: S) => boolean;
  panels: Record<S, ReactNode>;
}) {
  return (
    <Tabs
      value={value}
      onChange={(v) => {
        const s = sections.find((x) => x === v);
        if (s) onChange(s);
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label={label}>
        {sections.map((s) => (
          <Tabs.Tab
            key={s}
            value={s}
            data-testid={`${testIdPrefix}-tab-${s}`}
            rightSection={
              filled(s) ? (
                <IconCircleCheck
                  size={16}
                  color="var(--mantine-color-teal-6)"
                  aria-hidden
                  data-testid={`${testIdPrefix}-tab-${s}-done`}
                />
              ) : null
            }
          >
            {tabLabel(s)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sections.map((s) => (
        <Tabs.Panel key={s} value={s} pt="lg">
          {panels[s]}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
