import { Text } from '@tarojs/components';
import { decisionKinds, decisionMeta, type Proposal } from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, Notice, TextField } from '../../../components';
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
        <AppButton
          id="decide-confirm"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在提交…"
          onClick={() => void form.decide()}
        >
          {kind ? `确认${decisionMeta[kind].label}` : '确认'}
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
        <TextField
          id="decide-project-title"
          label="项目名称"
          maxlength={40}
          placeholder="采纳后生成的项目草稿名称"
          {...form.text('projectTitle')}
        />
      ) : null}
      <TextField
        id="decide-reason"
        label={kind === 'decline' ? '不采纳的理由' : '说明'}
        optional={kind !== 'decline'}
        multiline
        fixed
        className="decide-sheet__reason"
        maxlength={200}
        placeholder="会告诉提议的职工，请写清楚、说得客气"
        {...form.text('reason')}
      />
    </Sheet>
  );
}
