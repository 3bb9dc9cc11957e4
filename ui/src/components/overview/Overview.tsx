// The strategy overview: one page that sums up steps 1 to 3 (audiences, kept networks with their missions, the
// chain of objectives with their KPIs, the content mix and topics) with every open finding. The Rust side assembles
// it (`overview_get`); this lays it out for the screen and for print (see print.css). Printing goes through the
// window's native print dialog, which can save a PDF on every OS.
import '../objectives/i18n';
import './print.css';
import { useEffect } from 'react';
import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  Finding,
  Language,
  MixWeights,
  OverviewObjective,
  Pillar,
  SmartCheck,
  StepId,
  StrategyOverview,
} from '../../bindings';
import { notifyError } from '../../errors';
import { formatDay } from '../../format';
import { objApi } from '../objectives/ipc';
import { formatFigure, PILLAR_COLORS, PILLARS } from '../objectives/state';

const LETTERS = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const;
const SEVERITY_COLOR = { blocking: 'red', warning: 'orange', info: 'blue' } as const;
const STEP_ORDER: StepId[] = ['audit', 'benchmark', 'objectives', 'calendar', 'test_adapt'];

export const overviewKey = (strategyId: number) => ['overview', strategyId] as const;

function letterOk(s: SmartCheck, letter: (typeof LETTERS)[number]): boolean {
  return s[letter];
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Stack gap="xs" component="section" data-testid={testId}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function MixBar({ weights, label }: { weights: MixWeights; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Progress.Root size={18} aria-label={label}>
        {PILLARS.map((p) =>
          weights[p] > 0 ? (
            <Progress.Section key={p} value={weights[p]} color={PILLAR_COLORS[p]}>
              <Progress.Label>{`${weights[p]} %`}</Progress.Label>
            </Progress.Section>
          ) : null,
        )}
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {PILLARS.map((p) => `${t(`objectives.pillars.${p}`)} ${weights[p]} %`).join(' · ')}
      </Text>
    </Stack>
  );
}

function kpiText(o: OverviewObjective, t: (k: string) => string): string {
  const d = o.objective;
  const metric = d.kpi_metric ? t(`objectives.kpiMetrics.${d.kpi_metric}`) : '—';
  return d.kpi_name ? `${d.kpi_name} (${metric})` : metric;
}

export function Overview({ strategyId, onClose }: { strategyId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'fr' ? 'fr' : 'en';
  // Always fresh: it sums up what the steps hold now, and every step may have changed since it was last open.
  const query = useQuery({
    queryKey: overviewKey(strategyId),
    queryFn: () => objApi.overview(strategyId),
    staleTime: 0,
    gcTime: 0,
  });

  const print = () => {
    objApi.print().catch((e: unknown) => notifyError(e as Parameters<typeof notifyError>[0]));
  };
  // Ctrl/Cmd+P prints the overview through the same native dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        objApi.print().catch((err: unknown) => notifyError(err as Parameters<typeof notifyError>[0]));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (query.isError) {
    return (
      <Alert color="red" data-testid="overview-failed" title={t('objectives.overview.loadFailed')}>
        <Button variant="light" color="red" mt="xs" onClick={() => void query.refetch()}>
          {t('objectives.retry')}
        </Button>
      </Alert>
    );
  }
  const o: StrategyOverview | undefined = query.data;
  if (!o) {
    return (
      <Center py="xl" data-testid="overview-loading">
        <Loader />
      </Center>
    );
  }
  const s = o.strategy;
  const byStep = STEP_ORDER.map((step) => ({ step, findings: o.findings.filter((f) => f.link.step === step) })).filter(
    (g) => g.findings.length > 0,
  );
  const personaName = (id: number) => o.audiences.find((p) => p.id === id)?.name ?? '';
  const objectiveTitle = (id: number) => o.objectives.find((x) => x.objective.id === id)?.objective.title ?? '';
  const goalOf = (marketingId: number | null) => {
    const m = o.marketing.find((x) => x.id === marketingId);
    return { marketing: m, goal: o.goals.find((g) => g.id === m?.business_goal_id) };
  };

  return (
    <Stack gap="xl" data-testid="overview">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <div>
          <Text size="sm" c="dimmed" fw={600}>
            {t('objectives.overview.title')}
          </Text>
          <Title order={1} data-testid="overview-name">
            {s.organisation || s.name}
          </Title>
          <Text c="dimmed">
            {[s.organisation ? s.name : null, s.sector || null, t('objectives.overview.asOf', { date: formatDay(o.today, lang) })]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Group gap="sm" data-print="hide">
          <Button variant="default" leftSection={<IconArrowLeft size={18} />} onClick={onClose} data-testid="overview-close">
            {t('objectives.overview.back')}
          </Button>
          <Tooltip label={t('objectives.overview.printHelp')} multiline w={280}>
            <Button leftSection={<IconPrinter size={18} />} onClick={print} data-testid="overview-print">
              {t('objectives.overview.print')}
            </Button>
          </Tooltip>
        </Group>
      </Group>

      <Section title={t('objectives.overview.audiences')} testId="overview-audiences">
        {o.audiences.length === 0 ? (
          <Text c="dimmed">{t('objectives.overview.noAudiences')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {o.audiences.map((p) => (
              <Paper key={p.id} withBorder p="sm" radius="md">
                <Group gap="xs">
                  <Text fw={700}>{p.name}</Text>
                  <Badge variant="light" size="sm">
                    {p.audience_type.toUpperCase()}
                  </Badge>
                  {p.age_min != null && p.age_max != null && (
                    <Text size="sm" c="dimmed">
                      {t('objectives.overview.ages', { min: p.age_min, max: p.age_max })}
                    </Text>
                  )}
                </Group>
                {p.description && <Text size="sm">{p.description}</Text>}
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('objectives.overview.networks')} testId="overview-networks">
        {o.networks.length === 0 ? (
          <Text c="dimmed">{t('objectives.overview.noNetworks')}</Text>
        ) : (
          <Stack gap="sm">
            {o.networks.map((n) => {
              const m = n.mission;
              return (
                <Paper key={n.key} withBorder p="sm" radius="md" data-testid="overview-network" data-network={n.key}>
                  <Group gap="xs" mb={4}>
                    <Text fw={700}>{n.name}</Text>
                    <Badge variant="light" size="sm" color="gray">
                      {t(`objectives.overview.decisions.${n.decision ?? 'none'}`)}
                    </Badge>
                    {m?.pillars.map((p: Pillar) => (
                      <Badge key={p} size="sm" variant="dot" color={PILLAR_COLORS[p]}>
                        {t(`objectives.pillars.${p}`)}
                      </Badge>
                    ))}
                    {m?.posts_per_week != null && (
                      <Text size="sm" c="dimmed">
                        {t('objectives.overview.perWeek', { count: m.posts_per_week, formatted: formatFigure(m.posts_per_week, lang) })}
                      </Text>
                    )}
                  </Group>
                  {m && m.statement ? (
                    <Text size="sm" data-testid="overview-mission">
                      {m.statement}
                    </Text>
                  ) : (
                    <Text size="sm" c="orange" data-testid="overview-no-mission">
                      {t('objectives.overview.noMission')}
                    </Text>
                  )}
                  {m && (m.audiences.length > 0 || m.objectives.length > 0) && (
                    <Text size="xs" c="dimmed">
                      {[
                        m.audiences.map(personaName).filter(Boolean).join(', '),
                        m.objectives.length
                          ? t('objectives.overview.serves', { list: m.objectives.map(objectiveTitle).filter(Boolean).join(lang === 'fr' ? ' ; ' : '; ') })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </Paper>
              );
            })}
          </Stack>
        )}
      </Section>

      <Section title={t('objectives.overview.chain')} testId="overview-objectives">
        {o.goals.length > 0 && (
          <Stack gap={2}>
            {o.goals.map((g) => (
              <Text key={g.id} size="sm">
                <b>{g.title}</b>
                {o.marketing
                  .filter((m) => m.business_goal_id === g.id)
                  .map((m) => ` → ${m.title}`)
                  .join('')}
              </Text>
            ))}
          </Stack>
        )}
        {o.objectives.length === 0 ? (
          <Text c="dimmed">{t('objectives.overview.noObjectives')}</Text>
        ) : (
          <Stack gap="sm">
            {o.objectives.map((x) => {
              const d = x.objective;
              const { marketing, goal } = goalOf(d.marketing_objective_id);
              const unit = d.kpi_unit ? ` ${d.kpi_unit}` : '';
              return (
                <Paper key={d.id} withBorder p="sm" radius="md" data-testid="overview-objective">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={700}>{d.title}</Text>
                      <Text size="xs" c="dimmed">
                        {goal ? `${goal.title}${marketing ? ` → ${marketing.title}` : ''}` : t('objectives.overview.unlinked')}
                      </Text>
                    </div>
                    <Group gap={4} wrap="nowrap" data-testid="overview-smart" style={{ flexShrink: 0 }}>
                      {LETTERS.map((l) => {
                        const ok = letterOk(x.smart, l);
                        return (
                          <Tooltip key={l} label={t(`objectives.overview.letterNames.${l}`)}>
                            <Badge
                              size="md"
                              radius="sm"
                              variant={ok ? 'light' : 'filled'}
                              color={ok ? 'teal' : 'red'}
                              data-ok={ok ? 'true' : 'false'}
                              aria-label={t(`objectives.overview.letterNames.${l}`)}
                            >
                              {t(`objectives.overview.letters.${l}`)}
                            </Badge>
                          </Tooltip>
                        );
                      })}
                    </Group>
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={2} mt={6}>
                    <Text size="sm">
                      <Text span c="dimmed" size="sm">
                        {t('objectives.overview.columns.kpi')}{t('objectives.overview.sep')}
                      </Text>
                      {kpiText(x, t)}
                      {x.smart.vanity && ` (${t('objectives.overview.vanity')})`}
                    </Text>
                    <Text size="sm">
                      <Text span c="dimmed" size="sm">
                        {t('objectives.overview.columns.from')} → {t('objectives.overview.columns.to')}{t('objectives.overview.sep')}
                      </Text>
                      {`${formatFigure(d.baseline, lang)} → ${formatFigure(d.target, lang)}${unit}`}
                    </Text>
                    <Text size="sm">
                      <Text span c="dimmed" size="sm">
                        {t('objectives.overview.columns.deadline')}{t('objectives.overview.sep')}
                      </Text>
                      {d.deadline ? formatDay(d.deadline, lang) : '—'}
                    </Text>
                    <Text size="sm">
                      <Text span c="dimmed" size="sm">
                        {t('objectives.overview.columns.source')}{t('objectives.overview.sep')}
                      </Text>
                      {d.measurement.source || (
                        <Text span size="sm" c="red">
                          {t('objectives.overview.noSource')}
                        </Text>
                      )}
                    </Text>
                  </SimpleGrid>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Section>

      <Section title={t('objectives.overview.mix')} testId="overview-mix">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <MixBar weights={o.mix.strategy} label={t('objectives.overview.strategyMix')} />
          {o.mix.networks.map((n) => (
            <MixBar key={n.network} weights={n.weights} label={o.networks.find((x) => x.key === n.network)?.name ?? n.network} />
          ))}
        </SimpleGrid>
        <Text fw={600} size="sm" mt="xs">
          {t('objectives.overview.topics')}
        </Text>
        <Stack gap={2}>
          {PILLARS.map((p) => {
            const names = o.topics.filter((x) => x.pillar === p).map((x) => x.name);
            return (
              <Group key={p} gap={6} wrap="nowrap" align="flex-start">
                <Badge size="sm" variant="dot" color={PILLAR_COLORS[p]} style={{ flexShrink: 0 }}>
                  {t(`objectives.pillars.${p}`)}
                </Badge>
                <Text size="sm">{names.length ? names.join(', ') : t('objectives.overview.noTopics')}</Text>
              </Group>
            );
          })}
        </Stack>
      </Section>

      <Section title={t('objectives.overview.findings')} testId="overview-findings">
        {byStep.length === 0 ? (
          <Text c="dimmed">{t('objectives.overview.noFindings')}</Text>
        ) : (
          byStep.map(({ step, findings }) => (
            <Stack key={step} gap={4}>
              <Text fw={700}>{t(`objectives.overview.stepNames.${step}`)}</Text>
              {findings.map((f: Finding, i) => (
                <Group key={`${f.kind}-${i}`} gap="xs" wrap="nowrap" align="flex-start" data-testid="overview-finding" data-kind={f.kind}>
                  <Badge size="sm" variant="light" color={SEVERITY_COLOR[f.severity]} style={{ flexShrink: 0 }}>
                    {t(`objectives.overview.severities.${f.severity}`)}
                  </Badge>
                  <Text size="sm">
                    <b>{f.title[lang]}</b> — {f.suggestion[lang]}
                  </Text>
                </Group>
              ))}
            </Stack>
          ))
        )}
      </Section>
    </Stack>
  );
}
