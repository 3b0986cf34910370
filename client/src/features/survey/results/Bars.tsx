import { View, Text } from '@tarojs/components';
import { pct } from '../labels';

export interface BarRow {
  key: string;
  label: string;
  count: number;
  /** 0–100: the bar's length. */
  percent: number;
  /** Replaces "N 人 · P%" on the right. */
  value?: string;
  /** A suppressed group: the words only, no bar. */
  hidden?: boolean;
  /** The option's colour in the pie beside the bars: a swatch before the label, and the bar's colour. */
  color?: string;
}

/**
 * Horizontal bars drawn with plain views: the label on its own line in body size, the count and the
 * percentage beside it in words, the bar under it. Reads at a glance at large font sizes, and costs
 * no chart library in the package.
 */
export function Bars({ rows, idPrefix, compact }: { rows: readonly BarRow[]; idPrefix: string; compact?: boolean }) {
  const top = Math.max(0, ...rows.map((r) => r.count));
  return (
    <View className={`sr-bars ${compact ? 'sr-bars--compact' : ''}`}>
      {rows.map((r) => (
        <View key={r.key} className="sr-bar" id={`${idPrefix}-${r.key}`}>
          <View className="sr-bar__line">
            <Text className={`sr-bar__label ${r.count === top && top > 0 ? 'sr-bar__label--top' : ''}`}>
              {r.color ? <Text className="sr-bar__swatch" style={{ backgroundColor: r.color }} /> : null}
              {r.label}
            </Text>
            <Text className={`sr-bar__value ${r.hidden ? 'sr-bar__value--hidden' : ''}`}>
              {r.value ?? `${r.count} 人 · ${pct(r.percent)}`}
            </Text>
          </View>
          {r.hidden ? null : (
            <View className="sr-bar__track">
              <View
                className={`sr-bar__fill ${r.count === top && top > 0 ? 'sr-bar__fill--top' : ''} ${r.percent > 0 ? 'sr-bar__fill--some' : ''}`}
                style={{
                  width: `${Math.max(0, Math.min(100, r.percent))}%`,
                  ...(r.color ? { backgroundColor: r.color } : {}),
                }}
              />
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
