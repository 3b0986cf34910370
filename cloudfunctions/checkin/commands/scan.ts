/**
 * 签到: a worker scans a service point's code. One check-in per worker, project and business day rests
 * on the check-in's _id (`${projectId}_${day}_${personHash}`): a repeat, even 1,000 at once, is a
 * duplicate key and the reply says 今天已经签到过了.
 *
 * Requests: the profile with the point joined on (and the project, when the page that scanned names
 * it) in one aggregate, the project when it did not (1), the insert (1), the counting update (1):
 * 3 or 4 for a first check-in, and the same for a repeat, which counts again (a no-op once counted),
 * so a check-in cut off before its counting is counted by the person's next scan.
 */
import {
  AppError,
  businessDate,
  checkinDayRefusal,
  checkinStatuses,
  type ScanInput,
  type ScanOutput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import type { Ctx, ProfileJoin } from '../../common/context';
import type { ProjectDoc } from '../../common/projects';
import { codeRefusalMessages, codeSecret, parseCode, verifyCode } from '../code';
import type { CheckinDoc, PointDoc } from '../load';
import { markServed, personHash, personKey } from '../served';

type ProjectFacts = Pick<ProjectDoc, '_id' | 'title' | 'status'> & {
  record: { startDate?: string; endDate?: string };
};

const projectFields = { _id: 1, title: 1, status: 1, 'record.startDate': 1, 'record.endDate': 1 } as const;

/** The profile load's joins: the point the code names and, when given, the project scanned from. */
export function scanJoins(data: unknown): ProfileJoin[] {
  const d = (data ?? {}) as { code?: unknown; projectId?: unknown };
  const parsed = typeof d.code === 'string' ? parseCode(d.code) : null;
  const joins: ProfileJoin[] = [
    { from: 'servicePoints', match: { _id: parsed?.pointId ?? '-' }, limit: 1, as: 'point' },
  ];
  if (typeof d.projectId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(d.projectId))
    joins.push({ from: 'projects', match: { _id: d.projectId }, limit: 1, project: projectFields, as: 'project' });
  return joins;
}

function refuse(message: string): never {
  throw new AppError('INVALID_INPUT', message, [{ path: 'code', message }]);
}

export async function scan(ctx: Ctx, input: ScanInput): Promise<ScanOutput> {
  const user = await ctx.profile();
  const parsed = parseCode(input.code);
  if (!parsed) refuse(codeRefusalMessages.malformed);
  const point = user.joined?.point?.[0] as PointDoc | undefined;
  if (!point) refuse(codeRefusalMessages.forged);
  const today = businessDate(ctx.now);
  const why = verifyCode(await codeSecret(ctx.db), parsed, point, { today, projectId: input.projectId });
  if (why) refuse(codeRefusalMessages[why]);

  let project = user.joined?.project?.[0] as ProjectFacts | undefined;
  if (!project) {
    const res = await ctx.db.collection('projects').where({ _id: point.projectId }).field(projectFields).limit(1).get();
    project = res.data[0] as ProjectFacts | undefined;
  }
  if (!project) refuse(codeRefusalMessages.forged);
  if (!checkinStatuses.includes(project.status))
    throw new AppError('CONFLICT', `项目「${project.title}」现在不接受签到（发布后、验收申报前可以签到）`);
  const dayWhy = checkinDayRefusal(today, project.record ?? {}, point);
  if (dayWhy) refuse(dayWhy);

  const person = personHash(personKey(user.orgId, user.name));
  const doc: CheckinDoc = {
    _id: `${project._id}_${today.replace(/-/g, '')}_${person}`,
    projectId: project._id,
    pointId: point._id,
    day: today,
    person,
    source: 'scan',
    openid: ctx.openid,
    name: user.name,
    unitId: user.orgId,
    unitName: user.orgName,
    phoneTail: null,
    at: ctx.now,
    by: ctx.openid,
  };
  let alreadyToday = false;
  try {
    await ctx.db.collection('checkins').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    alreadyToday = true;
  }
  await markServed(ctx.db, project._id, [person], today, ctx.now, { shardsExist: true });
  return {
    checkedIn: !alreadyToday,
    alreadyToday,
    day: today,
    projectId: project._id,
    projectTitle: project.title,
    pointName: point.name,
    address: point.address,
  };
}
