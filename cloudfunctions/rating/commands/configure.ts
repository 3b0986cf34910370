/**
 * 开放评价: staff of the project set the opening day (today or later; rating takes effect once the
 * project is in progress) and who may rate. The settings and the audit entry are written in one
 * transaction. Then the invitations: the authors and supporters of the origin proposals and the
 * served workers who have an account get an in-app message and a 关注项目动态通知 push where granted —
 * each person once per project, whatever the number of calls (`ratingInvites`, keyed like a rating).
 */
import {
  AppError,
  businessDate,
  formatDateTime,
  ratingConfigurableStatuses,
  ratingEligibilityLabels,
  subscribeTopics,
  type RatingConfigureInput,
  type RatingConfigureOutput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import { audit } from '../../common/audit';
import type { Cloud } from '../../common/cloud';
import { createCtx, type Ctx } from '../../common/context';
import { clip, notify } from '../../common/notify';
import type { ProjectDoc } from '../../common/projects';
import { findProject, loadProject, readOrNull } from '../../project/load';
import { backersOf } from '../../project/present';
import { respondentKey, respondentSecret } from '../../survey/secret';
import { ensureShards } from '../counting';
import { periodRefusal } from '../load';
import type { SettingsDoc } from '../model';
import { settingsOut } from '../view';

export async function configure(ctx: Ctx, input: RatingConfigureInput): Promise<RatingConfigureOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize({ orgPath: p.orgPath }, '这个项目');
  const user = await ctx.profile();
  if (!ratingConfigurableStatuses.includes(p.status)) {
    const message =
      p.status === 'closed' || p.status === 'terminated'
        ? '这个项目已经结束，不能再开放评价'
        : '项目发布后才能开放评价（实施开始后生效）';
    throw new AppError('CONFLICT', message, [{ path: 'projectId', message }]);
  }
  const today = businessDate(ctx.now);
  await ensureShards(ctx.db, p._id, ctx.now);
  let before: SettingsDoc | null = null;
  let after: SettingsDoc | null = null;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    before = await readOrNull<SettingsDoc>(t.collection('ratingSettings').doc(p._id));
    if (input.opensOn < today && input.opensOn !== before?.opensOn) {
      const message = `开放日期不能早于今天（${today}）`;
      throw new AppError('INVALID_INPUT', message, [{ path: 'opensOn', message }]);
    }
    after = {
      _id: p._id,
      projectId: p._id,
      opensOn: input.opensOn,
      eligibility: input.eligibility,
      orgPath: p.orgPath,
      by: ctx.openid,
      invitedOn: null,
      createdAt: before?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    const { _id, ...data } = after;
    await t.collection('ratingSettings').doc(_id).set({ data });
    await audit(ctx, t, [
      {
        action: 'rating.configure',
        targetType: 'project',
        targetId: p._id,
        from: before ? `${before.opensOn} ${before.eligibility}` : null,
        to: `${input.opensOn} ${input.eligibility}`,
        note: `开放评价：${input.opensOn} 起，${ratingEligibilityLabels[input.eligibility]}`,
      },
    ]);
  });
  const settings = after as unknown as SettingsDoc;
  // Invitations go out when rating opens: now if it is open today, else on the opening day (timer).
  const invited = periodRefusal(ctx, { project: p, settings }) === null ? await inviteNow(ctx, p, settings) : 0;
  void user;
  return { ...settingsOut(ctx, p, settings), invited };
}

/** Sends the invitations and notes the day on the settings (so the timer does not look at them again). */
async function inviteNow(ctx: Ctx, p: ProjectDoc, s: SettingsDoc): Promise<number> {
  const invited = await invite(ctx, p, s);
  await ctx.db
    .collection('ratingSettings')
    .doc(s._id)
    .update({ data: { invitedOn: businessDate(ctx.now) } });
  return invited;
}

const INVITER = 'system:ratingInvites';

