/** Traceability: every state change is one `auditLog` entry — who, when, what, from, to, why. */
import type { Ctx } from './context';

export interface AuditInput {
  action: string;
  targetType: 'proposal' | 'collectWindow' | 'project';
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

/** Writes the entries in one request. */
export async function audit(ctx: Ctx, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const user = await ctx.profile();
  const docs: AuditDoc[] = entries.map((e) => ({
    at: ctx.now,
    actor: ctx.openid,
    actorName: user.name,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    from: e.from,
    to: e.to,
    note: e.note ?? null,
  }));
  await ctx.db.collection('auditLog').add({ data: docs.length === 1 ? docs[0] : docs });
}
