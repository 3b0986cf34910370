import { Text } from '@tarojs/components';
import { recordSpendingInputSchema, yuan, type Project } from '@shishi/shared-types';
import { AppButton, FormField, Notice, TextField } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { useFormState } from '../../../hooks/useFormState';
import { toastSuccess } from '../../../utils/feedback';
import { recordSpending } from './api';
import { maxLen } from './limits';
import { parseYuan } from './money';
import { DateInput } from './ui';

const shape = recordSpendingInputSchema.shape;
/** An amount in 元 fits in this many characters (10 亿 with two decimals and separators). */
const YUAN_CHARS = 16;

interface SpendingSheetProps {
  project: Project;
  today: string;
  onClose: () => void;
  onDone: () => void;
}

/** 登记支出: one spending line, the total and the part paid from the city subsidy, in 元 as typed. */
export function SpendingSheet({ project, today, onClose, onDone }: SpendingSheetProps) {
  const money = project.staff!.money;
  const form = useFormState({ date: today, item: '', amount: '', aid: '', note: '' });
  const v = form.values;

  const submit = async () => {
    const amount = parseYuan(v.amount, '支出金额');
    const aid = v.aid.trim() === '' ? ({ ok: true, fen: 0 } as const) : parseYuan(v.aid, '其中市总扶助资金');
    const errs: Record<string, string> = {};
    if (!amount.ok) errs.amountFen = amount.message;
    if (!aid.ok) errs.cityAidFen = aid.message;
    if (amount.ok && aid.ok && aid.fen > amount.fen) errs.cityAidFen = '其中市总扶助资金不能超过支出金额';
    if (Object.keys(errs).length > 0 || !amount.ok || !aid.ok) {
      form.setErrors(errs);
      return;
    }
    const checked = form.check(
      recordSpendingInputSchema.safeParse({
        projectId: project._id,
        date: v.date,
        item: v.item,
        amountFen: amount.fen,
        cityAidFen: aid.fen,
        note: v.note.trim() === '' ? undefined : v.note,
      }),
    );
    if (!checked) return;
    await form.send(async () => {
      await recordSpending(checked);
      toastSuccess('支出已登记');
      onDone();
    });
  };

  return (
    <Sheet
      open
      id="pa-spend-sheet"
      title="登记资金支出"
      onClose={onClose}
      footer={
        <AppButton
          id="pa-spend-confirm"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在保存…"
          onClick={() => void submit()}
        >
          登记这笔支出
        </AppButton>
      }
    >
      <Text className="sheet-lead">{project.title}</Text>
      <Text className="sheet-fact" id="pa-spend-so-far">
        总预算 {yuan(money.totalBudgetFen)}，已支出 {yuan(money.spentFen)}（其中市总扶助 {yuan(money.spentAidFen)}）
      </Text>
      {form.formError ? <Notice id="pa-spend-error" text={form.formError} /> : null}
      <FormField label="支出日期" error={form.errors.date} id="pa-spend-date">
        <DateInput id="pa-spend-date-input" value={v.date} onChange={(d) => form.setField('date', d)} />
      </FormField>
      <TextField
        id="pa-spend-item"
        label="支出事项"
        maxlength={maxLen(shape.item)}
        placeholder="例如：购置体检服务"
        {...form.text('item')}
        error={form.errors.item}
      />
      <TextField
        id="pa-spend-amount"
        label="支出金额（元）"
        maxlength={YUAN_CHARS}
        placeholder="例如 12000.50"
        value={v.amount}
        error={form.errors.amountFen}
        onInput={(x) => form.setField('amount', x)}
      />
      <TextField
        id="pa-spend-aid"
        label="其中市总扶助资金（元）"
        optional
        maxlength={YUAN_CHARS}
        placeholder="这笔支出里用市总扶助资金的部分，没有就不填"
        value={v.aid}
        error={form.errors.cityAidFen}
        onInput={(x) => form.setField('aid', x)}
      />
      <TextField
        id="pa-spend-note"
        label="备注"
        optional
        maxlength={maxLen(shape.note)}
        placeholder="票据号、说明等"
        {...form.text('note')}
      />
    </Sheet>
  );
}
