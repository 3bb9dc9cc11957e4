// The donut of a content mix, in a module of its own: the charts library is loaded only when the mix is first
// opened, not at start-up. It shows the target mix and, when given, the actual mix of the posts beside it.
import { DonutChart } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MixWeights } from '../../bindings';
import { PILLAR_COLORS, PILLARS } from './state';

export interface MixDonutProps {
  /** The mix aimed at. */
  target: MixWeights;
  /** The mix of the posts actually planned or published, when known. */
  actual?: MixWeights | null;
  size?: number;
}

function OneDonut({ weights, caption, testId, size }: { weights: MixWeights; caption: string; testId: string; size: number }) {
  const { t } = useTranslation();
  const data = PILLARS.filter((p) => weights[p] > 0).map((p) => ({
    name: t(`objectives.pillars.${p}`),
    value: weights[p],
    color: `${PILLAR_COLORS[p]}.6`,
  }));
  const parts = PILLARS.map((p) => `${t(`objectives.pillars.${p}`)} ${t('objectives.mix.percent', { value: weights[p] })}`).join(', ');
  return (
    <Stack gap={4} align="center" data-testid={testId}>
      <DonutChart
        data={data}
        size={size}
        thickness={Math.round(size / 7)}
        withTooltip
        tooltipDataSource="segment"
        valueFormatter={(v) => t('objectives.mix.percent', { value: v })}
        aria-label={`${caption}: ${parts}`}
        role="img"
      />
      <Text size="sm" fw={600}>
        {caption}
      </Text>
    </Stack>
  );
}

export default function MixDonut({ target, actual, size = 160 }: MixDonutProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" align="center">
      <Group gap="xl" justify="center" align="flex-start">
        <OneDonut weights={target} caption={t('objectives.mix.donutTarget')} testId="mix-donut-target" size={size} />
        {actual && (
          <OneDonut weights={actual} caption={t('objectives.mix.donutActual')} testId="mix-donut-actual" size={size} />
        )}
      </Group>
      <Group gap="md" justify="center" data-testid="mix-donut-legend">
        {PILLARS.map((p) => (
          <Group key={p} gap={6} wrap="nowrap">
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 5,
                background: `var(--mantine-color-${PILLAR_COLORS[p]}-6)`,
              }}
            />
            <Text size="sm">{t(`objectives.pillars.${p}`)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
