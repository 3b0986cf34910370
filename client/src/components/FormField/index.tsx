import { View, Text, Input, Textarea } from '@tarojs/components';
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

export interface TextBoxProps {
  /** On the control: type into `#<id> input` (or `#<id> textarea`). */
  id: string;
  value: string;
  onInput: (value: string) => void;
  maxlength?: number;
  placeholder?: string;
  type?: 'number';
  /** A <Textarea> rather than a one-line <Input>. */
  multiline?: boolean;
  /** Textarea in a position:fixed area (a Sheet) on weapp. */
  fixed?: boolean;
  /** Classes added to `ui-input` / `ui-textarea`. */
  className?: string;
}

/** A text box in our look: a one-line <Input> or a <Textarea>, reporting the text as typed. */
export function TextBox({
  id,
  value,
  onInput,
  maxlength,
  placeholder,
  type,
  multiline,
  fixed,
  className,
}: TextBoxProps) {
  const common = {
    id,
    placeholderClass: 'ui-input-placeholder',
    value,
    maxlength,
    placeholder,
    onInput: (e: { detail: { value: string } }) => onInput(e.detail.value),
  };
  const base = multiline ? 'ui-textarea' : 'ui-input';
  const classes = className ? `${base} ${className}` : base;
  return multiline ? (
    <Textarea fixed={fixed} className={classes} {...common} />
  ) : (
    <Input className={classes} type={type} {...common} />
  );
}

interface TextFieldProps extends TextBoxProps {
  label: string;
  maxlength: number;
  optional?: boolean;
  /** Its message is `#<id>-error`. */
  error?: string;
  extra?: ReactNode;
  /** Under the control, e.g. a hint. */
  children?: ReactNode;
}

/** A labelled text box: a FormField holding one TextBox (the field and the box share the id). */
export function TextField({ label, optional, error, extra, children, ...box }: TextFieldProps) {
  return (
    <FormField label={label} optional={optional} error={error} extra={extra} id={box.id}>
      <TextBox {...box} />
      {children}
    </FormField>
  );
}
