/** 附件1 read-only, part by part (a frozen record, or one the caller may not edit). */
import { View } from '@tarojs/components';
import {
  dutyKinds,
  dutyLabels,
  projectLevelLabels,
  subsidyFen,
  totalBudgetFen,
  yuan,
  type ProjectRecord,
} from '@shishi/shared-types';
import { dayLabel, Part, Rows } from '../actions/ui';
import { parts } from './hints';

const n = (x: number | undefined, unit: string) => (x === undefined ? '' : `${x}${unit}`);

export function RecordView({ record: r }: { record: ProjectRecord }) {
  return (
    <View id="re-view">
      <Part title="封面">
        <Rows
          rows={[
            { label: '项目层级', value: projectLevelLabels[r.level] },
            { label: '申报单位', value: r.applicantUnit ?? '' },
            { label: '项目负责人', value: r.leaderName ?? '' },
            { label: '联系电话', value: r.phone ?? '' },
            { label: '电子邮箱', value: r.email ?? '' },
            { label: '编报日期', value: dayLabel(r.reportDate) },
          ]}
        />
      </Part>
      <Part title={parts.title.title}>
        <Rows rows={[{ label: '项目名称', value: r.title }]} />
      </Part>
      <Part title={parts.background.title}>
        <Rows
          rows={[
            { label: '必要性分析', value: r.necessity ?? '', long: true },
            { label: '可行性分析', value: r.feasibility ?? '', long: true },
          ]}
        />
      </Part>
      <Part title={parts.content.title}>
        <Rows
          rows={[
            { label: '服务对象', value: r.serviceTargets ?? '', long: true },
            { label: '服务方式', value: r.serviceMethod ?? '', long: true },
            { label: '目标任务', value: r.goals ?? '', long: true },
            { label: '实施标准', value: r.standards ?? '', long: true },
            { label: '实施范围', value: r.coverage ?? '', long: true },
            ...r.subProjects.map((s, i) => ({ label: `子项目 ${i + 1}：${s.name}`, value: s.content, long: true })),
          ]}
        />
      </Part>
      <Part title={parts.plan.title}>
        <Rows
          rows={[
            { label: '项目启动时间', value: dayLabel(r.startDate) },
            { label: '项目结束时间', value: dayLabel(r.endDate) },
            ...r.milestones.map((m, i) => ({
              label: `第 ${i + 1} 项 · ${dayLabel(m.date)}`,
              value: m.task,
              long: true,
            })),
            { label: '工作流程', value: r.workflowText ?? '', long: true },
          ]}
        />
      </Part>
      <Part title={parts.budget.title}>
        <Rows
          rows={[
            ...r.budgetLines.map((l, i) => ({
              label: `第 ${i + 1} 行 · ${l.item}`,
              value: `${yuan(l.amountFen)}${l.cityAidFen > 0 ? `，其中市总扶助 ${yuan(l.cityAidFen)}` : ''}（${l.source}）`,
              long: true,
            })),
            { label: '项目总预算', value: yuan(totalBudgetFen(r)) },
            { label: '其中市总扶助', value: yuan(subsidyFen(r)) },
            { label: '市总扶助资金说明', value: r.aidStatement ?? '', long: true },
            ...(r.level === 'industry' ? [{ label: '首次拨付比例', value: n(r.tranche1Percent ?? 40, '%') }] : []),
          ]}
        />
      </Part>
      <Part title={parts.targets.title}>
        <Rows
          rows={[
            { label: '预期成果和社会效益', value: r.expectedResults ?? '', long: true },
            { label: '覆盖职工数量', value: n(r.targetCovered, ' 人') },
            { label: '直接服务职工数量', value: n(r.targetServed, ' 人') },
            { label: '职工满意度目标', value: n(r.targetSatisfaction, '%') },
          ]}
        />
      </Part>
      <Part title={parts.assurance.title}>
        <Rows
          rows={[
            { label: '组织领导', value: r.organisation ?? '', long: true },
            { label: '监督检查', value: r.supervision ?? '', long: true },
            { label: '资金保障', value: r.fundingAssurance ?? '', long: true },
            { label: '宣传交流', value: r.publicity ?? '', long: true },
          ]}
        />
      </Part>
      <Part title={parts.duties.title}>
        <Rows
          rows={dutyKinds.map((k) => {
            const d = r.duties[k];
            return { label: dutyLabels[k], value: d ? `${d.person}：${d.scope}` : '' };
          })}
        />
      </Part>
    </View>
  );
}
