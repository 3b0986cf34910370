import { View, Text } from '@tarojs/components';
import type { ChartSpec } from './chartTypes';
import { ChartCanvas } from './ChartCanvas';
import { chartColors, chartHeight } from './draw';

interface ChartProps {
  /** Stable id: the canvas is `<id>-canvas`, the table `<id>-table`, row i `<id>-row-<i>`. */
  id: string;
  title: string;
  spec: ChartSpec;
  /** How a value reads in the table (e.g. `12 人`). */
  format: (value: number) => string;
  /** Tapping a row opens what is behind it (the list of projects). */
  onRow?: (index: number) => void;
  height?: number;
}

/**
 * A chart with the same numbers beside it as a table: older workers and screen readers read the
 * table, the chart is a picture of it. Nothing is drawn when every value is 0 (the table says so).
 */
export function Chart({ id, title, spec, format, onRow, height = 180 }: ChartProps) {
  const total = spec.data.reduce((sum, d) => sum + d.value, 0);
  return (
    <View className="kpi-chart" id={id}>
      <Text className="kpi-chart__title">{title}</Text>
      {total > 0 ? <ChartCanvas id={`${id}-canvas`} spec={spec} height={chartHeight(spec, height)} /> : null}
      <View className="kpi-chart__table" id={`${id}-table`} role="table" aria-label={title}>
        {spec.data.map((d, i) => (
          <View
            key={d.label}
            id={`${id}-row-${i}`}
            role="row"
            className={`kpi-chart__row ${onRow ? 'kpi-chart__row--tap' : ''}`}
            onClick={onRow ? () => onRow(i) : undefined}
          >
            <View className="kpi-chart__swatch" style={{ background: chartColors[i % chartColors.length] }} />
            <Text className="kpi-chart__label">{d.label}</Text>
            <Text className="kpi-chart__value">
              {format(d.value)}
              {spec.kind === 'pie' && total > 0 ? `（${((d.value * 100) / total).toFixed(1)}%）` : ''}
            </Text>
            {onRow ? <Text className="kpi-chart__more">›</Text> : null}
          </View>
        ))}
        {total === 0 ? <Text className="kpi-chart__empty">暂时都是 0，还没有可画的数字。</Text> : null}
      </View>
    </View>
  );
}
