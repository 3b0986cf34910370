/** The cover and parts （一）–（四）、（六）–（八） of 附件1 as fields; （五） is BudgetPart. */
import { View, Text } from '@tarojs/components';
import {
  dutyKinds,
  dutyLabels,
  dutySchema,
  milestoneSchema,
  projectLevelLabels,
  projectLevels,
  projectRecordSchema,
  subProjectSchema,
} from '@shishi/shared-types';
import { AppButton, ChipGroup, FormField, TextBox, optionsOf } from '../../../components';
import { maxItems, maxLen } from '../actions/limits';
import { DateInput, Part, TickBox } from '../actions/ui';
import { RecordText } from './fields';
import { parts } from './hints';
import type { RecordEditor } from './useRecordEditor';

const levelOptions = optionsOf(projectLevels, projectLevelLabels);
const shape = projectRecordSchema.shape;

/** 封面: 项目层级, 申报单位, 负责人, 电话, 邮箱, 编报日期 (and 临时性需求 for a new project). */
export function CoverPart({ editor, isNew }: { editor: RecordEditor; isNew: boolean }) {
  const { state, errors, set } = editor;
  return (
    <Part id="re-cover" title="封面" hint="按《可行性研究报告》封面填写；申报单位要与加盖的公章一致。">
      <FormField label="项目层级" error={errors.level} id="re-level">
        <ChipGroup
          idPrefix="re-level"
          options={levelOptions}
          value={state.level || undefined}
          onChange={(v) => set('level', v)}
        />
        <Text className="re-hint">
          {state.level === 'city'
            ? '市级：全市工会年度项目，由调查研究室征集、论证并提交审定。'
            : state.level === 'district'
              ? '县区级：申请市总扶助，归口组织和基层工作部，扶助资金不超过总预算的 50%。'
              : state.level === 'industry'
                ? '产业级：产业工会为所属企事业单位职工办的实事，归口相关产业工会。'
                : '请选择一项。'}
        </Text>
      </FormField>
      <RecordText editor={editor} field="applicantUnit" label="申报单位" placeholder="与公章一致的单位全称" />
      <RecordText editor={editor} field="leaderName" label="项目负责人" placeholder="姓名" />
      <RecordText editor={editor} field="phone" label="联系电话" placeholder="手机或座机，例如 0411-82345678" />
      <RecordText editor={editor} field="email" label="电子邮箱" optional placeholder="例如 zhangsan@example.com" />
      <FormField label="编报日期" optional error={errors.reportDate} id="re-reportDate">
        <DateInput id="re-reportDate-input" value={state.reportDate} clearable onChange={(d) => set('reportDate', d)} />
      </FormField>
      {isNew ? (
        <TickBox id="re-temporary" checked={state.temporaryNeed} onChange={(c) => set('temporaryNeed', c)}>
          临时性需求（第四条（三）：重点产业行业企业、重大工程项目、特殊职工群体遇到临时性需求或困难提出的项目）
        </TickBox>
      ) : null}
    </Part>
  );
}

export function TitlePart({ editor }: { editor: RecordEditor }) {
  return (
    <Part id="re-part-1" title={parts.title.title}>
      <RecordText editor={editor} field="title" label="项目名称" placeholder="简明写出为职工办的这件实事" />
    </Part>
  );
}

export function BackgroundPart({ editor }: { editor: RecordEditor }) {
  return (
    <Part id="re-part-2" title={parts.background.title} hint={parts.background.hint}>
      <RecordText
        editor={editor}
        field="necessity"
        label="必要性分析"
        multiline
        tall
        placeholder="职工为什么需要、需求调查和建议说明了什么"
      />
      <RecordText
        editor={editor}
        field="feasibility"
        label="可行性分析"
        multiline
        tall
        placeholder="为什么能办成：条件、资源、合作单位"
      />
    </Part>
  );
}

