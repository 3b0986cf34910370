import { View, Text } from '@tarojs/components';
import type { Progress as ProgressFacts } from '@shishi/shared-types';

/** 第 1/3 页 · 已答 4/9 题, with a bar: the count follows the display logic (hidden questions don't count). */
export function Progress({ page, pages, progress }: { page: number; pages: number; progress: ProgressFacts }) {
  return (
    <View className="sa-progress" id="survey-progress">
      <View className="sa-progress__line">
        <Text id="survey-page">
          第 {page}/{pages} 页
        </Text>
        <Text id="survey-answered">
          已答 {progress.answered}/{progress.shown} 题 · {progress.percent}%
        </Text>
      </View>
      <View className="sa-progress__track">
        <View className="sa-progress__fill" style={{ width: `${progress.percent}%` }} />
      </View>
    </View>
  );
}
