import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface FormFieldProps {
  label: string;
  optional?: boolean;
  /** Error for this field (client zod or server INVALID_INPUT); shown right under it. */
  error?: string;
  /** Right side of the label row, e.g. a character count. */
  extra?: ReactNode;
  /** Makes the error line targetable as `#<id>-error`. */
  id?: string;
  children: ReactNode;
}

export function FormField({ label, optional, error, extra, id, children }: FormFieldProps) {
  return (
    <View className={`ui-field ${error ? 'ui-field--invalid' : ''}`}>
      <View className="ui-field__label-row">
        <Text className="ui-field__label">
          {label}
          {optional ? <Text className="ui-field__optional">（选填）</Text> : null}
        </Text>
        {extra}
      </View>
      {children}
      {error ? (
        <Text className="ui-field__error" id={id ? `${id}-error` : undefined}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