/** （三）项目内容, with optional 子项目 rows. */
export function ContentPart({ editor }: { editor: RecordEditor }) {
  const { state, errors, update } = editor;
  const max = maxItems(shape.subProjects);
  const setSub = (i: number, key: 'name' | 'content', v: string) =>
    update((s) => ({ ...s, subProjects: s.subProjects.map((x, j) => (j === i ? { ...x, [key]: v } : x)) }));
  return (
    <Part id="re-part-3" title={parts.content.title} hint={parts.content.hint}>
      <RecordText
        editor={editor}
        field="serviceTargets"
        label="服务对象"
        multiline
        placeholder="哪些职工、大约多少人"
      />
      <RecordText
        editor={editor}
        field="serviceMethod"
        label="服务方式"
        multiline
        placeholder="怎么服务：上门、驻点、线上……"
      />
      <RecordText editor={editor} field="goals" label="目标任务" multiline placeholder="要完成的具体任务和数量" />
      <RecordText editor={editor} field="standards" label="实施标准" multiline placeholder="服务要达到的标准" />
      <RecordText editor={editor} field="coverage" label="实施范围" multiline placeholder="在哪些地区、单位实施" />
      <Text className="re-block-label" id="re-subs-count">
        子项目（选填，共 {state.subProjects.length} 个）
      </Text>
      {state.subProjects.map((sub, i) => (
        <View key={i} className="re-row" id={`re-sub-${i}`}>
          <View className="re-row__head">
            <Text className="re-row__title">子项目 {i + 1}</Text>
            <View
              className="pj-link"
              id={`re-sub-${i}-remove`}
              onClick={() => update((s) => ({ ...s, subProjects: s.subProjects.filter((_, j) => j !== i) }))}
            >
              <Text>删除</Text>
            </View>
          </View>
          <FormField label="名称" error={errors[`subProjects.${i}.name`]} id={`re-sub-${i}-name`}>
            <TextBox
              id={`re-sub-${i}-name`}
              value={sub.name}
              maxlength={maxLen(subProjectSchema.shape.name)}
              onInput={(v) => setSub(i, 'name', v)}
            />
          </FormField>
          <FormField label="建设内容" error={errors[`subProjects.${i}.content`]} id={`re-sub-${i}-content`}>
            <TextBox
              id={`re-sub-${i}-content`}
              multiline
              className="pj-textarea"
              value={sub.content}
              maxlength={maxLen(subProjectSchema.shape.content)}
              onInput={(v) => setSub(i, 'content', v)}
            />
          </FormField>
        </View>
      ))}
      {state.subProjects.length < max ? (
        <AppButton
          id="re-sub-add"
          kind="plain"
          block
          onClick={() => update((s) => ({ ...s, subProjects: [...s.subProjects, { name: '', content: '' }] }))}
        >
          ＋ 添加子项目
        </AppButton>
      ) : null}
    </Part>
  );
}

/** （四）推进方案: start and end, milestone rows (date + task), and the public 工作流程. */
export function PlanPart({ editor }: { editor: RecordEditor }) {
  const { state, errors, set, update } = editor;
  const max = maxItems(shape.milestones);
  const setMs = (i: number, key: 'date' | 'task', v: string) =>
    update((s) => ({ ...s, milestones: s.milestones.map((x, j) => (j === i ? { ...x, [key]: v } : x)) }));
  return (
    <Part id="re-part-4" title={parts.plan.title} hint={parts.plan.hint}>
      <FormField label="项目启动时间" error={errors.startDate} id="re-startDate">
        <DateInput id="re-startDate-input" value={state.startDate} onChange={(d) => set('startDate', d)} />
      </FormField>
      <FormField label="项目结束时间" error={errors.endDate} id="re-endDate">
        <DateInput id="re-endDate-input" value={state.endDate} onChange={(d) => set('endDate', d)} />
      </FormField>
      <Text className="re-block-label" id="re-milestones-count">
        推进计划（共 {state.milestones.length} 项，每项一个时间节点）
      </Text>
      {errors.milestones ? <Text className="re-error">{errors.milestones}</Text> : null}
      {state.milestones.length === 0 ? (
        <Text className="re-empty" id="re-milestones-empty">
          还没有推进计划。点下面的按钮，按时间先后添加每一步。
        </Text>
      ) : null}
      {state.milestones.map((m, i) => (
        <View key={i} className="re-row" id={`re-milestone-${i}`}>
          <View className="re-row__head">
            <Text className="re-row__title">第 {i + 1} 项</Text>
            <View
              className="pj-link"
              id={`re-milestone-${i}-remove`}
              onClick={() => update((s) => ({ ...s, milestones: s.milestones.filter((_, j) => j !== i) }))}
            >
              <Text>删除</Text>
            </View>
          </View>
          <FormField label="时间节点" error={errors[`milestones.${i}.date`]} id={`re-milestone-${i}-date`}>
            <DateInput id={`re-milestone-${i}-date-input`} value={m.date} onChange={(d) => setMs(i, 'date', d)} />
          </FormField>
          <FormField label="推进内容" error={errors[`milestones.${i}.task`]} id={`re-milestone-${i}-task`}>
            <TextBox
              id={`re-milestone-${i}-task`}
              value={m.task}
              maxlength={maxLen(milestoneSchema.shape.task)}
              placeholder="这个时间要完成什么"
              onInput={(v) => setMs(i, 'task', v)}
            />
          </FormField>
        </View>
      ))}
      {state.milestones.length < max ? (
        <AppButton
          id="re-milestone-add"
          kind="plain"
          block
          onClick={() =>
            update((s) => ({
              ...s,
              milestones: [
                ...s.milestones,
                { date: s.milestones[s.milestones.length - 1]?.date ?? s.startDate, task: '' },
              ],
            }))
          }
        >
          ＋ 添加一项推进计划
        </AppButton>
      ) : null}
      <View className="re-gap" />
      <RecordText
        editor={editor}
        field="workflowText"
        label="工作流程（发布时给职工看）"
        optional
        multiline
        placeholder="职工怎么参加：在哪报名、要带什么、多久能办好"
      />
    </Part>
  );
}

