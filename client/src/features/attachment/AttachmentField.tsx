import { Text } from '@tarojs/components';
import { FormField, ImageGrid } from '../../components';
import { imageRules } from '../../services/media';
import type { Attachments } from './hooks';
import { PrivacyPrompt } from '../../components/PrivacyPrompt/PrivacyPrompt';
import './AttachmentField.scss';

interface AttachmentFieldProps {
  attachments: Attachments;
  label: string;
  /** The grid gets this id (`<id>-add`, `<id>-remove-<i>`); the field's message `<id>-error`. */
  id: string;
  /** A server message for the field, shown when there is no local one. */
  serverError?: string;
}

/** 图片: thumbnails with 删除, an add tile up to the limit, and the rules in one line. */
export function AttachmentField({ attachments, label, id, serverError }: AttachmentFieldProps) {
  return (
    <FormField
      label={label}
      optional
      id={id}
      error={attachments.error ?? serverError}
      extra={<Text className="ui-count">{`${attachments.items.length}/${attachments.max}`}</Text>}
    >
      <ImageGrid
        id={id}
        images={attachments.items}
        max={attachments.max}
        onAdd={() => void attachments.add()}
        onRemove={attachments.remove}
        onPreview={attachments.preview}
      />
      <Text className="muted attachment-field__rules">{imageRules}</Text>
      <PrivacyPrompt feature="添加照片" />
    </FormField>
  );
}
