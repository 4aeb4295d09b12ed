import EChartsCore from 'echarts-for-react/esm/core';
import { BarChart, type BarSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws, so the chart bundle stays small.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/**
 * One chart. `label` says in words what it shows (the same figures), for screen readers:
 * the canvas itself is hidden from them.
 */
export function Chart({
  option,
  label,
  height = 280,
}: {
  option: ChartOption;
  label: string;
  height?: number;
}) {
  return (
    <div role="img" aria-label={label}>
      <EChartsCore
        echarts={echarts}
        // Figures, not a show: no animation (and a screenshot shows the finished chart).
        option={{ animation: false, ...option }}
        notMerge
        style={{ height }}
        aria-hidden
      />
    </div>
  );
}
