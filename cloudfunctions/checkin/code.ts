/**
 * Signed check-in codes. A service point's code is `<pointId>.<expiry>.<signature>`: the expiry is the
 * point's last business day as days since 1970-01-01 in base 36, the signature 16 base64url characters
 * (96 bits) of an HMAC-SHA256 over the point, its project and the expiry. At most 32 characters, so the
 * same code is the mini-program code's `scene` (wxacode.getUnlimited takes 32) and the H5 link's `c`.
 *
 * A code cannot be forged or moved to another project or stretched past its day without the secret:
 * `verifyCode` checks the signature against the point's stored project, and the refusals name what is
 * wrong in words a worker understands.
 *
 * The secret is `CHECKIN_CODE_SECRET` (the function's environment, production; the deploy generates it),
 * else a random one created once in `checkinSecrets`. Changing it voids every printed poster.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../common/cloud';
import { storedSecret } from '../common/secrets';

const SECRET_DOC = 'codeKey';
const DAY_MS = 86_400_000;
export function codeSecret(db: Db): Promise<Buffer> {
  return storedSecret(db, {
    fromEnv: process.env.CHECKIN_CODE_SECRET,
    collection: 'checkinSecrets',
    docId: SECRET_DOC,
  });
}

/** `2026-11-24` → days since the epoch (the day as a UTC date: no time zone involved). */
function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function signature(secret: Buffer, pointId: string, projectId: string, exp: string): string {
  return createHmac('sha256', secret)
    .update(`checkin\n${pointId}\n${projectId}\n${exp}`)
    .digest('base64url')
    .slice(0, 16);
}

export interface CodeFacts {
  pointId: string;
  projectId: string;
  /** Last business day the code is valid (YYYY-MM-DD). */
  expiresOn: string;
}

export function signCode(secret: Buffer, facts: CodeFacts): string {
  const exp = dayNumber(facts.expiresOn).toString(36);
  return `${facts.pointId}.${exp}.${signature(secret, facts.pointId, facts.projectId, exp)}`;
}

export interface ParsedCode {
  pointId: string;
  exp: string;
  sig: string;
  expiresOn: string;
}

/** The parts of a code, or null when it is not one. */
export function parseCode(code: string): ParsedCode | null {
  const m = /^([A-Za-z0-9_-]{1,20})\.([0-9a-z]{1,6})\.([A-Za-z0-9_-]{16})$/.exec(code.trim());
  if (!m) return null;
  const n = parseInt(m[2], 36);
  if (!Number.isFinite(n)) return null;
  return { pointId: m[1], exp: m[2], sig: m[3], expiresOn: dayOf(n) };
}

export type CodeRefusal = 'malformed' | 'forged' | 'otherProject' | 'expired';

export const codeRefusalMessages: Record<CodeRefusal, string> = {
  malformed: '这不是服务点的签到码，请扫服务点海报上的二维码',
  forged: '签到码无效（可能被改动过），请扫服务点现场张贴的二维码',
  otherProject: '这个签到码属于另一个项目，请扫本项目服务点的二维码',
  expired: '这个签到码已过期，服务点的服务日期已经结束',
};

/**
 * Checks a parsed code against its point as stored: the signature over the point's own project, then
 * the project the worker scanned from (if any), then the day. Null when it is good.
 */
export function verifyCode(
  secret: Buffer,
  parsed: ParsedCode,
  point: { _id: string; projectId: string },
  check: { today: string; projectId?: string },
): CodeRefusal | null {
  if (parsed.pointId !== point._id) return 'forged';
  const want = Buffer.from(signature(secret, point._id, point.projectId, parsed.exp));
  const got = Buffer.from(parsed.sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'forged';
  if (check.projectId && check.projectId !== point.projectId) return 'otherProject';
  if (check.today > parsed.expiresOn) return 'expired';
  return null;
}
