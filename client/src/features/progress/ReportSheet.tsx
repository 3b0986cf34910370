import { Text } from '@tarojs/components';
import { progressLimits, reportProgressInputSchema, type Project } from '@shishi/shared-types';
import { AppButton, ChipGroup, Notice, TextField } from '../../components';
import { Sheet } from '../../components/Sheet';
import { useFormState } from '../../hooks/useFormState';
import { toastSuccess } from '../../utils/feedback';
import { AttachmentField, useAttachments } from '../attachment';
import { reportProgress } from './api';

interface ReportSheetProps {
  project: Project;
  /** The caller's openid: photos upload under their own prefix. */
  openid: string | null;
  onClose: () => void;
  onDone: () => void;
}

const visibility = [
  { value: 'staff', label: '只报给归口管理部门' },
  { value: 'public', label: '同时向职工公开措施和照片' },
] as const;

const optional = (s: string) => (s.trim() === '' ? undefined : s);

/**
 * 报送进展 (第五条（六）): 措施, 资金使用, 困难, 需协调的问题 and photos, to the routed department and its
 * leader; made public, the 措施 and photos also show on the project page and followers are told.
 */
export function ReportSheet({ project, openid, onClose, onDone }: ReportSheetProps) {
  const attachments = useAttachments(openid);
  const form = useFormState({
    measures: '',
    funding: '',
    difficulties: '',
    coordination: '',
    visibility: 'staff' as 'staff' | 'public',
  });
  const v = form.values;

  const submit = async () => {
    if (attachments.uploading) {
      attachments.setError('照片还在上传，请稍等');
      return;
    }
    const checked = form.check(
      reportProgressInputSchema.safeParse({
        projectId: project._id,
        measures: v.measures,
        funding: optional(v.funding),
        difficulties: optional(v.difficulties),
        coordination: optional(v.coordination),
        photos: attachments.fileIDs,
        public: v.visibility === 'public',
      }),
    );
    if (!checked) return;
    await form.send(async () => {
      await reportProgress(checked);
      toastSuccess('进展已报送');
      onDone();
    });
  };

  return (
    <Sheet
      open
      id="progress-report-sheet"
      title="报送实施进展"
      onClose={onClose}
      footer={
        <AppButton
          id="progress-report-send"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在报送…"
          onClick={() => void submit()}
        >
          报送
        </AppButton>
      }
    >
      <Text className="pg-sheet-lead">{project.title}</Text>
      <Text className="pg-sheet-fact">
        报给{project.department.name}（工作人员、负责人和分管领导），他们会在“待我办理”里看到并回复。
      </Text>
      {form.formError ? <Notice id="progress-report-error" text={form.formError} /> : null}
      <TextField
        {...form.text('measures')}
        id="progress-report-measures"
        label="采取的措施和推进情况"
        multiline
        fixed
        maxlength={progressLimits.measures}
        placeholder="例如：已完成 8 处驿站选址，3 处开始改造"
      />
      <TextField
        {...form.text('funding')}
        id="progress-report-funding"
        label="资金使用情况"
        optional
        multiline
        fixed
        maxlength={progressLimits.funding}
      />
      <TextField
        {...form.text('difficulties')}
        id="progress-report-difficulties"
        label="存在的困难"
        optional
        multiline
        fixed
        maxlength={progressLimits.difficulties}
      />
      <TextField
        {...form.text('coordination')}
        id="progress-report-coordination"
        label="需协调解决的问题"
        optional
        multiline
        fixed
        maxlength={progressLimits.coordination}
      />
      <AttachmentField
        attachments={attachments}
        label="现场照片"
        id="progress-report-photos"
        serverError={form.errors.photos}
      />
      <Text className="pg-field__label">谁能看到</Text>
      <ChipGroup
        options={visibility}
        value={v.visibility}
        onChange={(value) => form.setField('visibility', value)}
        idPrefix="progress-report-visibility"
      />
      <Text className="pg-sheet-fact">
        {v.visibility === 'public'
          ? '职工在项目页面看到措施和照片（资金、困难和需协调的问题不公开），关注这个项目的职工会收到通知。'
          : '只有工作人员能看到这份报告。'}
      </Text>
    </Sheet>
  );
}
