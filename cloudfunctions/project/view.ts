/** What a project looks like to the caller: steps and the public plan for everyone, the record for staff. */
import {
  accessRefusal,
  adjustableStatuses,
  decisionsNeeded,
  editableStatuses,
  formKindLabels,
  formKinds,
  formLifecycle,
  formRefusal,
  formStatusLabels,
  maxSubsidyFen,
  midtermOwingStatuses,
  meetingKindLabels,
  projectLevelLabels,
  projectLifecycle,
  projectMainSteps,
  projectStatusMeta,
  publicStatuses,
  roleLabels,
  signStepLabels,
  spendingStatuses,
  staffRoles,
  tranche1Fen,
  tranche2Fen,
  businessDate,
  type Actor,
  type EvidenceLink,
  type Project,
  type ProjectForm,
  type Role,
} from '@shishi/shared-types';
import { access } from '@shishi/shared-types';
import type { FormDoc, ProjectDoc } from '../common/projects';
import { iso } from '../common/serialize';
import type { ProjectExtras } from './load';

const ownerRule = projectLifecycle.transitions.submitFeasibility.access;
const staffSees = access(staffRoles, 'department');

export function scopeOf(p: Pick<ProjectDoc, 'orgPath' | 'departmentIds'>) {
  return { orgPath: p.orgPath, departmentIds: p.departmentIds };
}

/** Staff of the unit's subtree, of a routed department or of 调查研究室 see the whole record. */
export function staffMaySee(actor: Actor, p: ProjectDoc): boolean {
  return accessRefusal(actor, staffSees, scopeOf(p)) === null;
}

export function toForm(f: FormDoc): ProjectForm {
  return {
    _id: f._id,
    projectId: f.projectId,
    kind: f.kind,
    kindLabel: formKindLabels[f.kind],
    version: f.version,
    status: f.status,
    statusLabel: formStatusLabels[f.status],
    pending:
      f.pendingStep && f.pendingRole && f.pendingOrgId
        ? {
            step: f.pendingStep,
            stepLabel: signStepLabels[f.pendingStep],
            role: roleLabels[f.pendingRole as Role] ?? f.pendingRole,
            orgId: f.pendingOrgId,
            orgName: f.pendingOrgName ?? '',
          }
        : null,
    fields: f.fields,
    signatures: f.signatures.map((s) => ({
      step: s.step,
      decision: s.decision,
      opinion: s.opinion,
      sealConfirmed: s.sealConfirmed,
      byName: s.byName,
      at: iso(s.at),
    })),
    submittedAt: iso(f.submittedAt),
    submittedByName: f.submittedByName,
    decidedAt: f.decidedAt ? iso(f.decidedAt) : null,
  };
}

/** True while the mid-term form is not filed and its due instant has passed. */
export function isOverdue(p: ProjectDoc, now: Date): boolean {
  return (
    p.midtermOpen &&
    p.midtermDueAt !== null &&
    midtermOwingStatuses.includes(p.status) &&
    new Date(p.midtermDueAt).getTime() < now.getTime()
  );
}

/** The moves the caller may take now (button keys the client knows). */
export function actionsFor(actor: Actor, p: ProjectDoc, extras: ProjectExtras, now: Date): string[] {
  const target = scopeOf(p);
  const out: string[] = [];
  const owner = accessRefusal(actor, ownerRule, target) === null;
  const automatic = new Set(['establish', 'fileMidterm', 'fileAcceptance', 'accept', 'reopenAcceptance']);
  // A button only where the move would go through: the state and hand (lifecycle) and what it needs.
  const ready: Partial<Record<string, boolean>> = {
    publish: p.forms.start?.status === 'approved',
    submitForDecision: p.reviews.at(-1)?.conclusion === 'pass',
  };
  for (const t of projectLifecycle.available(p.status, actor, target)) {
    if (!automatic.has(t) && ready[t] !== false) out.push(t);
  }
  if (owner && (editableStatuses.includes(p.status) || adjustableStatuses.includes(p.status))) out.push('update');
  if (owner) {
    const startApproved = p.forms.start?.status === 'approved';
    for (const kind of formKinds) {
      const latest = p.forms[kind];
      const open = !!latest && latest.status !== 'approved' && latest.status !== 'returned';
      const refusal = formRefusal(kind, p.status, {
        startApproved,
        open,
        endDate: p.record.endDate ?? null,
        today: businessDate(now),
      });
      if (!refusal && !(kind !== 'start' && latest?.status === 'approved')) out.push(`submitForm:${kind}`);
    }
    if (spendingStatuses.includes(p.status)) out.push('recordSpending');
  }
  for (const f of extras.forms) {
    if (!f.pendingStep || !f.pendingOrgId) continue;
    const transition =
      `approve${f.pendingStep === 'unit' ? 'Unit' : f.pendingStep === 'department' ? 'Department' : 'Leader'}` as const;
    const target2 = { orgPath: [] as string[], departmentIds: [f.pendingOrgId] };
    if (!formLifecycle.refusal(transition, { title: '', state: f.status }, actor, target2)) out.push(`sign:${f._id}`);
  }
  if (p.status === 'submitted' && actor.bindings.some((b) => b.role === 'research' || b.role === 'admin')) {
    out.push('recordDecision');
  }
  return out;
}

