import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, projectStatuses, projectStatusMeta, type Project } from '@shishi/shared-types';
import { StatusBadge } from '../../components';
import { proposalDetailUrl } from '../proposal/links';
import './ProjectView.scss';

/** A project: its progress through the programme's steps, and the proposals it came from. */
export function ProjectView({ project: p }: { project: Project }) {
  const reached = projectStatuses.indexOf(p.status);
  return (
    <View id="project-view">
      <View className="project__card">
        <Text className="project__title" id="project-title">
          {p.title}
        </Text>
        <Text className="project__meta">
          {p.orgName} · {p.year} 年度项目 · {formatDateTime(p.createdAt)} 立项草稿
        </Text>
        <View className="project__progress">
          <View className="project__bar">
            <View className="project__bar-fill" style={{ width: `${p.progress}%` }} />
          </View>
          <Text className="project__percent" id="project-progress">
            {p.progress}%
          </Text>
        </View>
        <Text className="project__status" id="project-status">
          当前进展：{p.statusLabel}
        </Text>
      </View>
      <View className="project__card">
        <Text className="project__section">办理步骤</Text>
        {projectStatuses.map((status, i) => (
          <View key={status} className={`project__step ${i <= reached ? 'project__step--done' : ''}`}>
            <View className="project__step-dot" />
            <Text className="project__step-label">{projectStatusMeta[status].label}</Text>
          </View>
        ))}
      </View>
      {p.origin.length > 0 ? (
        <View className="project__card">
          <Text className="project__section">来自职工的建议</Text>
          {p.origin.map((ref) => (
            <View
              key={ref._id}
              className="project__ref"
              onClick={() => void Taro.navigateTo({ url: proposalDetailUrl(ref._id) })}
            >
              <Text className="project__ref-title">{ref.title}</Text>
              <StatusBadge status={ref.status} />
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
