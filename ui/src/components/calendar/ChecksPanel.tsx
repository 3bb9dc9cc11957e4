// The calendar's checks panel (step 4): what the Rust side found over the period on screen or over the whole plan
// (the scope: a toggle; the Rust side says what each covers), most severe first (a click highlights the posts
// concerned in the grid), the content mix against its target (all networks, then each), and how much each topic is
// used. It scrolls on its own, beside the grid or below it.
import { lazy, memo, Suspense, useState } from 'react';
import { useCallbackRef, useUncontrolled } from '@mantine/hooks';
import {
  Accordion,
  Badge,
  Box,
  Button,
  Center,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleX, IconExternalLink, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
// The donut's styles (the calendar may open before any step that draws a chart).
import '@mantine/charts/styles.css';
import type { CalendarFinding, CalendarRow, CalendarView, EditorialItem, Language, MixGauge, MixWeights, ObjectivesView, Pillar, Post, Severity, TopicCount } from '../../bindings';
import { PILLARS } from '../objectives/state';
import './i18n';
import { PILLAR_COLORS, postById, useCal, usePlanChecks, type ChecksScopeKind } from './state';

const MixDonut = lazy(() => import('../objectives/MixDonut'));

const SEVERITIES: readonly Severity[] = ['blocking', 'warning', 'info'];
const SEVERITY_LOOK: Record<Severity, { color: string; Icon: typeof IconInfoCircle }> = {
  blocking: { color: 'red', Icon: IconCircleX },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  info: { color: 'blue', Icon: IconInfoCircle },
};

/** What a finding opens: its one post ('p'), or its one editorial item ('e') when it concerns no post. */
function openTargetOf(
  view: CalendarView,
  f: CalendarFinding,
): { kind: 'p'; post: Post } | { kind: 'e'; item: EditorialItem } | undefined {
  if (f.posts.length === 1) {
    const post = postById(view, f.posts[0]);
    return post && { kind: 'p', post };
  }
  if (f.posts.length === 0 && f.editorial.length === 1) {
    const item = view.calendar.editorial.find((e) => e.id === f.editorial[0]);
    return item && { kind: 'e', item };
  }
  return undefined;
}

const NO_FINDINGS: readonly CalendarFinding[] = [];

/** Identifies a finding across recomputations of the checks. */
const keyOf = (f: CalendarFinding) => `${f.kind}|${f.network ?? ''}|${f.posts.join(',')}|${f.editorial.join(',')}`;

/** The panel reads the calendar; its sections get the parts of the checks they show, and render again only when those
 *  change (the query keeps unchanged parts as the same objects): not at every move of a post. The scope is the
 *  screen's (`scope`, `onScope`), or the panel's own. */
export function ChecksPanel({ scope: scopeProp, onScope }: {
  scope?: ChecksScopeKind;
  onScope?: (scope: ChecksScopeKind) => void;
}) {
  const { t } = useTranslation();
  const { strategyId, view, objectives, lang, selectedPosts, selectedEditorial, select, openPost, openEditorial } = useCal();
  const [scope, setScope] = useUncontrolled<ChecksScopeKind>({
    value: scopeProp,
    defaultValue: 'period',
    onChange: onScope,
  });
  const plan = usePlanChecks(strategyId, scope === 'plan');
  // The whole plan's checks, while they load: none (the panel says they load).
  const checks = scope === 'plan' ? plan.data : view.checks;
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const findings = checks?.findings ?? NO_FINDINGS;
  /** The finding is what the grid highlights now. */
  const isActive = (f: CalendarFinding) => {
    if (activeKey !== keyOf(f)) return false;
    const posts = new Set(f.posts);
    return (
      posts.size === selectedPosts.size &&
      f.posts.every((id) => selectedPosts.has(id)) &&
      (f.editorial[0] ?? null) === selectedEditorial
    );
  };
  const anyActive = findings.some(isActive);
  const hasSelection = selectedPosts.size > 0 || selectedEditorial !== null || anyActive;

  const toggle = (f: CalendarFinding) => {
    if (isActive(f)) {
      setActiveKey(null);
      select([]);
    } else {
      setActiveKey(keyOf(f));
      select(f.posts, f.editorial[0] ?? null);
    }
  };
  const clear = () => {
    setActiveKey(null);
    select([]);
  };
  const activeFinding = findings.find(isActive);

  // The sections get the same functions from one render to the next (`useCallbackRef` calls the latest).
  const onToggle = useCallbackRef(toggle);
  const onOpen = useCallbackRef((f: CalendarFinding) => {
    const target = openTargetOf(view, f);
    if (target?.kind === 'p') openPost(target.post);
    else if (target?.kind === 'e') openEditorial(target.item);
  });
  // What each finding can open, as a string so that it compares equal while the same (see `FindingsSection`).
  const openable = findings.map((f) => openTargetOf(view, f)?.kind ?? '-').join('');

  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;

  return (
    <Paper
      component="aside"
      aria-label={t('calendar.checks.panel.label')}
      withBorder
      radius="md"
      data-testid="checks-panel"
      style={{
        display: 'flex',
        flexDirection: 'column',
        height: '100%',
        minHeight: 0,
        width: '100%',
        minWidth: 0,
        overflow: 'hidden',
      }}
    >
      <Stack gap={6} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)', flex: 'none' }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text component="h2" fw={700} size="lg" m={0}>
            {t('calendar.checks.panel.title')}
          </Text>
          {hasSelection && (
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconX size={14} />}
              onClick={clear}
              data-testid="checks-clear-selection"
            >
              {t('calendar.checks.findings.clear')}
            </Button>
          )}
        </Group>
        <SegmentedControl
          size="xs"
          fullWidth
          value={scope}
          onChange={(v) => setScope(v as ChecksScopeKind)}
          aria-label={t('calendar.checks.scope.label')}
          data-testid="checks-scope"
          data={[
            { value: 'period', label: view.checks.scope.name[lang] },
            { value: 'plan', label: t('calendar.checks.scope.plan') },
          ]}
        />
        <Text size="xs" c="dimmed" data-testid="checks-period" data-scope={checks?.scope.kind}>
          {checks ? checks.scope.covers[lang] : t('calendar.checks.scope.loading')}
        </Text>
        {checks && (
          <Group gap={4} data-testid="checks-counts">
            {findings.length === 0 ? (
              <Badge color="green" variant="light" size="sm">
                {t('calendar.checks.panel.none')}
              </Badge>
            ) : (
              SEVERITIES.filter((s) => count(s) > 0).map((s) => (
                <Badge
                  key={s}
                  color={SEVERITY_LOOK[s].color}
                  variant="light"
                  size="sm"
                  data-testid={`checks-count-${s}`}
                >
                  {t(`calendar.checks.panel.${s}`, { count: count(s) })}
                </Badge>
              ))
            )}
          </Group>
        )}
      </Stack>
      <ScrollArea type="auto" scrollbars="y" offsetScrollbars="y" style={{ flex: '1 1 0', minHeight: 0 }} data-testid="checks-scroll">
        <Stack gap="lg" p="sm">
          <ChecksHelp tolerance={view.checks.options.mix_tolerance} minPosts={view.checks.mix_min_posts} />
          {checks ? (
            <>
              <FindingsSection
                findings={checks.findings}
                scope={checks.scope.kind}
                activeKey={activeFinding ? keyOf(activeFinding) : null}
                openable={openable}
                lang={lang}
                onToggle={onToggle}
                onOpen={onOpen}
              />
              <GaugesSection
                gauges={checks.gauges}
                rows={view.rows}
                objectives={objectives}
                minPosts={checks.mix_min_posts}
                tolerance={checks.options.mix_tolerance}
              />
              <TopicsSection topics={checks.topics} objectives={objectives} lang={lang} />
            </>
          ) : plan.isError ? (
            <Stack gap="xs" align="flex-start" data-testid="checks-plan-failed">
              <Text size="sm" c="red">
                {t('calendar.checks.scope.failed')}
              </Text>
              <Button size="compact-xs" variant="light" onClick={() => void plan.refetch()}>
                {t('calendar.retry')}
              </Button>
            </Stack>
          ) : (
            <Center py="md">
              <Loader size="sm" aria-label={t('calendar.checks.scope.loading')} data-testid="checks-plan-loading" />
            </Center>
          )}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}

