/**
 * 记录座谈 (第五条（七）): the implementing unit records a forum held with workers — or edits one, keeping
 * the done state of the follow-ups it keeps. Photos are the caller's own uploads, checked as images and
 * sent to the image check; the place and summary (what workers may read) pass the text check. The
 * forum and its audit entry are one transaction; bad input stores nothing.
 */
import {
  AppError,
  businessDate,
  forumInputProblems,
  forumRecordRefusal,
  type FieldError,
  type Forum,
  type RecordForumInput,
} from '@shishi/shared-types';
import { startImageChecks, verifyAttachments, type AttachmentDoc } from '../../common/attachments';
import { audit } from '../../common/audit';
import { actorOf, type Ctx } from '../../common/context';
import type { FollowUpDoc, ForumDoc } from '../../common/forums';
import type { ProjectDoc } from '../../common/projects';
import { checkTexts } from '../../survey/support';
import { loadProject, readOrNull } from '../../project/load';
import { scopeOf } from '../../project/view';
import { loadForum, presentForums, rightsOf } from '../present';

type ProjectWithForums = ProjectDoc & { forumCount?: number };

const followUpKey = (n: number) => `u${n.toString(36)}`;

/** The follow-ups as stored: kept ones keep their key and done state, new ones get the next keys. */
function mergeFollowUps(
  input: RecordForumInput['followUps'],
  current: readonly FollowUpDoc[],
  seq: number,
): { followUps: FollowUpDoc[]; seq: number } {
  const byKey = new Map(current.map((f) => [f.key, f]));
  let next = seq;
  const followUps = input.map((f) => {
    const kept = f.key ? byKey.get(f.key) : undefined;
    if (kept) return { ...kept, what: f.what, owner: f.owner, dueDate: f.dueDate };
    next += 1;
    return {
      key: followUpKey(next),
      what: f.what,
      owner: f.owner,
      dueDate: f.dueDate,
      done: false,
      doneOn: null,
      doneBy: null,
    };
  });
  return { followUps, seq: next };
}

function unknownKeys(input: RecordForumInput['followUps'], current: readonly FollowUpDoc[]): FieldError[] {
  const keys = new Set(current.map((f) => f.key));
  return input.flatMap((f, i) =>
    f.key && !keys.has(f.key)
      ? [{ path: `followUps.${i}.key`, message: '这个跟进事项已被删除或不属于这次座谈，请刷新后再试' }]
      : [],
  );
}

export async function recordForum(ctx: Ctx, input: RecordForumInput): Promise<Forum> {
  const p = (await loadProject(ctx, input.projectId)) as ProjectWithForums;
  await ctx.authorize(scopeOf(p), '这个项目');
  const existing = input.forumId ? await loadForum(ctx, input.forumId) : null;
  if (existing && existing.projectId !== p._id) {
    throw new AppError('INVALID_INPUT', '这次座谈不属于这个项目', [{ path: 'forumId', message: '不属于这个项目' }]);
  }
  const problems = [
    ...forumInputProblems(input, businessDate(ctx.now)),
    ...(existing ? unknownKeys(input.followUps, existing.followUps) : []),
  ];
  if (problems.length > 0) {
    throw new AppError('INVALID_INPUT', problems.map((f) => f.message).join('；'), problems);
  }
  const refused = forumRecordRefusal(p);
  if (refused) throw new AppError('CONFLICT', refused);
  const user = await ctx.profile();
  // Photos already on the forum stay as they are; new ones must be the caller's own real images.
  const stored = new Map((existing?.photos ?? []).map((a) => [a.fileID, a]));
  const fresh = input.photos.filter((id) => !stored.has(id));
  const checked = await startImageChecks(ctx, await verifyAttachments(ctx, fresh, ctx.openid, 'photos'));
  const freshDocs = new Map(checked.map((a) => [a.fileID, a]));
  const photos: AttachmentDoc[] = input.photos.map((id) => stored.get(id) ?? freshDocs.get(id)!);
  // What workers may read (place and summary) passes the text check; a flagged forum stays with staff.
  const textModeration = (await checkTexts(ctx, [input.place, input.summary])) === 'pass' ? 'pass' : 'review';

  let saved: ForumDoc | null = null;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const projectRef = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectWithForums>(projectRef);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    const again = forumRecordRefusal(current);
    if (again) throw new AppError('CONFLICT', again);
    const fields = {
      date: input.date,
      place: input.place,
      attendance: input.attendance,
      participants: input.participants,
      summary: input.summary,
      issues: input.issues,
      photos,
      textModeration,
      updatedAt: ctx.now,
    } as const;
    if (existing) {
      const ref = t.collection('projectForums').doc(existing._id);
      const now = await readOrNull<ForumDoc>(ref);
      if (!now) throw new AppError('INVALID_INPUT', '找不到这次座谈', [{ path: 'forumId', message: '座谈不存在' }]);
      const lost = unknownKeys(input.followUps, now.followUps);
      if (lost.length > 0) throw new AppError('INVALID_INPUT', lost[0].message, lost);
      const merged = mergeFollowUps(input.followUps, now.followUps, now.followUpSeq);
      await ref.update({
        data: {
          ...fields,
          participants: ctx.db.command.set(input.participants),
          issues: ctx.db.command.set(input.issues),
          photos: ctx.db.command.set(photos),
          followUps: ctx.db.command.set(merged.followUps),
          followUpSeq: merged.seq,
        },
      });
      await audit(ctx, t, [
        {
          action: 'editForum',
          targetType: 'project',
          targetId: p._id,
          from: `${now.date} ${now.place}，${now.attendance} 人`,
          to: `${input.date} ${input.place}，${input.attendance} 人`,
          note: `修改座谈记录（跟进事项 ${merged.followUps.length} 项${photos.length ? `，照片 ${photos.length} 张` : ''}）`,
        },
      ]);
      saved = { ...now, ...fields, followUps: merged.followUps, followUpSeq: merged.seq, _id: existing._id };
    } else {
      const n = (current.forumCount ?? 0) + 1;
      const merged = mergeFollowUps(input.followUps, [], 0);
      const doc: ForumDoc = {
        _id: `${p._id}_f${n}`,
        projectId: p._id,
        projectTitle: current.title,
        orgPath: current.orgPath,
        departmentIds: current.departmentIds,
        ...fields,
        followUps: merged.followUps,
        followUpSeq: merged.seq,
        createdAt: ctx.now,
        by: ctx.openid,
        byName: user.name,
      };
      const { _id, ...data } = doc;
      await t.collection('projectForums').doc(_id).set({ data });
      await projectRef.update({ data: { forumCount: n } });
      await audit(ctx, t, [
        {
          action: 'recordForum',
          targetType: 'project',
          targetId: p._id,
          from: null,
          to: `第 ${n} 次现场座谈：${input.date} ${input.place}，${input.attendance} 人`,
          note: `提出问题 ${input.issues.length} 条，跟进事项 ${merged.followUps.length} 项${
            photos.length ? `，照片 ${photos.length} 张` : ''
          }`,
        },
      ]);
      saved = doc;
    }
  });
  const rights = rightsOf(actorOf(user), p);
  return (await presentForums(ctx, [saved as unknown as ForumDoc], rights))[0];
}
