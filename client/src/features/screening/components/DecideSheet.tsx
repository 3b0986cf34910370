import { Input, Text, Textarea } from '@tarojs/components';
import { decisionKinds, decisionMeta, type Proposal } from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, Notice } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { useDecideForm } from '../hooks';
import './sheets.scss';

const kindOptions = decisionKinds.map((k) => ({ value: k, label: decisionMeta[k].label }));

interface DecideSheetProps {
  item: Proposal;
  onClose: () => void;
  onDecided: () => void;
}

/** 决定: 采纳 (creates a project draft), 暂缓 or 不采纳 (with the reason the authors will read). */
export function DecideSheet({ item, onClose, onDecided }: DecideSheetProps) {
  const form = useDecideForm(item, onDecided);
  const kind = form.values.kind;
  return (
    <Sheet
      open
      id="decide-sheet"
      title="作出决定"
      onClose={onClose}
      footer={
        <AppButton id="decide-confirm" kind="primary" block loading={form.busy} onClick={() => void form.decide()}>
          {form.busy ? '正在提交…' : kind ? `确认${decisionMeta[kind].label}` : '确认'}
        </AppButton>
      }
    >
      <Text className="sheet-lead">{item.title}</Text>
      {item.scores?.total !== null && item.scores?.total !== undefined ? (
        <Text className="sheet-fact">综合得分 {item.scores.total.toFixed(1)}</Text>
      ) : (
        <Text className="sheet-fact">还没有评分，建议先评分再决定。</Text>
      )}
      {form.formError ? <Notice id="decide-error" text={form.formError} /> : null}
      <FormField label="决定" error={form.errors.kind} id="decide-kind">
        <ChipGroup idPrefix="decide" options={kindOptions} value={kind} onChange={(v) => form.setField('kind', v)} />
      </FormField>
      {kind === 'adopt' ? (
        <FormField label="项目名称" error={form.errors.projectTitle} id="decide-project-title">
          <Input
            id="decide-project-title"
            className="ui-input"
            placeholderClass="ui-input-placeholder"
            value={form.values.projectTitle}
            maxlength={40}
            placeholder="采纳后生成的项目草稿名称"
            onInput={(e) => form.setField('projectTitle', e.detail.value)}
          />
        </FormField>
      ) : null}
      <FormField
        label={kind === 'decline' ? '不采纳的理由' : '说明'}
        optional={kind !== 'decline'}
        error={form.errors.reason}
        id="decide-reason"
      >
        <Textarea
          fixed
          id="decide-reason"
          className="ui-textarea decide-sheet__reason"
          placeholderClass="ui-input-placeholder"
          value={form.values.reason}
          maxlength={200}
          placeholder="会告诉提议的职工，请写清楚、说得客气"
          onInput={(e) => form.setField('reason', e.detail.value)}
        />
      </FormField>
    </Sheet>
  );
}
