// The scatter chart of the comparison, in a module of its own: the charts library is loaded only when the
// comparison is first opened, not at start-up.
import { ScatterChart, type ScatterChartSeries } from '@mantine/charts';

export interface EngagementScatterProps {
  series: ScatterChartSeries[];
  xLabel: string;
  yLabel: string;
  format: (v: number) => string;
}

export default function EngagementScatter({ series, xLabel, yLabel, format }: EngagementScatterProps) {
  return (
    <ScatterChart
      h={320}
      data={series}
      dataKey={{ x: 'posts', y: 'engagement' }}
      labels={{ x: xLabel, y: yLabel }}
      xAxisLabel={xLabel}
      yAxisLabel={yLabel}
      valueFormatter={{ x: format, y: format }}
      withLegend
    />
  );
}
