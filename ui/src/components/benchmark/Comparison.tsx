// Part 5 of the benchmark: the brand against each player, network by network (tables and a chart), and who covers
// which theme. Everything shown here is computed by the backend.
import { lazy, Suspense, useState } from 'react';
import type { ScatterChartSeries } from '@mantine/charts';
import { Badge, Box, Center, Group, Loader, Paper, Select, Stack, TagsInput, Table, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComparisonRow } from '../../bindings';
import { Question } from '../StepFrame';
import { formatDay } from '../../format';
import { networkWords } from '../../networkWords';
import { benchApi } from './ipc';
import { useItemSave } from './parts';
import { PLAYER_COLORS } from './Players';
import { errorOf, formatFigure, networkName, useBench } from './state';

const BRAND_COLOR = 'indigo.7';

const EngagementScatter = lazy(() => import('./EngagementScatter'));

/** The comparison rows grouped by network, in the backend's order (the brand first in each). */
function byNetwork(rows: readonly ComparisonRow[]): [string, ComparisonRow[]][] {
  const groups = new Map<string, ComparisonRow[]>();
  for (const r of rows) {
    const g = groups.get(r.network);
    if (g) g.push(r);
    else groups.set(r.network, [r]);
  }
  return [...groups.entries()];
}

export function Comparison() {
  const { t } = useTranslation();
  const { view } = useBench();
  const groups = byNetwork(view.comparison);

  return (
    <Stack gap="xl">
      <Stack gap="lg">
        <Question
          title={t('benchmark.comparison.question')}
          help={t('benchmark.comparison.help')}
          example={t('benchmark.comparison.example')}
        />
        {groups.length === 0 ? (
          <Text c="dimmed" data-testid="comparison-empty">
            {t('benchmark.comparison.empty')}
          </Text>
        ) : (
          <>
            {groups.map(([network, rows]) => (
              <NetworkTable key={network} network={network} rows={rows} />
            ))}
            <EngagementChart groups={groups} />
          </>
        )}
      </Stack>
      <CoverageMatrix />
    </Stack>
  );
}

