import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { projectLevelLabels, type ProjectPage } from '@shishi/shared-types';
import type { ProjectSignal } from '@shishi/shared-types/src/contracts/kpi';
import type { KpiSignal } from '@shishi/shared-types/src/rules/kpi';
import { Badge, type BadgeTone } from '../../components';
import { signalTone } from '../kpi/format';
import { fenToYuan } from './money';
import { projectDetailUrl } from './routes';
import './ProjectCard.scss';

export type ProjectListItem = ProjectPage['items'][number];

/** The chip's words: short enough for a list row (the record shows the full 加大扶助 / 扩大覆盖面). */
const signalChipLabels: Record<KpiSignal, string> = {
  expand: '加大扶助',
  maintain: '维持',
  scaleBack: '逆向调整',
  insufficient: '数据不足',
};

/**
 * A project in the staff list: status, level, unit and department, money in 元, overdue and late-milestone
 * marks, and (once published) its signal with the figures behind it and whether staff decided on it.
 */
export function ProjectCard({ project: p, signal }: { project: ProjectListItem; signal?: ProjectSignal | null }) {
  return (
    <View
      className={`project-card ${p.overdue || p.lateMilestones > 0 ? 'project-card--overdue' : ''}`}
      id={`project-${p._id}`}
      onClick={() => void Taro.navigateTo({ url: projectDetailUrl(p._id) })}
    >
      <View className="project-card__head">
        <Text className="project-card__title">{p.title}</Text>
        <Badge label={p.statusLabel} tone={p.tone as BadgeTone} />
      </View>
      <View className="project-card__tags">
        <Text className="project-card__tag">{p.year} 年度</Text>
        <Text className="project-card__tag">{projectLevelLabels[p.level]}</Text>
        {p.overdue ? (
          <Text className="project-card__overdue" id={`project-${p._id}-overdue`}>
            中期报告已逾期
          </Text>
        ) : null}
        {p.lateMilestones > 0 ? (
          <Text className="project-card__overdue" id={`project-${p._id}-late`}>
            {p.lateMilestones} 个推进节点逾期
          </Text>
        ) : null}
        {signal ? (
          <View className="project-card__signal" id={`project-${p._id}-signal`}>
            <Badge
              label={`${signalChipLabels[signal.signal]}${signal.decision === 'override' ? ' · 已调整' : signal.decision === 'accept' ? ' · 已采纳' : ''}`}
              tone={signalTone(signal.signal)}
            />
          </View>
        ) : null}
      </View>
      {signal ? (
        <Text className="project-card__reason" id={`project-${p._id}-signal-reason`}>
          信号依据：{signal.reason}
          {signal.stale ? '（数字已变化，建议重新决定）' : ''}
        </Text>
      ) : null}
      <Text className="project-card__line">申报单位：{p.orgName}</Text>
      <Text className="project-card__line">归口管理部门：{p.departmentName}</Text>
      <View className="project-card__money">
        <View className="project-card__money-cell">
          <Text className="project-card__money-label">总预算（元）</Text>
          <Text className="project-card__money-value">{fenToYuan(p.totalBudgetFen)}</Text>
        </View>
        <View className="project-card__money-cell">
          <Text className="project-card__money-label">市总扶助（元）</Text>
          <Text className="project-card__money-value">{fenToYuan(p.subsidyFen)}</Text>
        </View>
      </View>
      <View className="project-card__progress">
        <View className="project-card__bar">
          <View className="project-card__bar-fill" style={{ width: `${p.progress}%` }} />
        </View>
        <Text className="project-card__percent">{p.progress}%</Text>
      </View>
    </View>
  );
}
