import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { reviewMeetingLabels, type Project } from '@shishi/shared-types';
import { Badge, type BadgeTone } from '../../components';
import { formatChineseDate } from '../../utils/dates';
import { ExportPanel } from './ExportPanel';
import { FormsView } from './FormsView';
import { MoneyView } from './MoneyView';
import { RecordView } from './RecordView';
import { ForumSection } from '../forum/ForumSection';
import { KpiCard } from '../kpi/KpiCard';
import { RatingStaffSection } from '../rating/RatingStaffSection';

type Staff = NonNullable<Project['staff']>;

interface Props {
  project: Project;
  staff: Staff;
  actions?: ReactNode;
  focusFormId?: string;
}

/** What union staff see of a project: summary, what to do, the forms and sign-offs, money, the record. */
export function ProjectStaffView({ project: p, staff, actions, focusFormId }: Props) {
  return (
    <View id="project-staff">
      <Summary project={p} staff={staff} />
      {actions}
      <Decisions staff={staff} />
      <FormsView project={p} staff={staff} focusFormId={focusFormId} />
      <MoneyView staff={staff} />
      <KpiCard projectId={p._id} />
      <RatingStaffSection projectId={p._id} status={p.status} />
      <RecordView projectId={p._id} staff={staff} />
      <ForumSection projectId={p._id} status={p.status} />
      <Reviews staff={staff} />
      <ExportPanel project={p} staff={staff} />
    </View>
  );
}

function Summary({ project: p, staff }: { project: Project; staff: Staff }) {
  return (
    <View className="project__card" id="project-summary">
      <View className="project__section-head">
        <Text className="project__section">项目概况</Text>
        {staff.overdue ? (
          <View className="project__badges" id="project-overdue">
            <Badge label="中期报告已逾期" tone="danger" />
          </View>
        ) : null}
      </View>
      <KeyValue label="项目层级" value={p.levelLabel} id="project-level" />
      <KeyValue label="申报单位" value={staff.record.applicantUnit || p.orgName} id="project-unit" />
      <KeyValue
        label="项目负责人"
        value={
          staff.record.leaderName
            ? `${staff.record.leaderName}${staff.record.phone ? `（${staff.record.phone}）` : ''}`
            : '未填写'
        }
        id="project-leader"
      />
      <KeyValue label="归口管理部门" value={p.department.name} id="project-department" />
      <KeyValue label="年度" value={`${p.year} 年`} />
      <KeyValue
        label="中期报告截止"
        value={staff.midtermDue ? formatChineseDate(staff.midtermDue) : '项目实施后计算'}
        id="project-midterm-due"
        tone={staff.overdue ? 'danger' : undefined}
      />
      <KeyValue
        label="可研报告"
        value={`第 ${staff.version} 版${
          staff.frozen ? '（已提交，审核期间不能修改）' : staff.actions.includes('update') ? '（可以修改）' : ''
        }`}
        id="project-version"
      />
      {staff.terminatedReason ? (
        <Text className="project__note project__note--danger" id="project-terminated-reason">
          终止原因：{staff.terminatedReason}
        </Text>
      ) : null}
    </View>
  );
}

export function KeyValue({
  label,
  value,
  note,
  id,
  tone,
}: {
  label: string;
  value: ReactNode;
  /** A smaller line under the value (when it will be paid, the cap, …). */
  note?: string;
  id?: string;
  tone?: 'danger' | 'strong';
}) {
  return (
    <View className="project__kv" id={id}>
      <Text className="project__kv-label">{label}</Text>
      <View className="project__kv-right">
        <Text className={`project__kv-value ${tone ? `project__kv-value--${tone}` : ''}`}>{value}</Text>
        {note ? <Text className="project__kv-note">{note}</Text> : null}
      </View>
    </View>
  );
}

/** 项目确立: the committee decisions recorded, and what the chain still needs. */
function Decisions({ staff }: { staff: Staff }) {
  return (
    <View className="project__card" id="project-decisions">
      <Text className="project__section">审定会议</Text>
      {staff.decisions.length === 0 ? (
        <Text className="project__empty">还没有记录审定会议的决议。</Text>
      ) : (
        staff.decisions.map((d) => (
          <View key={d._id} className="project__item" id={`project-decision-${d._id}`}>
            <Text className="project__item-title">
              {d.meetingLabel} · {formatChineseDate(d.date)}
            </Text>
            <Text className="project__item-text">{d.resolution}</Text>
          </View>
        ))
      )}
      {staff.decisionsNeeded.length > 0 ? (
        <View className="project__needed" id="project-decisions-needed">
          <Text className="project__needed-title">还需要：</Text>
          {staff.decisionsNeeded.map((need) => (
            <Text key={need} className="project__needed-item">
              · {need}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** 可研论证: 论证会 / 研讨会 / 专项调研 records. */
function Reviews({ staff }: { staff: Staff }) {
  const conclusion: Record<string, BadgeTone> = { pass: 'success', revise: 'warning', reject: 'danger' };
  const conclusionLabel: Record<string, string> = { pass: '通过', revise: '修改后再议', reject: '不通过' };
  return (
    <View className="project__card" id="project-reviews">
      <Text className="project__section">可研论证</Text>
      {staff.reviews.length === 0 ? (
        <Text className="project__empty">还没有论证记录。提交可研论证后，归口管理部门组织论证会并在这里记录结论。</Text>
      ) : (
        staff.reviews.map((r, i) => (
          <View key={`${r.date}-${i}`} className="project__item" id={`project-review-${i}`}>
            <View className="project__section-head">
              <Text className="project__item-title">
                {reviewMeetingLabels[r.kind]} · {formatChineseDate(r.date)}
              </Text>
              <Badge
                label={conclusionLabel[r.conclusion] ?? r.conclusion}
                tone={conclusion[r.conclusion] ?? 'neutral'}
              />
            </View>
            <Text className="project__item-meta">参加人员：{r.participants}</Text>
            <Text className="project__item-text">{r.conclusionText}</Text>
            <Text className="project__item-meta">记录人：{r.byName}</Text>
          </View>
        ))
      )}
      {staff.evidence.length > 0 ? (
        <View className="project__needed" id="project-evidence">
          <Text className="project__needed-title">调查依据：</Text>
          {staff.evidence.map((e) => (
            <Text key={e._id} className="project__needed-item">
              · {e.surveyTitle}
              {e.note ? `：${e.note}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
