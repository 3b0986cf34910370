/**
 * 附件2–4: filing a form and its three sign-offs (申报单位意见 → 归口管理部门意见 → 分管领导意见).
 * A sign-off reads the form again inside its transaction: a signer acting twice, or two signers at once,
 * find it moved and get CONFLICT; only one approval counts. The start form's last approval records
 * tranche 1, acceptance's tranche 2 — each under a fixed _id, so never twice.
 */
import {
  AppError,
  businessDate,
  formKindLabels,
  formLifecycle,
  formRefusal,
  formStatusLabels,
  pendingStep,
  projectLifecycle,
  signOrder,
  signStepLabels,
  signTarget,
  signTransition,
  signerOrgId,
  tranche1Fen,
  tranche2Fen,
  yuan,
  type FormKind,
  type FormStatus,
  type Project,
  type SignInput,
  type SignStep,
  type SubmitFormInput,
} from '@shishi/shared-types';
import { audit, type AuditInput } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { FormDoc, ProjectDoc, SignatureDoc, TrancheDoc } from '../../common/projects';
import { refuse, requireTransition } from '../../common/scope';
import { loadForm, loadProject, readOrNull } from '../load';
import { presentById } from '../present';
import { holdersAt, tellStaff } from '../tell';
import { scopeOf } from '../view';

function orgNameOf(p: ProjectDoc, orgId: string): string {
  return orgId === p.orgId ? p.orgName : orgId === p.departmentId ? p.departmentName : '';
}

function pendingOf(p: ProjectDoc, step: SignStep | null) {
  if (!step) return { pendingStep: null, pendingRole: null, pendingOrgId: null, pendingOrgName: null };
  const order = signOrder.find((s) => s.step === step)!;
  const orgId = signerOrgId(step, p);
  return { pendingStep: step, pendingRole: order.role, pendingOrgId: orgId, pendingOrgName: orgNameOf(p, orgId) };
}

function openForm(p: ProjectDoc, kind: FormKind): boolean {
  const f = p.forms[kind];
  return !!f && f.status !== 'approved' && f.status !== 'returned';
}

function formRefusalOf(p: ProjectDoc, kind: FormKind, now: Date): string | null {
  if (kind !== 'start' && p.forms[kind]?.status === 'approved') return `${formKindLabels[kind]}已经审核通过`;
  return formRefusal(kind, p.status, {
    startApproved: p.forms.start?.status === 'approved',
    open: openForm(p, kind),
    endDate: p.record.endDate ?? null,
    today: businessDate(now),
  });
}

/** 提交 a form (a returned one comes back as the next version); the unit head signs first. */
export async function submitForm(ctx: Ctx, input: SubmitFormInput): Promise<Project> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize(scopeOf(p), '这个项目');
  const refused = formRefusalOf(p, input.kind, ctx.now);
  if (refused) throw new AppError('CONFLICT', refused);
  const user = await ctx.profile();
  let formId = '';
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectDoc>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    const again = formRefusalOf(current, input.kind, ctx.now);
    if (again) throw new AppError('CONFLICT', again);
    const previous = current.forms[input.kind];
    const version = (previous?.version ?? 0) + 1;
    formId = `${p._id}_${input.kind}_v${version}`;
    const form: Omit<FormDoc, '_id'> = {
      projectId: p._id,
      projectTitle: current.title,
      orgPath: current.orgPath,
      kind: input.kind,
      version,
      status: 'awaitingUnit',
      ...pendingOf(current, 'unit'),
      fields: input.fields,
      signatures: [],
      submittedAt: ctx.now,
      submittedBy: ctx.openid,
      submittedByName: user.name,
      decidedAt: null,
      superseded: false,
    };
    // A fixed _id per version: a double tap or a retry cannot file the same version twice.
    await t.collection('projectForms').doc(formId).set({ data: form });
    if (previous?.status === 'returned') {
      await t
        .collection('projectForms')
        .doc(previous.formId)
        .update({ data: { superseded: true } });
    }
    const data: Record<string, unknown> = {
      [`forms.${input.kind}`]: { formId, version, status: 'awaitingUnit' },
      updatedAt: ctx.now,
    };
    const entries: AuditInput[] = [
      {
        action: 'submitForm',
        targetType: 'project',
        targetId: p._id,
        from: null,
        to: formId,
        note: `${formKindLabels[input.kind]}第 ${version} 版`,
      },
    ];
    if (input.kind === 'midterm') data.midtermOpen = false;
    if (input.kind === 'acceptance') {
      refuse(projectLifecycle.stateRefusal('fileAcceptance', { title: current.title, state: current.status }));
      data.status = 'acceptanceFiled';
      data.statusBeforeAcceptance = current.status;
      data['stepsAt.acceptanceFiled'] = ctx.now;
      entries.push({
        action: 'project.fileAcceptance',
        targetType: 'project',
        targetId: p._id,
        from: current.status,
        to: 'acceptanceFiled',
      });
    }
    await ref.update({ data });
    await audit(ctx, t, entries);
  });
  const signers = await holdersAt(ctx, p.orgId, ['unitHead']);
  await tellStaff(
    ctx,
    signers,
    p,
    `${formKindLabels[input.kind]}待您签署`,
    `《${p.title}》的${formKindLabels[input.kind]}已提交，请签署申报单位意见（单位公章）。`,
  );
  return presentById(ctx, p._id);
}

