import { View, Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import {
  businessDate,
  projectLevelLabels,
  projectLevels,
  projectStatuses,
  projectStatusMeta,
  publicStatuses,
  type ProjectLevel,
  type ProjectStatus,
} from '@shishi/shared-types';
import type { ProjectSignal } from '@shishi/shared-types/src/contracts/kpi';
import { FilterTabs, PagedList, SearchBar, optionsOf, usePagedList } from '../../../../components';
import { useListPage } from '../../../../hooks/useListPage';
import { useOrgTree } from '../../../../features/org/hooks';
import { StaffOnly } from '../../../../features/profile';
import { fetchSignalsOf } from '../../../../features/kpi/api';
import { fetchProjects, type ProjectFilters } from '../../../../features/project/api';
import { ProjectCard, type ProjectListItem } from '../../../../features/project/ProjectCard';
import { withFontScale } from '../../../../components/FontScale';
import './index.scss';
import { DeskHead } from '../../../../features/desk/DeskHead';

type Row = ProjectListItem & { signal: ProjectSignal | null };

/**
 * A page of projects with the signals of its published ones: one `kpi.signalsOf` call per page. The
 * list does not depend on the signals: if they cannot be read, the rows show without a chip.
 */
async function fetchPageWithSignals(filters: ProjectFilters, page: number, pageSize: number) {
  const res = await fetchProjects(filters, page, pageSize);
  const ids = res.items.filter((p) => publicStatuses.includes(p.status)).map((p) => p._id);
  const signals = ids.length > 0 ? await fetchSignalsOf(ids).catch(() => null) : null;
  const byId = new Map((signals?.items ?? []).map((s) => [s.projectId, s]));
  return { ...res, items: res.items.map((p): Row => ({ ...p, signal: byId.get(p._id) ?? null })) };
}

const levelOptions = optionsOf(projectLevels, projectLevelLabels);
const statusOptions = projectStatuses.map((status) => ({ value: status, label: projectStatusMeta[status].label }));
const overdueOptions = [{ value: 'yes' as const, label: '中期报告已逾期' }];
/** The desktop table's columns (index.scss places each card's parts in them). */
const projectColumns = ['项目名称', '状态', '年度 · 层级', '申报单位 · 归口部门', '资金', '进度'];

/** This year, next year (collection in Q4 is for next year) and the three before. */
function yearOptions() {
  const now = Number(businessDate(new Date()).slice(0, 4));
  return [now + 1, now, now - 1, now - 2, now - 3].map((y) => ({ value: String(y), label: `${y} 年` }));
}

/**
 * 项目管理 (staff): the projects the server lets this person see, by year, level, status, routed
 * department and overdue; search by name; paged.
 */
function ProjectListPage() {
  return <StaffOnly>{() => <ProjectList />}</StaffOnly>;
}

function ProjectList() {
  const [year, setYear] = useState<string | undefined>(undefined);
  const [level, setLevel] = useState<ProjectLevel | undefined>(undefined);
  const [status, setStatus] = useState<ProjectStatus | undefined>(undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [overdue, setOverdue] = useState<'yes' | undefined>(undefined);
  const [keyword, setKeyword] = useState('');
  const [showMore, setShowMore] = useState(false);
  const years = useMemo(yearOptions, []);
  const orgs = useOrgTree(true);
  const departmentOptions = useMemo(
    () =>
      (orgs ?? [])
        .filter((o) => o.type === 'department' || o.type === 'industry')
        .map((o) => ({ value: o._id, label: o.name })),
    [orgs],
  );

  const filters: ProjectFilters = {
    year: year ? Number(year) : undefined,
    level,
    status,
    departmentId,
    overdue: overdue ? true : undefined,
    q: keyword || undefined,
  };
  const list = usePagedList<Row>(
    (page, pageSize) => fetchPageWithSignals(filters, page, pageSize),
    [year, level, status, departmentId, overdue, keyword],
    { keyOf: (p) => p._id },
  );
  useListPage(list);
  const filtered =
    year !== undefined ||
    level !== undefined ||
    status !== undefined ||
    departmentId !== undefined ||
    overdue !== undefined ||
    keyword !== '';
  const clear = () => {
    setYear(undefined);
    setLevel(undefined);
    setStatus(undefined);
    setDepartmentId(undefined);
    setOverdue(undefined);
    setKeyword('');
  };

  return (
    <View className="page plist desk-table">
      <SearchBar id="plist-search" placeholder="搜索项目名称、申报单位" keyword={keyword} onSearch={setKeyword} />
      <Text className="plist__label">年度</Text>
      <FilterTabs idPrefix="plist-year" options={years} value={year} onChange={setYear} />
      <Text className="plist__label">项目层级</Text>
      <FilterTabs idPrefix="plist-level" options={levelOptions} value={level} onChange={setLevel} />
      <Text className="plist__label">是否逾期</Text>
      <FilterTabs idPrefix="plist-overdue" options={overdueOptions} value={overdue} onChange={setOverdue} />
      {showMore ? (
        <>
          <Text className="plist__label">办理状态</Text>
          <FilterTabs idPrefix="plist-status" options={statusOptions} value={status} onChange={setStatus} />
          <Text className="plist__label">归口管理部门</Text>
          {orgs === null ? (
            <Text className="plist__hint">正在读取部门…</Text>
          ) : (
            <FilterTabs
              idPrefix="plist-dept"
              options={departmentOptions}
              value={departmentId}
              onChange={setDepartmentId}
            />
          )}
        </>
      ) : null}
      <Text className="plist__more" id="plist-more-filters" onClick={() => setShowMore(!showMore)}>
        {showMore ? '收起更多筛选' : `更多筛选：办理状态、归口管理部门${status || departmentId ? '（已选）' : ''}`}
      </Text>
      <PagedList
        id="plist-list"
        list={list}
        keyOf={(p) => p._id}
        header={
          <>
            <View className="plist__total-row">
              <Text className="section-title" id="plist-total">
                共 {list.total} 个项目{filtered ? '（已筛选）' : ''}
              </Text>
              {filtered ? (
                <Text className="plist__clear" id="plist-clear" onClick={clear}>
                  清除筛选
                </Text>
              ) : null}
            </View>
            <DeskHead id="plist-desk-head" columns={projectColumns} show={list.items.length > 0} />
          </>
        }
        renderItem={(p) => <ProjectCard project={p} signal={p.signal} />}
        emptyText={
          filtered
            ? '没有符合条件的项目，换个条件试试。'
            : '还没有项目。建议被采纳后会自动生成项目草稿，也可以为临时性需求直接新建项目；它们都会出现在这里。'
        }
        emptyActionText={filtered ? '清除筛选' : undefined}
        onEmptyAction={filtered ? clear : undefined}
      />
    </View>
  );
}

export default withFontScale(ProjectListPage);