export interface ViewArgs {
  actor: Actor;
  p: ProjectDoc;
  extras: ProjectExtras | null;
  origin: Project['origin'];
  evidence: EvidenceLink[];
  now: Date;
}

export function toProject({ actor, p, extras, origin, evidence, now }: ViewArgs): Project {
  const meta = projectStatusMeta[p.status];
  const reachedIndex = projectMainSteps.indexOf(p.status);
  const lastMain =
    reachedIndex >= 0 ? reachedIndex : Math.max(...projectMainSteps.map((s, i) => (p.stepsAt[s] ? i : -1)));
  const steps: Project['steps'] = projectMainSteps.map((s, i) => ({
    status: s,
    label: projectStatusMeta[s].label,
    at: p.stepsAt[s] ? iso(p.stepsAt[s]) : null,
    done: i <= lastMain,
  }));
  if (p.status === 'returned' || p.status === 'terminated') {
    steps.splice(lastMain + 1, 0, {
      status: p.status,
      label: meta.label,
      at: p.stepsAt[p.status] ? iso(p.stepsAt[p.status]) : null,
      done: true,
    });
  }
  const r = p.record;
  const plan = publicStatuses.includes(p.status)
    ? {
        serviceTargets: r.serviceTargets ?? '',
        serviceContent: [r.serviceMethod, r.goals].filter(Boolean).join('\n'),
        workflow: r.workflowText ?? r.milestones.map((m) => `${m.date} ${m.task}`).join('\n'),
        startDate: r.startDate ?? null,
        endDate: r.endDate ?? null,
      }
    : null;
  let staff: Project['staff'] = null;
  if (extras && staffMaySee(actor, p)) {
    const served =
      (extras.forms.filter((f) => f.kind === 'acceptance').at(-1)?.fields.servedActual as number | undefined) ??
      (extras.forms.filter((f) => f.kind === 'midterm').at(-1)?.fields.servedSoFar as number | undefined);
    staff = {
      record: r,
      version: p.version,
      shownVersion: p.version,
      frozen: p.frozen,
      versions: p.versions.map((v) => ({ version: v.version, frozenAt: iso(v.frozenAt), reason: v.reason })),
      reviews: p.reviews.map((v) => ({
        kind: v.kind,
        date: v.date,
        participants: v.participants,
        conclusion: v.conclusion,
        conclusionText: v.conclusionText,
        byName: v.byName,
      })),
      decisions: p.decisions.map((d) => ({ ...d, meetingLabel: meetingKindLabels[d.meetingKind] })),
      decisionsNeeded: decisionsNeeded(
        p.meetings,
        p.decisions.map((d) => d.meetingKind),
      ),
      forms: extras.forms.map((f) => toForm(f)),
      money: {
        totalBudgetFen: p.totalBudgetFen,
        subsidyFen: p.subsidyFen,
        maxSubsidyFen: maxSubsidyFen(p.level, p.totalBudgetFen),
        tranche1Fen: tranche1Fen(p.subsidyFen, p.tranche1Percent),
        tranche2Fen: tranche2Fen(p.subsidyFen, p.tranche1Percent),
        spentFen: p.spentFen,
        spentAidFen: p.spentAidFen,
        overBudget: p.spentFen > p.totalBudgetFen,
        spentPercent: p.totalBudgetFen > 0 ? Math.round((p.spentFen * 1000) / p.totalBudgetFen) / 10 : null,
        costPerServedFen: served && served > 0 ? Math.floor(p.spentFen / served) : null,
        finalAccountsFen: p.finalAccountsFen,
      },
      tranches: extras.tranches.map((t) => ({ n: t.n, amountFen: t.amountFen, at: iso(t.at), formId: t.formId })),
      spending: extras.spending.map((s) => ({
        _id: s._id,
        date: s.date,
        item: s.item,
        amountFen: s.amountFen,
        cityAidFen: s.cityAidFen,
        note: s.note,
        byName: s.byName,
      })),
      midtermDue: p.midtermDueAt ? businessDate(new Date(p.midtermDueAt)) : null,
      overdue: isOverdue(p, now),
      actions: actionsFor(actor, p, extras, now),
      evidence,
      terminatedReason: p.terminatedReason,
    };
  }
  return {
    _id: p._id,
    title: p.title,
    status: p.status,
    statusLabel: meta.label,
    tone: meta.tone,
    progress: meta.progress,
    orgId: p.orgId,
    orgName: p.orgName,
    year: p.year,
    level: p.level,
    levelLabel: projectLevelLabels[p.level],
    department: { orgId: p.departmentId, name: p.departmentName },
    origin,
    plan,
    steps,
    createdAt: iso(p.createdAt),
    staff,
  };
}

export { formKindLabels };
