// Part 3 of step 5, the performance: over a period (the whole strategy by default), the totals of the posts' results,
// the same by network, pillar, topic or format (a table, and the rates week by week), the best and weakest posts, and
// the underperformers with the adjustment Rust suggests for each.
import { useState } from 'react';
import { LineChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconTrendingDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Evaluation, GroupBy, Language, PerformanceGroup, PostPerformance, Totals } from '../../bindings';
import { formatDay } from '../../format';
import { dayOf } from '../calendar/state';
import { useObjectives } from '../objectives/state';
import { DateField } from '../common/DateField';
import { Question, StepLoadFailed, StepLoading } from '../StepFrame';
import {
  dayTime,
  formatFigure,
  formatPercent,
  groupLabel,
  GROUP_BYS,
  isDay,
  longDay,
  networkName,
  shortDay,
  useEvaluation,
} from './state';
import type { PartProps } from './TestAdaptStep';

const k = (key: string) => `adapt.performance.${key}`;
type Rate = 'engagement' | 'ctr';
const RATES: readonly Rate[] = ['engagement', 'ctr'];
/** The chart draws the groups with the most posts, at most this many (more lines cannot be told apart). */
const CHART_GROUPS = 8;
const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6'];

interface Period {
  /** What the boxes hold. */
  from: string;
  to: string;
  /** The period asked for: the last valid one. */
  applied: { from: string | null; to: string | null };
}

function periodError(from: string, to: string): boolean {
  return isDay(from) && isDay(to) && from > to;
}

export function Performance({ strategyId, onAdapt }: PartProps) {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'fr' ? 'fr' : 'en';
  const [period, setPeriod] = useState<Period>({ from: '', to: '', applied: { from: null, to: null } });
  const query = useEvaluation(strategyId, period.applied.from, period.applied.to);
  const evaluation = query.data;

  const change = (patch: { from?: string; to?: string }) =>
    setPeriod((p) => {
      const from = patch.from ?? p.from;
      const to = patch.to ?? p.to;
      const valid = (from === '' || isDay(from)) && (to === '' || isDay(to)) && !periodError(from, to);
      return { from, to, applied: valid ? { from: from || null, to: to || null } : p.applied };
    });
  const invalid = periodError(period.from, period.to);

  if (query.isError && !evaluation) {
    return (
      <StepLoadFailed
        testId="performance-load-failed"
        title={t('adapt.loadFailed')}
        retryLabel={t('adapt.retry')}
        onRetry={() => void query.refetch()}
      />
    );
  }

  return (
    <Stack gap="lg" data-testid="performance">
      <Question title={t(k('question'))} help={t(k('help'))} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Group align="flex-start" gap="sm">
            <DateField
              label={t(k('period.from'))}
              value={period.from}
              onChange={(from) => change({ from })}
              error={invalid ? t(k('period.invalid')) : undefined}
              w={200}
              testId="perf-from"
            />
            <DateField
              label={t(k('period.to'))}
              value={period.to}
              onChange={(to) => change({ to })}
              w={200}
              testId="perf-to"
            />
            <Button
              variant="default"
              mt={25}
              disabled={period.from === '' && period.to === ''}
              onClick={() => setPeriod({ from: '', to: '', applied: { from: null, to: null } })}
              data-testid="perf-all"
            >
              {t(k('period.all'))}
            </Button>
          </Group>
          {evaluation && (
            <Text size="sm" c="dimmed" data-testid="perf-period">
              {t(k('period.shown'), { from: formatDay(evaluation.from, lang), to: formatDay(evaluation.to, lang) })}
            </Text>
          )}
        </Stack>
      </Paper>
      {evaluation ? (
        <Report strategyId={strategyId} evaluation={evaluation} lang={lang} onAdapt={onAdapt} />
      ) : (
        <StepLoading testId="perf-loading" />
      )}
    </Stack>
  );
}

