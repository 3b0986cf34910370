/**
 * H5: import a beneficiary list (.xlsx). Choosing the file previews it (nothing stored): how many rows,
 * every row that cannot be read and why, how many people are new; 确认导入 stores the readable rows of
 * that same file (the preview's token).
 */
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { IMPORT_MAX_BYTES, type ImportOutput } from '@shishi/shared-types';
import { AppButton, Card, Notice } from '../../components';
import { toApiError } from '../../services/call';
import { importList } from './api';
import type { ImportListProps } from './importProps';

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('读不了这个文件'));
    reader.readAsDataURL(file);
  });
}

export function ImportList({ projectId, onDone }: ImportListProps) {
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null);
  const [preview, setPreview] = useState<ImportOutput | null>(null);
  const [done, setDone] = useState<ImportOutput | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const choose = async (f: File | undefined) => {
    setError('');
    setPreview(null);
    setDone(null);
    if (!f) return;
    if (f.size > IMPORT_MAX_BYTES) {
      setError('名单文件太大（最多 180 KB，约 5,000 行），请分成几个文件导入');
      return;
    }
    setBusy(true);
    try {
      const b64 = await base64Of(f);
      setFile({ name: f.name, b64 });
      setPreview(await importList(projectId, b64, false));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError('');
    try {
      setDone(await importList(projectId, file.b64, true, preview.previewToken));
      setPreview(null);
      onDone();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="导入受益职工名单" id="import-card">
      <Text className="ck-hint">
        Excel
        文件（.xlsx），第一行是表头：姓名、单位（基层工会全称），可以有手机尾号。先预览，不会保存；看过后再确认导入。
      </Text>
      {/* The browser's own file button speaks the browser's language; this one speaks ours. */}
      <label id="import-choose" className="ui-btn ui-btn--default ui-btn--block ck-choose" htmlFor="import-file">
        {file ? `重新选择名单文件（现在：${file.name}）` : '选择名单文件（.xlsx）'}
      </label>
      <input
        id="import-file"
        className="ck-file"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          void choose(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      {busy ? <Text className="ck-hint">正在读取名单…</Text> : null}
      {error ? <Notice text={error} id="import-error" /> : null}
      {preview ? (
        <View id="import-preview">
          <Notice
            tone={preview.errors.length ? 'warning' : 'info'}
            text={`共 ${preview.total} 行：能读 ${preview.readable} 行，其中新增 ${preview.newPeople} 人${
              preview.readable - preview.newPeople > 0 ? `（${preview.readable - preview.newPeople} 人已计入过）` : ''
            }；读不了 ${preview.errors.length} 行${preview.errors.length ? '，不会导入' : ''}。还没有保存。`}
          />
          {preview.errors.length ? (
            <View className="ck-rows" id="import-errors">
              {preview.errors.map((r) => (
                <Text className="ck-rows__row" key={r.row}>
                  第 {r.row} 行 {r.name || '（没有姓名）'} {r.unit}：{r.error}
                </Text>
              ))}
            </View>
          ) : null}
          <View className="ck-rows">
            {preview.sample.map((r) => (
              <Text className="ck-rows__row ck-rows__ok" key={r.row}>
                第 {r.row} 行 {r.name} · {r.unit}
                {r.phoneTail ? ` · 尾号 ${r.phoneTail}` : ''}
                {r.duplicate ? '（已计入）' : ''}
              </Text>
            ))}
          </View>
          <View className="ck-actions">
            <AppButton
              id="import-confirm"
              kind="primary"
              block
              loading={busy}
              busyText="正在导入…"
              disabled={preview.readable === 0}
              onClick={() => void confirm()}
            >
              确认导入 {preview.readable} 行
            </AppButton>
          </View>
        </View>
      ) : null}
      {done ? (
        <Notice
          id="import-done"
          tone="info"
          text={`已导入。新增 ${done.newPeople} 人，直接服务职工现为 ${done.served} 人。`}
        />
      ) : null}
    </Card>
  );
}
