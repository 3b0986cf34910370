import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { FieldProblem } from '@shishi/shared-types';

/**
 * What 提交可研论证 still needs (recordGaps), as a checklist. `ready` false: the record does not even
 * parse yet (the save check lists why), so the list cannot be worked out.
 */
export function Gaps({ gaps, ready }: { gaps: readonly FieldProblem[]; ready: boolean }) {
  const [open, setOpen] = useState(false);
  if (!ready) {
    return (
      <View className="re-gaps" id="re-gaps">
        <Text className="re-gaps__title">提交可研论证前的检查</Text>
        <Text className="re-gaps__lead">先填好封面和项目名称，这里会列出还缺哪些内容。</Text>
      </View>
    );
  }
  if (gaps.length === 0) {
    return (
      <View className="re-gaps re-gaps--done" id="re-gaps">
        <Text className="re-gaps__title" id="re-gaps-done">
          ✓ 八个部分都填好了，保存后可以提交可研论证
        </Text>
      </View>
    );
  }
  const shown = open ? gaps : gaps.slice(0, 3);
  return (
    <View className="re-gaps" id="re-gaps">
      <Text className="re-gaps__title" id="re-gaps-count">
        提交可研论证前还要填写 {gaps.length} 项
      </Text>
      {shown.map((g) => (
        <View key={g.path} className="re-gaps__item">
          <Text className="re-gaps__box">□</Text>
          <Text>{g.message.replace(/^请填写/, '')}</Text>
        </View>
      ))}
      {gaps.length > 3 ? (
        <View className="pj-link" id="re-gaps-toggle" onClick={() => setOpen(!open)}>
          <Text>{open ? '收起' : `展开全部 ${gaps.length} 项`}</Text>
        </View>
      ) : null}
    </View>
  );
}
