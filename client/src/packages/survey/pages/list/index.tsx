import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Profile, SurveyStatus } from '@shishi/shared-types';
import { AppButton, FilterTabs, PagedList, SearchBar, usePagedList } from '../../../../components';
import { useListPage } from '../../../../hooks/useListPage';
import { StaffOnly } from '../../../../features/profile';
import { rolesOf } from '../../../../features/profile/viewAccess';
import { mayCall } from '../../../../pages/home/menu';
import { fetchMySurveys } from '../../../../features/survey/api';
import { useSurveyActions } from '../../../../features/survey/admin/actions';
import { SurveyAdminCard } from '../../../../features/survey/admin/SurveyAdminCard';
import { surveyEditUrl } from '../../../../features/survey/routes';
import '../../../../features/survey/admin/admin.scss';
import './index.scss';
import { withFontScale } from '../../../../components/FontScale';
import { DeskHead } from '../../../../features/desk/DeskHead';

const statusOptions: { value: SurveyStatus; label: string }[] = [
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '已发布' },
  { value: 'closed', label: '已结束' },
];

/** The desktop table's columns (index.scss places each card's parts in them). */
const surveyColumns = ['问卷', '状态', '调查对象', '时间', '题数 · 答卷', '操作'];

/** 问卷管理 (staff): the surveys of my scope, newest edits first; create, publish, close, copy. */
function SurveyManagePage() {
  return <StaffOnly>{(profile) => <Manage profile={profile} />}</StaffOnly>;
}

function Manage({ profile }: { profile: Profile }) {
  const [status, setStatus] = useState<SurveyStatus | undefined>(undefined);
  const [keyword, setKeyword] = useState('');
  const list = usePagedList(
    (page, pageSize) => fetchMySurveys({ status, keyword: keyword || undefined }, page, pageSize),
    [status, keyword],
    { keyOf: (s) => s._id },
  );
  useListPage(list, { loadMoreAtBottom: false });
  const actions = useSurveyActions(() => void list.refresh());
  const filtered = status !== undefined || keyword !== '';
  // 线下录入 by the contracts' rule and every role the person holds (as 首页's menu decides).
  const canEnterOffline = mayCall(rolesOf(profile), 'survey.submitOffline');

  return (
    <View className="page survey-manage desk-table">
      <View className="survey-manage__top">
        <Text className="survey-manage__title">问卷管理</Text>
        <AppButton
          id="survey-new"
          kind="primary"
          className="survey-manage__new"
          onClick={() => void Taro.navigateTo({ url: surveyEditUrl() })}
        >
          新建问卷
        </AppButton>
      </View>
      <SearchBar id="survey-search" placeholder="搜索问卷标题" keyword={keyword} onSearch={setKeyword} />
      <View className="survey-manage__filters">
        <FilterTabs options={statusOptions} value={status} onChange={setStatus} idPrefix="survey-status" />
      </View>
      <PagedList
        id="survey-list"
        list={list}
        keyOf={(s) => s._id}
        header={
          <>
            <Text className="section-title" id="survey-total">
              本辖区共 {list.total} 份问卷{filtered ? '（已筛选）' : ''}
            </Text>
            <DeskHead id="survey-desk-head" columns={surveyColumns} show={list.items.length > 0} />
          </>
        }
        renderItem={(s) => (
          <SurveyAdminCard
            survey={s}
            busy={actions.busy}
            onAction={(a, id) => void actions.run(a, id)}
            canEnterOffline={canEnterOffline}
          />
        )}
        emptyText={filtered ? '没有符合条件的问卷。' : '还没有问卷。新建一份，了解职工最需要什么。'}
        emptyActionText={filtered ? '看全部问卷' : '新建问卷'}
        onEmptyAction={
          filtered
            ? () => {
                setStatus(undefined);
                setKeyword('');
              }
            : () => void Taro.navigateTo({ url: surveyEditUrl() })
        }
      />
    </View>
  );
}

export default withFontScale(SurveyManagePage);
