import { View } from '@tarojs/components';
import { pieGradient, type PieSlice } from './pieSlices';

/**
 * 饼图: a circle of slices beside the bars of a single-choice question. The numbers are in the bars
 * next to it (same colours), so the pie itself carries no text; a screen reader hears the summary.
 */
export function Pie({ id, slices, summary }: { id: string; slices: readonly PieSlice[]; summary: string }) {
  if (slices.length === 0) return null;
  return (
    <View className="sr-pie" id={id} aria-label={summary} role="img">
      <View className="sr-pie__disc" style={{ backgroundImage: pieGradient(slices) }} />
    </View>
  );
}
