/** 服务点: create one, and hand out its signed code and mini-program code (for the poster). */
import {
  AppError,
  pointDatesRefusal,
  type CreatePointInput,
  type PointCodeOutput,
  type ServicePoint,
} from '@shishi/shared-types';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { posterMiniCode } from '../../common/miniCode';
import { checkinPagePath, pointOut, requireOpen, staffProject, type PointDoc } from '../load';
import { codeSecret, signCode } from '../code';
import { ensureShards } from '../served';
import type { pointCodeInputSchema } from '@shishi/shared-types';

export async function createPoint(ctx: Ctx, input: CreatePointInput): Promise<ServicePoint> {
  const p = await staffProject(ctx, input.projectId);
  requireOpen(p);
  const dates = pointDatesRefusal(p.record, input);
  if (dates) throw new AppError('INVALID_INPUT', `服务日期${dates.message}`, [dates]);
  const user = await ctx.profile();
  const point: PointDoc = {
    // 8 characters: the code (with expiry and signature) must fit the 32 of a mini-program code's scene.
    _id: randomBytes(6).toString('base64url'),
    projectId: p._id,
    name: input.name,
    address: input.address,
    startDate: input.startDate,
    endDate: input.endDate,
    hours: input.hours,
    contact: input.contact,
    createdAt: ctx.now,
    createdBy: user.openid ?? ctx.openid,
  };
  // The shards first: a point that exists always has them (a scan counts without checking).
  await ensureShards(ctx.db, p._id, ctx.now);
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t.collection('servicePoints').add({ data: point });
    await audit(ctx, t, [
      {
        action: 'checkin.createPoint',
        targetType: 'project',
        targetId: p._id,
        from: null,
        to: point._id,
        note: `服务点：${point.name}（${point.address}）`,
      },
    ]);
  });
  return pointOut(point);
}

async function loadPoint(ctx: Ctx, pointId: string): Promise<PointDoc> {
  const res = await ctx.db.collection('servicePoints').where({ _id: pointId }).limit(1).get();
  const point = res.data[0] as PointDoc | undefined;
  if (!point)
    throw new AppError('INVALID_INPUT', '找不到这个服务点，请刷新后再试', [
      { path: 'pointId', message: '服务点不存在' },
    ]);
  return point;
}

/**
 * The mini-program code of the point's check-in page (the code as `scene`), or of another page (the
 * project poster): made once and reused (common/miniCode.ts). Null on a platform without it (the local
 * runtime: the poster carries a QR code of the H5 link instead).
 */
export function miniCode(ctx: Ctx, code: string, page = 'pages/checkin/index'): Promise<string | null> {
  return posterMiniCode(ctx, { page, scene: code, folder: 'checkin' });
}

export async function code(ctx: Ctx, input: z.output<typeof pointCodeInputSchema>): Promise<PointCodeOutput> {
  const point = await loadPoint(ctx, input.pointId);
  const p = await staffProject(ctx, point.projectId);
  const signed = signCode(await codeSecret(ctx.db), {
    pointId: point._id,
    projectId: p._id,
    expiresOn: point.endDate,
  });
  return {
    point: pointOut(point),
    projectId: p._id,
    projectTitle: p.title,
    code: signed,
    path: checkinPagePath(signed),
    expiresOn: point.endDate,
    miniCodeUrl: await miniCode(ctx, signed),
  };
}
