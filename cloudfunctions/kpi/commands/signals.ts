/**
 * The org's signal thresholds of a year (`thresholds`, `setThresholds`) and staff's decision on a
 * project's signal (`decideSignal`: accept the computed one, or override it with a reason). Each change
 * and its audit entry are one transaction.
 */
import {
  AppError,
  api,
  kpiSignalLabels,
  publicStatuses,
  type DecideSignalInput,
  type SetThresholdsInput,
  type SignalView,
  type ThresholdsInput,
  type ThresholdsOutput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { getOrg } from '../../common/orgs';
import { filterOrg, reaches } from '../../common/scope';
import { readOrNull } from '../../project/load';
import { signalView } from '../figures';
import {
  effectiveThresholds,
  pickThresholds,
  thresholdsAlong,
  thresholdsId,
  type DecisionDoc,
  type ThresholdsDoc,
} from '../load';
import { projectRow } from './project';

async function thresholdsView(
  ctx: Ctx,
  year: number,
  org: { _id: string; path: readonly string[] },
): Promise<ThresholdsOutput> {
  const [set, full, canSet] = await Promise.all([
    thresholdsAlong(ctx.db, year, [org.path]),
    getOrg(ctx.db, org._id),
    reaches(ctx, { orgPath: org.path }, api.kpi.setThresholds.access),
  ]);
  const { thresholds, from } = effectiveThresholds(org.path, set);
  return {
    year,
    orgId: org._id,
    orgName: full?.name ?? '',
    thresholds,
    from: from ? { orgId: from.orgId, name: from.orgName } : null,
    canSet,
  };
}

export async function thresholds(ctx: Ctx, input: ThresholdsInput): Promise<ThresholdsOutput> {
  const org = await filterOrg(ctx, input.orgId);
  return thresholdsView(ctx, input.year, org);
}

const words = (
  t: Pick<
    ThresholdsDoc,
    'minRatings' | 'expandSatisfaction' | 'expandServed' | 'scaleBackSatisfaction' | 'scaleBackServed'
  >,
) =>
  `至少 ${t.minRatings} 人评价；满意率 ≥ ${t.expandSatisfaction}% 且目标完成率 ≥ ${t.expandServed}% 加大扶助；满意率 < ${t.scaleBackSatisfaction}% 或目标完成率 < ${t.scaleBackServed}% 逆向调整`;

export async function setThresholds(ctx: Ctx, input: SetThresholdsInput): Promise<ThresholdsOutput> {
  const org = await filterOrg(ctx, input.orgId);
  const full = await getOrg(ctx.db, org._id);
  const user = await ctx.profile();
  const id = thresholdsId(input.year, org._id);
  const data: Omit<ThresholdsDoc, '_id'> = {
    ...pickThresholds(input),
    year: input.year,
    orgId: org._id,
    orgName: full?.name ?? '',
    by: ctx.openid,
    byName: user.name,
    at: ctx.now,
  };
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('kpiThresholds').doc(id);
    const before = await readOrNull<ThresholdsDoc>(ref);
    await ref.set({ data });
    await audit(ctx, t, [
      {
        action: 'kpi.setThresholds',
        targetType: 'org',
        targetId: org._id,
        from: before ? words(before) : null,
        to: words(data),
        note: `${input.year}年度`,
      },
    ]);
  });
  return thresholdsView(ctx, input.year, org);
}

export async function decideSignal(ctx: Ctx, input: DecideSignalInput): Promise<SignalView> {
  const row = await projectRow(ctx, input.projectId);
  const p = row.p;
  if (!publicStatuses.includes(p.status))
    throw new AppError('CONFLICT', `项目《${p.title}》还没有发布，发布实施后才有绩效信号`);
  let signal = row.computed;
  if (input.decision === 'accept') {
    if (row.computed === 'insufficient')
      throw new AppError('CONFLICT', '评价人数不够，没有信号可以采纳；如要调整，请选择新的信号并写明理由');
  } else {
    signal = input.signal!;
    if (signal === 'insufficient')
      throw new AppError('INVALID_INPUT', '请选择加大扶助、维持或逆向调整', [
        { path: 'signal', message: '不能调整为“数据不足”' },
      ]);
    if (signal === row.computed)
      throw new AppError('INVALID_INPUT', `计算出的信号就是“${kpiSignalLabels[signal]}”，请选择采纳`, [
        { path: 'signal', message: '与计算出的信号相同' },
      ]);
  }
  const user = await ctx.profile();
  const data: Omit<DecisionDoc, '_id'> = {
    projectId: p._id,
    year: p.year,
    decision: input.decision,
    signal,
    computedThen: row.computed,
    reason: input.reason,
    by: ctx.openid,
    byName: user.name,
    at: ctx.now,
  };
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('kpiSignalDecisions').doc(p._id);
    const before = await readOrNull<DecisionDoc>(ref);
    await ref.set({ data });
    await audit(ctx, t, [
      {
        action: 'kpi.decideSignal',
        targetType: 'project',
        targetId: p._id,
        from: before ? kpiSignalLabels[before.signal] : kpiSignalLabels[row.computed],
        to: kpiSignalLabels[signal],
        note: `${input.decision === 'accept' ? '采纳' : `调整（计算结果：${kpiSignalLabels[row.computed]}）`}：${input.reason}`,
      },
    ]);
  });
  return signalView({ ...row, decision: { _id: p._id, ...data }, effective: signal });
}
