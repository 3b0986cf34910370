import { View, Text } from '@tarojs/components';
import './index.scss';

/** A coloured line of text at the top of a form: an error the user must read, or a plain note. */
export function Notice({
  tone = 'danger',
  text,
  id,
}: {
  tone?: 'danger' | 'info' | 'warning';
  text: string;
  id?: string;
}) {
  return (
    <View id={id} className={`ui-notice ui-notice--${tone}`}>
      <Text>{text}</Text>
    </View>
  );
}
