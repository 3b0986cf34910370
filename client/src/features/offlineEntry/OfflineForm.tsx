import { View, Input, Text } from '@tarojs/components';
import type { Profile, Proposal } from '@shishi/shared-types';
import { AppButton, FormField, Notice } from '../../components';
import { AttachmentField, useAttachments } from '../attachment';
import { GrassrootsPicker } from '../org';
import { ProposalFields } from '../proposal/components/ProposalFields';
import { attachmentError } from '../proposal/form';
import { useOfflineForm, type OfflineFormValues } from './hooks';
import './OfflineForm.scss';

interface OfflineFormProps {
  profile: Profile;
  /** With the name as typed: the saved proposal may show it masked. */
  onSubmitted: (proposal: Proposal, workerName: string) => void;
}

/**
 * 线下录入建议: who the worker is (name, unit, phone), what they proposed, and a photo of the paper
 * form. A cadre enters for their own grassroots union; staff choose one in their subtree.
 */
export function OfflineForm({ profile, onSubmitted }: OfflineFormProps) {
  const attachments = useAttachments(profile.openid);
  const needsOrg = profile.role !== 'cadre';
  const form = useOfflineForm(attachments, needsOrg, onSubmitted);
  return (
    <View>
      {form.formError ? <Notice id="offline-error" text={form.formError} /> : null}
      <Text className="offline__section">职工信息</Text>
      <FormField label="职工姓名" error={form.errors.workerName} id="offline-worker-name">
        <Input
          id="offline-worker-name"
          className="ui-input"
          placeholderClass="ui-input-placeholder"
          value={form.values.workerName}
          maxlength={20}
          placeholder="照纸质表填写职工的真实姓名"
          onInput={(e) => form.setField('workerName', e.detail.value)}
        />
      </FormField>
      {needsOrg ? (
        <FormField label="所在基层工会" error={form.errors.orgId} id="offline-org">
          <GrassrootsPicker
            id="offline-org-picker"
            withinOrgId={profile.orgId}
            value={form.values.orgId}
            onChange={(orgId) => form.setField('orgId', orgId)}
            error={form.errors.orgId}
          />
        </FormField>
      ) : (
        <Text className="muted offline__org" id="offline-org">
          所在基层工会：{profile.orgName}
        </Text>
      )}
      <FormField label="工作单位" optional error={form.errors.unit} id="offline-unit">
        <Input
          id="offline-unit"
          className="ui-input"
          placeholderClass="ui-input-placeholder"
          value={form.values.unit}
          maxlength={40}
          placeholder="例如：环卫一队"
          onInput={(e) => form.setField('unit', e.detail.value)}
        />
      </FormField>
      <FormField label="联系电话" optional error={form.errors.phone} id="offline-phone">
        <Input
          id="offline-phone"
          className="ui-input"
          placeholderClass="ui-input-placeholder"
          type="number"
          value={form.values.phone}
          maxlength={13}
          placeholder="方便工会回访，可不填"
          onInput={(e) => form.setField('phone', e.detail.value)}
        />
      </FormField>
      <Text className="offline__section">建议内容</Text>
      <ProposalFields
        idPrefix="offline"
        values={form.values}
        errors={form.errors}
        setField={(key, value) => form.setField(key, value as OfflineFormValues[typeof key])}
        beforeCategory={
          <AttachmentField
            attachments={attachments}
            label="纸质建议表照片"
            id="offline-images"
            serverError={attachmentError(form.errors)}
          />
        }
      />
      <Text className="muted offline__privacy">
        录入后，这条建议会注明“线下录入（由 {profile.name} 代为录入）”。职工绑定资料后，可在“我的建议”里看到它。
      </Text>
      <AppButton
        id="offline-submit"
        kind="primary"
        block
        loading={form.submitting}
        disabled={attachments.uploading}
        onClick={() => void form.submit()}
      >
        {form.submitting ? '正在提交…' : attachments.uploading ? '照片上传中…' : '提交录入'}
      </AppButton>
    </View>
  );
}