/** What an approval at the last step sets off, by form kind. */
function onApproved(kind: FormKind, p: ProjectDoc): { status?: ProjectDoc['status']; tranche?: 1 | 2 } {
  if (kind === 'start') return { tranche: 1 };
  if (kind === 'midterm') return p.status === 'inProgress' ? { status: 'midtermFiled' } : {};
  return { status: 'accepted', tranche: 2 };
}

/** 签署意见: approve (the next step waits) or return (the form goes back with the opinion). */
export async function sign(ctx: Ctx, input: SignInput): Promise<Project> {
  const f = await loadForm(ctx, input.formId);
  const p = await loadProject(ctx, f.projectId);
  const step = pendingStep(f.status);
  const title = `${p.title}》的《${formKindLabels[f.kind]}`;
  if (!step) {
    throw new AppError(
      'CONFLICT',
      `这张${formKindLabels[f.kind]}现在是「${formStatusLabels[f.status]}」，不需要再签署`,
    );
  }
  const transition = signTransition(step, input.decision);
  await requireTransition(ctx, formLifecycle, transition, { title, state: f.status }, signTarget(step, p));
  if (step === 'unit' && input.decision === 'approve' && !input.sealConfirmed) {
    throw new AppError('INVALID_INPUT', '同意申报时请确认已在纸质表上加盖单位公章', [
      { path: 'sealConfirmed', message: '请确认已加盖单位公章' },
    ]);
  }
  const user = await ctx.profile();
  const to = formLifecycle.transitions[transition].to as FormStatus;
  let tranche: TrancheDoc | null = null;
  let projectTo: ProjectDoc['status'] | null = null;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const formRef = t.collection('projectForms').doc(f._id);
    const current = await readOrNull<FormDoc>(formRef);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这张表', [{ path: 'formId', message: '表不存在' }]);
    if (current.status !== f.status) {
      throw new AppError(
        'CONFLICT',
        `这张表刚刚已经有人处理（现在是「${formStatusLabels[current.status]}」），请刷新后再看`,
      );
    }
    const projectRef = t.collection('projects').doc(p._id);
    const project = await readOrNull<ProjectDoc>(projectRef);
    if (!project) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    const signature: SignatureDoc = {
      step,
      decision: input.decision,
      opinion: input.opinion,
      sealConfirmed: step === 'unit' ? input.sealConfirmed : false,
      by: ctx.openid,
      byName: user.name,
      at: ctx.now,
    };
    const next = to === 'awaitingDepartment' ? 'department' : to === 'awaitingLeader' ? 'leader' : null;
    await formRef.update({
      data: {
        status: to,
        ...pendingOf(project, next),
        signatures: [...current.signatures, signature],
        decidedAt: to === 'approved' || to === 'returned' ? ctx.now : null,
      },
    });
    const pdata: Record<string, unknown> = { [`forms.${f.kind}.status`]: to, updatedAt: ctx.now };
    const entries: AuditInput[] = [
      {
        action: input.decision === 'approve' ? 'signApprove' : 'signReturn',
        targetType: 'project',
        targetId: p._id,
        from: f.status,
        to,
        note: `${formKindLabels[f.kind]}第 ${f.version} 版 · ${signStepLabels[step]}：${input.opinion}`,
      },
    ];
    if (to === 'approved') {
      const effect = onApproved(f.kind, project);
      if (effect.status) {
        projectTo = effect.status;
        pdata.status = effect.status;
        pdata[`stepsAt.${effect.status}`] = ctx.now;
        entries.push({
          action: `project.${effect.status}`,
          targetType: 'project',
          targetId: p._id,
          from: project.status,
          to: effect.status,
        });
      }
      if (effect.tranche && project.subsidyFen > 0) {
        const amountFen =
          effect.tranche === 1
            ? tranche1Fen(project.subsidyFen, project.tranche1Percent)
            : tranche2Fen(project.subsidyFen, project.tranche1Percent);
        tranche = {
          _id: `${p._id}_${effect.tranche}`,
          projectId: p._id,
          n: effect.tranche,
          amountFen,
          formId: f._id,
          at: ctx.now,
        };
        // Unique by _id: a second recording of the same tranche fails the whole transaction.
        const { _id, ...fields } = tranche;
        await t.collection('tranches').add({ data: { _id, ...fields } });
        entries.push({
          action: 'recordTranche',
          targetType: 'project',
          targetId: p._id,
          from: null,
          to: `第 ${effect.tranche} 笔`,
          note: `市总扶助资金第 ${effect.tranche} 笔 ${yuan(amountFen)}`,
        });
      }
    }
    if (to === 'returned') {
      if (f.kind === 'midterm') pdata.midtermOpen = true;
      if (f.kind === 'acceptance' && project.status === 'acceptanceFiled') {
        projectTo = project.statusBeforeAcceptance ?? 'inProgress';
        pdata.status = projectTo;
        entries.push({
          action: 'project.reopenAcceptance',
          targetType: 'project',
          targetId: p._id,
          from: 'acceptanceFiled',
          to: projectTo,
        });
      }
    }
    await projectRef.update({ data: pdata });
    await audit(ctx, t, entries);
  });
  // Tell who acts next: the next signer, or the unit's staff when it came back or went through.
  const nextStep = to === 'awaitingDepartment' ? 'department' : to === 'awaitingLeader' ? 'leader' : null;
  if (nextStep) {
    const role = signOrder.find((s) => s.step === nextStep)!.role;
    const people = await holdersAt(ctx, signerOrgId(nextStep, p), [role]);
    await tellStaff(
      ctx,
      people,
      p,
      `${formKindLabels[f.kind]}待您签署`,
      `《${p.title}》的${formKindLabels[f.kind]}等待${signStepLabels[nextStep]}。`,
    );
  } else {
    const people = await holdersAt(ctx, p.orgId, ['unionStaff', 'research', 'admin']);
    const made = tranche as TrancheDoc | null;
    await tellStaff(
      ctx,
      people,
      p,
      to === 'approved' ? `${formKindLabels[f.kind]}已审核通过` : `${formKindLabels[f.kind]}被退回`,
      to === 'approved'
        ? `《${p.title}》的${formKindLabels[f.kind]}已审核通过。${made ? `市总扶助资金第 ${made.n} 笔 ${yuan(made.amountFen)} 已登记拨付。` : ''}`
        : `《${p.title}》的${formKindLabels[f.kind]}被退回（${signStepLabels[step]}）：${input.opinion}。请修改后重新提交。`,
    );
  }
  void projectTo;
  return presentById(ctx, p._id);
}
