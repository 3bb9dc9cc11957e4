// The findings the Rust side computed for a step, most severe first, each in the UI language with a link to its data.
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import type { Finding, Language, Severity } from '../bindings';

const SEVERITIES: readonly Severity[] = ['blocking', 'warning', 'info'];
const SEVERITY_LOOK: Record<Severity, { color: string; Icon: typeof IconInfoCircle }> = {
  blocking: { color: 'red', Icon: IconCircleX },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  info: { color: 'blue', Icon: IconInfoCircle },
};

/** The test ids of the list's parts; `severity` is left off the badge when not given. */
export interface FindingTestIds {
  list: string;
  empty: string;
  item: string;
  severity?: string;
  title: string;
  explanation: string;
  suggestion: string;
  link: string;
}

/** The texts of the list, already translated in the step's own words. */
export interface FindingTexts {
  empty: string;
  severity: (severity: Severity) => string;
  suggestion: (text: string) => string;
  seeData: string;
}

export function FindingsList({ findings, lang, texts, testIds, onOpen }: {
  findings: readonly Finding[];
  lang: Language;
  texts: FindingTexts;
  testIds: FindingTestIds;
  /** What "See the data" does. */
  onOpen: (finding: Finding) => void;
}) {
  // Stable sort: the backend's order is kept within a severity.
  const sorted = [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  return (
    <Stack gap="sm" data-testid={testIds.list} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {sorted.length === 0 && (
        <Text c="dimmed" component="li" data-testid={testIds.empty}>
          {texts.empty}
        </Text>
      )}
      {sorted.map((f, i) => (
        <FindingCard
          key={`${f.kind}-${f.network ?? ''}-${i}`}
          finding={f}
          lang={lang}
          texts={texts}
          testIds={testIds}
          onOpen={onOpen}
        />
      ))}
    </Stack>
  );
}

export function FindingCard({ finding: f, lang, texts, testIds, onOpen }: {
  finding: Finding;
  lang: Language;
  texts: FindingTexts;
  testIds: FindingTestIds;
  onOpen: (finding: Finding) => void;
}) {
  const { color, Icon } = SEVERITY_LOOK[f.severity];
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      data-testid={testIds.item}
      data-kind={f.kind}
      data-severity={f.severity}
      data-network={f.network ?? undefined}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon color={color} variant="light" radius="xl" size="lg" aria-hidden>
          <Icon size={20} />
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge color={color} variant="light" size="sm" data-testid={testIds.severity}>
              {texts.severity(f.severity)}
            </Badge>
            <Text fw={700} data-testid={testIds.title}>
              {f.title[lang]}
            </Text>
          </Group>
          <Text size="sm" data-testid={testIds.explanation}>
            {f.explanation[lang]}
          </Text>
          <Text size="sm" c="dimmed" data-testid={testIds.suggestion}>
            {texts.suggestion(f.suggestion[lang])}
          </Text>
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              rightSection={<IconArrowRight size={14} />}
              onClick={() => onOpen(f)}
              data-testid={testIds.link}
            >
              {texts.seeData}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
