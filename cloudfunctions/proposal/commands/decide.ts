import {
  AppError,
  MERGE_BUSY_MESSAGE,
  decisionMeta,
  formatDateTime,
  projectRecordSchema,
  proposalLifecycle,
  subscribeTopics,
  targetGroupLabels,
  type ProjectLevel,
  type ProjectRecord,
  type DecideInput,
  type DecideOutput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { clip, notify } from '../../common/notify';
import { toProjectRef, type ProjectDoc } from '../../common/projects';
import { refuse, requireTransition } from '../../common/scope';
import { loadMany, loadProposal, present } from '../load';
import type { DecisionDoc, ProposalDoc } from '../model';
import { notifyAuthors } from './merge';
import { refuseWhileMerging } from '../merging';
import { requireOrg } from '../../common/orgs';
import { insertDraft } from '../../project/commands/draft';
import { routeFor } from '../../project/route';

/** 附件1 as far as the proposal fills it: title, unit, level, 服务对象 and the background it gives. */
function draftRecord(d: ProposalDoc, unit: string, level: ProjectLevel, title?: string): ProjectRecord {
  return projectRecordSchema.parse({
    level,
    applicantUnit: unit,
    title: title ?? d.title,
    necessity: `职工建议《${d.title}》：${d.content}`.slice(0, 2000),
    serviceTargets: targetGroupLabels[d.targetGroup],
  });
}

/**
 * 作出决定: adopt (a project draft carrying the proposal and those merged into it as origin), defer, or
 * decline with a reason — once: the status check and the change are one transaction, so a second
 * decision (also a concurrent one) is refused. The authors of the kept and the merged proposals are told.
 */
export async function decide(ctx: Ctx, input: DecideInput): Promise<DecideOutput> {
  const user = await ctx.profile();
  const p = await loadProposal(ctx, input.proposalId);
  await requireTransition(ctx, proposalLifecycle, input.kind, { title: p.title, state: p.status }, p);
  // Nobody rated 需求最迫切 or 最具备办结条件: adopting it must be meant (the client asks first).
  if (input.kind === 'adopt' && !p.scores && input.confirmUnscored !== true) {
    throw new AppError('INVALID_INPUT', '这条建议还没有人评分，确定要采纳请先确认', [
      { path: 'confirmUnscored', message: '还没有人评分（需求最迫切、最具备办结条件），采纳前请确认' },
    ]);
  }
  const meta = decisionMeta[input.kind];
  // The draft's applicant is the deciding staff member's unit; its route is read before the transaction.
  const adoption =
    input.kind === 'adopt'
      ? await (async () => {
          const org = await requireOrg(ctx.db, user.orgId);
          return { org, routing: await routeFor(ctx, org) };
        })()
      : null;
  // Not while a merge job holds it (its cluster is changing): CONFLICT 正在合并，请稍候.
  const stale = await refuseWhileMerging(ctx.db, [p]);
  let project: ProjectDoc | null = null;
  let from = p.status;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const _ = ctx.db.command;
    const ref = t.collection('proposals').doc(p._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current) throw new AppError('CONFLICT', '这条建议不存在了');
    if (current.mergeJob && !stale.has(current.mergeJob))
      throw new AppError('CONFLICT', `《${p.title}》${MERGE_BUSY_MESSAGE}`);
    refuse(proposalLifecycle.stateRefusal(input.kind, { title: current.title, state: current.status }));
    from = current!.status;
    let projectId: string | null = null;
    if (input.kind === 'adopt' && adoption) {
      project = await insertDraft(ctx, t, {
        record: draftRecord(current, adoption.org.name, adoption.routing.level, input.projectTitle),
        applicant: adoption.org,
        routing: adoption.routing,
        origin: [current._id, ...(current.mergedFrom ?? []).map((m) => m._id)],
        windowId: current.windowId,
        year: current.year,
        note: `来自建议《${p.title}》${p.mergedFrom.length ? `等 ${p.mergedFrom.length + 1} 条` : ''}`,
      });
      projectId = project._id;
    }
    const decision: DecisionDoc = {
      kind: input.kind,
      reason: input.reason || null,
      projectId,
      at: ctx.now,
      by: ctx.openid,
      byName: user.name,
    };
    await ref.update({
      data: {
        status: meta.status,
        decision: _.set(decision),
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      { action: 'decide', targetType: 'proposal', targetId: p._id, from, to: meta.status, note: input.reason ?? null },
    ]);
  });
  const made = project as ProjectDoc | null;
  const merged = await loadMany(
    ctx,
    p.mergedFrom.map((m) => m._id),
  );
  const told = await notifyAuthors(
    ctx,
    [p, ...merged.values()],
    (d) => ({
      kind: 'proposalDecided',
      title: `您的建议${meta.status === 'adopted' ? '已被采纳' : meta.status === 'deferred' ? '暂缓办理' : '未被采纳'}`,
      body:
        `您的建议《${d.title}》${d._id === p._id ? '' : `（已合并到《${p.title}》）`}处理结果：${meta.label}。` +
        (input.reason ? `说明：${input.reason}` : '') +
        (made ? `已列为项目草稿《${made.title}》，进入可研论证。` : ''),
      proposalId: d._id,
      projectId: made?._id ?? null,
    }),
    (d) => {
      const f = subscribeTopics.proposalDecided.fields;
      return {
        topic: 'proposalDecided',
        data: {
          [f.title]: { value: clip(d.title, 20) },
          [f.result]: { value: clip(meta.label, 5) },
          [f.note]: { value: clip(input.reason || (made ? '已列为项目草稿' : '感谢您的建议'), 20) },
          [f.time]: { value: formatDateTime(ctx.now) },
        },
      };
    },
  );
  // Supporters (附议) of the kept and the merged proposals are told of an adoption too, authors once only.
  if (meta.status === 'adopted') {
    const authors = new Set([p, ...merged.values()].map((d) => d.authorOpenid).filter(Boolean));
    const _ = ctx.db.command;
    const supports = await ctx.db
      .collection('supports')
      .where({ proposalId: _.in([p._id, ...merged.keys()]) })
      .field({ openid: true })
      .limit(1000)
      .get();
    const supporters = (supports.data as Array<{ openid: string }>).map((s) => s.openid).filter((o) => !authors.has(o));
    await notify(ctx, supporters, {
      kind: 'proposalDecided',
      title: '您附议的建议已被采纳',
      body: `您附议的建议《${p.title}》已被采纳。` + (made ? `已列为项目草稿《${made.title}》，进入可研论证。` : ''),
      proposalId: p._id,
      projectId: made?._id ?? null,
    });
  }
  const fresh = await loadProposal(ctx, p._id);
  return { proposal: (await present(ctx, [fresh]))[0], project: made ? toProjectRef(made) : null, notified: told };
}
