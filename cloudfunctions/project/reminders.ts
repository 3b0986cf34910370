/**
 * Deadline reminders (timer trigger `projectReminders`): the mid-term form (附件3) is due by the end of
 * 08-15 of the project year (Asia/Shanghai). The unit's staff are reminded 7 days and 1 day before —
 * each once: the reminder's fixed _id is inserted before anyone is told, so two runs at once, or a
 * run repeated, tell nobody twice. Once overdue, the routed department hears of it, once.
 */
import { businessDate, formatDateTime, midtermOwingStatuses, reminderDue, subscribeTopics } from '@shishi/shared-types';
import { isDuplicateKey } from '../common/app';
import type { Cloud } from '../common/cloud';
import { createCtx, type Ctx } from '../common/context';
import { clip, notify } from '../common/notify';
import type { ProjectDoc } from '../common/projects';
import { holdersAt } from './tell';

export const REMINDERS_EVERY_MS = 60 * 60 * 1000;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const SYSTEM = 'system:projectReminders';

/** Records that a reminder went out; false when it already had. */
async function claim(ctx: Ctx, id: string, projectId: string): Promise<boolean> {
  try {
    await ctx.db.collection('projectReminders').add({ data: { _id: id, projectId, at: ctx.now } });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

export async function sendReminders(cloud: Cloud, now: Date): Promise<{ reminded: number; overdue: number }> {
  const ctx = createCtx(cloud, SYSTEM, now);
  const _ = ctx.db.command;
  let reminded = 0;
  let overdue = 0;
  for (let after = ''; ;) {
    const res = await ctx.db
      .collection('projects')
      .where({
        midtermOpen: true,
        midtermDueAt: _.lte(new Date(now.getTime() + WEEK_MS)),
        status: _.in([...midtermOwingStatuses]),
        _id: _.gt(after),
      })
      .orderBy('_id', 'asc')
      .field({ title: true, orgId: true, departmentId: true, midtermDueAt: true })
      .limit(100)
      .get();
    const page = res.data as Array<Pick<ProjectDoc, '_id' | 'title' | 'orgId' | 'departmentId' | 'midtermDueAt'>>;
    for (const p of page) {
      const dueAt = new Date(p.midtermDueAt!);
      const day = businessDate(dueAt);
      const days = reminderDue(now, dueAt);
      if (days !== null && (await claim(ctx, `${p._id}_midterm_${days}`, p._id))) {
        const staff = await holdersAt(ctx, p.orgId, ['unionStaff', 'unitHead']);
        const f = subscribeTopics.projectDeadline.fields;
        await notify(
          ctx,
          staff,
          {
            kind: 'projectTask',
            title: `中期推进情况表还有 ${days} 天截止`,
            body: `《${p.title}》的中期推进情况表请于 ${day} 前报送（第五条（八）：每年度8月中旬前归口集中审核）。`,
            proposalId: null,
            projectId: p._id,
          },
          {
            topic: 'projectDeadline',
            data: {
              [f.title]: { value: clip(p.title, 20) },
              [f.task]: { value: '报送中期推进情况表' },
              [f.due]: { value: formatDateTime(dueAt) },
            },
          },
        );
        reminded += 1;
      }
      if (now.getTime() > dueAt.getTime() && (await claim(ctx, `${p._id}_midterm_overdue`, p._id))) {
        const people = [
          ...(await holdersAt(ctx, p.departmentId, ['reviewer', 'deptHead', 'leader'])),
          ...(await holdersAt(ctx, p.orgId, ['unionStaff', 'unitHead'])),
        ];
        await notify(ctx, people, {
          kind: 'projectTask',
          title: `中期推进情况表已逾期：${p.title}`,
          body: `《${p.title}》的中期推进情况表应于 ${day} 前报送，现在还没有报送，请督促办理。`,
          proposalId: null,
          projectId: p._id,
        });
        overdue += 1;
      }
    }
    if (page.length < 100) return { reminded, overdue };
    after = page[page.length - 1]._id;
  }
}
