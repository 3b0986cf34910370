/** Writing the record (附件1): a new project for a temporary need, edits of a version, 调整 with a reason. */
import {
  AppError,
  adjustableStatuses,
  editableStatuses,
  inBusinessTz,
  projectStatusMeta,
  recordProblems,
  subsidyFen,
  totalBudgetFen,
  tranche1PercentOf,
  type CreateProjectInput,
  type Project,
  type ProjectRecord,
  type UpdateProjectInput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { requireOrg } from '../../common/orgs';
import type { ProjectDoc } from '../../common/projects';
import { authorizeOrg } from '../../common/scope';
import { loadProject, readOrNull } from '../load';
import { presentById } from '../present';
import { routeFor } from '../route';
import { scopeOf } from '../view';
import { freezeVersion, insertDraft } from './draft';

/** Money and date problems of a record as INVALID_INPUT naming every field at fault; nothing is stored. */
export function requireSoundRecord(record: ProjectRecord): void {
  const problems = recordProblems(record);
  if (problems.length) {
    throw new AppError('INVALID_INPUT', `填写有误：${problems.map((p) => p.message).join('；')}`, problems);
  }
}

/** Project year: in Q4 (the collection season) the next year, else this one. */
export function defaultYear(now: Date): number {
  const d = inBusinessTz(now);
  return d.month() >= 9 ? d.year() + 1 : d.year();
}

/** 新建项目 (第四条（三）临时性需求): a draft of the caller's unit, or of a unit of their subtree. */
export async function create(ctx: Ctx, input: CreateProjectInput): Promise<Project> {
  const user = await ctx.profile();
  const org = await requireOrg(ctx.db, input.orgId ?? user.orgId);
  await authorizeOrg(ctx, { orgPath: org.path }, { what: '申报单位' });
  const record = input.record;
  requireSoundRecord(record);
  const routing = await routeFor(ctx, org, input.responsibleDeptId ?? null);
  if (routing.level !== record.level) {
    throw new AppError(
      'INVALID_INPUT',
      `${org.name}申报的项目是${levelName(routing.level)}项目，请把项目层级改为${levelName(routing.level)}`,
      [{ path: 'record.level', message: `应为${levelName(routing.level)}` }],
    );
  }
  const made = await ctx.db.runTransaction(async (t: Ctx['db']) =>
    insertDraft(ctx, t, {
      record,
      applicant: org,
      routing,
      origin: [],
      windowId: null,
      year: input.year ?? defaultYear(ctx.now),
      note: record.temporaryNeed ? '临时性需求（第四条（三））' : '直接新建',
    }),
  );
  return presentById(ctx, made._id);
}

function levelName(level: ProjectRecord['level']): string {
  return level === 'city' ? '市级' : level === 'district' ? '县区级' : '产业级';
}

/**
 * 修改: a draft or returned version is edited in place (the version the edit was made on must be the
 * current one); an established project is 调整ed with a reason — the old version is frozen and kept.
 */
export async function update(ctx: Ctx, input: UpdateProjectInput): Promise<Project> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize(scopeOf(p), '这个项目');
  const adjusting = adjustableStatuses.includes(p.status);
  if (!editableStatuses.includes(p.status) && !adjusting) {
    throw new AppError('CONFLICT', `《${p.title}》现在是「${projectStatusMeta[p.status].label}」，不能修改`);
  }
  if (adjusting && !input.adjustReason) {
    throw new AppError('INVALID_INPUT', '项目已经确立，调整内容时请写明调整原因', [
      { path: 'adjustReason', message: '请填写调整原因' },
    ]);
  }
  if (input.record.level !== p.level) {
    throw new AppError('INVALID_INPUT', `项目层级是${levelName(p.level)}，由申报单位决定，不能修改`, [
      { path: 'record.level', message: '不能修改项目层级' },
    ]);
  }
  requireSoundRecord(input.record);
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectDoc>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    if (current.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        `这份报告已经是第 ${current.version} 版了（您改的是第 ${input.version} 版），请刷新后再改`,
        [{ path: 'version', message: '版本已过期' }],
      );
    }
    // A version under review is frozen; an established project is adjusted into a new version instead.
    if (current.frozen && !adjusting) {
      throw new AppError('CONFLICT', '这一版报告已经提交论证，正在审核，不能修改；退回后会开出新的一版');
    }
    const money = {
      totalBudgetFen: totalBudgetFen(input.record),
      subsidyFen: subsidyFen(input.record),
      tranche1Percent: tranche1PercentOf(current.level, input.record),
    };
    if (adjusting) {
      if (current.forms.start?.status === 'approved' && money.subsidyFen !== current.subsidyFen) {
        throw new AppError('CONFLICT', '启动申报表已审核通过、首次扶助资金已拨付，调整不能改变市总扶助金额', [
          { path: 'record.budgetLines', message: '不能改变市总扶助金额' },
        ]);
      }
      // The version being adjusted stays readable as it was (already frozen if it went to review unchanged).
      if (!current.versions.some((v) => v.version === current.version)) {
        await freezeVersion(ctx, t, current, '调整前');
      }
    }
    const version = adjusting ? current.version + 1 : current.version;
    await ref.update({
      data: {
        record: input.record,
        title: input.record.title,
        version,
        ...money,
        ...(adjusting
          ? {
              versions: [
                ...current.versions.filter((v) => v.version !== current.version),
                {
                  version: current.version,
                  frozenAt: current.versions.find((v) => v.version === current.version)?.frozenAt ?? ctx.now,
                  reason: `调整为第 ${current.version + 1} 版：${input.adjustReason}`,
                },
              ],
            }
          : {}),
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      {
        action: adjusting ? 'adjustProject' : 'editProject',
        targetType: 'project',
        targetId: p._id,
        from: `v${current.version}`,
        to: `v${version}`,
        note: input.adjustReason ?? null,
      },
    ]);
  });
  return presentById(ctx, p._id);
}
