/**
 * 提交评价 (and changing it within 7 days). New: the rating is stored (the unique index (projectId,
 * key) turns a repeat — even 1,000 racing ones — into one stored rating), then counted by one
 * conditional update: 3 requests with the load. A change: the version it replaces is made sure to be
 * counted, the rating is updated only if nobody changed it meanwhile, and the counts move from the old
 * scores to the new by one conditional update (counting.ts); settling finishes any of these cut off.
 */
import {
  AppError,
  ratingDimensions,
  ratingEditable,
  ratingEditableUntil,
  respondentDims,
  type OwnRating,
  type RatingScores,
  type RatingSubmitInput,
  type RatingSubmitOutput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import type { Ctx } from '../../common/context';
import { iso } from '../../common/serialize';
import { checkTexts } from '../../survey/support';
import { countRating } from '../counting';
import { eligibilityRefusal, groupsOf, loadRating, periodRefusal } from '../load';
import type { RatingDoc } from '../model';
import { ratingShard } from '../secret';

export function ownRating(r: RatingDoc, now: Date): OwnRating {
  return {
    scores: r.scores,
    comment: r.comment,
    commentState: r.commentState,
    submittedAt: iso(r.createdAt),
    updatedAt: iso(r.at),
    editableUntil: iso(ratingEditableUntil(r.createdAt)),
    editable: ratingEditable(r.createdAt, now),
  };
}

function sameScores(a: RatingScores, b: RatingScores): boolean {
  return ratingDimensions.every((d) => a[d] === b[d]);
}

const fieldsOf = (message: string) => [{ path: 'projectId', message }];

export async function submit(ctx: Ctx, input: RatingSubmitInput): Promise<RatingSubmitOutput> {
  const l = await loadRating(ctx, input.projectId);
  const closed = periodRefusal(ctx, l);
  if (closed) throw new AppError('WINDOW_CLOSED', closed, fieldsOf(closed));
  const groups = input.groups ?? groupsOf(l.user);
  const refusal = eligibilityRefusal(l, groups);
  if (refusal) throw new AppError('FORBIDDEN', refusal, fieldsOf(refusal));
  const comment = input.comment ? input.comment : null;
  if (l.rating) return change(ctx, l.rating, input.scores, comment);

  const commentState = comment ? await checkTexts(ctx, [comment]) : 'none';
  const doc: Omit<RatingDoc, '_id'> = {
    projectId: l.project._id,
    key: l.key,
    shard: ratingShard(l.project._id, l.key),
    scores: input.scores,
    comment,
    commentState,
    // Anonymous: no OPENID, no name, no union — only the district / industry / group facts.
    dims: respondentDims(l.pathOrgs, groups),
    createdAt: ctx.now,
    at: ctx.now,
    prev: null,
  };
  let _id: string;
  try {
    _id = String((await ctx.db.collection('ratings').add({ data: doc }))._id);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    // A concurrent submission stored it first: the same rating is "unchanged", a different one a change.
    const res = await ctx.db.collection('ratings').where({ projectId: l.project._id, key: l.key }).limit(1).get();
    const stored = res.data[0] as RatingDoc | undefined;
    if (!stored) throw e;
    return change(ctx, stored, input.scores, comment);
  }
  const stored: RatingDoc = { ...doc, _id };
  // Stored is submitted: if counting fails now, settling counts the rating within minutes.
  try {
    await countRating(ctx.db, stored, ctx.now);
  } catch (e) {
    console.error(`rating ${_id} of project ${l.project._id} stored, counting left to settling`, e);
  }
  return { projectId: l.project._id, status: 'submitted', rating: ownRating(stored, ctx.now) };
}

/** A second submission: unchanged, or a change within 7 days of the first. */
async function change(
  ctx: Ctx,
  r: RatingDoc,
  scores: RatingScores,
  comment: string | null,
): Promise<RatingSubmitOutput> {
  if (sameScores(r.scores, scores) && r.comment === comment)
    return { projectId: r.projectId, status: 'unchanged', rating: ownRating(r, ctx.now) };
  if (!ratingEditable(r.createdAt, ctx.now)) {
    const message = '评价提交 7 天后就不能再修改了，您之前的评价已经保存';
    throw new AppError('CONFLICT', message, [{ path: 'scores', message }]);
  }
  // The version being replaced must be in the counters before the edit moves them away from it.
  await countRating(ctx.db, r, ctx.now);
  const commentState = comment === r.comment ? r.commentState : comment ? await checkTexts(ctx, [comment]) : 'none';
  // A later instant than the version it replaces (the marks tell versions apart by it).
  const at = new Date(Math.max(ctx.now.getTime(), r.at.getTime() + 1));
  const next: RatingDoc = {
    ...r,
    scores,
    comment,
    commentState,
    at,
    prev: { at: r.at, scores: r.scores, hasComment: Boolean(r.comment) },
  };
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('ratings')
    .where({ _id: r._id, at: r.at })
    // `_.set`: whole values (the SDK would otherwise set `prev.at` … inside a null `prev`).
    .update({ data: { scores: _.set(scores), comment, commentState, at, prev: _.set(next.prev) } });
  if (!res.stats?.updated) {
    const message = '您的评价刚刚在别处被修改过，请刷新后再试';
    throw new AppError('CONFLICT', message, [{ path: 'scores', message }]);
  }
  try {
    await countRating(ctx.db, next, ctx.now);
  } catch (e) {
    console.error(`rating ${r._id} changed, moving its counts left to settling`, e);
  }
  return { projectId: r.projectId, status: 'updated', rating: ownRating(next, ctx.now) };
}