function NetworkTable({ network, rows }: { network: string; rows: ComparisonRow[] }) {
  const { t } = useTranslation();
  const { view, lang, focusNetwork } = useBench();
  const name = networkName(view.networks, network);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      id={`bench-comparison-${network}`}
      style={focusNetwork === network ? { outline: '2px solid var(--mantine-color-indigo-5)' } : undefined}
    >
      <Title order={4} size="h5" mb="xs">
        {name}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table
          striped={false}
          verticalSpacing="xs"
          data-testid="comparison-table"
          data-network={network}
          aria-label={t('benchmark.comparison.tableLabel', {
            ...networkWords(
              view.networks.find((n) => n.key === network),
              name,
            ),
            network: name,
          })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('benchmark.comparison.player')}</Table.Th>
              <Table.Th ta="right">{t('benchmark.comparison.followers')}</Table.Th>
              <Table.Th ta="right">{t('benchmark.comparison.postsPerWeek')}</Table.Th>
              <Table.Th ta="right">{t('benchmark.comparison.engagement')}</Table.Th>
              <Table.Th>{t('benchmark.comparison.observedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const brand = r.player_id === null;
              return (
                <Table.Tr
                  key={r.player_id ?? 'brand'}
                  data-testid="comparison-row"
                  data-brand={brand ? 'true' : 'false'}
                  bg={brand ? 'var(--mantine-color-indigo-light)' : undefined}
                  fw={brand ? 700 : undefined}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text span fw="inherit" size="sm">
                        {r.name}
                      </Text>
                      {brand ? (
                        <Badge size="xs" color="indigo">
                          {t('benchmark.common.yourBrand')}
                        </Badge>
                      ) : (
                        r.player_type && (
                          <Badge
                            size="xs"
                            variant="light"
                            color={PLAYER_COLORS[r.player_type]}
                            style={{ flexShrink: 0 }}
                            data-testid="comparison-player-type"
                          >
                            {t(`benchmark.playerBadges.${r.player_type}`)}
                          </Badge>
                        )
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatFigure(r.followers, lang)}</Table.Td>
                  <Table.Td ta="right">{formatFigure(r.posts_per_week, lang)}</Table.Td>
                  <Table.Td ta="right">{formatFigure(r.engagement_per_post, lang)}</Table.Td>
                  <Table.Td>
                    {r.observed_on ? (
                      formatDay(r.observed_on, lang)
                    ) : (
                      <Text span size="sm" c="dimmed" fw={400}>
                        {t('benchmark.comparison.fromAudit')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function EngagementChart({ groups }: { groups: [string, ComparisonRow[]][] }) {
  const { t } = useTranslation();
  const { view, lang, focusNetwork } = useBench();
  const networks = groups.map(([n]) => n);
  const [chosen, setChosen] = useState<string | null>(() =>
    focusNetwork && networks.includes(focusNetwork) ? focusNetwork : null,
  );
  const network = chosen && networks.includes(chosen) ? chosen : networks[0];
  const rows = groups.find(([n]) => n === network)?.[1] ?? [];
  const series: ScatterChartSeries[] = rows
    .filter((r) => r.posts_per_week != null && r.engagement_per_post != null)
    .map((r) => ({
      name: r.player_id === null ? `${r.name} (${t('benchmark.common.yourBrand')})` : r.name,
      color: r.player_id === null ? BRAND_COLOR : r.player_type ? `${PLAYER_COLORS[r.player_type]}.6` : 'gray.6',
      data: [{ posts: r.posts_per_week ?? 0, engagement: r.engagement_per_post ?? 0 }],
    }));
  const format = (v: number) => formatFigure(v, lang);

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="md">
          <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
            <Title order={4} size="h5">
              {t('benchmark.comparison.chartTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('benchmark.comparison.chartHelp')}
            </Text>
          </Stack>
          <Select
            label={t('benchmark.comparison.chartNetwork')}
            data={networks.map((n) => ({ value: n, label: networkName(view.networks, n) }))}
            value={network}
            onChange={(v) => v && setChosen(v)}
            allowDeselect={false}
            w={220}
            data-testid="chart-network"
          />
        </Group>
        <Box data-testid="engagement-chart" data-network={network} data-points={series.length}>
          {series.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('benchmark.comparison.chartEmpty')}
            </Text>
          ) : (
            <Suspense
              fallback={
                <Center h={320}>
                  <Loader size="sm" />
                </Center>
              }
            >
              <EngagementScatter
                series={series}
                xLabel={t('benchmark.comparison.chartX')}
                yLabel={t('benchmark.comparison.chartY')}
                format={format}
              />
            </Suspense>
          )}
        </Box>
      </Stack>
    </Paper>
  );
}

function CoverageMatrix() {
  const { t } = useTranslation();
  const { view, strategyId, tracker } = useBench();
  const { coverage } = view;
  const { players } = view.benchmark;
  const [themes, setThemes] = useState<string[]>(() => view.benchmark.brand_themes);
  const form = useItemSave(tracker, 'brand-themes');
  const brandHas = (theme: string) =>
    view.benchmark.brand_themes.some((b) => b.trim().toLowerCase() === theme.trim().toLowerCase());

  const saveThemes = (next: string[]) => {
    setThemes(next);
    void form.submit(() => benchApi.brandThemesSave(strategyId, next));
  };

  return (
    <Stack gap="lg" id="bench-coverage">
      <Question
        title={t('benchmark.comparison.coverageTitle')}
        help={t('benchmark.comparison.coverageHelp')}
        example={t('benchmark.comparison.coverageExample')}
      />
      <TagsInput
        label={t('benchmark.comparison.brandThemes')}
        description={t('benchmark.comparison.brandThemesHelp')}
        placeholder={t('benchmark.common.themesHint')}
        data={coverage.themes}
        value={themes}
        onChange={saveThemes}
        error={errorOf(form.errors, 'brand_themes')}
        clearable
        data-testid="brand-themes"
      />
      {coverage.themes.length === 0 ? (
        <Text c="dimmed" data-testid="coverage-empty">
          {t('benchmark.comparison.coverageEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={Math.max(400, 200 + 110 * (players.length + 1))}>
          <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="coverage-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('benchmark.comparison.theme')}</Table.Th>
                <Table.Th ta="center" bg="var(--mantine-color-indigo-light)">
                  {t('benchmark.common.yourBrand')}
                </Table.Th>
                {players.map((p) => (
                  <Table.Th key={p.id} ta="center" data-player-id={p.id}>
                    {p.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {coverage.themes.map((theme, i) => {
                const ids = coverage.covered_by[i] ?? [];
                const white = coverage.white_space.includes(theme);
                const crowded = coverage.crowded.includes(theme);
                return (
                  <Table.Tr
                    key={theme}
                    data-testid="coverage-row"
                    data-theme={theme}
                    data-white-space={white ? 'true' : 'false'}
                    data-crowded={crowded ? 'true' : 'false'}
                  >
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {theme}
                        </Text>
                        {white && (
                          <Badge size="sm" color="teal" variant="light" data-testid="white-space">
                            {t('benchmark.comparison.whiteSpace')}
                          </Badge>
                        )}
                        {crowded && (
                          <Badge size="sm" color="orange" variant="light" data-testid="crowded">
                            {t('benchmark.comparison.crowded')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <CoverageCell covered={brandHas(theme)} name={t('benchmark.common.yourBrand')} brand />
                    {players.map((p) => (
                      <CoverageCell key={p.id} covered={ids.includes(p.id)} name={p.name} />
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CoverageCell({ covered, name, brand }: { covered: boolean; name: string; brand?: boolean }) {
  const { t } = useTranslation();
  const label = covered ? t('benchmark.comparison.covered', { name }) : t('benchmark.comparison.notCovered', { name });
  return (
    <Table.Td ta="center" data-covered={covered ? 'true' : 'false'} bg={brand ? 'var(--mantine-color-indigo-light)' : undefined}>
      {covered ? (
        <IconCheck size={18} color="var(--mantine-color-teal-7)" role="img" aria-label={label} data-testid="coverage-check" />
      ) : (
        <Text span c="dimmed" size="sm" aria-label={label}>
          ·
        </Text>
      )}
    </Table.Td>
  );
}
