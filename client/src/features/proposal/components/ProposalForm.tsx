import { View } from '@tarojs/components';
import type { Proposal } from '@shishi/shared-types';
import { AppButton, Notice } from '../../../components';
import { AttachmentField, useAttachments } from '../../attachment';
import { attachmentError, useProposalForm } from '../form';
import { ProposalFields } from './ProposalFields';
import { SimilarPanel } from './SimilarPanel';

interface ProposalFormProps {
  /** The caller's openid: uploads go under `proposals/<openid>/`. */
  openid: string | null;
  onSubmitted: (proposal: Proposal) => void;
}

/** 提建议: title and content (with similar proposals to support instead), images, category, who it is for. */
export function ProposalForm({ openid, onSubmitted }: ProposalFormProps) {
  const attachments = useAttachments(openid);
  const form = useProposalForm(attachments, onSubmitted);
  return (
    <View>
      {form.formError ? <Notice id="proposal-error" text={form.formError} /> : null}
      <ProposalFields
        idPrefix="proposal"
        values={form.values}
        errors={form.errors}
        setField={form.setField}
        afterContent={<SimilarPanel title={form.values.title} content={form.values.content} />}
        beforeCategory={
          <AttachmentField
            attachments={attachments}
            label="图片"
            id="proposal-images"
            serverError={attachmentError(form.errors)}
          />
        }
      />
      <AppButton
        id="proposal-submit"
        kind="primary"
        block
        loading={form.submitting}
        disabled={attachments.uploading}
        onClick={() => void form.submit()}
      >
        {form.submitting ? '正在提交…' : attachments.uploading ? '图片上传中…' : '提交建议'}
      </AppButton>
    </View>
  );
}
