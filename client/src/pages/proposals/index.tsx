import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { categoryLabels, proposalCategories, type ProposalCategory } from '@shishi/shared-types';
import { FilterTabs, PagedList, SearchBar, optionsOf } from '../../components';
import { routes } from '../../config';
import { ProposalCard, useProposalList } from '../../features/proposal';
import { withFontScale } from '../../components/FontScale';

const categoryOptions = optionsOf(proposalCategories, categoryLabels);

/** 大家的建议: proposals of other workers that passed the content check, by category and keyword. */
function ProposalsPage() {
  const [category, setCategory] = useState<ProposalCategory | undefined>(undefined);
  const [keyword, setKeyword] = useState('');
  const list = useProposalList({ category, keyword: keyword || undefined });
  const filtered = category !== undefined || keyword !== '';

  return (
    <View className="page">
      <SearchBar id="proposals-search" placeholder="搜索建议标题或内容" keyword={keyword} onSearch={setKeyword} />
      <FilterTabs idPrefix="proposals-category" options={categoryOptions} value={category} onChange={setCategory} />
      <PagedList
        id="proposals-list"
        list={list}
        keyOf={(p) => p._id}
        header={
          <Text className="section-title" id="proposals-total">
            共 {list.total} 条建议{keyword ? `（包含“${keyword}”）` : ''}
          </Text>
        }
        renderItem={(p) => <ProposalCard proposal={p} variant="public" />}
        emptyText={filtered ? '没有找到符合条件的建议，换个类别或关键词试试。' : '还没有人提建议，欢迎您来提第一条。'}
        emptyActionText={filtered ? '看全部建议' : '去提建议'}
        onEmptyAction={() => {
          if (filtered) {
            setCategory(undefined);
            setKeyword('');
          } else {
            void Taro.navigateTo({ url: routes.proposalNew });
          }
        }}
      />
    </View>
  );
}

export default withFontScale(ProposalsPage);
