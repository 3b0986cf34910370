import { View, Text } from '@tarojs/components';
import type { QuestionStats, QuestionType } from '@shishi/shared-types';
import { avg, pct } from '../labels';
import { Bars } from './Bars';
import { Pie } from './Pie';
import { pieSlices } from './pieSlices';

/** The top of a numeric scale, for "平均 4.2 分（满分 5 分）". */
export function scaleMax(type: QuestionType): number {
  return type === 'score' ? 10 : 5;
}

interface StatsViewProps {
  type: QuestionType;
  stats: QuestionStats;
  /** Ids inside are `<idPrefix>-<option / value / row>`. */
  idPrefix: string;
  compact?: boolean;
  /** Matrix: how many columns (for the average bar). */
  matrixColumns?: number;
}

/** One question's numbers as bars: choices, a scale's average and spread, a ranking, matrix rows. */
export function StatsView({ type, stats, idPrefix, compact, matrixColumns = 5 }: StatsViewProps) {
  switch (stats.kind) {
    case 'choice': {
      const rows = stats.options.map((o) => ({ key: o.id, label: o.label, count: o.count, percent: o.percent }));
      if (type !== 'single' || compact) return <Bars compact={compact} idPrefix={idPrefix} rows={rows} />;
      // 单选题: shares of one whole, so a pie beside the bars (same colours, same counts).
      const { colors, slices } = pieSlices(stats.options);
      const summary = stats.options.map((o) => `${o.label} ${pct(o.percent)}`).join('，');
      return (
        <View className="sr-pie-row">
          <Pie id={`${idPrefix}-pie`} slices={slices} summary={`饼图：${summary}`} />
          <View className="sr-pie-row__bars">
            <Bars idPrefix={idPrefix} rows={rows.map((r) => ({ ...r, color: colors.get(r.key) }))} />
          </View>
        </View>
      );
    }
    case 'numeric': {
      const max = scaleMax(type);
      return (
        <View>
          <View className="sr-avg" id={`${idPrefix}-average`}>
            <Text className="sr-avg__label">平均</Text>
            <Text className="sr-avg__value">{avg(stats.average)}</Text>
            <Text className="sr-avg__label">分（满分 {max} 分）</Text>
          </View>
          {compact ? null : (
            <Bars
              idPrefix={idPrefix}
              rows={[...stats.distribution]
                .reverse()
                .map((v) => ({ key: String(v.value), label: v.label, count: v.count, percent: v.percent }))}
            />
          )}
        </View>
      );
    }
    case 'ranking': {
      const sorted = [...stats.options].sort(
        (a, b) => (a.averageRank ?? Infinity) - (b.averageRank ?? Infinity) || b.firstCount - a.firstCount,
      );
      const list = compact ? sorted.slice(0, 1) : sorted;
      return (
        <View>
          {!compact ? <Text className="sr-note">按平均名次排列；条形表示把它排在第一位的人数</Text> : null}
          <Bars
            compact={compact}
            idPrefix={idPrefix}
            rows={list.map((o, i) => ({
              key: o.id,
              label: `${i + 1}. ${o.label}`,
              count: o.firstCount,
              percent: stats.answered > 0 ? (o.firstCount * 100) / stats.answered : 0,
              value: o.averageRank === null ? '无人排' : `平均第 ${avg(o.averageRank)} 位 · ${o.firstCount} 人排第一`,
            }))}
          />
        </View>
      );
    }
    case 'matrix':
      return (
        <View>
          <Bars
            compact={compact}
            idPrefix={idPrefix}
            rows={stats.rows.map((r) => ({
              key: r.id,
              label: r.label,
              count: Math.round((r.average ?? 0) * 10),
              percent: r.average === null ? 0 : (r.average * 100) / matrixColumns,
              value: `平均 ${avg(r.average)} 分`,
            }))}
          />
          {compact ? null : (
            <View className="sr-matrix-spread">
              {stats.rows.map((r) => (
                <Text key={r.id} className="sr-note">
                  {r.label}：{r.distribution.map((d) => `${d.label} ${pct(d.percent)}`).join('，')}
                </Text>
              ))}
            </View>
          )}
        </View>
      );
    case 'text':
      return null;
  }
}
