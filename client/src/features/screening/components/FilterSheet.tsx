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
import { AppButton, FilterTabs, optionsOf, type ChipOption } from '../../../components';
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

/** Filters that hold a count (至少 N): the chips carry it as text. */
const countKeys: readonly (keyof SheetFilters)[] = ['minSupport', 'minCluster'];

interface GroupSpec {
  key: keyof SheetFilters;
  /** Chips get the ids `filter-<idSuffix>-<value>`. */
  idSuffix: string;
  label: string;
  options: readonly ChipOption<string>[];
  allLabel?: string;
  /** Show the group only with more options than this (地区 / 产业: only when there is a choice). */
  minOptions?: number;
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
  const set = (key: keyof SheetFilters, v: string | number | undefined) => setDraft((d) => ({ ...d, [key]: v }));
  const groups: GroupSpec[] = [
    { key: 'status', idSuffix: 'status', label: '状态（全部：不含已合并的）', options: statusOptions },
    { key: 'category', idSuffix: 'category', label: '类别', options: categoryOptions },
    {
      key: 'orgId',
      idSuffix: 'org',
      label: '地区 / 产业',
      options: areas.map((o) => ({ value: o._id, label: o.name })),
      minOptions: 1,
    },
    { key: 'targetGroup', idSuffix: 'target', label: '服务对象', options: targetOptions },
    { key: 'minSupport', idSuffix: 'support', label: '附议人数', options: supportOptions, allLabel: '不限' },
    { key: 'minCluster', idSuffix: 'cluster', label: '相似建议', options: clusterOptions, allLabel: '不限' },
    { key: 'moderation', idSuffix: 'moderation', label: '内容审核', options: moderationOptions },
  ];

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
      {groups.map((g) =>
        g.options.length > (g.minOptions ?? 0) ? (
          <Group key={g.key} label={g.label}>
            <FilterTabs
              idPrefix={`filter-${g.idSuffix}`}
              allLabel={g.allLabel}
              options={g.options}
              value={draft[g.key] === undefined ? undefined : String(draft[g.key])}
              onChange={(v) => set(g.key, v === undefined || !countKeys.includes(g.key) ? v : Number(v))}
            />
          </Group>
        ) : null,
      )}
    </Sheet>
  );
}
