/**
 * 发布、修改、撤回 (第五条（五）信息发布). A project's first announcement is its plan: publishing it while
 * the project is `established` performs the project's own `publish` move (project/commands/move.ts), so
 * the plan and the project go out together. Text goes through msgSecCheck and images through the
 * asynchronous image check before workers see them: text that does not pass holds the announcement
 * (only staff see it, nothing is pushed) until an edit passes; an image is shown once it passed.
 */
import { createHash } from 'node:crypto';
import {
  AppError,
  audienceKeys,
  moderationFromCheck,
  type Announcement,
  type AnnouncementContent,
  type FieldError,
  type ProjectStatus,
  type PublishAnnouncementInput,
  type PublishAnnouncementOutput,
  type UpdateAnnouncementInput,
  type WithdrawAnnouncementInput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import { startImageChecks, verifyAttachments, type AttachmentDoc } from '../../common/attachments';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { getOrg } from '../../common/orgs';
import type { ProjectDoc } from '../../common/projects';
import { clip } from '../../common/notify';
import { cancelPushes, enqueuePush } from '../../common/push';
import { authorizeOrg } from '../../common/scope';
import { formatDateTime } from '@shishi/shared-types';
import { move } from '../../project/commands/move';
import { loadProject, readOrNull } from '../../project/load';
import { scopeOf } from '../../project/view';
import { applyEarlyAnnouncementVerdicts } from '../mediaCheck';
import { findAnnouncement, loadAnnouncement, present, stateOf, type AnnouncementDoc } from '../model';

/** A plan may go out from establishment (it publishes the project) until acceptance; news while it runs. */
const planStatuses: readonly ProjectStatus[] = [
  'established',
  'published',
  'inProgress',
  'midtermFiled',
  'acceptanceFiled',
];
const newsStatuses: readonly ProjectStatus[] = [
  'published',
  'inProgress',
  'midtermFiled',
  'acceptanceFiled',
  'accepted',
];

export function planId(projectId: string): string {
  return `${projectId}_plan`;
}

function newsId(projectId: string, openid: string, draftId: string): string {
  return `n${createHash('sha256').update(`${projectId}\n${openid}\n${draftId}`).digest('hex').slice(0, 31)}`;
}

/** The plan names its service targets and workflow; news may leave them out. */
function requirePlanFields(input: AnnouncementContent): void {
  const fields: FieldError[] = [];
  if (!input.serviceTargets) fields.push({ path: 'serviceTargets', message: '请填写服务对象' });
  if (!input.workflow) fields.push({ path: 'workflow', message: '请填写工作流程' });
  if (fields.length) throw new AppError('INVALID_INPUT', '实施方案要写明服务对象和工作流程', fields);
}

function textOf(c: AnnouncementContent): string {
  return [c.title, c.serviceTargets, c.serviceContent, c.workflow, c.time, c.place, c.contact]
    .filter(Boolean)
    .join('\n');
}

async function checkText(ctx: Ctx, content: string): Promise<'pass' | 'review'> {
  try {
    const res = await ctx.cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 3, openid: ctx.openid });
    return moderationFromCheck(res.result?.suggest) === 'pass' ? 'pass' : 'review';
  } catch (e) {
    console.warn('[announce] msgSecCheck failed; the announcement waits', e);
    return 'review';
  }
}

/** Images of the form: the ones already on the announcement keep their check; new ones are verified and checked. */
async function imagesOf(
  ctx: Ctx,
  fileIDs: readonly string[],
  kept: readonly AttachmentDoc[],
): Promise<AttachmentDoc[]> {
  const known = new Map(kept.map((k) => [k.fileID, k]));
  const fresh = fileIDs.filter((f) => !known.has(f));
  const verified = await verifyAttachments(ctx, fresh, ctx.openid, 'images');
  const checked = new Map((await startImageChecks(ctx, verified)).map((d) => [d.fileID, d]));
  return fileIDs.map((f) => known.get(f) ?? checked.get(f)!);
}

function contentData(input: AnnouncementContent) {
  return {
    title: input.title,
    serviceTargets: input.serviceTargets ?? null,
    serviceContent: input.serviceContent,
    workflow: input.workflow ?? null,
    time: input.time,
    place: input.place,
    contact: input.contact,
  };
}

const announcementPage = (id: string) => `packages/announce/pages/detail/index?id=${id}`;

/**
 * Once an announcement is shown for the first time: the plan goes to its audience as 新项目发布通知
 * (`projectNew`), later news to the project's followers (`projectNews`). News is not pushed to the whole
 * audience: a one-time grant is worth one message, and the audience already got the plan and sees news
 * in the feed; who follows asked for news.
 */
