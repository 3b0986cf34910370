import {
  AppError,
  businessDayStart,
  businessInstant,
  decideByRefusal,
  onBusinessDay,
  inBusinessTz,
  defaultWeights,
  newWindowRefusal,
  overlapNotice,
  overlapsAbove,
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
 * one org may not overlap. An optional 决定公布日期 (`decideBy`) comes after the last day.
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
  if (input.decideBy) {
    const late = decideByRefusal(input.decideBy, { closesAt, year: projectYear }, ctx.now);
    if (late) throw new AppError('INVALID_INPUT', late, [{ path: 'decideBy', message: late }]);
  }
  const _ = ctx.db.command;
  // This org's windows and those of the orgs above it, in one read.
  const onPath = (
    await ctx.db
      .collection('collectWindows')
      .where({ orgId: _.in(org.path) })
      .limit(1000)
      .get()
  ).data as WindowDoc[];
  const sameOrg = onPath.filter((w) => w.orgId === org._id);
  const refusal = newWindowRefusal({ opensAt, closesAt }, sameOrg, ctx.now);
  if (refusal)
    throw new AppError('INVALID_INPUT', refusal.message, [{ path: refusal.field, message: refusal.message }]);
  // Overlapping a window above moves this org's members into the new one: said first, confirmed.
  const above = overlapsAbove(
    { opensAt, closesAt },
    onPath.filter((w) => w.orgId !== org._id),
    ctx.now,
  );
  if (above.length > 0 && !input.confirmOverlap) {
    const message = overlapNotice(org.name, { opensOn, closesOn }, above[0]);
    throw new AppError('CONFLICT', message, [{ path: 'confirmOverlap', message: '需要确认后再设立' }]);
  }
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
    decideBy: input.decideBy ?? null,
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
          note:
            `${doc.title}：${opensOn} 至 ${closesOn}` +
            (doc.decideBy ? `，${doc.decideBy} 前公布是否采纳` : '') +
            (above.length > 0 ? `（已确认与${above.map((w) => `${w.orgName}《${w.title}》`).join('、')}重叠）` : ''),
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
