import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { formAnnex, formKindLabels, type Project, type ProjectExportOutput } from '@shishi/shared-types';
import { AppButton } from '../../components';
import { toApiError } from '../../services/call';
import { downloadFile, ExportFile } from '../export/ExportFile';
import { exportProjectForm } from './api';

type Staff = NonNullable<Project['staff']>;
type Document = 'feasibility' | 'start' | 'midterm' | 'acceptance';

const documents: { key: Document; label: string }[] = [
  { key: 'feasibility', label: `附件${formAnnex.feasibility} 可行性研究报告` },
  { key: 'start', label: `附件${formAnnex.start} ${formKindLabels.start}` },
  { key: 'midterm', label: `附件${formAnnex.midterm} ${formKindLabels.midterm}` },
  { key: 'acceptance', label: `附件${formAnnex.acceptance} ${formKindLabels.acceptance}` },
];

/**
 * 导出 Word: 附件1–4 as .docx (A4, with the recorded opinions), opened (downloaded) at once; then the file
 * (ExportFile: 下载 again, the whole link, 复制链接).
 */
export function ExportPanel({ project, staff }: { project: Project; staff: Staff }) {
  const [busy, setBusy] = useState<Document | null>(null);
  const [result, setResult] = useState<{ doc: Document; file: ProjectExportOutput } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filed = (doc: Document) => doc === 'feasibility' || staff.forms.some((f) => f.kind === doc);

  const make = async (doc: Document) => {
    setBusy(doc);
    setError(null);
    try {
      const file = await exportProjectForm(project._id, doc);
      setResult({ doc, file });
      await downloadFile(file);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="project__card" id="project-export">
      <Text className="project__section">导出 Word（A4 打印，一式三份）</Text>
      <View className="pe__buttons">
        {documents.map((d) => (
          <AppButton
            key={d.key}
            id={`export-${d.key}`}
            block
            disabled={!filed(d.key) || (busy !== null && busy !== d.key)}
            loading={busy === d.key}
            busyText="正在生成…"
            onClick={() => void make(d.key)}
          >
            {filed(d.key) ? d.label : `${d.label}（尚未填报）`}
          </AppButton>
        ))}
      </View>
      {error ? (
        <Text className="project__note project__note--danger" id="export-error">
          {error} 请稍后再点一次；一直不行请联系系统管理员。
        </Text>
      ) : null}
      {result ? (
        <ExportFile
          id="export"
          file={result.file}
          title={`已生成${documents.find((d) => d.key === result.doc)?.label ?? ''}`}
        />
      ) : null}
    </View>
  );
}