async function pushFirstShowing(ctx: Ctx, a: AnnouncementDoc): Promise<void> {
  const source = { type: 'announcement' as const, id: a._id };
  if (a.kind === 'plan') {
    await enqueuePush(ctx, {
      topic: 'projectNew',
      audience: { kind: 'org', orgId: a.audienceOrgId, groups: a.groups },
      data: {
        thing1: { value: clip(a.projectTitle, 20) },
        thing2: { value: clip(a.serviceContent, 20) },
        thing3: { value: clip(a.audienceOrgName, 20) },
        time4: { value: formatDateTime(ctx.now) },
      },
      page: announcementPage(a._id),
      source,
      key: `announcement:${a._id}:new`,
    });
    return;
  }
  await enqueuePush(ctx, {
    topic: 'projectNews',
    audience: { kind: 'followers', projectId: a.projectId },
    data: {
      thing1: { value: clip(a.projectTitle, 20) },
      thing2: { value: clip(a.title, 20) },
      time3: { value: formatDateTime(ctx.now) },
    },
    page: announcementPage(a._id),
    source,
    key: `announcement:${a._id}:news`,
  });
}

/** The plan shown for the first time while the project is established: the project's own publish move. */
async function publishProjectWithPlan(ctx: Ctx, p: ProjectDoc): Promise<ProjectDoc['status']> {
  if (p.status !== 'established') return p.status;
  await move(ctx, { projectId: p._id, move: 'publish' });
  return 'published';
}

export async function publish(ctx: Ctx, input: PublishAnnouncementInput): Promise<PublishAnnouncementOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize(scopeOf(p), `项目《${p.title}》`);
  const user = await ctx.profile();
  const plan = await findAnnouncement(ctx, planId(p._id));
  const isPlan = !plan || (plan.draftId === input.draftId && plan.by === ctx.openid);
  const id = isPlan ? planId(p._id) : newsId(p._id, ctx.openid, input.draftId);
  const stored = isPlan ? plan : await findAnnouncement(ctx, id);
  if (stored) return { ...(await present(ctx, stored, true, true)), alreadyPublished: true };

  if (isPlan) {
    requirePlanFields(input);
    if (!planStatuses.includes(p.status)) {
      throw new AppError(
        'CONFLICT',
        `项目《${p.title}》${p.status === 'closed' || p.status === 'terminated' ? '已经结束' : '还没有确立'}，不能发布实施方案`,
      );
    }
    if (p.status === 'established' && p.forms.start?.status !== 'approved') {
      throw new AppError('CONFLICT', '启动申报表审核通过后才能发布实施方案');
    }
  } else {
    if (input.audience) {
      throw new AppError('INVALID_INPUT', '后续公告发给实施方案的同一范围，不用再选', [
        { path: 'audience', message: '后续公告的范围与实施方案相同' },
      ]);
    }
    if (!newsStatuses.includes(p.status)) {
      throw new AppError(
        'CONFLICT',
        `项目《${p.title}》现在不能发布公告（${p.status === 'closed' ? '已结项' : '未在实施'}）`,
      );
    }
  }

  const audienceOrgId = plan ? plan.audienceOrgId : (input.audience?.orgId ?? p.orgId);
  const groups = plan ? plan.groups : (input.audience?.groups ?? []);
  const org = await getOrg(ctx.db, audienceOrgId);
  if (!plan) await authorizeOrg(ctx, org && { orgPath: org.path }, { field: 'audience.orgId', what: '发布范围' });

  const [images, textModeration] = await Promise.all([imagesOf(ctx, input.images, []), checkText(ctx, textOf(input))]);
  const shown = textModeration === 'pass';
  if (shown && isPlan) p.status = await publishProjectWithPlan(ctx, p);

  const doc: AnnouncementDoc = {
    _id: id,
    projectId: p._id,
    projectTitle: p.title,
    kind: isPlan ? 'plan' : 'news',
    draftId: input.draftId,
    ...contentData(input),
    images,
    audienceOrgId,
    audienceOrgName: org?.name ?? audienceOrgId,
    groups: [...groups],
    orgPath: p.orgPath,
    departmentIds: p.departmentIds,
    textModeration,
    withdrawn: false,
    withdrawnAt: null,
    withdrawReason: null,
    feedKeys: shown ? audienceKeys({ orgId: audienceOrgId, groups }) : [],
    publishedAt: shown ? ctx.now : null,
    editedAt: null,
    version: 1,
    by: ctx.openid,
    byName: user.name,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await ctx.db.runTransaction(async (t: Ctx['db']) => {
      await t.collection('announcements').add({ data: doc });
      await audit(ctx, t, [
        {
          action: 'announce.publish',
          targetType: 'announcement',
          targetId: id,
          from: null,
          to: stateOf(doc),
          note: `${doc.kind === 'plan' ? '实施方案' : '公告'}《${doc.title}》：${p.title}`,
        },
      ]);
    });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    // The same publication stored a moment ago (a repeat), or another person's plan first.
    const now = await findAnnouncement(ctx, id);
    if (now && now.by === ctx.openid && now.draftId === input.draftId) {
      return { ...(await present(ctx, now, true, true)), alreadyPublished: true };
    }
    throw new AppError('CONFLICT', '这个项目的实施方案刚刚由别人发布了，请刷新后再发布公告');
  }
  await applyEarlyAnnouncementVerdicts(ctx.db, doc, ctx.now);
  if (shown) await pushFirstShowing(ctx, doc);
  return { ...(await present(ctx, (await findAnnouncement(ctx, id)) ?? doc, true, true)), alreadyPublished: false };
}

