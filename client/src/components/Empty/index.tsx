import { View, Text } from '@tarojs/components';
import { AppButton } from '../AppButton';
import './index.scss';

interface EmptyProps {
  text: string;
  actionText?: string;
  onAction?: () => void;
}

/** Nothing to show yet: a friendly sentence and, where there is one, what to do next. */
export function Empty({ text, actionText, onAction }: EmptyProps) {
  return (
    <View className="ui-empty">
      <View className="ui-empty__mark" />
      <Text className="ui-empty__text">{text}</Text>
      {actionText && onAction ? (
        <AppButton kind="plain" className="ui-empty__action" onClick={onAction}>
          {actionText}
        </AppButton>
      ) : null}
    </View>
  );
}
