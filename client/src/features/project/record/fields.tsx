/** Text boxes bound to the record editor, with the limits of `projectRecordSchema`. */
import { projectRecordSchema } from '@shishi/shared-types';
import { TextField } from '../../../components';
import { maxDigits, maxLen } from '../actions/limits';
import type { TextKey } from './model';
import type { RecordEditor } from './useRecordEditor';

const shape = projectRecordSchema.shape;

interface RecordTextProps {
  editor: RecordEditor;
  field: TextKey;
  label: string;
  placeholder?: string;
  optional?: boolean;
  multiline?: boolean;
  tall?: boolean;
  /** A whole number (人数, %) rather than text. */
  count?: boolean;
}

/** One field of 附件1: `#re-<field>` (type into `#re-<field> input` / `textarea`), message `#re-<field>-error`. */
export function RecordText({ editor, field, label, placeholder, optional, multiline, tall, count }: RecordTextProps) {
  const schema = (shape as Record<string, unknown>)[field];
  return (
    <TextField
      id={`re-${field}`}
      label={label}
      optional={optional}
      multiline={multiline}
      className={multiline ? (tall ? 'pj-textarea--tall' : 'pj-textarea') : undefined}
      type={count ? 'number' : undefined}
      maxlength={count ? maxDigits(schema) : maxLen(schema)}
      placeholder={placeholder}
      value={editor.state[field]}
      error={editor.errors[field]}
      onInput={(v) => editor.set(field, v)}
    />
  );
}
