import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import {
  businessDate,
  projectLevelLabels,
  projectLevels,
  type Profile,
  type ProjectExportOutput,
  type ProjectLevel,
} from '@shishi/shared-types';
import type { KpiDashboard, KpiFilter } from '@shishi/shared-types/src/contracts/kpi';
import {
  AppButton,
  ChipGroup,
  Empty,
  ErrorBlock,
  FilterTabs,
  Loading,
  Notice,
  optionsOf,
} from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { useResource } from '../../../../hooks/useResource';
import { StaffOnly } from '../../../../features/profile';
import { readOnlyText, rolesOf, viewAccess } from '../../../../features/profile/viewAccess';
import { useOrgTree } from '../../../../features/org/hooks';
import { downloadFile, ExportFile } from '../../../../features/export/ExportFile';
import { exportDashboard, fetchDashboard } from '../../../../features/kpi/api';
import { Chart } from '../../../../features/kpi/Chart';
import { countText, percentText } from '../../../../features/kpi/format';
import { kpiListUrl, kpiThresholdsUrl } from '../../../../features/kpi/routes';
import { formatYuan } from '../../../../features/project/money';
import { toApiError } from '../../../../services/call';
import { formatChineseDate } from '../../../../utils/dates';
import '../../../../features/kpi/kpi.scss';

const levelOptions = optionsOf(projectLevels, projectLevelLabels);

/** This year, next year and the four before. */
function yearOptions(now: number) {
  return [now + 1, now, now - 1, now - 2, now - 3, now - 4].map((y) => ({ value: String(y), label: `${y} 年` }));
}

/** Opens the projects behind a figure. */
function openList(filter: KpiFilter, title: string) {
  void Taro.navigateTo({ url: kpiListUrl(filter, title) });
}

/**
 * 绩效看板 (staff and leaders): one year's projects of the caller's subtree, by level and org — status,
 * subsidy committed and paid, workers served against targets, satisfaction, signals and overdue items.
 * Every figure opens the list of projects behind it; 导出 Excel gives the same figures as a workbook.
 */
function DashboardPage() {
  return <StaffOnly>{(profile) => <Dashboard profile={profile} />}</StaffOnly>;
}

