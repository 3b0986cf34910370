import { View, Picker, Text } from '@tarojs/components';
import type { CollectWindow } from '@shishi/shared-types';
import { AppButton, FormField, Notice, TextField } from '../../../../components';
import { Sheet } from '../../../../components/Sheet';
import { useCreateWindowForm } from './hooks';
import './admin.scss';

interface CreateWindowSheetProps {
  now: Date;
  onClose: () => void;
  onCreated: (w: CollectWindow) => void;
}

function DateField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="ui-input window-form__date" id={id}>
        <Text>{value || '请选择日期'}</Text>
        <Text className="window-form__arrow">›</Text>
      </View>
    </Picker>
  );
}

/** 设立征集期: project year (dates default to 10-01 … 12-31 of the year before), optional name. */
export function CreateWindowSheet({ now, onClose, onCreated }: CreateWindowSheetProps) {
  const form = useCreateWindowForm(now, onCreated);
  const year = form.values.projectYear;
  return (
    <Sheet
      open
      id="window-create-sheet"
      title="设立征集期"
      onClose={onClose}
      footer={
        <AppButton
          id="wc-submit"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在提交…"
          onClick={() => void form.submit()}
        >
          设立
        </AppButton>
      }
    >
      {form.formError ? <Notice id="wc-error" text={form.formError} /> : null}
      <TextField
        id="wc-year"
        label="项目年度"
        type="number"
        error={form.errors.projectYear}
        value={year}
        maxlength={4}
        onInput={(v) => form.setField('projectYear', v)}
      />
      <FormField label="开始日期" error={form.errors.opensOn} id="wc-opens">
        <DateField id="wc-opens" value={form.values.opensOn} onChange={(v) => form.setField('opensOn', v)} />
      </FormField>
      <FormField label="截止日期（含当天）" error={form.errors.closesOn} id="wc-closes">
        <DateField id="wc-closes" value={form.values.closesOn} onChange={(v) => form.setField('closesOn', v)} />
      </FormField>
      <TextField
        id="wc-title"
        label="名称"
        optional
        maxlength={40}
        placeholder={/^\d{4}$/.test(year) ? `默认：${year}年度为职工办实事项目征集` : '默认按年度命名'}
        {...form.text('title')}
      />
      <Text className="muted window-form__hint">
        评分权重默认为 意愿最集中 40、需求最迫切 30、最具备办结条件 30，设立后可调整。
      </Text>
    </Sheet>
  );
}
