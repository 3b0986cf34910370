import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { projectLevelLabels } from '@shishi/shared-types';
import { kpiFilterSchema, type KpiFilter, type KpiListItem } from '@shishi/shared-types/src/contracts/kpi';
import { Badge, Empty, PagedList, usePagedList } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { useListPage } from '../../../../hooks/useListPage';
import { StaffOnly } from '../../../../features/profile';
import { fetchKpiList } from '../../../../features/kpi/api';
import { countText, percentText, signalTone } from '../../../../features/kpi/format';
import { kpiDashboardUrlFor } from '../../../../features/kpi/routes';
import { fenToYuan } from '../../../../features/project/money';
import { projectDetailUrl } from '../../../../features/project/routes';
import '../../../../features/kpi/kpi.scss';
import '../../../../features/project/ProjectCard.scss';
import './index.scss';
import { DeskHead } from '../../../../features/desk/DeskHead';

/** The desktop table's columns (index.scss places each row's parts in them). */
const kpiColumns = ['项目名称', '状态', '年度 · 层级 · 信号', '申报单位', '服务人数 · 覆盖 · 评价', '资金（元）'];

/** The filter a dashboard figure carries, from the page's `f` parameter; null when it does not parse. */
function filterFrom(raw: string | undefined): KpiFilter | null {
  if (!raw) return null;
  try {
    const parsed = kpiFilterSchema.safeParse(JSON.parse(decodeURIComponent(raw)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The projects behind one figure of 绩效看板: the figure's own filter, paged, each with its KPIs and signal. */
function KpiListPage() {
  return <StaffOnly>{() => <KpiList />}</StaffOnly>;
}

function KpiList() {
  const params = useRouter().params;
  const filter = useMemo(() => filterFrom(params.f), [params.f]);
  const title = params.t ? decodeURIComponent(params.t) : '项目';
  if (!filter) {
    return (
      <View className="page kpi-page">
        <Empty
          text="这个链接打不开了。请回到绩效看板，再点一次要看的数字。"
          actionText="打开绩效看板"
          onAction={() => void Taro.redirectTo({ url: kpiDashboardUrlFor(Number(new Date().getFullYear())) })}
        />
      </View>
    );
  }
  return <Projects filter={filter} title={title} />;
}

function Projects({ filter, title }: { filter: KpiFilter; title: string }) {
  const key = JSON.stringify(filter);
  const list = usePagedList<KpiListItem>((page, pageSize) => fetchKpiList(filter, page, pageSize), [key], {
    keyOf: (p) => p._id,
  });
  useListPage(list);
  return (
    <View className="page kpi-page kpi-list desk-table" id="kpi-list-page">
      <PagedList
        id="kpi-list"
        list={list}
        keyOf={(p) => p._id}
        header={
          <>
            <View className="kpi-card" id="kpi-list-head">
              <Text className="kpi-card__title" id="kpi-list-title">
                {title}
              </Text>
              <Text className="kpi-card__meta" id="kpi-list-total">
                {filter.year} 年{filter.level ? ` · ${projectLevelLabels[filter.level]}` : ''} · 共 {list.total} 个项目
              </Text>
            </View>
            <DeskHead id="kpi-list-desk-head" columns={kpiColumns} show={list.items.length > 0} />
          </>
        }
        renderItem={(p) => <Item item={p} />}
        emptyText="没有符合这个数字的项目。"
        emptyActionText="回到绩效看板"
        onEmptyAction={() =>
          void Taro.navigateBack().catch(() => Taro.redirectTo({ url: kpiDashboardUrlFor(filter.year) }))
        }
      />
    </View>
  );
}

function Item({ item: p }: { item: KpiListItem }) {
  return (
    <View
      className={`project-card ${p.overdue ? 'project-card--overdue' : ''}`}
      id={`kpi-list-item-${p._id}`}
      onClick={() => void Taro.navigateTo({ url: projectDetailUrl(p._id) })}
    >
      <View className="project-card__head">
        <Text className="project-card__title">{p.title}</Text>
        <Badge label={p.statusLabel} tone="neutral" />
      </View>
      <View className="project-card__tags">
        <Text className="project-card__tag">{p.year} 年度</Text>
        <Text className="project-card__tag">{projectLevelLabels[p.level]}</Text>
        <Badge label={`${p.signalLabel}${p.signalDecided ? '（已确认）' : ''}`} tone={signalTone(p.signal)} />
        {p.overdue ? <Text className="project-card__overdue">有逾期事项</Text> : null}
      </View>
      <Text className="project-card__line">申报单位：{p.orgName}</Text>
      <Text className="project-card__line">
        直接服务 {countText(p.served)}
        {p.targetServed !== null
          ? ` / 目标 ${countText(p.targetServed)}（${percentText(p.servedPercent)}）`
          : '（无目标）'}
      </Text>
      <Text className="project-card__line">
        覆盖 {countText(p.viewers)}
        {p.targetCovered !== null ? ` / 目标 ${countText(p.targetCovered)}` : ''} · 评价 {p.ratings} 份 · 满意率{' '}
        {percentText(p.satisfiedPercent)}
      </Text>
      <View className="project-card__money">
        <View className="project-card__money-cell">
          <Text className="project-card__money-label">扶助资金（元）</Text>
          <Text className="project-card__money-value">{fenToYuan(p.subsidyFen)}</Text>
        </View>
        <View className="project-card__money-cell">
          <Text className="project-card__money-label">已拨付（元）</Text>
          <Text className="project-card__money-value">{fenToYuan(p.paidFen)}</Text>
        </View>
        <View className="project-card__money-cell">
          <Text className="project-card__money-label">已支出（元）</Text>
          <Text className="project-card__money-value">{fenToYuan(p.spentFen)}</Text>
        </View>
      </View>
    </View>
  );
}

export default withFontScale(KpiListPage);
