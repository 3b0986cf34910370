import { View, Text } from '@tarojs/components';
import { questionTypeLabels, questionTypes, type QuestionType } from '@shishi/shared-types';
import { Sheet } from '../../../components/Sheet';

const typeHints: Record<QuestionType, string> = {
  single: '从几个选项中选一个',
  multiple: '可以选几个，可限定最少、最多选几项',
  scale: '1–5 分，例如满意程度',
  score: '0–10 分，例如需要程度、推荐程度',
  ranking: '把几个选项按重要程度排先后',
  matrix: '几个方面分别选择，例如各项服务的满意度',
  text: '一句话的回答，例如姓名以外的简短信息',
  longText: '可以写一段话的意见和建议',
};

/** 添加题目: the eight question types, each with a line on what it is for. */
export function TypeSheet({ onPick, onClose }: { onPick: (type: QuestionType) => void; onClose: () => void }) {
  return (
    <Sheet open id="type-sheet" title="选择题型" onClose={onClose}>
      {questionTypes.map((t) => (
        <View key={t} id={`type-${t}`} className="sheet-option" onClick={() => onPick(t)}>
          <View className="sheet-option__body">
            <Text className="sheet-option__title">{questionTypeLabels[t]}</Text>
            <Text className="sheet-option__meta">{typeHints[t]}</Text>
          </View>
        </View>
      ))}
    </Sheet>
  );
}
