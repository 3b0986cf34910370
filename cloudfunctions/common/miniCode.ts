/**
 * 小程序码 for posters (production: `openapi.wxacode.getUnlimited`, which the calling function's
 * config.json must list): the code that opens `page` with `scene`, made once, stored as a PNG under
 * `posters/<folder>/` and handed out as a signed, expiring link. Used by the check-in posters (a service
 * point's check-in page, a project's page) and the survey poster (the answering page).
 *
 * Once per page and scene: `miniCodes` keeps the stored file (`_id` = a hash of page and scene), so later
 * calls only sign a new link — no new image, no WeChat call. Two first calls at once both make the code,
 * but they write the same path (the same file) and the same record `_id` (the second insert is a
 * duplicate key and is dropped): one stored file, and both callers get a link to it. A record whose file
 * was removed (by hand, in the console) is made again under the same path.
 *
 * Null where no code can be made: the local runtime has no wxacode (the H5 poster draws a QR code of the
 * H5 link instead), a scene longer than WeChat's 32 characters, or WeChat refused (e.g. the mini-program
 * was never published); nothing is stored then, so the next call tries again.
 */
import { createHash } from 'node:crypto';
import { isDuplicateKey } from './app';
import type { Ctx } from './context';

interface WxaCode {
  getUnlimited(args: {
    scene: string;
    page: string;
    checkPath?: boolean;
    width?: number;
  }): Promise<{ buffer?: Buffer; errCode?: number }>;
}

export interface MiniCodeDoc {
  _id: string;
  /** The PNG in cloud storage. */
  fileID: string;
  page: string;
  scene: string;
  createdAt: Date;
}

export interface MiniCodeTarget {
  /** The page the code opens, without a leading slash (`pages/survey-answer/index`). */
  page: string;
  /** What the page gets as `scene` (at most 32 characters). */
  scene: string;
  /** Storage folder under `posters/` (`checkin`, `survey`). */
  folder: string;
}

/** A scene holds at most 32 characters (CloudBase ids are 32). */
const SCENE_MAX = 32;
/** The handed-out link's life (seconds). */
const LINK_S = 7200;

/** The record and file name of a code: the same page and scene always give the same one. */
export function miniCodeId(page: string, scene: string): string {
  return createHash('sha256').update(`wxacode:${page}:${scene}`).digest('hex').slice(0, 32);
}

async function linkOf(ctx: Ctx, fileID: string): Promise<string | null> {
  const links = await ctx.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_S }] });
  const file = links.fileList[0];
  return file && file.status === 0 && file.tempFileURL ? file.tempFileURL : null;
}

/** The code's link (see the top of this file), or null where none can be made. */
export async function posterMiniCode(ctx: Ctx, target: MiniCodeTarget): Promise<string | null> {
  const wxacode = (ctx.cloud.openapi as { wxacode?: WxaCode }).wxacode;
  if (!wxacode?.getUnlimited || !target.scene || target.scene.length > SCENE_MAX) return null;
  const id = miniCodeId(target.page, target.scene);
  const res = await ctx.db.collection('miniCodes').where({ _id: id }).limit(1).get();
  const stored = res.data[0] as MiniCodeDoc | undefined;
  if (stored) {
    const link = await linkOf(ctx, stored.fileID);
    if (link) return link;
  }
  let made: { buffer?: Buffer; errCode?: number };
  try {
    made = await wxacode.getUnlimited({ scene: target.scene, page: target.page, checkPath: false, width: 430 });
  } catch (e) {
    // WeChat's refusal (errCode in the error): the poster shows the page path instead.
    console.warn('[miniCode] wxacode.getUnlimited failed', target.page, e);
    return null;
  }
  if (!made?.buffer || (made.errCode && made.errCode !== 0)) return null;
  const { fileID } = await ctx.cloud.uploadFile({
    cloudPath: `posters/${target.folder}/${id}.png`,
    fileContent: Buffer.from(made.buffer),
  });
  if (!stored) {
    const doc: MiniCodeDoc = { _id: id, fileID, page: target.page, scene: target.scene, createdAt: ctx.now };
    try {
      await ctx.db.collection('miniCodes').add({ data: doc });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e; // a concurrent first call stored it: the same path, the same file
    }
  }
  return linkOf(ctx, fileID);
}
