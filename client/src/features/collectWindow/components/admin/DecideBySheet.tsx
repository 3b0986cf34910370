import { Text } from '@tarojs/components';
import { AppButton, FormField, Notice } from '../../../../components';
import { Sheet } from '../../../../components/Sheet';
import { formatChineseDate, lastDayBefore } from '../../../../utils/dates';
import { DateField } from './DateField';
import { useDecideByForm } from './hooks';
import type { WindowSheetProps } from './types';
import './admin.scss';

/** 决定公布日期: by which day the union says whether it adopts the window's proposals (or none). */
export function DecideBySheet({ window, onClose, onSaved }: WindowSheetProps) {
  const form = useDecideByForm(window, onSaved);
  const chosen = form.values.decideBy;
  return (
    <Sheet
      open
      id="decide-sheet"
      title="决定公布日期"
      onClose={onClose}
      footer={
        <AppButton
          id="decide-save"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在保存…"
          onClick={() => void form.save(chosen || null)}
        >
          保存
        </AppButton>
      }
    >
      <Text className="sheet-lead">{window.title}</Text>
      {form.formError ? <Notice id="decide-error" text={form.formError} /> : null}
      <FormField label="哪天前公布是否采纳" error={form.errors.decideBy} id="decide-day">
        <DateField
          id="decide-day"
          value={chosen}
          placeholder="不设日期"
          onChange={(v) => form.setField('decideBy', v)}
        />
      </FormField>
      <Text className="muted window-form__hint">
        要晚于征集期的最后一天（{window.closedAt ? formatChineseDate(window.closedAt) : lastDayBefore(window.closesAt)}
        ）。提建议的职工在“建议进展”里看到这一天；不设日期时，进展里只说筛选后作出决定。
      </Text>
      {window.decideBy || chosen ? (
        <AppButton id="decide-clear" kind="plain" onClick={() => form.setField('decideBy', '')}>
          不设日期
        </AppButton>
      ) : null}
    </Sheet>
  );
}
