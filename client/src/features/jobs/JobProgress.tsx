import { View, Text } from '@tarojs/components';

/** A long job's progress bar (an export, the recompute), with what it is doing. */
export function JobProgress({ id, progress, label }: { id: string; progress: number; label: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(progress)));
  return (
    <View id={id} className="job-progress" style={{ margin: '16rpx 0' }}>
      <View style={{ height: '12rpx', borderRadius: '6rpx', background: '#eee', overflow: 'hidden' }}>
        <View
          id={`${id}-bar`}
          style={{ width: `${pct}%`, height: '100%', background: '#c8161d', transition: 'width 0.3s' }}
        />
      </View>
      <Text style={{ fontSize: '24rpx', color: '#666' }}>
        {label} {pct}%
      </Text>
    </View>
  );
}
