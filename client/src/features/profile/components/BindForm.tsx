import { View, Input, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Profile } from '@shishi/shared-types';
import { AppButton, FormField, Notice } from '../../../components';
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
      <FormField label="姓名" error={form.errors.name} id="bind-name">
        <Input
          id="bind-name"
          className="ui-input"
          placeholderClass="ui-input-placeholder"
          value={form.values.name}
          maxlength={20}
          placeholder="请输入真实姓名"
          onInput={(e) => form.setField('name', e.detail.value)}
        />
      </FormField>
      <FormField label="所在基层工会" error={form.errors.orgId} id="bind-org">
        {renderOrgField({
          value: form.values.orgId,
          onChange: (orgId) => form.setField('orgId', orgId),
          error: form.errors.orgId,
        })}
      </FormField>
      <FormField label="工作单位" optional error={form.errors.unit} id="bind-unit">
        <Input
          id="bind-unit"
          className="ui-input"
          placeholderClass="ui-input-placeholder"
          value={form.values.unit}
          maxlength={40}
          placeholder="例如：大连某某有限公司"
          onInput={(e) => form.setField('unit', e.detail.value)}
        />
      </FormField>
      <Text className="muted bind-form__privacy">您的姓名和单位只用于工会核实会员身份和联系您，不会公开。</Text>
      <AppButton id="bind-submit" kind="primary" block loading={form.submitting} onClick={() => void form.submit()}>
        {form.submitting ? '正在提交…' : submitText}
      </AppButton>
    </View>
  );
}
