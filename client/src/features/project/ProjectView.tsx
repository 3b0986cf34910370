import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { Project } from '@shishi/shared-types';
import { Badge, StatusBadge, type BadgeTone } from '../../components';
import { formatChineseDate } from '../../utils/dates';
import { proposalDetailUrl } from '../proposal/links';
import { ProjectStaffView } from './ProjectStaffView';
import { RatingCard } from '../rating/RatingCard';
import { ForumPublicCard } from '../forum/ForumPublicCard';
import './ProjectView.scss';

interface ProjectViewProps {
  project: Project;
  /** Staff: the buttons of what the caller may do now (part B's `ProjectActions`). */
  actions?: ReactNode;
  /** Staff: open at this form (a link from 待我办理). */
  focusFormId?: string;
  /** 您可以做什么: what the reader can do next (follow, check in, share), right under the header. */
  next?: ReactNode;
  /** Under the plan: announcements, service points and check-in. */
  afterPlan?: ReactNode;
  /** 实施进展: milestones with dates, progress updates (and, for staff, the reports). */
  implementation?: ReactNode;
}

/**
 * A project as everyone sees it — where it stands, the real steps with their dates, the published plan
 * and the proposals it came from — and, for staff, the record, forms, sign-offs and money below.
 */
export function ProjectView({ project: p, actions, focusFormId, next, afterPlan, implementation }: ProjectViewProps) {
  return (
    <View id="project-view" className="project">
      <Header project={p} />
      {next}
      {p.staff ? <ProjectStaffView project={p} staff={p.staff} actions={actions} focusFormId={focusFormId} /> : null}
      <Plan project={p} />
      {afterPlan}
      {implementation}
      {/* Staff have the whole forum record in ProjectStaffView; workers read the short public version. */}
      {p.staff ? null : <ForumPublicCard projectId={p._id} status={p.status} />}
      <RatingCard project={p} />
      <Steps project={p} />
      <Origin project={p} />
    </View>
  );
}

function Header({ project: p }: { project: Project }) {
  return (
    <View className="project__card" id="project-head">
      <View className="project__head">
        <Text className="project__title" id="project-title">
          {p.title}
        </Text>
        <Badge label={p.statusLabel} tone={p.tone as BadgeTone} />
      </View>
      <Text className="project__meta" id="project-meta">
        {p.orgName} · {p.year} 年度 · {p.levelLabel}项目
      </Text>
      <View className="project__progress">
        <View className="project__bar">
          <View
            className={`project__bar-fill ${p.status === 'terminated' ? 'project__bar-fill--stopped' : ''}`}
            style={{ width: `${p.progress}%` }}
          />
        </View>
        <Text className="project__percent" id="project-progress">
          {p.progress}%
        </Text>
      </View>
      <Text className={`project__status project__status--${p.tone}`} id="project-status">
        当前进展：{p.statusLabel}
      </Text>
    </View>
  );
}

/** The steps the server lists, in order: done ones with their date, the current one marked. */
function Steps({ project: p }: { project: Project }) {
  const currentIndex = p.steps.findIndex((s) => s.status === p.status);
  return (
    <View className="project__card" id="project-steps">
      <Text className="project__section">办理进度</Text>
      {p.steps.map((step, i) => {
        const current = i === currentIndex;
        const detour = step.status === 'returned' || step.status === 'terminated';
        const state = current ? 'current' : step.done ? 'done' : 'ahead';
        return (
          <View
            key={`${step.status}-${i}`}
            id={`project-step-${step.status}`}
            className={`project__step project__step--${state} ${detour ? `project__step--${step.status}` : ''}`}
          >
            <View className="project__step-rail">
              <View className="project__step-dot" />
              {i < p.steps.length - 1 ? <View className="project__step-line" /> : null}
            </View>
            <View className="project__step-body">
              <Text className="project__step-label">
                {step.label}
                {current ? <Text className="project__step-now">（当前）</Text> : null}
              </Text>
              <Text className="project__step-date">
                {step.at ? formatChineseDate(step.at) : current ? '正在办理' : '尚未开始'}
              </Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

function Plan({ project: p }: { project: Project }) {
  const plan = p.plan;
  return (
    <View className="project__card" id="project-plan">
      <Text className="project__section">为职工办什么</Text>
      {plan ? (
        <>
          <PlanRow label="服务对象" text={plan.serviceTargets} id="project-plan-targets" />
          <PlanRow label="服务内容" text={plan.serviceContent} id="project-plan-content" />
          <PlanRow label="工作流程" text={plan.workflow} id="project-plan-workflow" />
          <PlanRow
            label="起止时间"
            id="project-plan-dates"
            text={
              plan.startDate || plan.endDate
                ? `${plan.startDate ? formatChineseDate(plan.startDate) : '待定'} 至 ${plan.endDate ? formatChineseDate(plan.endDate) : '待定'}`
                : '待定'
            }
          />
        </>
      ) : (
        <Text className="project__empty" id="project-plan-empty">
          项目确立并发布后，这里会写明为哪些职工服务、服务什么、怎么参加。
        </Text>
      )}
    </View>
  );
}

function PlanRow({ label, text, id }: { label: string; text: string; id: string }) {
  return (
    <View className="project__plan-row" id={id}>
      <Text className="project__plan-label">{label}</Text>
      <Text className="project__plan-text">{text || '暂无'}</Text>
    </View>
  );
}

function Origin({ project: p }: { project: Project }) {
  return (
    <View className="project__card" id="project-origin">
      <Text className="project__section">来自职工的建议</Text>
      {p.origin.length === 0 ? (
        <Text className="project__empty">这个项目由工会根据工作需要设立，不是由职工建议转来的。</Text>
      ) : (
        p.origin.map((ref) => (
          <View
            key={ref._id}
            id={`project-origin-${ref._id}`}
            className="project__ref"
            onClick={() => void Taro.navigateTo({ url: proposalDetailUrl(ref._id) })}
          >
            <Text className="project__ref-title">{ref.title}</Text>
            <StatusBadge status={ref.status} />
            <Text className="project__ref-arrow">›</Text>
          </View>
        ))
      )}
    </View>
  );
}
