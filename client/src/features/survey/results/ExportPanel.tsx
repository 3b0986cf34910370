import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { SurveyExportFile, SurveyExportInput } from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { toApiError } from '../../../services/call';
import { showError, toastSuccess } from '../../../utils/feedback';
import { ExportFile } from '../../export/ExportFile';
import { JobProgress } from '../../jobs/JobProgress';
import { exportSurvey } from '../api';

type Kind = 'xlsx' | 'csv-answers' | 'csv-summary';

const kinds: Record<Kind, { label: string; input: Omit<SurveyExportInput, 'surveyId'> }> = {
  xlsx: { label: 'Excel（答卷 + 汇总）', input: { format: 'xlsx', part: 'answers' } },
  'csv-answers': { label: 'CSV（全部答卷）', input: { format: 'csv', part: 'answers' } },
  'csv-summary': { label: 'CSV（结果汇总）', input: { format: 'csv', part: 'summary' } },
};

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} 字节` : `${(bytes / 1024).toFixed(1)} KB`);

/** 导出: Excel with both sheets, or one CSV table; then the file (ExportFile: 下载, the whole link, 复制链接). */
export function ExportPanel({ surveyId }: { surveyId: string }) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [result, setResult] = useState<SurveyExportFile | null>(null);
  const [progress, setProgress] = useState(0);
  const run = async (kind: Kind) => {
    if (busy) return;
    setBusy(kind);
    setResult(null);
    setProgress(0);
    try {
      const r = await exportSurvey({ surveyId, ...kinds[kind].input }, setProgress);
      setResult(r);
      toastSuccess('导出成功');
    } catch (e) {
      showError(toApiError(e), '没有导出成功');
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="sr-card" id="survey-export">
      <Text className="sr-card__title">导出</Text>
      <Text className="sr-card__meta">Excel 含“汇总”和“答卷”两个工作表；CSV 每次一张表，可用 Excel 打开。</Text>
      <View className="sr-export__buttons">
        {(Object.keys(kinds) as Kind[]).map((k) => (
          <AppButton
            key={k}
            id={`export-${k}`}
            className="sr-export__btn"
            loading={busy === k}
            onClick={() => void run(k)}
          >
            {busy === k ? '正在导出…' : kinds[k].label}
          </AppButton>
        ))}
      </View>
      {busy ? <JobProgress id="survey-export-progress" progress={progress} label="正在导出" /> : null}
      {result ? (
        <ExportFile id="survey-export" file={result} count={`含 ${result.rows} 份答卷 · ${kb(result.bytes)}`} />
      ) : null}
    </View>
  );
}