function Report({ strategyId, evaluation, lang, onAdapt }: {
  strategyId: number;
  evaluation: Evaluation;
  lang: Language;
  onAdapt?: PartProps['onAdapt'];
}) {
  const { t } = useTranslation();
  const networks = useObjectives(strategyId).data?.networks;
  const [by, setBy] = useState<GroupBy>('network');
  const [rate, setRate] = useState<Rate>('engagement');
  const groups = evaluation.groups.filter((g) => g.by === by).sort((a, b) => b.totals.posts - a.totals.posts);
  const empty = evaluation.overall.posts === 0;

  return (
    <Stack gap="lg">
      <TotalsGrid totals={evaluation.overall} lang={lang} />
      {empty ? (
        <Paper withBorder p="md" radius="md" data-testid="perf-empty">
          <Text c="dimmed">{t(k('empty'))}</Text>
        </Paper>
      ) : (
        <>
          <Stack gap="sm">
            <Text fw={600} size="sm" id="perf-group-by-label">
              {t(k('groupBy.label'))}
            </Text>
            <SegmentedControl
              aria-labelledby="perf-group-by-label"
              value={by}
              onChange={(v) => setBy(v as GroupBy)}
              data={GROUP_BYS.map((g) => ({ value: g, label: t(k(`groupBy.${g}`)) }))}
              data-testid="perf-group-by"
              data-value={by}
              style={{ alignSelf: 'flex-start' }}
            />
            <GroupTable groups={groups} lang={lang} />
          </Stack>
          <Stack gap="sm">
            <Group justify="space-between" gap="sm">
              <Title order={4}>{t(k('chart.title'))}</Title>
              <SegmentedControl
                aria-label={t(k('chart.rate'))}
                size="xs"
                value={rate}
                onChange={(v) => setRate(v as Rate)}
                data={RATES.map((r) => ({ value: r, label: t(k(`chart.${r}`)) }))}
                data-testid="perf-rate"
              />
            </Group>
            <WeeksChart groups={groups} rate={rate} lang={lang} />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <PostList
              title={t(k('top'))}
              ids={evaluation.top}
              posts={evaluation.posts}
              networks={networks}
              lang={lang}
              testId="perf-top"
            />
            <PostList
              title={t(k('bottom'))}
              ids={evaluation.bottom}
              posts={evaluation.posts}
              networks={networks}
              lang={lang}
              testId="perf-bottom"
            />
          </SimpleGrid>
        </>
      )}
      <Underperformers evaluation={evaluation} lang={lang} networks={networks} onAdapt={onAdapt} />
    </Stack>
  );
}