function SectionTitle({ title, help }: { title: string; help?: string }) {
  return (
    <Stack gap={2}>
      <Text component="h3" fw={700} size="sm" m={0}>
        {title}
      </Text>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </Stack>
  );
}

const ChecksHelp = memo(function ChecksHelp({ tolerance, minPosts }: { tolerance: number; minPosts: number }) {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" radius="md" chevronPosition="right" data-testid="checks-help">
      <Accordion.Item value="help">
        <Accordion.Control icon={<IconInfoCircle size={16} />}>
          <Text size="sm">{t('calendar.checks.help.title')}</Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <Text size="xs">{t('calendar.checks.help.intro')}</Text>
            <List size="xs" spacing={4}>
              <List.Item>{t('calendar.checks.help.rhythm')}</List.Item>
              <List.Item>{t('calendar.checks.help.variety')}</List.Item>
              <List.Item>{t('calendar.checks.help.fit')}</List.Item>
              <List.Item>{t('calendar.checks.help.mix', { tolerance, min: minPosts })}</List.Item>
              <List.Item>{t('calendar.checks.help.timing')}</List.Item>
              <List.Item>{t('calendar.checks.help.loose')}</List.Item>
            </List>
            <Text size="xs" c="dimmed">
              {t('calendar.checks.help.outro')}
            </Text>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The findings.

const FindingsSection = memo(function FindingsSection({ findings, scope, activeKey, openable, lang, onToggle, onOpen }: {
  findings: readonly CalendarFinding[];
  scope: ChecksScopeKind;
  /** The finding the grid highlights now, if any (see `keyOf`). */
  activeKey: string | null;
  /** What each finding can open, in order: 'p' its post, 'e' its editorial item, '-' nothing. */
  openable: string;
  lang: Language;
  onToggle: (f: CalendarFinding) => void;
  onOpen: (f: CalendarFinding) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" data-testid="checks-findings">
      <SectionTitle title={t('calendar.checks.findings.title')} />
      {findings.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="checks-findings-empty">
          {t(scope === 'plan' ? 'calendar.checks.findings.emptyPlan' : 'calendar.checks.findings.empty')}
        </Text>
      )}
      {SEVERITIES.map((s) => {
        // The backend's order is kept within a severity.
        const mine = findings.flatMap((f, i) => (f.severity === s ? [{ f, i }] : []));
        if (mine.length === 0) return null;
        return (
          <Stack key={s} gap={6} data-testid={`checks-group-${s}`}>
            <Text component="h4" size="xs" fw={700} tt="uppercase" c={`${SEVERITY_LOOK[s].color}.7`} m={0}>
              {t(`calendar.checks.findings.groups.${s}`)}
            </Text>
            <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {mine.map(({ f, i }) => (
                <FindingItem
                  key={`${keyOf(f)}-${i}`}
                  finding={f}
                  active={activeKey === keyOf(f)}
                  opens={openable[i]}
                  lang={lang}
                  onToggle={onToggle}
                  onOpen={onOpen}
                />
              ))}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
});

function FindingItem({ finding: f, active, opens, lang, onToggle, onOpen }: {
  finding: CalendarFinding;
  active: boolean;
  /** 'p': the finding's one post can be opened; 'e': its one editorial item; anything else: nothing. */
  opens: string | undefined;
  lang: Language;
  onToggle: (f: CalendarFinding) => void;
  onOpen: (f: CalendarFinding) => void;
}) {
  const { t } = useTranslation();
  const { color, Icon } = SEVERITY_LOOK[f.severity];
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      style={{
        borderLeft: `4px solid var(--mantine-color-${color}-6)`,
        background: active ? 'var(--mantine-primary-color-light)' : undefined,
        overflow: 'hidden',
      }}
    >
      <UnstyledButton
        onClick={() => onToggle(f)}
        aria-pressed={active}
        title={t('calendar.checks.findings.showHint')}
        data-testid="calendar-finding"
        data-kind={f.kind}
        data-severity={f.severity}
        data-network={f.network ?? undefined}
        p="xs"
        w="100%"
        style={{ display: 'block', overflowWrap: 'anywhere' }}
      >
        <Stack gap={4}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <ThemeIcon color={color} variant="light" radius="xl" size="sm" aria-hidden>
              <Icon size={14} />
            </ThemeIcon>
            <VisuallyHidden>{t(`calendar.checks.findings.severities.${f.severity}`)}:</VisuallyHidden>
            <Text size="sm" fw={700} style={{ flex: 1, minWidth: 0 }} data-testid="calendar-finding-title">
              {f.title[lang]}
            </Text>
          </Group>
          <Text size="xs" data-testid="calendar-finding-explanation">
            {f.explanation[lang]}
          </Text>
          <Text size="xs" c="dimmed" data-testid="calendar-finding-suggestion">
            {t('calendar.checks.findings.suggestion', { text: f.suggestion[lang] })}
          </Text>
          {f.posts.length > 0 && (
            <Text size="xs" c="dimmed" fs="italic">
              {t('calendar.checks.findings.posts', { count: f.posts.length })}
            </Text>
          )}
        </Stack>
      </UnstyledButton>
      {(opens === 'p' || opens === 'e') && (
        <Group px="xs" pb="xs" gap="xs">
          {opens === 'p' && (
            <Button
              variant="light"
              size="compact-xs"
              leftSection={<IconExternalLink size={12} />}
              onClick={() => onOpen(f)}
              data-testid="calendar-finding-open-post"
            >
              {t('calendar.checks.findings.openPost')}
            </Button>
          )}
          {opens === 'e' && (
            <Button
              variant="light"
              size="compact-xs"
              leftSection={<IconExternalLink size={12} />}
              onClick={() => onOpen(f)}
              data-testid="calendar-finding-open-editorial"
            >
              {t('calendar.checks.findings.openEditorial')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The content mix.

const roundMix = (a: { promotion: number; curation: number; interaction: number }): MixWeights => ({
  promotion: Math.round(a.promotion),
  curation: Math.round(a.curation),
  interaction: Math.round(a.interaction),
});

const GaugesSection = memo(function GaugesSection({ gauges: all, rows, objectives, minPosts, tolerance }: {
  gauges: readonly MixGauge[];
  rows: readonly CalendarRow[];
  objectives: ObjectivesView | undefined;
  minPosts: number;
  tolerance: number;
}) {
  const { t } = useTranslation();
  // The strategy's gauge first, then the networks' in the backend's (the rows') order.
  const gauges = [...all].sort((a, b) => Number(a.network !== null) - Number(b.network !== null));
  if (gauges.length === 0) return null;
  return (
    <Stack gap="xs" component="section" data-testid="checks-mix">
      <SectionTitle title={t('calendar.checks.mix.title')} help={t('calendar.checks.mix.help')} />
      {gauges.map((g) => (
        <Gauge
          key={g.network ?? ''}
          gauge={g}
          name={g.network === null ? null : (rows.find((r) => r.network === g.network)?.name ?? g.network)}
          objectives={objectives}
          minPosts={minPosts}
          tolerance={tolerance}
        />
      ))}
    </Stack>
  );
});

type GaugeState = 'empty' | 'too_few' | 'within' | 'off';

function stateOf(g: MixGauge, minPosts: number): GaugeState {
  if (g.actual === null) return 'empty';
  if (!g.within_tolerance) return 'off';
  return g.posts < minPosts ? 'too_few' : 'within';
}

const STATE_LOOK: Record<GaugeState, { color: string; text: string } | null> = {
  empty: null,
  too_few: { color: 'gray', text: 'tooFew' },
  within: { color: 'green', text: 'within' },
  off: { color: 'orange', text: 'off' },
};

function Gauge({ gauge: g, name: networkName, objectives, minPosts, tolerance }: {
  gauge: MixGauge;
  /** The network's name; null for the strategy's gauge. */
  name: string | null;
  objectives: ObjectivesView | undefined;
  minPosts: number;
  tolerance: number;
}) {
  const { t } = useTranslation();
  const id = g.network ?? 'strategy';
  const name = networkName ?? t('calendar.checks.mix.strategy');
  const state = stateOf(g, minPosts);
  const look = STATE_LOOK[state];
  const followsStrategy =
    g.network !== null && objectives !== undefined && !objectives.data.mix.networks.some((m) => m.network === g.network);
  return (
    <Paper withBorder radius="md" p="xs" data-testid={`mix-gauge-${id}`} data-state={state}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={700} truncate>
            {name}
          </Text>
          {look && (
            <Badge color={look.color} variant="light" size="xs" style={{ flex: 'none' }} data-testid="mix-gauge-status">
              {t(`calendar.checks.mix.${look.text}`)}
            </Badge>
          )}
        </Group>
        {g.network === null && (
          <Suspense
            fallback={
              <Center h={120}>
                <Loader size="sm" aria-label={t('calendar.checks.mix.loading')} />
              </Center>
            }
          >
            <MixDonut target={g.target} actual={g.actual ? roundMix(g.actual) : null} size={96} />
          </Suspense>
        )}
        {g.actual === null ? (
          <Text size="xs" c="dimmed" data-testid="mix-gauge-empty">
            {t('calendar.checks.mix.noPosts')}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('calendar.checks.mix.counted', { count: g.posts })}
          </Text>
        )}
        {PILLARS.map((p) => (
          <PillarBar key={p} pillar={p} target={g.target[p]} actual={g.actual?.[p] ?? null} tolerance={state === 'off' ? tolerance : null} />
        ))}
        {followsStrategy && (
          <Text size="xs" c="dimmed" fs="italic">
            {t('calendar.checks.mix.followsStrategy')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** A pillar's actual share as a bar, its target as a mark on it, and both in words. */
function PillarBar({ pillar, target, actual, tolerance }: {
  pillar: Pillar;
  target: number;
  actual: number | null;
  /** When the gauge is off target, how far a pillar may be from its target (those further stand out). */
  tolerance: number | null;
}) {
  const { t } = useTranslation();
  const label = t(`calendar.pillars.${pillar}`);
  const shown = actual === null ? null : Math.round(actual);
  const off = tolerance !== null && actual !== null && Math.abs(actual - target) > tolerance;
  return (
    <Stack gap={2} data-testid="mix-gauge-pillar" data-pillar={pillar} data-off={off || undefined}>
      <Text size="xs" fw={off ? 700 : undefined} c={off ? 'orange.8' : undefined}>
        {shown === null
          ? t('calendar.checks.mix.targetOnly', { pillar: label, target })
          : t('calendar.checks.mix.shares', { pillar: label, actual: shown, target })}
      </Text>
      <Box pos="relative" aria-hidden>
        <Progress value={actual ?? 0} color={PILLAR_COLORS[pillar]} size="sm" />
        <Box
          style={{
            position: 'absolute',
            top: -3,
            bottom: -3,
            left: `calc(${Math.min(100, Math.max(0, target))}% - 1px)`,
            width: 2,
            borderRadius: 1,
            background: 'var(--mantine-color-text)',
          }}
        />
      </Box>
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Topic variety.

const TopicsSection = memo(function TopicsSection({ topics: counts, objectives, lang }: {
  topics: readonly TopicCount[];
  objectives: ObjectivesView | undefined;
  lang: Language;
}) {
  const { t } = useTranslation();
  const topics = objectives?.data.topics ?? [];
  const rows = counts
    .flatMap((c) => {
      const topic = topics.find((x) => x.id === c.topic_id);
      return topic ? [{ ...c, topic }] : [];
    })
    .sort((a, b) => b.posts - a.posts || a.topic.name.localeCompare(b.topic.name, lang));
  const max = Math.max(1, ...rows.map((r) => r.posts));
  return (
    <Stack gap="xs" component="section">
      <SectionTitle title={t('calendar.checks.topics.title')} help={t('calendar.checks.topics.help')} />
      {rows.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="topic-counts-empty">
          {t('calendar.checks.topics.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="topic-counts">
          {rows.map((r) => {
            const unused = r.posts === 0;
            return (
              <Box
                component="li"
                key={r.topic_id}
                data-testid="topic-count"
                data-topic-id={r.topic_id}
                data-unused={unused || undefined}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="xs" truncate c={unused ? 'dimmed' : undefined} style={{ minWidth: 0 }} title={r.topic.name}>
                    {r.topic.name}
                  </Text>
                  <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
                    {unused && (
                      <Badge color="gray" variant="outline" size="xs" data-testid="topic-unused">
                        {t('calendar.checks.topics.unused')}
                      </Badge>
                    )}
                    <Text size="xs" fw={600}>
                      {t('calendar.checks.topics.posts', { count: r.posts })}
                    </Text>
                  </Group>
                </Group>
                <Progress
                  aria-hidden
                  value={(r.posts * 100) / max}
                  color={PILLAR_COLORS[r.topic.pillar]}
                  size="xs"
                  mt={2}
                />
              </Box>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
});