function Dashboard({ profile }: { profile: Profile }) {
  const params = useRouter().params;
  const thisYear = Number(businessDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(() => String(Number(params.year) || thisYear));
  const [level, setLevel] = useState<ProjectLevel | undefined>(() =>
    projectLevels.includes(params.level as ProjectLevel) ? (params.level as ProjectLevel) : undefined,
  );
  const [orgId, setOrgId] = useState<string | undefined>(() =>
    params.org ? decodeURIComponent(params.org) : undefined,
  );
  const years = useMemo(() => yearOptions(thisYear), [thisYear]);
  // The menu's rule: leaders and department staff look and export; district staff also set thresholds.
  const access = useMemo(() => viewAccess('home-kpi', rolesOf(profile)), [profile]);
  const orgs = useOrgTree(true);
  const mine = useMemo(
    () => (profile.bindings ?? [{ role: profile.role, orgId: profile.orgId }]).map((b) => b.orgId),
    [profile],
  );
  // The caller's subtree, down to the district and industry unions (grassroots unions have no projects of their own here).
  const orgOptions = useMemo(
    () =>
      (orgs ?? [])
        .filter((o) => o.type !== 'grassroots' && o.path.some((id) => mine.includes(id)))
        .map((o) => ({ value: o._id, label: o.name })),
    [orgs, mine],
  );
  const input = { year: Number(year), ...(level ? { level } : {}), ...(orgId ? { orgId } : {}) };
  const dash = useResource(() => fetchDashboard(input), [year, level, orgId]);
  usePullDownRefresh(() => {
    void dash.refresh().finally(() => void Taro.stopPullDownRefresh());
  });

  return (
    <View className="page kpi-page" id="kpi-dashboard">
      {access.readOnly ? <Notice tone="info" id="kpi-read-only" text={readOnlyText(access)} /> : null}
      <View className="kpi-card" id="kpi-filters">
        <Text className="kpi__subtitle">年度</Text>
        <ChipGroup idPrefix="kpi-year" options={years} value={year} onChange={setYear} />
        <Text className="kpi__subtitle">项目层级</Text>
        <FilterTabs idPrefix="kpi-level" options={levelOptions} value={level} onChange={setLevel} />
        {orgOptions.length > 1 ? (
          <>
            <Text className="kpi__subtitle">单位</Text>
            <FilterTabs
              idPrefix="kpi-org"
              allLabel="我负责的全部"
              options={orgOptions}
              value={orgId}
              onChange={setOrgId}
            />
          </>
        ) : null}
      </View>
      {dash.loading && !dash.data ? <Loading text="正在汇总…" /> : null}
      {dash.error && !dash.data ? <ErrorBlock error={dash.error} onRetry={dash.reload} /> : null}
      {dash.data ? (
        dash.data.total.count === 0 ? (
          <View id="kpi-empty">
            <Empty
              text={`${year} 年${level ? projectLevelLabels[level] : ''}还没有项目。换个年度或层级看看。`}
              actionText={year !== String(thisYear) ? `看 ${thisYear} 年` : undefined}
              onAction={year !== String(thisYear) ? () => setYear(String(thisYear)) : undefined}
            />
          </View>
        ) : (
          <Figures d={dash.data} />
        )
      ) : null}
      {dash.data && dash.data.total.count > 0 ? <ExportCard input={input} /> : null}
      <View className="kpi-card">
        <AppButton
          id="kpi-open-thresholds"
          block
          onClick={() => void Taro.navigateTo({ url: kpiThresholdsUrl(Number(year), orgId) })}
        >
          信号阈值（{year} 年）
        </AppButton>
      </View>
    </View>
  );
}

/** A tappable number. */
function Tile({
  id,
  value,
  label,
  note,
  onTap,
}: {
  id: string;
  value: string;
  label: string;
  note?: string;
  onTap: () => void;
}) {
  return (
    <View className="kpi-tile" id={id} onClick={onTap} role="button" aria-label={`${label} ${value}，点按查看项目`}>
      <Text className="kpi-tile__value" id={`${id}-value`}>
        {value}
      </Text>
      <Text className="kpi-tile__label">{label}</Text>
      {note ? <Text className="kpi-tile__note">{note}</Text> : null}
    </View>
  );
}

function Figures({ d }: { d: KpiDashboard }) {
  const scope = `${d.year} 年 · ${d.orgName}${d.level ? ` · ${projectLevelLabels[d.level]}` : ''}`;
  const pct = (n: number) => percentText(d.total.count > 0 ? Math.round((n * 1000) / d.total.count) / 10 : null);
  return (
    <>
      <View className="kpi-card" id="kpi-overview">
        <Text className="kpi-card__title">{scope}</Text>
        <Text className="kpi-card__meta">统计截至 {formatChineseDate(d.asOf)}。点任何一个数字，查看它背后的项目。</Text>
        <View className="kpi-tiles">
          <Tile
            id="kpi-tile-total"
            value={countText(d.total.count, '个')}
            label="项目总数"
            onTap={() => openList(d.total.filter, '全部项目')}
          />
          <Tile
            id="kpi-tile-served"
            value={countText(d.workers.served)}
            label="直接服务职工"
            note={`目标 ${countText(d.workers.targetServed)}`}
            onTap={() => openList(d.total.filter, '全部项目（直接服务）')}
          />
          <Tile
            id="kpi-tile-subsidy"
            value={formatYuan(d.money.subsidyFen)}
            label="扶助资金（承诺）"
            note={`${d.money.withSubsidy.count} 个项目`}
            onTap={() => openList(d.money.withSubsidy.filter, '有扶助资金的项目')}
          />
          <Tile
            id="kpi-tile-paid"
            value={formatYuan(d.money.paidFen)}
            label="扶助资金（已拨付）"
            note={`${d.money.paid.count} 个项目 · 已支出 ${formatYuan(d.money.spentFen)}`}
            onTap={() => openList(d.money.paid.filter, '已拨付扶助资金的项目')}
          />
        </View>
      </View>

      <View className="kpi-card" id="kpi-status">
        <Chart
          id="kpi-status-chart"
          title="项目状态"
          spec={{ kind: 'bar', data: d.byStatus.map((s) => ({ label: s.label, value: s.count })) }}
          format={(n) => `${n} 个`}
          onRow={(i) => openList(d.byStatus[i]!.filter, `状态：${d.byStatus[i]!.label}`)}
        />
        <Chart
          id="kpi-level-chart"
          title="项目层级"
          spec={{ kind: 'pie', data: d.byLevel.map((s) => ({ label: s.label, value: s.count })) }}
          format={(n) => `${n} 个`}
          onRow={(i) => openList(d.byLevel[i]!.filter, `层级：${d.byLevel[i]!.label}`)}
        />
      </View>

      <View className="kpi-card" id="kpi-money">
        <Text className="kpi-card__title">扶助资金拨付</Text>
        <Text className="kpi-card__meta">
          总预算 {formatYuan(d.money.totalBudgetFen)} · 承诺扶助 {formatYuan(d.money.subsidyFen)} · 已拨付{' '}
          {formatYuan(d.money.paidFen)}
        </Text>
        <View className="kpi-tiles">
          <Tile
            id="kpi-tile-paid-none"
            value={countText(d.money.paidNone.count, '个')}
            label="尚未拨付"
            onTap={() => openList(d.money.paidNone.filter, '扶助资金尚未拨付')}
          />
          <Tile
            id="kpi-tile-paid-first"
            value={countText(d.money.paidFirst.count, '个')}
            label="已拨首笔"
            onTap={() => openList(d.money.paidFirst.filter, '已拨首笔扶助资金')}
          />
          <Tile
            id="kpi-tile-paid-both"
            value={countText(d.money.paidBoth.count, '个')}
            label="两笔已拨清"
            onTap={() => openList(d.money.paidBoth.filter, '扶助资金两笔已拨清')}
          />
        </View>
      </View>

      <View className="kpi-card" id="kpi-workers">
        <Text className="kpi-card__title">服务职工与目标</Text>
        <Text className="kpi-card__meta">
          直接服务 {countText(d.workers.served)}，目标 {countText(d.workers.targetServed)}；覆盖（看过项目）{' '}
          {countText(d.workers.viewers)}，目标 {countText(d.workers.targetCovered)}
        </Text>
        <View className="kpi-tiles">
          <Tile
            id="kpi-tile-met"
            value={countText(d.workers.metTarget.count, '个')}
            label="达到服务目标"
            note={pct(d.workers.metTarget.count)}
            onTap={() => openList(d.workers.metTarget.filter, '达到服务目标的项目')}
          />
          <Tile
            id="kpi-tile-below"
            value={countText(d.workers.belowTarget.count, '个')}
            label="未达服务目标"
            note={pct(d.workers.belowTarget.count)}
            onTap={() => openList(d.workers.belowTarget.filter, '未达服务目标的项目')}
          />
        </View>
      </View>

      <View className="kpi-card" id="kpi-satisfaction">
        <Text className="kpi-card__title">职工满意度</Text>
        <Text className="kpi-card__meta">
          共 {d.satisfaction.ratings} 份评价 · 满意率 {percentText(d.satisfaction.satisfiedPercent)} · 平均{' '}
          {d.satisfaction.mean === null ? '暂无' : `${d.satisfaction.mean.toFixed(2)} 分`}
        </Text>
        <Chart
          id="kpi-satisfaction-chart"
          title="满意度分布（1–5 分）"
          spec={{
            kind: 'bar',
            data: d.satisfaction.byScore.map((s) => ({ label: `${s.score} 分`, value: s.ratings })),
          }}
          format={(n) => `${n} 份`}
          onRow={(i) => {
            const row = d.satisfaction.byScore[i]!;
            openList(row.filter, `${row.label}的 ${row.ratings} 份评价所在的项目（${row.count} 个）`);
          }}
        />
        <Text className="kpi-card__meta">点分数，查看有这个分数评价的项目。</Text>
        <View className="kpi-tiles">
          <Tile
            id="kpi-tile-rated"
            value={countText(d.satisfaction.rated.count, '个')}
            label="评价人数够的项目"
            onTap={() => openList(d.satisfaction.rated.filter, '评价人数够的项目')}
          />
          <Tile
            id="kpi-tile-unrated"
            value={countText(d.satisfaction.unrated.count, '个')}
            label="评价人数不足"
            onTap={() => openList(d.satisfaction.unrated.filter, '评价人数不足的项目')}
          />
        </View>
      </View>

      <View className="kpi-card" id="kpi-signals">
        <Chart
          id="kpi-signals-chart"
          title="信号"
          spec={{ kind: 'bar', data: d.signals.map((s) => ({ label: s.label, value: s.count })) }}
          format={(n) => `${n} 个`}
          onRow={(i) => openList(d.signals[i]!.filter, `信号：${d.signals[i]!.label}`)}
        />
      </View>

      <View className="kpi-card" id="kpi-overdue">
        <Text className="kpi-card__title">逾期事项</Text>
        <View className="kpi-tiles">
          <Tile
            id="kpi-tile-overdue-midterm"
            value={countText(d.overdue.midterm.count, '个')}
            label="中期报告逾期"
            onTap={() => openList(d.overdue.midterm.filter, '中期报告逾期的项目')}
          />
          <Tile
            id="kpi-tile-overdue-soon"
            value={countText(d.overdue.dueSoon.count, '个')}
            label="7 天内到期"
            onTap={() => openList(d.overdue.dueSoon.filter, '7 天内到期的项目')}
          />
          <Tile
            id="kpi-tile-overdue-late"
            value={countText(d.overdue.late.count, '个')}
            label="推进节点逾期"
            onTap={() => openList(d.overdue.late.filter, '推进节点逾期的项目')}
          />
          <Tile
            id="kpi-tile-overdue-followups"
            value={countText(d.overdue.followUps.count, '个')}
            label={`座谈跟进逾期（${d.overdue.followUps.items} 项）`}
            onTap={() => openList(d.overdue.followUps.filter, '现场座谈跟进事项逾期的项目')}
          />
        </View>
      </View>
    </>
  );
}

/**
 * 导出 Excel: the dashboard's figures and every project's KPIs, opened (downloaded) at once; then the file
 * (ExportFile: 下载 again, the whole link, 复制链接).
 */
function ExportCard({ input }: { input: Parameters<typeof exportDashboard>[0] }) {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<ProjectExportOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    setBusy(true);
    setError(null);
    setFile(null);
    try {
      const made = await exportDashboard(input);
      setFile(made);
      await downloadFile(made);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="kpi-card" id="kpi-export">
      <Text className="kpi-card__title">导出</Text>
      <Text className="kpi-card__meta">Excel 含看板数字和每个项目的绩效、信号两张表。</Text>
      <AppButton
        id="kpi-export-xlsx"
        kind="primary"
        block
        loading={busy}
        busyText="正在生成…"
        onClick={() => void make()}
      >
        导出 Excel
      </AppButton>
      {error ? (
        <Text className="kpi-signal__error" id="kpi-export-error">
          {error} 请稍后再点一次。
        </Text>
      ) : null}
      {file ? <ExportFile id="kpi-export" file={file} count={`已导出 ${file.rows} 个项目`} /> : null}
    </View>
  );
}

export default withFontScale(DashboardPage);
