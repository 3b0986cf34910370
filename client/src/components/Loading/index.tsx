import { View, Text } from '@tarojs/components';
import './index.scss';

/** A spinner with a word, for every wait. */
export function Loading({ text = '加载中…', inline }: { text?: string; inline?: boolean }) {
  return (
    <View className={`ui-loading ${inline ? 'ui-loading--inline' : ''}`}>
      <View className="ui-loading__spinner" />
      <Text className="ui-loading__text">{text}</Text>
    </View>
  );
}
