import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { ScreenItem } from '@shishi/shared-types';
import { AppButton, Notice, TextField } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { useMerge, type ClusterJobs } from '../hooks';
import './sheets.scss';

interface MergeSheetProps {
  items: readonly ScreenItem[];
  onClose: () => void;
  onMerged: () => void;
  /** Where a large merge (a job) is followed once the sheet closes. */
  jobs: ClusterJobs;
}

/** 合并到…: pick the proposal that stays; the others are merged into it. */
export function MergeSheet({ items, onClose, onMerged, jobs }: MergeSheetProps) {
  // The one most people back is the natural one to keep.
  const [keepId, setKeepId] = useState<string>(
    () => [...items].sort((a, b) => b.backerCount - a.backerCount)[0]?._id ?? '',
  );
  const [note, setNote] = useState('');
  const merge = useMerge(onMerged, jobs);
  const keep = items.find((i) => i._id === keepId);
  const others = items.filter((i) => i._id !== keepId);

  return (
    <Sheet
      open
      id="merge-sheet"
      title={`合并 ${items.length} 条建议`}
      onClose={onClose}
      footer={
        <AppButton
          id="merge-confirm"
          kind="primary"
          block
          loading={merge.busy}
          busyText="正在合并…"
          disabled={!keep || others.length === 0}
          onClick={() => keep && void merge.merge(keep, others, note)}
        >
          合并到选中的这条
        </AppButton>
      }
    >
      {merge.error ? <Notice id="merge-error" text={merge.error} /> : null}
      <Text className="sheet-fact">选择保留哪一条，其余的合并进去（可撤销）：</Text>
      {items.map((item) => (
        <View
          key={item._id}
          id={`merge-keep-${item._id}`}
          className={`sheet-option ${item._id === keepId ? 'sheet-option--on' : ''}`}
          onClick={() => setKeepId(item._id)}
        >
          <View className="sheet-option__radio" />
          <View className="sheet-option__body">
            <Text className="sheet-option__title">{item.title}</Text>
            <Text className="sheet-option__meta">
              {item.authorName} · {item.orgName} · {item.backerCount} 人提出或附议
            </Text>
          </View>
          {item._id === keepId ? <Text className="merge-sheet__keep">保留</Text> : null}
        </View>
      ))}
      <TextField
        id="merge-note"
        label="合并说明"
        optional
        multiline
        fixed
        className="merge-sheet__note"
        value={note}
        maxlength={200}
        placeholder="如：都是反映环卫工人休息点的问题"
        onInput={setNote}
      />
    </Sheet>
  );
}
