import { View, Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { orgTypeLabels, type Org } from '@shishi/shared-types';
import { TextBox } from '../../../components';
import { Sheet } from '../../../components/Sheet';

interface OrgSheetProps {
  /** Every org (the tree). */
  orgs: readonly Org[];
  /** The staff member's own org: only its subtree can be chosen. */
  rootId: string;
  value: string;
  onPick: (orgId: string) => void;
  onClose: () => void;
}

/**
 * 调查对象: an org of my subtree. The higher levels are listed (my org, then 区市县 / 产业工会 under
 * it); a 基层工会 is found by typing part of its name.
 */
export function OrgSheet({ orgs, rootId, value, onPick, onClose }: OrgSheetProps) {
  const [keyword, setKeyword] = useState('');
  const mine = useMemo(() => orgs.filter((o) => o.path.includes(rootId) && o.type !== 'department'), [orgs, rootId]);
  const k = keyword.trim();
  const shown = useMemo(() => {
    const list = k ? mine.filter((o) => o.name.includes(k)) : mine.filter((o) => o.type !== 'grassroots');
    const depth = (o: Org) => o.path.length;
    return [...list].sort((a, b) => depth(a) - depth(b) || a.order - b.order).slice(0, 60);
  }, [mine, k]);
  return (
    <Sheet open id="org-sheet" title="选择调查对象" onClose={onClose}>
      <TextBox
        id="org-sheet-search"
        className="se-org-search"
        value={keyword}
        placeholder="输入名称查找基层工会"
        onInput={setKeyword}
      />
      {shown.length === 0 ? <Text className="muted">没有找到，换个词试试。</Text> : null}
      {shown.map((o) => (
        <View
          key={o._id}
          id={`org-pick-${o._id}`}
          className={`sheet-option ${o._id === value ? 'sheet-option--on' : ''}`}
          onClick={() => onPick(o._id)}
        >
          <View className="sheet-option__radio" />
          <View className="sheet-option__body">
            <Text className="sheet-option__title">{o.name}</Text>
            <Text className="sheet-option__meta">
              {o._id === rootId ? '本级（全部下属职工）' : `${orgTypeLabels[o.type]} · 其下属全部职工`}
            </Text>
          </View>
        </View>
      ))}
    </Sheet>
  );
}
