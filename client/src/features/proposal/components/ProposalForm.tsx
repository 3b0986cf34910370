import { View, Input, Textarea, Text } from '@tarojs/components';
import {
  categoryLabels,
  proposalCategories,
  targetGroupLabels,
  targetGroups,
  type Proposal,
} from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, Notice, optionsOf } from '../../../components';
import { useProposalForm } from '../hooks';

const CONTENT_MAX = 1000;
const categoryOptions = optionsOf(proposalCategories, categoryLabels);
const targetGroupOptions = optionsOf(targetGroups, targetGroupLabels);

/** 提建议: title, content, category and who it is for. */
export function ProposalForm({ onSubmitted }: { onSubmitted: (proposal: Proposal) => void }) {
  const form = useProposalForm(onSubmitted);
  const count = form.values.content.length;
  return (
    <View>
      {form.formError ? <Notice id="proposal-error" text={form.formError} /> : null}
      <FormField label="建议标题" error={form.errors.title} id="proposal-title">
        <Input
          id="proposal-title"
          className="ui-input"
          placeholderClass="ui-input-placeholder"
          value={form.values.title}
          maxlength={40}
          placeholder="一句话说清想办的事，4 到 40 个字"
          onInput={(e) => form.setField('title', e.detail.value)}
        />
      </FormField>
      <FormField
        label="建议内容"
        error={form.errors.content}
        id="proposal-content"
        extra={
          <Text className={`ui-count ${count > CONTENT_MAX ? 'ui-count--over' : ''}`} id="proposal-content-count">
            {count}/{CONTENT_MAX}
          </Text>
        }
      >
        <Textarea
          id="proposal-content"
          className="ui-textarea"
          placeholderClass="ui-input-placeholder"
          value={form.values.content}
          maxlength={CONTENT_MAX}
          placeholder="遇到了什么困难，希望工会怎么做，大概有多少职工需要（至少 10 个字）"
          onInput={(e) => form.setField('content', e.detail.value)}
        />
      </FormField>
      <FormField label="建议类别" error={form.errors.category} id="proposal-category">
        <ChipGroup
          idPrefix="category"
          options={categoryOptions}
          value={form.values.category}
          onChange={(v) => form.setField('category', v)}
        />
      </FormField>
      <FormField label="服务对象" error={form.errors.targetGroup} id="proposal-target">
        <ChipGroup
          idPrefix="target"
          options={targetGroupOptions}
          value={form.values.targetGroup}
          onChange={(v) => form.setField('targetGroup', v)}
        />
      </FormField>
      <AppButton id="proposal-submit" kind="primary" block loading={form.submitting} onClick={() => void form.submit()}>
        {form.submitting ? '正在提交…' : '提交建议'}
      </AppButton>
    </View>
  );
}
