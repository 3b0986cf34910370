import {
  AppError,
  businessDayStart,
  businessInstant,
  onBusinessDay,
  inBusinessTz,
  defaultWeights,
  newWindowRefusal,
  type CollectWindow,
  type CreateWindowInput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { requireOrg } from '../../common/orgs';
import { authorizeOrg } from '../../common/scope';
import { toWindow, type WindowDoc } from '../../common/windows';

/**
 * 设立征集期: by default this year's Q4 (10-01 … 12-31, Asia/Shanghai) for next year's projects. Dates are
 * business dates: the window opens at 00:00 of `opensOn` and closes at 24:00 of `closesOn`. Windows of
 * one org may not overlap.
 */
export async function create(ctx: Ctx, input: CreateWindowInput): Promise<CollectWindow> {
  const user = await ctx.profile();
  const org = await requireOrg(ctx.db, input.orgId ?? user.orgId);
  await authorizeOrg(ctx, { orgPath: org.path }, { what: `${org.name}` });
  const thisYear = inBusinessTz(ctx.now).year();
  const projectYear = input.projectYear ?? thisYear + 1;
  const opensOn = input.opensOn ?? `${projectYear - 1}-10-01`;
  const closesOn = input.closesOn ?? `${projectYear - 1}-12-31`;
  const opensAt = businessDayStart(opensOn);
  const closesAt = businessInstant(onBusinessDay(closesOn).add(1, 'day'));
  const sameOrg = (await ctx.db.collection('collectWindows').where({ orgId: org._id }).limit(1000).get())
    .data as WindowDoc[];
  const refusal = newWindowRefusal({ opensAt, closesAt }, sameOrg, ctx.now);
  if (refusal)
    throw new AppError('INVALID_INPUT', refusal.message, [{ path: refusal.field, message: refusal.message }]);
  const doc: Omit<WindowDoc, '_id'> = {
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    title: input.title ?? `${projectYear}年度为职工办实事项目征集`,
    year: projectYear,
    opensAt,
    closesAt,
    closedEarly: false,
    closedAt: null,
    weights: input.weights ?? defaultWeights,
    createdAt: ctx.now,
  };
  let id = '';
  try {
    await ctx.db.runTransaction(async (t: Ctx['db']) => {
      id = (await t.collection('collectWindows').add({ data: doc }))._id as string;
      await audit(ctx, t, [
        {
          action: 'createWindow',
          targetType: 'collectWindow',
          targetId: id,
          from: null,
          to: 'scheduled',
          note: `${doc.title}：${opensOn} 至 ${closesOn}`,
        },
      ]);
    });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    throw new AppError('CONFLICT', '本单位已有同一天开始的征集期', [
      { path: 'opensOn', message: '已有同一天开始的征集期' },
    ]);
  }
  return toWindow({ ...doc, _id: id }, ctx.now);
}
