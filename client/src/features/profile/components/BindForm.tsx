import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Profile } from '@shishi/shared-types';
import { AppButton, FormField, Notice, TextField } from '../../../components';
import { useBindForm, type BindFormValues } from '../hooks';
import './BindForm.scss';

export interface OrgFieldProps {
  value: string;
  onChange: (orgId: string) => void;
  error?: string;
}

interface BindFormProps {
  initial: BindFormValues;
  /** The grassroots-union chooser (from the org feature, composed by the page). */
  renderOrgField: (props: OrgFieldProps) => ReactNode;
  onBound: (profile: Profile) => void;
  submitText: string;
}

/** 绑定资料: name, grassroots union and (optional) work unit. */
export function BindForm({ initial, renderOrgField, onBound, submitText }: BindFormProps) {
  const form = useBindForm(initial, onBound);
  return (
    <View>
      {form.formError ? <Notice id="bind-error" text={form.formError} /> : null}
      <TextField id="bind-name" label="姓名" maxlength={20} placeholder="请输入真实姓名" {...form.text('name')} />
      <FormField label="所在基层工会" error={form.errors.orgId} id="bind-org">
        {renderOrgField({
          value: form.values.orgId,
          onChange: (orgId) => form.setField('orgId', orgId),
          error: form.errors.orgId,
        })}
      </FormField>
      <TextField
        id="bind-unit"
        label="工作单位"
        optional
        maxlength={40}
        placeholder="例如：大连某某有限公司"
        {...form.text('unit')}
      />
      <Text className="muted bind-form__privacy">您的姓名和单位只用于工会核实会员身份和联系您，不会公开。</Text>
      <AppButton
        id="bind-submit"
        kind="primary"
        block
        loading={form.busy}
        busyText="正在提交…"
        onClick={() => void form.submit()}
      >
        {submitText}
      </AppButton>
    </View>
  );
}
