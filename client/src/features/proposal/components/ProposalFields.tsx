import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import {
  categoryLabels,
  PROPOSAL_CONTENT_MAX,
  PROPOSAL_TITLE_MAX,
  proposalCategories,
  targetGroupLabels,
  targetGroups,
} from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, TextField, optionsOf } from '../../../components';
import type { FieldErrors } from '../../../utils/fieldErrors';
import { AttachmentField, type Attachments } from '../../attachment';
import { attachmentError, type ProposalFormValues } from '../form';

export const CONTENT_MAX = PROPOSAL_CONTENT_MAX;
/** The native box takes everything pasted (weapp: -1 is no limit); the count and the note say what is over. */
const NO_CUT = -1;

/** Counted as the schema counts (after trimming). */
const charCount = (s: string) => s.trim().length;

/**
 * Text over a field's limit: nothing is cut on the device; this says by how much it is over and what
 * the part beyond the limit is, so the person decides what to remove (`#<id>-over`).
 */
function OverLimit({ id, text, max }: { id: string; text: string; max: number }) {
  const trimmed = text.trim();
  if (trimmed.length <= max) return null;
  const beyond = Array.from(trimmed.slice(max));
  const shown = beyond.length > 30 ? `${beyond.slice(0, 30).join('')}…` : beyond.join('');
  return (
    <Text className="ui-field__error" id={`${id}-over`}>
      超出 {trimmed.length - max} 个字，没有替您删掉，请删减到 {max} 字以内再提交。第 {max} 字之后是：“{shown}”
    </Text>
  );
}
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
  const count = charCount(values.content);
  const titleCount = charCount(values.title);
  const chipPrefix = idPrefix === 'proposal' ? '' : `${idPrefix}-`;
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        label="建议标题"
        error={errors.title}
        value={values.title}
        maxlength={NO_CUT}
        extra={
          <Text
            className={`ui-count ${titleCount > PROPOSAL_TITLE_MAX ? 'ui-count--over' : ''}`}
            id={`${idPrefix}-title-count`}
          >
            {titleCount}/{PROPOSAL_TITLE_MAX}
          </Text>
        }
        placeholder="一句话说清想办的事"
        onInput={(v) => setField('title', v)}
      >
        <OverLimit id={`${idPrefix}-title`} text={values.title} max={PROPOSAL_TITLE_MAX} />
      </TextField>
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
        maxlength={NO_CUT}
        placeholder="遇到了什么困难，希望工会怎么做，大概有多少职工需要（至少 10 个字）"
        onInput={(v) => setField('content', v)}
      >
        <OverLimit id={`${idPrefix}-content`} text={values.content} max={CONTENT_MAX} />
      </TextField>
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
