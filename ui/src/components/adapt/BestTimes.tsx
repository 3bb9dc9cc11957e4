// Part 4 of step 5, the best times: per network, the best weekday × hour slots learned from the brand's own results,
// a slot to try, and a heat map of every slot's estimate (its rate, interval and posts on hover or with the arrow
// keys). Rust computes every figure, threshold and sentence; this only lays them out and colours them.
import { type KeyboardEvent, useState } from 'react';
import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BestTimes as BestTimesView, Language, NetworkBestTimes, SlotEstimate } from '../../bindings';
import { useObjectives } from '../objectives/state';
import { Question, StepLoadFailed, StepLoading } from '../StepFrame';
import { formatFigure, formatPercent, hourText, networkName, slotName, useBestTimes, weekdayName } from './state';
import type { PartProps } from './TestAdaptStep';

const k = (key: string) => `adapt.times.${key}`;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** A rate (a fraction) in percent, as the step writes rates. */
const pct = (rate: number, lang: Language) => formatPercent(rate * 100, lang);

export function BestTimes({ strategyId }: PartProps) {
  const { t } = useTranslation();
  const query = useBestTimes(strategyId);
  if (query.isError && !query.data) {
    return (
      <StepLoadFailed
        testId="times-load-failed"
        title={t('adapt.loadFailed')}
        retryLabel={t('adapt.retry')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return (
    <Stack gap="lg" data-testid="times">
      <Question title={t(k('question'))} help={t(k('help'))} />
      {query.data ? <Networks strategyId={strategyId} view={query.data} /> : <StepLoading testId="times-loading" />}
    </Stack>
  );
}

function Networks({ strategyId, view }: { strategyId: number; view: BestTimesView }) {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'fr' ? 'fr' : 'en';
  const networks = useObjectives(strategyId).data?.networks;
  return (
    <>
      <Text size="sm" c="dimmed" data-testid="times-timezone">
        {t(k('timezone'), { zone: view.timezone, level: formatFigure(view.interval * 100, lang, 0) })}
      </Text>
      {view.networks.length === 0 && (
        <Paper withBorder p="md" radius="md" data-testid="times-empty">
          <Text c="dimmed">{t(k('empty'))}</Text>
        </Paper>
      )}
      {view.networks.map((n) => (
        <NetworkCard
          key={n.network}
          network={n}
          name={networkName(networks, n.network)}
          minSlotPosts={view.min_slot_posts}
          lang={lang}
        />
      ))}
    </>
  );
}

function NetworkCard({ network: n, name, minSlotPosts, lang }: {
  network: NetworkBestTimes;
  name: string;
  minSlotPosts: number;
  lang: Language;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid={`times-${n.network}`} data-enough={n.enough_data}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={4}>{name}</Title>
          {n.rate !== null && (
            <Text size="sm" c="dimmed" data-testid={`times-${n.network}-rate`}>
              {t(k('networkRate'), { rate: pct(n.rate, lang) })}
            </Text>
          )}
        </Group>
        <Text size="sm" data-testid={`times-${n.network}-note`}>
          {n.note[lang]}
        </Text>
        {n.enough_data && (
          <>
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t(k('best'))}
              </Text>
              {n.best.length === 0 ? (
                <Text size="sm" c="dimmed" data-testid={`times-${n.network}-no-best`}>
                  {t(k('noBest'), { min: minSlotPosts })}
                </Text>
              ) : (
                <Stack component="ol" gap={2} m={0} pl="lg" data-testid={`times-${n.network}-best`}>
                  {n.best.map((s) => (
                    <Text component="li" size="sm" key={`${s.weekday}-${s.hour}`}>
                      {slotLine(s, lang, t)}
                    </Text>
                  ))}
                </Stack>
              )}
            </Stack>
            {n.to_try && (
              <Alert
                variant="light"
                color="grape"
                icon={<IconFlask size={18} />}
                title={t(k('toTry.title'))}
                data-testid={`times-${n.network}-to-try`}
              >
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {capital(slotName(n.to_try, lang))}
                    </Text>
                    <Badge size="sm" variant="outline" color="grape">
                      {t(k('toTry.badge'))}
                    </Badge>
                  </Group>
                  <Text size="sm">{t(k('toTry.help'), { rate: pct(n.to_try.rate, lang) })}</Text>
                </Stack>
              </Alert>
            )}
            <HeatMap network={n} name={name} lang={lang} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** A text that starts a line with a capital (French weekdays are written in lower case). */
const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** "Tuesday 10:00 · 5.5% (4.9%–6.1%) · 8 posts". */
function slotLine(s: SlotEstimate, lang: Language, t: T): string {
  return t(k('slot'), {
    slot: capital(slotName(s, lang)),
    rate: pct(s.rate, lang),
    low: pct(s.low, lang),
    high: pct(s.high, lang),
    posts: t(k('posts'), { count: s.posts, n: formatFigure(s.posts, lang) }),
  });
}

/** What a cell of the heat map says, on hover and to screen readers. */
function cellText(s: SlotEstimate, lang: Language, t: T): string {
  return t(k('cell'), {
    day: capital(weekdayName(s.weekday, lang)),
    from: hourText(s.hour),
    to: hourText((s.hour + 1) % 24),
    rate: pct(s.rate, lang),
    low: pct(s.low, lang),
    high: pct(s.high, lang),
    posts: t(k('posts'), { count: s.posts, n: formatFigure(s.posts, lang) }),
  });
}

/** The colour of an estimate between the network's lowest and highest: a stronger blue for a higher rate. */
function shade(rate: number, low: number, high: number): string {
  const share = high > low ? (rate - low) / (high - low) : 0.5;
  return `rgba(34, 139, 230, ${(0.08 + 0.82 * share).toFixed(3)})`;
}

function HeatMap({ network: n, name, lang }: { network: NetworkBestTimes; name: string; lang: Language }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | null>(null);
  const rates = n.slots.map((s) => s.rate);
  const [low, high] = [Math.min(...rates), Math.max(...rates)];
  const best = new Set(n.best.map((s) => (s.weekday - 1) * 24 + s.hour));
  const slot = shown === null ? undefined : n.slots[shown];
  const move = (e: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -24, ArrowDown: 24 };
    const step = steps[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const size = n.slots.length;
    setShown((s) => (s === null ? 0 : (s + step + size) % size));
  };
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" id={`times-${n.network}-map-label`}>
        {t(k('map.title'))}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <table
          aria-label={t(k('map.label'), { network: name })}
          aria-describedby={`times-${n.network}-detail`}
          tabIndex={0}
          onKeyDown={move}
          onFocus={() => setShown((s) => s ?? 0)}
          onMouseLeave={() => setShown(null)}
          data-testid={`times-${n.network}-map`}
          style={{ borderCollapse: 'separate', borderSpacing: 2, tableLayout: 'fixed', width: '100%', fontSize: 10 }}
        >
          <thead>
            <tr>
              <th style={{ width: 40 }} />
              {HOURS.map((h) => (
                <th key={h} scope="col" style={{ fontWeight: 400, textAlign: 'center' }}>
                  {h % 3 === 0 ? h : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => (
              <tr key={d}>
                <th scope="row" style={{ fontWeight: 400, textAlign: 'left' }}>
                  {weekdayName(d, lang, 'short')}
                </th>
                {HOURS.map((h) => {
                  const i = (d - 1) * 24 + h;
                  const s = n.slots[i];
                  if (!s) return <td key={h} />;
                  const label = cellText(s, lang, t);
                  const tested = s.posts > 0;
                  return (
                    <td
                      key={h}
                      title={label}
                      aria-label={label}
                      data-testid={`times-${n.network}-cell-${d}-${h}`}
                      data-posts={s.posts}
                      data-best={best.has(i) || undefined}
                      data-shown={shown === i || undefined}
                      onMouseEnter={() => setShown(i)}
                      style={{
                        height: 22,
                        textAlign: 'center',
                        backgroundColor: shade(s.rate, low, high),
                        // A slot with no post of its own shows its estimate from its neighbours, striped.
                        backgroundImage: tested
                          ? undefined
                          : 'repeating-linear-gradient(45deg, transparent 0 3px, rgba(255, 255, 255, 0.55) 3px 5px)',
                        outline: shown === i ? '2px solid var(--mantine-color-text)' : best.has(i) ? '2px solid var(--mantine-color-orange-6)' : undefined,
                        outlineOffset: -2,
                      }}
                    >
                      {tested ? s.posts : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Table.ScrollContainer>
      <Text size="sm" id={`times-${n.network}-detail`} aria-live="polite" data-testid={`times-${n.network}-detail`}>
        {slot ? cellText(slot, lang, t) : t(k('map.hint'))}
      </Text>
      <Text size="xs" c="dimmed">
        {t(k('map.legend'))}
      </Text>
    </Stack>
  );
}
