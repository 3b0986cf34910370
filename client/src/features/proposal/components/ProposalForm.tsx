import { View } from '@tarojs/components';
import type { Proposal } from '@shishi/shared-types';
import { Notice } from '../../../components';
import { useAttachments } from '../../attachment';
import { useProposalForm } from '../form';
import { ProposalFields, ProposalSubmit } from './ProposalFields';
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
        images={{ attachments, label: '图片' }}
      />
      <ProposalSubmit
        id="proposal-submit"
        busy={form.busy}
        attachments={attachments}
        uploadingText="图片上传中…"
        onClick={() => void form.submit()}
      >
        提交建议
      </ProposalSubmit>
    </View>
  );
}
