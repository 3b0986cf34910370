/** 审定会议 (调查研究室): the projects waiting for a committee, what each still needs, and the record. */
import {
  decisionRefusal,
  meetingKindLabels,
  recordDecisionInputSchema,
  routeProject,
  type MeetingKind,
  type Project,
  type ProjectLevel,
} from '@shishi/shared-types';
import { useResource } from '../../../hooks/useResource';
import { useFormState } from '../../../hooks/useFormState';
import { confirm, toastSuccess } from '../../../utils/feedback';
import { getProject, listProjects, recordDecision } from '../actions/api';

/** Enough for one meeting's list; the list is of projects waiting now, not a history. */
const PAGE_SIZE = 50;

export interface Waiting {
  project: Project;
  /** The meetings its chain needs, in order (第五条（四）). */
  required: MeetingKind[];
  done: MeetingKind[];
}

export function requiredMeetings(level: ProjectLevel, orgId: string): MeetingKind[] {
  return routeProject({
    level,
    applicantOrgId: orgId,
    industryUnionId: null,
    researchDeptId: '',
    organisationDeptId: '',
  }).meetings;
}

/** Why this project cannot be decided at `kind` now, or null. */
export function refusalFor(w: Waiting, kind: MeetingKind | undefined): string | null {
  return kind ? decisionRefusal(w.required, w.done, kind) : null;
}

/** What the chain still needs, in words: "还需：党组会 → 常委会 → 全委会". */
export function stillNeeded(w: Waiting): string {
  const left = w.required.filter((m) => !w.done.includes(m));
  return left.length === 0 ? '审定会议已齐' : `还需：${left.map((m) => meetingKindLabels[m]).join(' → ')}`;
}

export function useDecision(today: string) {
  const waiting = useResource(async () => {
    const page = await listProjects({ status: 'submitted', page: 1, pageSize: PAGE_SIZE });
    // The list has no decisions; each project says which meetings it has had.
    const projects = await Promise.all(page.items.map((i) => getProject(i._id)));
    return {
      total: page.total,
      items: projects.map<Waiting>((p) => ({
        project: p,
        required: requiredMeetings(p.level, p.orgId),
        done: (p.staff?.decisions ?? []).map((d) => d.meetingKind),
      })),
    };
  }, []);

  const form = useFormState({
    meetingKind: undefined as MeetingKind | undefined,
    meetingDate: today,
    resolution: '',
    projectIds: [] as string[],
  });

  const toggle = (id: string) =>
    form.setField(
      'projectIds',
      form.values.projectIds.includes(id)
        ? form.values.projectIds.filter((x) => x !== id)
        : [...form.values.projectIds, id],
    );

  const pickKind = (kind: MeetingKind) => {
    form.setField('meetingKind', kind);
    // Drop the picks this meeting cannot decide.
    const items = waiting.data?.items ?? [];
    const keep = form.values.projectIds.filter((id) => {
      const w = items.find((x) => x.project._id === id);
      return w && refusalFor(w, kind) === null;
    });
    if (keep.length !== form.values.projectIds.length) form.setField('projectIds', keep);
  };

  const submit = async () => {
    const checked = form.check(recordDecisionInputSchema.safeParse(form.values));
    if (!checked) return;
    const ok = await confirm(
      '记录审定结果',
      `${meetingKindLabels[checked.meetingKind]}（${checked.meetingDate}）审定 ${checked.projectIds.length} 个项目。记录后不能撤回，确定吗？`,
      '记录',
    );
    if (!ok) return;
    await form.send(async () => {
      await recordDecision(checked);
      toastSuccess('已记录');
      form.setValues({
        meetingKind: checked.meetingKind,
        meetingDate: checked.meetingDate,
        resolution: '',
        projectIds: [],
      });
      await waiting.refresh();
    });
  };

  return { waiting, form, toggle, pickKind, submit };
}
