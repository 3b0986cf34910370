/**
 * Traceability: every change is one `auditLog` entry — who, when, what, from, to, why — written inside
 * the same transaction as the change (`t`), so nothing changes unaudited and no entry claims a change
 * that did not happen. `targetType` is the collection's record kind (proposal, survey, project, …).
 */
import type { Ctx } from './context';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string;
  from: string | null;
  to: string | null;
  note?: string | null;
}

export interface AuditDoc extends Omit<AuditInput, 'note'> {
  _id?: string;
  at: Date;
  actor: string;
  actorName: string;
  note: string | null;
}

/** A transaction (`runTransaction`'s `t`) or, for a single-request change, the database itself. */
export interface Writer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  collection(name: string): any;
}

export function auditDocs(ctx: Ctx, actorName: string, entries: readonly AuditInput[]): AuditDoc[] {
  return entries.map((e) => ({
    at: ctx.now,
    actor: ctx.openid,
    actorName,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    from: e.from,
    to: e.to,
    note: e.note ?? null,
  }));
}

/**
 * Writes the entries through `t`. In a transaction each is its own insert (CloudBase transactions take
 * single-document operations); outside one they go in one request.
 */
export async function audit(ctx: Ctx, t: Writer, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const user = await ctx.profile();
  const docs = auditDocs(ctx, user.name, entries);
  if (t === ctx.db) {
    await ctx.db.collection('auditLog').add({ data: docs.length === 1 ? docs[0] : docs });
    return;
  }
  for (const doc of docs) await t.collection('auditLog').add({ data: doc });
}
