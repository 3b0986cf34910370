/** 服务点: create one, and hand out its signed code and mini-program code (for the poster). */
import {
  AppError,
  pointDatesRefusal,
  type CreatePointInput,
  type PointCodeOutput,
  type ServicePoint,
} from '@shishi/shared-types';
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
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

interface WxaCode {
  getUnlimited(args: {
    scene: string;
    page: string;
    checkPath?: boolean;
    width?: number;
  }): Promise<{ buffer?: Buffer; errCode?: number }>;
}

/**
 * The mini-program code of the point's check-in page (production: wxacode.getUnlimited, the code as
 * `scene`), stored once per code as a PNG and handed out as a signed, expiring link. Null on a
 * platform without it (the local runtime: the poster carries a QR code of the H5 link instead).
 */
export async function miniCode(ctx: Ctx, code: string, page = 'pages/checkin/index'): Promise<string | null> {
  const wxacode = (ctx.cloud.openapi as { wxacode?: WxaCode }).wxacode;
  // A scene holds at most 32 characters (CloudBase ids are 32).
  if (!wxacode?.getUnlimited || code.length > 32) return null;
  const name = createHash('sha256').update(`wxacode:${page}:${code}`).digest('hex').slice(0, 32);
  const cloudPath = `posters/checkin/${name}.png`;
  const made = await wxacode.getUnlimited({ scene: code, page, checkPath: false, width: 430 });
  if (!made.buffer || (made.errCode && made.errCode !== 0)) return null;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: Buffer.from(made.buffer) });
  const links = await ctx.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 7200 }] });
  return links.fileList[0]?.tempFileURL || null;
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
