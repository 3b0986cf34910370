import { AppError, workerGroupLabels, type BindInput, type Profile } from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx, UserDoc } from '../../common/context';
import { requireOrg } from '../../common/orgs';
import { toProfile } from '../view';

/**
 * A worker binds name and grassroots union. Staff identities are set up by the admin: they may
 * correct their name and unit here, never move themselves to another org.
 */
export async function bind(ctx: Ctx, input: BindInput): Promise<Profile> {
  const org = await requireOrg(ctx.db, input.orgId);
  let existing: UserDoc | null = null;
  try {
    existing = await ctx.profile();
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'PROFILE_REQUIRED')) throw e;
  }
  if (existing && existing.role !== 'worker' && existing.orgId !== org._id) {
    throw new AppError('FORBIDDEN', '工作人员的所属组织由管理员设置，这里不能修改', [
      { path: 'orgId', message: '不能修改所属组织' },
    ]);
  }
  if (org.type !== 'grassroots' && (!existing || existing.role === 'worker')) {
    throw new AppError('INVALID_INPUT', '请选择您所在的基层工会', [{ path: 'orgId', message: '请选择基层工会' }]);
  }
  const user: UserDoc = {
    _id: ctx.openid,
    openid: ctx.openid,
    name: input.name,
    role: existing?.role ?? 'worker',
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    ...(input.unit ? { unit: input.unit } : {}),
    // Groups: what this call names, else what was declared before (a re-bind without them keeps them).
    ...((input.groups ?? existing?.groups)?.length ? { groups: input.groups ?? existing?.groups } : {}),
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
    // Roles the admin gave (org.assignRole) stay; a worker's one binding follows role/orgId above.
    ...(existing?.bindings && existing.role !== 'worker' ? { bindings: existing.bindings } : {}),
  };
  const { _id, ...fields } = user;
  // The profile and its audit entry commit together; the entry names the person as just bound.
  ctx.setProfile(user);
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t.collection('users').doc(_id).set({ data: fields });
    await audit(ctx, t, [
      {
        action: 'bindProfile',
        targetType: 'user',
        targetId: _id,
        from: existing ? `${existing.name}（${existing.orgName}）${groupsText(existing)}` : null,
        to: `${user.name}（${user.orgName}）${groupsText(user)}`,
      },
    ]);
  });
  return toProfile(user);
}

/** The declared groups in the audit entry (nothing when none). */
function groupsText(u: UserDoc): string {
  return u.groups?.length ? ` 群体：${u.groups.map((g) => workerGroupLabels[g]).join('、')}` : '';
}
