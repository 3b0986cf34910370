import { View, Text } from '@tarojs/components';
import {
  meetingKindLabels,
  moveProjectInputSchema,
  projectLifecycle,
  recordGaps,
  routeProject,
  type Project,
  type ProjectMove,
} from '@shishi/shared-types';
import { AppButton, Notice, TextField } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { useFormState } from '../../../hooks/useFormState';
import { confirm, toastSuccess } from '../../../utils/feedback';
import { moveProject } from './api';
import { maxLen } from './limits';
import { projectEditUrl } from './routes';
import { dayLabel, Rows } from './ui';
import Taro from '@tarojs/taro';

type Staff = NonNullable<Project['staff']>;
/** The moves this sheet sends (recordReview has a sheet of its own). */
export type SimpleMove = Exclude<ProjectMove, 'recordReview'>;

const noteMax = maxLen(moveProjectInputSchema.shape.note);

/** Moves that need a reason in writing. */
const needsNote: ReadonlySet<SimpleMove> = new Set(['returnForRevision', 'terminate']);

function meetingChain(p: Project): string {
  const { meetings } = routeProject({
    level: p.level,
    applicantOrgId: p.orgId,
    industryUnionId: null,
    researchDeptId: '',
    organisationDeptId: '',
  });
  return meetings.map((m) => meetingKindLabels[m]).join(' → ');
}

function explain(move: SimpleMove, p: Project, staff: Staff): string {
  switch (move) {
    case 'submitFeasibility':
      return `提交后报告就定稿了，由归口管理部门（${p.department.name}）组织论证；论证期间不能修改。`;
    case 'submitForDecision':
      return `论证已经通过。提交后由调查研究室按顺序提交会议审定：${meetingChain(p)}。`;
    case 'returnForRevision':
      return '退回后申报单位可以修改可行性研究报告（会开一个新版本），改好后重新提交可研论证。请写清楚要改什么。';
    case 'publish':
      return '发布后，全体职工都能看到下面这份实施方案（服务对象、服务内容、工作流程）。';
    case 'start':
      return staff.midtermDue
        ? `项目进入实施阶段。中期推进情况表要在 ${dayLabel(staff.midtermDue.slice(0, 10))} 前报送。`
        : '项目进入实施阶段，之后可以登记资金支出、报送中期推进情况表。';
    case 'terminate':
      return '终止后项目不再推进，不能撤销。请写明终止的原因，提出建议的职工也会看到。';
  }
}

interface MoveSheetProps {
  project: Project;
  move: SimpleMove;
  onClose: () => void;
  onDone: () => void;
}

/** 提交可研论证 / 提交审定 / 退回修改 / 发布 / 开始实施 / 终止: what happens, a note, then the move. */
export function MoveSheet({ project, move, onClose, onDone }: MoveSheetProps) {
  const staff = project.staff!;
  const label = projectLifecycle.transitions[move].label;
  const form = useFormState({ note: '' });
  const required = needsNote.has(move);
  const gaps = move === 'submitFeasibility' ? recordGaps(staff.record) : [];
  const r = staff.record;

  const submit = async () => {
    const note = form.values.note.trim();
    if (required && note === '') {
      form.setErrors({ note: move === 'terminate' ? '请写明终止原因' : '请写明退回的原因和要修改的地方' });
      return;
    }
    const checked = form.check(
      moveProjectInputSchema.safeParse({ projectId: project._id, move, note: note === '' ? undefined : note }),
    );
    if (!checked) return;
    if (move === 'terminate') {
      const ok = await confirm('终止项目', `确定终止“${project.title}”？终止后不能撤销。`, '终止');
      if (!ok) return;
    }
    await form.send(async () => {
      await moveProject(checked);
      toastSuccess(move === 'terminate' ? '项目已终止' : `已${label}`);
      onDone();
    });
  };

  const blocked = gaps.length > 0;
  return (
    <Sheet
      open
      id="pa-move-sheet"
      title={label}
      onClose={onClose}
      footer={
        blocked ? (
          <AppButton
            id="pa-move-edit"
            kind="primary"
            block
            onClick={() => {
              onClose();
              void Taro.navigateTo({ url: projectEditUrl(project._id) });
            }}
          >
            去补充报告
          </AppButton>
        ) : (
          <AppButton
            id="pa-move-confirm"
            kind="primary"
            block
            loading={form.busy}
            busyText="正在提交…"
            onClick={() => void submit()}
          >
            {`确认${label}`}
          </AppButton>
        )
      }
    >
      <Text className="sheet-lead">{project.title}</Text>
      <Text className="pa-explain" id="pa-move-explain">
        {explain(move, project, staff)}
      </Text>
      {form.formError ? <Notice id="pa-move-error" text={form.formError} /> : null}
      {blocked ? (
        <View className="pa-gaps" id="pa-move-gaps">
          <Text className="pa-gaps__title">可行性研究报告还差 {gaps.length} 项，补齐后才能提交：</Text>
          {gaps.map((g) => (
            <Text key={g.path} className="pa-gaps__item">
              · {g.message.replace(/^请填写/, '')}
            </Text>
          ))}
        </View>
      ) : null}
      {move === 'publish' ? (
        <Rows
          id="pa-move-plan"
          rows={[
            { label: '服务对象', value: r.serviceTargets ?? '', long: true },
            {
              label: '服务内容',
              value: [r.serviceMethod, r.goals].filter(Boolean).join('\n'),
              long: true,
            },
            { label: '工作流程', value: r.workflowText ?? '', long: true },
          ]}
        />
      ) : null}
      {!blocked ? (
        <TextField
          id="pa-move-note"
          label={move === 'terminate' ? '终止原因' : move === 'returnForRevision' ? '退回原因' : '说明'}
          optional={!required}
          multiline
          fixed
          className="pj-textarea"
          maxlength={noteMax}
          placeholder={required ? '请写清楚，对方会看到' : '需要说明的话可以写在这里'}
          {...form.text('note')}
        />
      ) : null}
    </Sheet>
  );
}
