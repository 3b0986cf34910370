import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { categoryLabels, proposalCategories, targetGroupLabels, targetGroups } from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, TextField, optionsOf } from '../../../components';
import type { FieldErrors } from '../../../utils/fieldErrors';
import { AttachmentField, type Attachments } from '../../attachment';
import { attachmentError, type ProposalFormValues } from '../form';

export const CONTENT_MAX = 1000;
const categoryOptions = optionsOf(proposalCategories, categoryLabels);
const targetGroupOptions = optionsOf(targetGroups, targetGroupLabels);

interface ProposalFieldsProps {
  values: ProposalFormValues;
  errors: FieldErrors;
  setField: <K extends keyof ProposalFormValues>(key: K, value: ProposalFormValues[K]) => void;
  /**
   * Ids: `#<idPrefix>-title input`, `#<idPrefix>-content textarea`, `#<idPrefix>-content-count`, field
   * messages `#<idPrefix>-<field>-error`. Chips are `#category-<v>` / `#target-<v>` for 'proposal',
   * otherwise `#<idPrefix>-category-<v>` / `#<idPrefix>-target-<v>`.
   */
  idPrefix: string;
  /** Under the content: e.g. the similar proposals. */
  afterContent?: ReactNode;
  /** The images (`#<idPrefix>-images`), before the category, under this label. */
  images: { attachments: Attachments; label: string };
}

/** Title, content, images, category and who it is for: the fields of every proposal form. */
export function ProposalFields({ values, errors, setField, idPrefix, afterContent, images }: ProposalFieldsProps) {
  const count = values.content.length;
  const chipPrefix = idPrefix === 'proposal' ? '' : `${idPrefix}-`;
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        label="建议标题"
        error={errors.title}
        value={values.title}
        maxlength={40}
        placeholder="一句话说清想办的事，4 到 40 个字"
        onInput={(v) => setField('title', v)}
      />
      <TextField
        id={`${idPrefix}-content`}
        label="建议内容"
        multiline
        extra={
          <Text className={`ui-count ${count > CONTENT_MAX ? 'ui-count--over' : ''}`} id={`${idPrefix}-content-count`}>
            {count}/{CONTENT_MAX}
          </Text>
        }
        error={errors.content}
        value={values.content}
        maxlength={CONTENT_MAX}
        placeholder="遇到了什么困难，希望工会怎么做，大概有多少职工需要（至少 10 个字）"
        onInput={(v) => setField('content', v)}
      />
      {afterContent}
      <AttachmentField
        attachments={images.attachments}
        label={images.label}
        id={`${idPrefix}-images`}
        serverError={attachmentError(errors)}
      />
      <FormField label="建议类别" error={errors.category} id={`${idPrefix}-category`}>
        <ChipGroup
          idPrefix={`${chipPrefix}category`}
          options={categoryOptions}
          value={values.category}
          onChange={(v) => setField('category', v)}
        />
      </FormField>
      <FormField label="服务对象" error={errors.targetGroup} id={`${idPrefix}-target`}>
        <ChipGroup
          idPrefix={`${chipPrefix}target`}
          options={targetGroupOptions}
          value={values.targetGroup}
          onChange={(v) => setField('targetGroup', v)}
        />
      </FormField>
    </>
  );
}

interface ProposalSubmitProps {
  id: string;
  busy: boolean;
  attachments: Attachments;
  /** What the button says while images are still uploading. */
  uploadingText: string;
  onClick: () => void;
  children: string;
}

/** The submit button of a proposal form: it waits for the images to upload, and says so. */
export function ProposalSubmit({ id, busy, attachments, uploadingText, onClick, children }: ProposalSubmitProps) {
  return (
    <AppButton
      id={id}
      kind="primary"
      block
      loading={busy}
      busyText="正在提交…"
      disabled={attachments.uploading}
      onClick={onClick}
    >
      {attachments.uploading ? uploadingText : children}
    </AppButton>
  );
}