async function loadManaged(ctx: Ctx, id: string): Promise<AnnouncementDoc> {
  const a = await loadAnnouncement(ctx, id);
  await ctx.authorize({ orgPath: a.orgPath, departmentIds: a.departmentIds }, `公告《${a.title}》`);
  return a;
}

export async function update(ctx: Ctx, input: UpdateAnnouncementInput): Promise<Announcement> {
  const a = await loadManaged(ctx, input.announcementId);
  if (a.withdrawn) throw new AppError('CONFLICT', `公告《${a.title}》已撤回，不能再修改`);
  if (a.kind === 'plan') requirePlanFields(input);
  const [images, textModeration] = await Promise.all([
    imagesOf(ctx, input.images, a.images),
    checkText(ctx, textOf(input)),
  ]);
  const shown = textModeration === 'pass';
  const firstShowing = shown && !a.publishedAt;
  let p: ProjectDoc | null = null;
  if (firstShowing && a.kind === 'plan') {
    p = await loadProject(ctx, a.projectId);
    if (p.status === 'established' && p.forms.start?.status !== 'approved') {
      throw new AppError('CONFLICT', '启动申报表审核通过后才能发布实施方案');
    }
    await publishProjectWithPlan(ctx, p);
  }
  const data = {
    ...contentData(input),
    images,
    textModeration,
    feedKeys: shown ? audienceKeys({ orgId: a.audienceOrgId, groups: a.groups }) : [],
    publishedAt: a.publishedAt ?? (shown ? ctx.now : null),
    // 已更新: an edit of what workers have already seen.
    editedAt: a.publishedAt ? ctx.now : null,
    version: a.version + 1,
    updatedAt: ctx.now,
  };
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('announcements').doc(a._id);
    const current = await readOrNull<AnnouncementDoc>(ref);
    if (!current || current.withdrawn) throw new AppError('CONFLICT', `公告《${a.title}》已撤回，不能再修改`);
    if (current.version !== a.version) throw new AppError('CONFLICT', '公告刚刚被别人修改过，请刷新后再改');
    await ref.update({ data });
    await audit(ctx, t, [
      {
        action: 'announce.update',
        targetType: 'announcement',
        targetId: a._id,
        from: stateOf(a),
        to: stateOf({ withdrawn: false, textModeration }),
        note: `第 ${data.version} 版${a.publishedAt ? '（已更新）' : ''}`,
      },
    ]);
  });
  const after = { ...a, ...data };
  await applyEarlyAnnouncementVerdicts(ctx.db, after, ctx.now);
  if (firstShowing) await pushFirstShowing(ctx, after);
  return present(ctx, (await findAnnouncement(ctx, a._id)) ?? after, true, true);
}

export async function withdraw(ctx: Ctx, input: WithdrawAnnouncementInput): Promise<Announcement> {
  const a = await loadManaged(ctx, input.announcementId);
  if (a.withdrawn) throw new AppError('CONFLICT', `公告《${a.title}》已经撤回`);
  const data = {
    withdrawn: true,
    withdrawnAt: ctx.now,
    withdrawReason: input.reason,
    feedKeys: [],
    updatedAt: ctx.now,
    version: a.version + 1,
  };
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('announcements').doc(a._id);
    const current = await readOrNull<AnnouncementDoc>(ref);
    if (!current || current.withdrawn) throw new AppError('CONFLICT', `公告《${a.title}》已经撤回`);
    await ref.update({ data });
    await audit(ctx, t, [
      {
        action: 'announce.withdraw',
        targetType: 'announcement',
        targetId: a._id,
        from: stateOf(current),
        to: 'withdrawn',
        note: input.reason,
      },
    ]);
  });
  // Messages still queued for it stop (the in-app feed already lost it with feedKeys).
  await cancelPushes(ctx, { type: 'announcement', id: a._id });
  return present(ctx, { ...a, ...data }, true, true);
}
