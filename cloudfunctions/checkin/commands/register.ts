/**
 * Staff record people served without a phone: one at the desk (`register`), or a whole beneficiary
 * list (`import`: a preview that stores nothing, then a confirm of the same file). Both write records
 * in `checkins` keyed by person (served.ts) and count new people into the shards.
 */
import {
  AppError,
  businessDate,
  type ImportInput,
  type ImportOutput,
  type ImportRow,
  type RegisterInput,
  type RegisterOutput,
} from '@shishi/shared-types';
import { createHash } from 'node:crypto';
import { isDuplicateKey } from '../../common/app';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { requireOpen, staffProject, type CheckinDoc } from '../load';
import { unitIndex } from '../people';
import { countedAmong, markServed, personHash, personKey, servedOf } from '../served';

export async function register(ctx: Ctx, input: RegisterInput): Promise<RegisterOutput> {
  const p = await staffProject(ctx, input.projectId);
  requireOpen(p);
  const found = (await unitIndex(ctx.db)).find(input.unit);
  if ('error' in found) throw new AppError('INVALID_INPUT', found.error, [{ path: 'unit', message: found.error }]);
  if (input.pointId) {
    const res = await ctx.db.collection('servicePoints').where({ _id: input.pointId }).limit(1).get();
    const point = res.data[0] as { projectId: string } | undefined;
    if (!point || point.projectId !== p._id)
      throw new AppError('INVALID_INPUT', '这个服务点不属于本项目', [{ path: 'pointId', message: '服务点不对' }]);
  }
  const user = await ctx.profile();
  const today = businessDate(ctx.now);
  const person = personHash(personKey(found.org._id, input.name));
  const doc: CheckinDoc = {
    _id: `${p._id}_${today.replace(/-/g, '')}_${person}`,
    projectId: p._id,
    pointId: input.pointId ?? null,
    day: today,
    person,
    source: 'register',
    openid: null,
    name: input.name,
    unitId: found.org._id,
    unitName: found.org.name,
    phoneTail: input.phoneTail ?? null,
    at: ctx.now,
    by: user.openid ?? ctx.openid,
  };
  let added = true;
  try {
    await ctx.db.runTransaction(async (t: Ctx['db']) => {
      await t.collection('checkins').add({ data: doc });
      await audit(ctx, t, [
        {
          action: 'checkin.register',
          targetType: 'project',
          targetId: p._id,
          from: null,
          to: doc._id,
          note: `现场登记：${input.name}（${found.org.name}）`,
        },
      ]);
    });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    added = false;
  }
  const newly = await markServed(ctx.db, p._id, [person], today, ctx.now);
  return { added, newlyServed: newly > 0, served: await servedOf(ctx.db, p._id), unitName: found.org.name };
}

const SAMPLE_ROWS = 5;

function tokenOf(projectId: string, bytes: Buffer): string {
  return createHash('sha256').update(projectId).update('\n').update(bytes).digest('hex').slice(0, 32);
}

export async function importList(ctx: Ctx, input: ImportInput): Promise<ImportOutput> {
  const p = await staffProject(ctx, input.projectId);
  requireOpen(p);
  const bytes = Buffer.from(input.fileBase64, 'base64');
  const token = tokenOf(p._id, bytes);
  if (input.confirm && input.previewToken !== token)
    throw new AppError('CONFLICT', '名单文件和预览时的不一样，请重新选择文件并预览', [
      { path: 'previewToken', message: '请先预览这个文件' },
    ]);
  // exceljs loads only here (the build bundles it apart): scans never pay for it.
  const { readList } = await import('../beneficiaries');
  const rows = await readList(bytes);
  const units = await unitIndex(ctx.db);
  const seen = new Map<string, number>();
  const out: Array<ImportRow & { person: string | null; unitId: string | null; unitName: string }> = rows.map((r) => {
    let error = r.error;
    let person: string | null = null;
    let unitId: string | null = null;
    let unitName = r.unit;
    if (!error) {
      const found = units.find(r.unit);
      if ('error' in found) error = found.error;
      else {
        unitId = found.org._id;
        unitName = found.org.name;
        person = personHash(personKey(unitId, r.name));
        const first = seen.get(person);
        if (first !== undefined) error = `和第 ${first} 行是同一个人（同一单位、同一姓名），只算一次`;
        else seen.set(person, r.row);
      }
    }
    return { ...r, error, duplicate: false, person: error ? null : person, unitId, unitName };
  });
  const readable = out.filter((r) => r.person);
  const counted = await countedAmong(
    ctx.db,
    p._id,
    readable.map((r) => r.person!),
  );
  for (const r of readable) r.duplicate = counted.has(r.person!);
  const strip = ({ person: _p, unitId: _u, unitName: _n, ...r }: (typeof out)[number]): ImportRow => r;
  const result = (served: number): ImportOutput => ({
    confirmed: input.confirm,
    previewToken: token,
    total: out.length,
    readable: readable.length,
    newPeople: readable.filter((r) => !r.duplicate).length,
    errors: out.filter((r) => r.error).map(strip),
    sample: readable.slice(0, SAMPLE_ROWS).map(strip),
    served,
  });
  if (!input.confirm) return result(await servedOf(ctx.db, p._id));

  const user = await ctx.profile();
  const today = businessDate(ctx.now);
  const docs: CheckinDoc[] = readable.map((r) => ({
    _id: `${p._id}_list_${r.person}`,
    projectId: p._id,
    pointId: null,
    day: 'list',
    person: r.person!,
    source: 'list',
    openid: null,
    name: r.name,
    unitId: r.unitId!,
    unitName: r.unitName,
    phoneTail: r.phoneTail,
    at: ctx.now,
    by: user.openid ?? ctx.openid,
  }));
  const stored = await insertNew(ctx, docs);
  const added = await markServed(
    ctx.db,
    p._id,
    docs.map((d) => d.person),
    today,
    ctx.now,
  );
  // The list's rows are many single inserts (a transaction takes one document per operation); the
  // entry follows them in the same call, as a proposal submission's does.
  await audit(ctx, ctx.db, [
    {
      action: 'checkin.import',
      targetType: 'project',
      targetId: p._id,
      from: null,
      to: `${stored}`,
      note: `导入受益职工名单：${readable.length} 行可读，新增 ${added} 人，${out.length - readable.length} 行未导入`,
    },
  ]);
  return result(await servedOf(ctx.db, p._id));
}

const BATCH = 100;

/** Inserts the rows not stored yet (an earlier import of the same people): returns how many. */
async function insertNew(ctx: Ctx, docs: CheckinDoc[]): Promise<number> {
  const _ = ctx.db.command;
  let stored = 0;
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const res = await ctx.db
      .collection('checkins')
      .where({ _id: _.in(batch.map((d) => d._id)) })
      .field({ _id: true })
      .limit(BATCH)
      .get();
    const have = new Set((res.data as Array<{ _id: string }>).map((d) => d._id));
    const fresh = batch.filter((d) => !have.has(d._id));
    if (fresh.length === 0) continue;
    try {
      await ctx.db.collection('checkins').add({ data: fresh.length === 1 ? fresh[0] : fresh });
      stored += fresh.length;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // A concurrent import of the same people: one by one, keeping what the other stored.
      for (const d of fresh) {
        try {
          await ctx.db.collection('checkins').add({ data: d });
          stored += 1;
        } catch (e2) {
          if (!isDuplicateKey(e2)) throw e2;
        }
      }
    }
  }
  return stored;
}
