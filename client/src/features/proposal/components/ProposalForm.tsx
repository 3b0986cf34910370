import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type Proposal } from '@shishi/shared-types';
import { AppButton, Notice } from '../../../components';
import { useAttachments } from '../../attachment';
import { useProposalForm } from '../form';
import { proposalDetailUrl } from '../links';
import { ProposalFields, ProposalSubmit } from './ProposalFields';
import { SimilarPanel } from './SimilarPanel';
import './ProposalForm.scss';

interface ProposalFormProps {
  /** The caller's openid: uploads go under `proposals/<openid>/`, the device draft is theirs. */
  openid: string | null;
  onSubmitted: (proposal: Proposal) => void;
  /** 修改建议: the author's stored proposal (its text and images to start from; saved with proposal.edit). */
  editing?: Proposal;
}

/** 提建议: title and content (with similar proposals to support instead), images, category, who it is for. */
export function ProposalForm({ openid, onSubmitted, editing }: ProposalFormProps) {
  const attachments = useAttachments(openid, undefined, editing?.attachments.filter((a) => a.url !== '') ?? []);
  const form = useProposalForm(attachments, openid ?? 'anonymous', onSubmitted, editing);
  const restored = form.restored;
  return (
    <View>
      {restored ? (
        <View className="proposal-draft" id="proposal-draft-restored">
          <Text className="proposal-draft__text">
            {editing ? '已恢复您上次没有改完的内容' : '已恢复您上次没有提交的内容'}
            {restored.savedAt ? `（${formatDateTime(restored.savedAt)} 保存在本机）` : ''}。
            {!editing && restored.imageCount > 0 ? `图片没有保存，请重新添加 ${restored.imageCount} 张。` : ''}
          </Text>
          <View className="proposal-draft__actions">
            <AppButton id="proposal-draft-discard" kind="default" onClick={form.discard}>
              {editing ? '用原来的内容' : '清空重写'}
            </AppButton>
            <AppButton id="proposal-draft-keep" kind="default" onClick={form.dismissRestored}>
              知道了
            </AppButton>
          </View>
        </View>
      ) : null}
      {form.formError ? <Notice id="proposal-error" text={form.formError} /> : null}
      <ProposalFields
        idPrefix="proposal"
        values={form.values}
        errors={form.errors}
        setField={form.setField}
        afterContent={<SimilarPanel title={form.values.title} content={form.values.content} excludeId={editing?._id} />}
        images={{ attachments, label: '图片' }}
      />
      {form.already ? (
        <View className="proposal-draft proposal-draft--done" id="proposal-already">
          <Text className="proposal-draft__text">
            您已经提交过这条建议（{formatDateTime(form.already.createdAt)}），内容完全相同，这次没有重复保存。
          </Text>
          <View className="proposal-draft__actions">
            <AppButton
              id="proposal-already-open"
              kind="primary"
              onClick={() => void Taro.redirectTo({ url: proposalDetailUrl(form.already!._id) })}
            >
              查看这条建议
            </AppButton>
          </View>
        </View>
      ) : (
        <ProposalSubmit
          id="proposal-submit"
          busy={form.busy}
          attachments={attachments}
          uploadingText="图片上传中…"
          onClick={() => void form.submit()}
        >
          {editing ? '保存修改' : '提交建议'}
        </ProposalSubmit>
      )}
    </View>
  );
}
