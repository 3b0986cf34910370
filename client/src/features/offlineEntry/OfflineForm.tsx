import { View, Text } from '@tarojs/components';
import type { Profile, Proposal } from '@shishi/shared-types';
import { Notice, TextField } from '../../components';
import { useAttachments } from '../attachment';
import { WorkerOrgField } from '../org/components/WorkerOrgField';
import { ProposalFields, ProposalSubmit } from '../proposal/components/ProposalFields';
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
      <TextField
        id="offline-worker-name"
        label="职工姓名"
        maxlength={20}
        placeholder="照纸质表填写职工的真实姓名"
        {...form.text('workerName')}
      />
      <WorkerOrgField
        id="offline-org"
        choose={needsOrg}
        ownOrgName={profile.orgName}
        withinOrgId={profile.orgId}
        value={form.values.orgId}
        onChange={(orgId) => form.setField('orgId', orgId)}
        error={form.errors.orgId}
        className="offline__org"
      />
      <TextField
        id="offline-unit"
        label="工作单位"
        optional
        maxlength={40}
        placeholder="例如：环卫一队"
        {...form.text('unit')}
      />
      <TextField
        id="offline-phone"
        label="联系电话"
        optional
        type="number"
        maxlength={13}
        placeholder="方便工会回访，可不填"
        {...form.text('phone')}
      />
      <Text className="offline__section">建议内容</Text>
      <ProposalFields
        idPrefix="offline"
        values={form.values}
        errors={form.errors}
        setField={(key, value) => form.setField(key, value as OfflineFormValues[typeof key])}
        images={{ attachments, label: '纸质建议表照片' }}
      />
      <Text className="muted offline__privacy">
        录入后，这条建议会注明“线下录入（由 {profile.name} 代为录入）”。职工绑定资料后，可在“我的建议”里看到它。
      </Text>
      <ProposalSubmit
        id="offline-submit"
        busy={form.busy}
        attachments={attachments}
        uploadingText="照片上传中…"
        onClick={() => void form.submit()}
      >
        提交录入
      </ProposalSubmit>
    </View>
  );
}
