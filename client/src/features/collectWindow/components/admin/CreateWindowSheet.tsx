import { Text } from '@tarojs/components';
import type { CollectWindow } from '@shishi/shared-types';
import { AppButton, FormField, Notice, TextField } from '../../../../components';
import { Sheet } from '../../../../components/Sheet';
import { DateField } from './DateField';
import { useCreateWindowForm } from './hooks';
import './admin.scss';

interface CreateWindowSheetProps {
  now: Date;
  onClose: () => void;
  onCreated: (w: CollectWindow) => void;
}

/**
 * 设立征集期: project year (dates default to 10-01 … 12-31 of the year before), optional name and
 * 决定公布日期.
 */
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
      <FormField label="决定公布日期" optional error={form.errors.decideBy} id="wc-decide">
        <DateField
          id="wc-decide"
          value={form.values.decideBy}
          placeholder="不填"
          onChange={(v) => form.setField('decideBy', v)}
        />
      </FormField>
      <Text className="muted window-form__hint">
        征集期结束后，哪天前公布是否采纳。填了，提建议的职工在“建议进展”里能看到；设立后也可以改。
      </Text>
      {form.values.decideBy ? (
        <AppButton id="wc-decide-clear" kind="plain" onClick={() => form.setField('decideBy', '')}>
          不填公布日期
        </AppButton>
      ) : null}
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
