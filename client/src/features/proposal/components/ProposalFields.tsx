import { Input, Textarea, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { categoryLabels, proposalCategories, targetGroupLabels, targetGroups } from '@shishi/shared-types';
import { ChipGroup, FormField, optionsOf } from '../../../components';
import type { FieldErrors } from '../../../utils/fieldErrors';
import type { ProposalFormValues } from '../form';

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
  /** Before the category: e.g. the images. */
  beforeCategory?: ReactNode;
}

/** Title, content, category and who it is for: the fields of every proposal form. */
export function ProposalFields({
  values,
  errors,
  setField,
  idPrefix,
  afterContent,
  beforeCategory,
}: ProposalFieldsProps) {
  const count = values.content.length;
  const chipPrefix = idPrefix === 'proposal' ? '' : `${idPrefix}-`;
  return (
    <>
      <FormField label="建议标题" error={errors.title} id={`${idPrefix}-title`}>
        <Input
          id={`${idPrefix}-title`}
          className="ui-input"
          placeholderClass="ui-input-placeholder"
          value={values.title}
          maxlength={40}
          placeholder="一句话说清想办的事，4 到 40 个字"
          onInput={(e) => setField('title', e.detail.value)}
        />
      </FormField>
      <FormField
        label="建议内容"
        error={errors.content}
        id={`${idPrefix}-content`}
        extra={
          <Text className={`ui-count ${count > CONTENT_MAX ? 'ui-count--over' : ''}`} id={`${idPrefix}-content-count`}>
            {count}/{CONTENT_MAX}
          </Text>
        }
      >
        <Textarea
          id={`${idPrefix}-content`}
          className="ui-textarea"
          placeholderClass="ui-input-placeholder"
          value={values.content}
          maxlength={CONTENT_MAX}
          placeholder="遇到了什么困难，希望工会怎么做，大概有多少职工需要（至少 10 个字）"
          onInput={(e) => setField('content', e.detail.value)}
        />
      </FormField>
      {afterContent}
      {beforeCategory}
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