function TotalsGrid({ totals, lang }: { totals: Totals; lang: Language }) {
  const { t } = useTranslation();
  const items: { key: keyof Totals; value: string }[] = [
    { key: 'posts', value: formatFigure(totals.posts, lang) },
    { key: 'impressions', value: formatFigure(totals.impressions, lang) },
    { key: 'engagements', value: formatFigure(totals.engagements, lang) },
    { key: 'clicks', value: formatFigure(totals.clicks, lang) },
    { key: 'engagement_rate', value: formatPercent(totals.engagement_rate, lang) },
    { key: 'click_through_rate', value: formatPercent(totals.click_through_rate, lang) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="perf-totals">
      {items.map((i) => (
        <Paper key={i.key} withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            {t(k(`totals.${i.key}`))}
          </Text>
          <Text fw={700} size="lg" data-testid={`perf-total-${i.key}`}>
            {i.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function GroupTable({ groups, lang }: { groups: PerformanceGroup[]; lang: Language }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped withTableBorder fz="sm" aria-label={t(k('table.label'))} data-testid="perf-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(k('table.group'))}</Table.Th>
            <Table.Th ta="right">{t(k('table.posts'))}</Table.Th>
            <Table.Th ta="right">{t(k('table.impressions'))}</Table.Th>
            <Table.Th ta="right">{t(k('table.engagementRate'))}</Table.Th>
            <Table.Th ta="right">{t(k('table.ctr'))}</Table.Th>
            <Table.Th ta="right">{t(k('table.median'))}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key} data-testid={`perf-row-${g.key || 'none'}`}>
              <Table.Td fw={600}>{groupLabel(g.by, g.key, g.label)}</Table.Td>
              <Table.Td ta="right">{formatFigure(g.totals.posts, lang)}</Table.Td>
              <Table.Td ta="right">{formatFigure(g.totals.impressions, lang)}</Table.Td>
              <Table.Td ta="right">{formatPercent(g.totals.engagement_rate, lang)}</Table.Td>
              <Table.Td ta="right">{formatPercent(g.totals.click_through_rate, lang)}</Table.Td>
              <Table.Td ta="right">{formatPercent(g.median_engagement_rate, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WeeksChart({ groups, rate, lang }: { groups: PerformanceGroup[]; rate: Rate; lang: Language }) {
  const { t } = useTranslation();
  const shown = groups.slice(0, CHART_GROUPS);
  const rows = new Map<number, Record<string, number>>();
  shown.forEach((g, i) => {
    for (const w of g.weeks) {
      const value = rate === 'engagement' ? w.totals.engagement_rate : w.totals.click_through_rate;
      const time = dayTime(w.week);
      const row = rows.get(time) ?? { time };
      if (value !== null) row[`g${i}`] = value;
      rows.set(time, row);
    }
  });
  const data = [...rows.values()].sort((a, b) => a.time - b.time);
  const rateName = t(k(`chart.${rate}`));
  return (
    <div role="img" aria-label={t(k('chart.label'), { rate: rateName })} data-testid="perf-chart" data-rate={rate}>
      <LineChart
        h={240}
        data={data}
        dataKey="time"
        curveType="linear"
        series={shown.map((g, i) => ({
          name: `g${i}`,
          label: groupLabel(g.by, g.key, g.label),
          color: COLORS[i % COLORS.length],
        }))}
        xAxisProps={{
          type: 'number',
          scale: 'time',
          domain: ['dataMin', 'dataMax'],
          tickFormatter: (v: number) => shortDay(v, lang),
        }}
        tooltipProps={{ labelFormatter: (label: unknown) => t(k('chart.week'), { date: longDay(Number(label), lang) }) }}
        valueFormatter={(v) => formatPercent(v, lang)}
        withLegend
      />
    </div>
  );
}

function PostList({ title, ids, posts, networks, lang, testId }: {
  title: string;
  ids: number[];
  posts: PostPerformance[];
  networks: Parameters<typeof networkName>[0];
  lang: Language;
  testId: string;
}) {
  const { t } = useTranslation();
  const listed = ids.flatMap((id) => posts.filter((p) => p.post_id === id));
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="xs">
        <div>
          <Title order={4}>{title}</Title>
          <Text size="xs" c="dimmed">
            {t(k('endsHelp'))}
          </Text>
        </div>
        {listed.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(k('noEnds'))}
          </Text>
        )}
        {listed.map((p) => (
          <Stack key={p.post_id} gap={0} data-testid={`perf-post-${p.post_id}`}>
            <Text size="sm" fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {p.title || t('adapt.results.unplanned.untitled')}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {networkName(networks, p.network)} · {p.scheduled_at ? formatDay(dayOf(p.scheduled_at), lang) : ''}
              </Text>
              {p.unplanned && (
                <Badge size="xs" variant="light" color="gray">
                  {t(k('unplanned'))}
                </Badge>
              )}
            </Group>
            <Text size="xs">
              {t(k('postRates'), {
                er: formatPercent(p.engagement_rate, lang),
                ctr: formatPercent(p.click_through_rate, lang),
              })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function Underperformers({ evaluation, lang, networks, onAdapt }: {
  evaluation: Evaluation;
  lang: Language;
  networks: Parameters<typeof networkName>[0];
  onAdapt?: PartProps['onAdapt'];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="underperformers">
      <Question title={t(k('under.title'))} help={t(k('under.help'))} />
      {evaluation.underperformers.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="underperformers-none">
          {t(k('under.none'))}
        </Text>
      )}
      {evaluation.underperformers.map((u, i) => (
        <Alert
          key={i}
          variant="light"
          color="orange"
          icon={<IconTrendingDown size={18} />}
          title={u.title[lang]}
          data-testid={`underperformer-${i}`}
          data-kind={u.kind}
        >
          <Stack gap={4}>
            <Group gap="xs">
              <Badge size="sm" variant="outline" color="orange">
                {t(k(`under.kinds.${u.kind}`))}
              </Badge>
              <Text size="xs" c="dimmed">
                {networkName(networks, u.network)}
              </Text>
              <Text size="sm" fw={600} data-testid={`underperformer-${i}-figures`}>
                {t(k('under.versus'), { value: formatPercent(u.value, lang), baseline: formatPercent(u.baseline, lang) })}
              </Text>
            </Group>
            <Text size="sm">{u.explanation[lang]}</Text>
            <Text size="sm" fs="italic" data-testid={`underperformer-${i}-suggestion`}>
              {t(k('under.suggestion'), { text: u.suggestion[lang] })}
            </Text>
            {onAdapt && (
              <Group>
                <Button
                  size="compact-sm"
                  variant="light"
                  color="orange"
                  data-testid={`underperformer-${i}-adapt`}
                  onClick={() =>
                    onAdapt({
                      evidence: { kind: 'underperformer', ref_id: u.post_id, label: u.title[lang] },
                      observation: u.explanation[lang],
                    })
                  }
                >
                  {t(k('under.adapt'))}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
