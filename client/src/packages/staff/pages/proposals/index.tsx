import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import {
  categoryLabels,
  proposalCategories,
  proposalStatuses,
  proposalStatusMeta,
  type ProposalCategory,
  type ProposalStatus,
} from '@shishi/shared-types';
import { FilterTabs, PagedList, SearchBar, optionsOf } from '../../../../components';
import { StaffOnly } from '../../../../features/profile';
import { ProposalCard, useProposalList } from '../../../../features/proposal';
import { withFontScale } from '../../../../components/FontScale';
import './index.scss';
import { DeskHead } from '../../../../features/desk/DeskHead';

const categoryOptions = optionsOf(proposalCategories, categoryLabels);
const statusOptions = proposalStatuses.map((status) => ({ value: status, label: proposalStatusMeta[status].label }));
/** The desktop table's columns (index.scss places each card's parts in them). */
const staffColumns = ['建议', '状态', '类别 · 内容检查', '提议人 · 工会 · 渠道', '提交时间 · 附议'];

/**
 * 建议管理 (staff): every proposal of the staff member's org subtree — the server scopes the list —
 * with the full author name, union, channel and content-check state.
 */
function StaffProposalsPage() {
  return <StaffOnly>{() => <StaffProposals />}</StaffOnly>;
}

function StaffProposals() {
  const [status, setStatus] = useState<ProposalStatus | undefined>(undefined);
  const [category, setCategory] = useState<ProposalCategory | undefined>(undefined);
  const [keyword, setKeyword] = useState('');
  const list = useProposalList({ status, category, keyword: keyword || undefined });
  const filtered = status !== undefined || category !== undefined || keyword !== '';

  return (
    <View className="page staff desk-table">
      <SearchBar id="staff-search" placeholder="搜索标题、内容" keyword={keyword} onSearch={setKeyword} />
      <Text className="staff__filter-label">状态</Text>
      <FilterTabs idPrefix="staff-status" options={statusOptions} value={status} onChange={setStatus} />
      <Text className="staff__filter-label">类别</Text>
      <FilterTabs idPrefix="staff-category" options={categoryOptions} value={category} onChange={setCategory} />
      <PagedList
        id="staff-list"
        list={list}
        keyOf={(p) => p._id}
        header={
          <>
            <Text className="section-title" id="staff-total">
              本辖区共 {list.total} 条建议{filtered ? '（已筛选）' : ''}
            </Text>
            <DeskHead id="staff-desk-head" columns={staffColumns} show={list.items.length > 0} />
          </>
        }
        renderItem={(p) => <ProposalCard proposal={p} variant="staff" />}
        emptyText={filtered ? '没有符合条件的建议，换个条件试试。' : '本辖区还没有职工提交建议。'}
        emptyActionText={filtered ? '清除筛选' : undefined}
        onEmptyAction={
          filtered
            ? () => {
                setStatus(undefined);
                setCategory(undefined);
                setKeyword('');
              }
            : undefined
        }
      />
    </View>
  );
}

export default withFontScale(StaffProposalsPage);