/**
 * The opening day's invitations, for settings staff saved with a later day (run by the settling timer
 * every 5 minutes): settings not yet invited whose day has come. A project not yet in progress waits
 * (rating takes effect then); one that ended is marked done without messages.
 */
export async function inviteOnOpening(cloud: Cloud, now: Date): Promise<number> {
  const ctx = createCtx(cloud, INVITER, now);
  const _ = ctx.db.command;
  const due = await ctx.db
    .collection('ratingSettings')
    .where({ invitedOn: null, opensOn: _.lte(businessDate(now)) })
    .limit(50)
    .get();
  let invited = 0;
  for (const s of due.data as SettingsDoc[]) {
    const p = await findProject(ctx, s.projectId);
    if (!p) continue;
    if (periodRefusal(ctx, { project: p, settings: s }) === null) invited += await inviteNow(ctx, p, s);
    else if (p.status === 'closed' || p.status === 'terminated')
      await ctx.db
        .collection('ratingSettings')
        .doc(s._id)
        .update({ data: { invitedOn: businessDate(now) } });
  }
  return invited;
}

/** Openids of the served workers who scanned (registered and listed people have no account to tell). */
async function servedOpenids(ctx: Ctx, projectId: string): Promise<string[]> {
  const _ = ctx.db.command;
  const out = new Set<string>();
  for (let after = ''; ;) {
    const res = await ctx.db
      .collection('checkins')
      .where({ projectId, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true, openid: true })
      .limit(1000)
      .get();
    const page = res.data as Array<{ _id: string; openid: string | null }>;
    for (const c of page) if (c.openid) out.add(c.openid);
    if (page.length < 1000) break;
    after = page[page.length - 1]._id;
  }
  return [...out];
}

/** Invites each backer and served worker not invited before; returns how many this call invited. */
async function invite(ctx: Ctx, p: ProjectDoc, s: SettingsDoc): Promise<number> {
  const people = [...new Set([...(await backersOf(ctx, p)), ...(await servedOpenids(ctx, p._id))])];
  if (people.length === 0) return 0;
  const secret = await respondentSecret(ctx);
  const idOf = (openid: string) => `${p._id}_${respondentKey(secret, `ratingInvite:${p._id}`, openid).slice(2)}`;
  const _ = ctx.db.command;
  const ids = people.map(idOf);
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const res = await ctx.db
      .collection('ratingInvites')
      .where({ _id: _.in(chunk) })
      .field({ _id: true })
      .limit(chunk.length)
      .get();
    for (const d of res.data as Array<{ _id: string }>) known.add(d._id);
  }
  const fresh: string[] = [];
  const todo = people.filter((o) => !known.has(idOf(o)));
  for (let i = 0; i < todo.length; i += 20) {
    await Promise.all(
      todo.slice(i, i + 20).map(async (openid) => {
        try {
          // Only that the invitation went out: no OPENID, no link to a rating.
          await ctx.db.collection('ratingInvites').add({ data: { _id: idOf(openid), projectId: p._id, at: ctx.now } });
          fresh.push(openid);
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }),
    );
  }
  if (fresh.length === 0) return 0;
  const open = periodRefusal(ctx, { project: p, settings: s }) === null;
  const when = open ? '现在就可以评价' : `${s.opensOn} 起可以评价`;
  const f = subscribeTopics.projectNews.fields;
  return notify(
    ctx,
    fresh,
    {
      kind: 'ratingInvite',
      title: `请您评价项目：${p.title}`,
      body: `项目《${p.title}》邀请您匿名评价（知晓度、参与度、受益度、满意度），${when}。您的评价不会显示姓名。`,
      proposalId: p.origin[0] ?? null,
      projectId: p._id,
    },
    {
      topic: 'projectNews',
      data: {
        [f.title]: { value: clip(p.title, 20) },
        [f.news]: { value: clip(`邀请您评价，${when}`, 20) },
        [f.time]: { value: formatDateTime(ctx.now) },
      },
    },
  );
}