export function TargetsPart({ editor }: { editor: RecordEditor }) {
  return (
    <Part id="re-part-6" title={parts.targets.title} hint={parts.targets.hint}>
      <RecordText editor={editor} field="expectedResults" label="预期成果和社会效益" multiline tall />
      <RecordText editor={editor} field="targetCovered" label="覆盖职工数量（人）" count placeholder="例如 5000" />
      <RecordText editor={editor} field="targetServed" label="直接服务职工数量（人）" count placeholder="例如 1200" />
      <RecordText
        editor={editor}
        field="targetSatisfaction"
        label="职工满意度目标（%）"
        count
        placeholder="0–100，例如 90"
      />
    </Part>
  );
}

export function AssurancePart({ editor }: { editor: RecordEditor }) {
  return (
    <Part id="re-part-7" title={parts.assurance.title} hint={parts.assurance.hint}>
      <RecordText editor={editor} field="organisation" label="组织领导" multiline />
      <RecordText editor={editor} field="supervision" label="监督检查" multiline />
      <RecordText editor={editor} field="fundingAssurance" label="资金保障" multiline />
      <RecordText editor={editor} field="publicity" label="宣传交流" multiline />
    </Part>
  );
}

/** （八）责任分工: five rows, each a named person and the scope of their responsibility. */
export function DutiesPart({ editor }: { editor: RecordEditor }) {
  const { state, errors, update } = editor;
  return (
    <Part id="re-part-8" title={parts.duties.title} hint={parts.duties.hint}>
      {dutyKinds.map((k) => {
        const d = state.duties[k];
        const setDuty = (key: 'person' | 'scope', v: string) =>
          update((s) => ({ ...s, duties: { ...s.duties, [k]: { ...s.duties[k], [key]: v } } }));
        const err = errors[`duties.${k}.person`] ?? errors[`duties.${k}.scope`] ?? errors[`duties.${k}`];
        return (
          <FormField key={k} label={`项目${dutyLabels[k]}`} error={err} id={`re-duty-${k}`}>
            <View className="re-duty">
              <TextBox
                id={`re-duty-${k}-person`}
                className="re-duty__person"
                value={d.person}
                maxlength={maxLen(dutySchema.shape.person)}
                placeholder="责任人"
                onInput={(v) => setDuty('person', v)}
              />
              <TextBox
                id={`re-duty-${k}-scope`}
                className="re-duty__scope"
                value={d.scope}
                maxlength={maxLen(dutySchema.shape.scope)}
                placeholder="责任范围"
                onInput={(v) => setDuty('scope', v)}
              />
            </View>
          </FormField>
        );
      })}
    </Part>
  );
}
