import { View, Text } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import {
  categoryLabels,
  moderationStates,
  proposalCategories,
  proposalStatuses,
  proposalStatusMeta,
  targetGroupLabels,
  targetGroups,
  type Org,
} from '@shishi/shared-types';
import { AppButton, FilterTabs, optionsOf } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { moderationMeta } from '../../proposal';
import type { ScreenFilters } from '../api';
import './sheets.scss';

const statusOptions = proposalStatuses.map((s) => ({ value: s, label: proposalStatusMeta[s].label }));
const categoryOptions = optionsOf(proposalCategories, categoryLabels);
const targetOptions = optionsOf(targetGroups, targetGroupLabels);
const moderationOptions = moderationStates.map((m) => ({ value: m, label: moderationMeta[m].label }));
const supportOptions = ['1', '3', '5', '10'].map((n) => ({ value: n, label: `至少 ${n} 人` }));
const clusterOptions = ['1', '2', '3', '5'].map((n) => ({ value: n, label: `至少 ${n} 条` }));

/** The filters the sheet edits (the window, keyword and sort live on the page). */
export type SheetFilters = Pick<
  ScreenFilters,
  'status' | 'category' | 'targetGroup' | 'orgId' | 'moderation' | 'minSupport' | 'minCluster'
>;

export function countFilters(f: SheetFilters): number {
  return Object.values(f).filter((v) => v !== undefined).length;
}

interface FilterSheetProps {
  open: boolean;
  value: SheetFilters;
  /** 区市县总工会 / 产业工会 inside the viewer's subtree. */
  areas: readonly Org[];
  onApply: (value: SheetFilters) => void;
  onClose: () => void;
}

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="sheet-group">
      <Text className="sheet-group__label">{label}</Text>
      {children}
    </View>
  );
}

/** 筛选: status, category, district / industry, target group, support and cluster size, content check. */
export function FilterSheet({ open, value, areas, onApply, onClose }: FilterSheetProps) {
  const [draft, setDraft] = useState<SheetFilters>(value);
  useEffect(() => {
    if (open) setDraft(value);
  }, [open, value]);
  const set = <K extends keyof SheetFilters>(key: K, v: SheetFilters[K]) => setDraft((d) => ({ ...d, [key]: v }));
  const areaOptions = areas.map((o) => ({ value: o._id, label: o.name }));

  return (
    <Sheet
      open={open}
      id="filter-sheet"
      title="筛选建议"
      onClose={onClose}
      footer={
        <View className="sheet-buttons">
          <AppButton id="filter-clear" className="sheet-buttons__side" onClick={() => setDraft({})}>
            清除
          </AppButton>
          <AppButton id="filter-apply" kind="primary" className="sheet-buttons__main" onClick={() => onApply(draft)}>
            确定
          </AppButton>
        </View>
      }
    >
      <Group label="状态（全部：不含已合并的）">
        <FilterTabs
          idPrefix="filter-status"
          options={statusOptions}
          value={draft.status}
          onChange={(v) => set('status', v)}
        />
      </Group>
      <Group label="类别">
        <FilterTabs
          idPrefix="filter-category"
          options={categoryOptions}
          value={draft.category}
          onChange={(v) => set('category', v)}
        />
      </Group>
      {areaOptions.length > 1 ? (
        <Group label="地区 / 产业">
          <FilterTabs
            idPrefix="filter-org"
            options={areaOptions}
            value={draft.orgId}
            onChange={(v) => set('orgId', v)}
          />
        </Group>
      ) : null}
      <Group label="服务对象">
        <FilterTabs
          idPrefix="filter-target"
          options={targetOptions}
          value={draft.targetGroup}
          onChange={(v) => set('targetGroup', v)}
        />
      </Group>
      <Group label="附议人数">
        <FilterTabs
          idPrefix="filter-support"
          allLabel="不限"
          options={supportOptions}
          value={draft.minSupport === undefined ? undefined : String(draft.minSupport)}
          onChange={(v) => set('minSupport', v === undefined ? undefined : Number(v))}
        />
      </Group>
      <Group label="相似建议">
        <FilterTabs
          idPrefix="filter-cluster"
          allLabel="不限"
          options={clusterOptions}
          value={draft.minCluster === undefined ? undefined : String(draft.minCluster)}
          onChange={(v) => set('minCluster', v === undefined ? undefined : Number(v))}
        />
      </Group>
      <Group label="内容审核">
        <FilterTabs
          idPrefix="filter-moderation"
          options={moderationOptions}
          value={draft.moderation}
          onChange={(v) => set('moderation', v)}
        />
      </Group>
    </Sheet>
  );
}
