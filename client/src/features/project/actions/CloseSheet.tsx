import { Text } from '@tarojs/components';
import { closeProjectInputSchema, yuan, type Project } from '@shishi/shared-types';
import { AppButton, Notice, TextField } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { useFormState } from '../../../hooks/useFormState';
import { confirm, toastSuccess } from '../../../utils/feedback';
import { closeProject } from './api';
import { maxLen } from './limits';
import { fenToYuanText, parseYuan } from './money';

const YUAN_CHARS = 16;

interface CloseSheetProps {
  project: Project;
  onClose: () => void;
  onDone: () => void;
}

/** 结项 (第五条（九）): 经费决算 and the completion summary reported to the 党组会. */
export function CloseSheet({ project, onClose, onDone }: CloseSheetProps) {
  const money = project.staff!.money;
  const form = useFormState({ finalAccounts: fenToYuanText(money.spentFen), summary: '' });
  const v = form.values;

  const submit = async () => {
    const amount = parseYuan(v.finalAccounts, '经费决算金额');
    if (!amount.ok) {
      form.setErrors({ finalAccountsFen: amount.message });
      return;
    }
    const checked = form.check(
      closeProjectInputSchema.safeParse({ projectId: project._id, finalAccountsFen: amount.fen, summary: v.summary }),
    );
    if (!checked) return;
    const ok = await confirm('结项', `经费决算 ${yuan(amount.fen)}。结项后项目不能再登记支出或修改。`, '结项');
    if (!ok) return;
    await form.send(async () => {
      await closeProject(checked);
      toastSuccess('项目已结项');
      onDone();
    });
  };

  return (
    <Sheet
      open
      id="pa-close-sheet"
      title="结项"
      onClose={onClose}
      footer={
        <AppButton
          id="pa-close-confirm"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在提交…"
          onClick={() => void submit()}
        >
          确认结项
        </AppButton>
      }
    >
      <Text className="sheet-lead">{project.title}</Text>
      <Text className="sheet-fact">
        总预算 {yuan(money.totalBudgetFen)}，登记的支出共 {yuan(money.spentFen)}
      </Text>
      {form.formError ? <Notice id="pa-close-error" text={form.formError} /> : null}
      <TextField
        id="pa-close-final"
        label="经费决算金额（元）"
        maxlength={YUAN_CHARS}
        placeholder="例如 98000.00"
        value={v.finalAccounts}
        error={form.errors.finalAccountsFen}
        onInput={(x) => form.setField('finalAccounts', x)}
      />
      <TextField
        id="pa-close-summary"
        label="结项说明"
        multiline
        fixed
        className="pj-textarea--tall"
        maxlength={maxLen(closeProjectInputSchema.shape.summary)}
        placeholder="项目完成情况、决算说明，向市总工会党组会报告的内容"
        {...form.text('summary')}
      />
    </Sheet>
  );
}
