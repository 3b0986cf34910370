import { Text } from '@tarojs/components';
import { moveProjectInputSchema, reviewMeetingKinds, reviewMeetingLabels, type Project } from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, Notice, TextField, optionsOf } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { useFormState } from '../../../hooks/useFormState';
import { toastSuccess } from '../../../utils/feedback';
import { moveProject } from './api';
import { maxLen } from './limits';
import { DateInput } from './ui';

type Kind = (typeof reviewMeetingKinds)[number];
type Conclusion = 'pass' | 'revise' | 'reject';

const reviewShape = moveProjectInputSchema.shape.review.unwrap().shape;
const kindOptions = optionsOf(reviewMeetingKinds, reviewMeetingLabels);
const conclusionOptions: { value: Conclusion; label: string }[] = [
  { value: 'pass', label: '通过' },
  { value: 'revise', label: '修改后再议' },
  { value: 'reject', label: '不通过' },
];

interface ReviewSheetProps {
  project: Project;
  today: string;
  onClose: () => void;
  onDone: () => void;
}

/** 记录论证会 (第五条（三）): form, date, who took part, the conclusion and the opinion. */
export function ReviewSheet({ project, today, onClose, onDone }: ReviewSheetProps) {
  const form = useFormState({
    kind: 'argument' as Kind | undefined,
    date: today,
    participants: '',
    conclusion: undefined as Conclusion | undefined,
    conclusionText: '',
  });
  const v = form.values;

  const submit = async () => {
    const checked = form.check(
      moveProjectInputSchema.safeParse({
        projectId: project._id,
        move: 'recordReview',
        review: {
          kind: v.kind,
          date: v.date,
          participants: v.participants,
          conclusion: v.conclusion,
          conclusionText: v.conclusionText,
        },
      }),
    );
    if (!checked) return;
    await form.send(async () => {
      await moveProject(checked);
      toastSuccess('论证记录已保存');
      onDone();
    });
  };

  const err = (k: string) => form.errors[`review.${k}`] ?? form.errors[k];
  return (
    <Sheet
      open
      id="pa-review-sheet"
      title="记录论证会"
      onClose={onClose}
      footer={
        <AppButton
          id="pa-review-confirm"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在保存…"
          onClick={() => void submit()}
        >
          保存论证记录
        </AppButton>
      }
    >
      <Text className="sheet-lead">{project.title}</Text>
      {form.formError ? <Notice id="pa-review-error" text={form.formError} /> : null}
      <FormField label="论证形式" error={err('kind')} id="pa-review-kind">
        <ChipGroup
          idPrefix="pa-review-kind"
          options={kindOptions}
          value={v.kind}
          onChange={(k) => form.setField('kind', k)}
        />
      </FormField>
      <FormField label="论证日期" error={err('date')} id="pa-review-date">
        <DateInput id="pa-review-date-input" value={v.date} onChange={(d) => form.setField('date', d)} />
      </FormField>
      <TextField
        id="pa-review-participants"
        label="参加人员"
        multiline
        fixed
        className="pj-textarea"
        maxlength={maxLen(reviewShape.participants)}
        placeholder="姓名和单位，例如：张某（组织和基层工作部）、李某（财务部）"
        value={v.participants}
        error={err('participants')}
        onInput={(x) => form.setField('participants', x)}
      />
      <FormField label="论证结论" error={err('conclusion')} id="pa-review-conclusion">
        <ChipGroup
          idPrefix="pa-review-conclusion"
          options={conclusionOptions}
          value={v.conclusion}
          onChange={(c) => form.setField('conclusion', c)}
        />
        {v.conclusion === 'revise' ? (
          <Text className="pa-explain">保存后请用“退回修改”把报告退给申报单位修改。</Text>
        ) : null}
      </FormField>
      <TextField
        id="pa-review-text"
        label="论证意见"
        multiline
        fixed
        className="pj-textarea"
        maxlength={maxLen(reviewShape.conclusionText)}
        placeholder="论证会的主要意见"
        value={v.conclusionText}
        error={err('conclusionText')}
        onInput={(x) => form.setField('conclusionText', x)}
      />
    </Sheet>
  );
}
