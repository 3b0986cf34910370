import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { projectLevelLabels, type ProjectPage } from '@shishi/shared-types';
import { Badge, type BadgeTone } from '../../components';
import { fenToYuan } from './money';
import { projectDetailUrl } from './routes';
import './ProjectCard.scss';

export type ProjectListItem = ProjectPage['items'][number];

/** A project in the staff list: status, level, unit and department, money in 元, overdue and late-milestone marks. */
export function ProjectCard({ project: p }: { project: ProjectListItem }) {
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
      </View>
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
