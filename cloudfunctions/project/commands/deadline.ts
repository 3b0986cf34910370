/** 中期报送截止日 per programme year (default 08-15): configurable by 调查研究室, audited. */
import {
  DEFAULT_MIDTERM_DUE,
  midtermDueAt,
  type SetMidtermDueInput,
  type SetMidtermDueOutput,
} from '@shishi/shared-types';
import { audit, type Writer } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { readOrNull } from '../load';

/** The year's due day as set, or the default. */
export async function midtermDueOf(t: Writer, year: number): Promise<Date> {
  const doc = await readOrNull<{ midtermDue?: string }>(t.collection('programmeYears').doc(String(year)));
  return midtermDueAt(year, doc?.midtermDue ?? DEFAULT_MIDTERM_DUE);
}

export async function setMidtermDue(ctx: Ctx, input: SetMidtermDueInput): Promise<SetMidtermDueOutput> {
  const dueAt = midtermDueAt(input.year, input.monthDay);
  const before = await readOrNull<{ midtermDue?: string }>(ctx.db.collection('programmeYears').doc(String(input.year)));
  // The setting and its audit entry together; then the year's open projects follow it (one update).
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t
      .collection('programmeYears')
      .doc(String(input.year))
      .set({ data: { midtermDue: input.monthDay, updatedAt: ctx.now, updatedBy: ctx.openid } });
    await audit(ctx, t, [
      {
        action: 'setMidtermDue',
        targetType: 'programmeYear',
        targetId: String(input.year),
        from: before?.midtermDue ?? DEFAULT_MIDTERM_DUE,
        to: input.monthDay,
      },
    ]);
  });
  const res = await ctx.db
    .collection('projects')
    .where({ year: input.year, midtermOpen: true })
    .update({ data: { midtermDueAt: dueAt } });
  return {
    year: input.year,
    monthDay: input.monthDay,
    dueAt: dueAt.toISOString(),
    projectsUpdated: res.stats?.updated ?? 0,
  };
}
