import { View, Text, ScrollView } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { Cell, CellGroup, Empty, ErrorBlock, Loading, TextBox } from '../../../components';
import { useGrassrootsGroups } from '../hooks';
import { searchGrassroots, type GrassrootsGroup } from '../grouping';
import './GrassrootsPicker.scss';

interface GrassrootsPickerProps {
  /** Chosen grassroots union id ('' for none). */
  value: string;
  onChange: (orgId: string) => void;
  error?: string;
  /** The field's id (default `bind-org-picker`). */
  id?: string;
  /** Only unions under this org (staff entering for their own subtree). */
  withinOrgId?: string;
}

/**
 * Choosing one's 基层工会 in two steps — first the 区市县（开放先导区）总工会 or 产业工会, then the
 * grassroots union under it — or by typing part of its name. Only grassroots unions can be chosen.
 */
export function GrassrootsPicker({
  value,
  onChange,
  error,
  id = 'bind-org-picker',
  withinOrgId,
}: GrassrootsPickerProps) {
  const allGroups = useGrassrootsGroups();
  const tree = useMemo(() => {
    if (!withinOrgId) return allGroups;
    const groups = allGroups.groups
      .map((g) => ({ ...g, unions: g.unions.filter((u) => u.path.includes(withinOrgId)) }))
      .filter((g) => g.unions.length > 0);
    return { ...allGroups, groups };
  }, [allGroups, withinOrgId]);
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState<GrassrootsGroup | null>(null);
  const [keyword, setKeyword] = useState('');

  const chosen = useMemo(() => {
    for (const g of tree.groups) {
      const union = g.unions.find((u) => u._id === value);
      if (union) return { union, group: g };
    }
    return null;
  }, [tree.groups, value]);

  const results = useMemo(() => searchGrassroots(tree.groups, keyword), [tree.groups, keyword]);

  const openPanel = () => {
    setGroup(chosen?.group ?? null);
    setKeyword('');
    setOpen(true);
  };
  const choose = (orgId: string) => {
    onChange(orgId);
    setOpen(false);
  };

  return (
    <View>
      <View id={id} className={`org-picker__field ${error ? 'org-picker__field--invalid' : ''}`} onClick={openPanel}>
        <View className="org-picker__field-body">
          {chosen ? (
            <>
              <Text className="org-picker__value">{chosen.union.name}</Text>
              <Text className="org-picker__sub">{chosen.group.parent.name}</Text>
            </>
          ) : (
            <Text className="org-picker__placeholder">
              {tree.loading && value ? '正在读取…' : '请选择所在基层工会'}
            </Text>
          )}
        </View>
        <Text className="org-picker__arrow">›</Text>
      </View>

      {open ? (
        <View className="org-panel" id="org-panel" catchMove>
          <View className="org-panel__head">
            {group && !keyword ? (
              <View className="org-panel__back" id="org-panel-back" onClick={() => setGroup(null)}>
                <Text>‹ 上一步</Text>
              </View>
            ) : (
              <View className="org-panel__back" />
            )}
            <Text className="org-panel__title">{group && !keyword ? '选择基层工会' : '选择所属工会'}</Text>
            <View className="org-panel__close" id="org-panel-close" onClick={() => setOpen(false)}>
              <Text>关闭</Text>
            </View>
          </View>
          <View className="org-panel__search">
            <TextBox id="org-search" value={keyword} placeholder="输入工会名称查找" onInput={setKeyword} />
          </View>
          <ScrollView scrollY className="org-panel__body">
            {tree.loading ? (
              <Loading />
            ) : tree.error ? (
              <ErrorBlock error={tree.error} onRetry={tree.reload} />
            ) : keyword.trim() ? (
              results.length === 0 ? (
                <Empty text="没有找到这个名称的基层工会，换个字试试" />
              ) : (
                <CellGroup title={`找到 ${results.length} 个基层工会`}>
                  {results.map(({ union, group: g }) => (
                    <Cell
                      key={union._id}
                      id={`org-union-${union._id}`}
                      title={union.name}
                      description={g.parent.name}
                      onClick={() => choose(union._id)}
                    />
                  ))}
                </CellGroup>
              )
            ) : group ? (
              <CellGroup title={`${group.parent.name} 下的基层工会`}>
                {group.unions.map((union) => (
                  <Cell
                    key={union._id}
                    id={`org-union-${union._id}`}
                    title={union.name}
                    value={union._id === value ? '已选' : undefined}
                    onClick={() => choose(union._id)}
                  />
                ))}
              </CellGroup>
            ) : tree.groups.length === 0 ? (
              <Empty text="暂时还没有可选的基层工会，请联系所在单位工会" />
            ) : (
              <CellGroup title="第一步：选择所在的区市县（开放先导区）总工会或产业工会">
                {tree.groups.map((g) => (
                  <Cell
                    key={g.parent._id}
                    id={`org-group-${g.parent._id}`}
                    title={g.parent.name}
                    description={`${g.typeLabel} · ${g.unions.length} 个基层工会`}
                    onClick={() => setGroup(g)}
                  />
                ))}
              </CellGroup>
            )}
          </ScrollView>
        </View>
      ) : null}
    </View>
  );
}
