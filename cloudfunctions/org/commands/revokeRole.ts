import { AppError, type RevokeRoleInput, type RevokeRoleOutput } from '@shishi/shared-types';
import { audit } from '../../common/audit';
import { bindingsOf, type Ctx, type UserDoc } from '../../common/context';
import { requireOrg } from '../../common/orgs';
import { bindingFields, bindingWords, ordered, toStaffPerson, type Binding } from '../people';
import { requirePerson } from './assignRole';

/**
 * 撤销角色 at one org node of the admin's subtree. What the person keeps:
 * - their other roles (the first left becomes the profile's role);
 * - a cadre's worker membership of that grassroots union (a cadre is a worker too);
 * - nothing, when it was their last role: the profile is removed and they bind again as a worker of
 *   their own grassroots union (`person: null`); the audit log keeps who they were.
 * A worker's membership is theirs (profile.bind), not an admin's to revoke; nor may an admin withdraw
 * their own admin role (another admin does that, so the system never loses its last one by a slip).
 */
export async function revokeRole(ctx: Ctx, input: RevokeRoleInput): Promise<RevokeRoleOutput> {
  const org = await requireOrg(ctx.db, input.orgId);
  await ctx.authorize({ orgPath: org.path }, `“${org.name}”`);
  await requirePerson(ctx, input.userId);

  let after: UserDoc | null = null;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('users').doc(input.userId);
    const user = (await ref.get()).data as UserDoc;
    const current = bindingsOf(user);
    const held = current.find((b) => b.orgId === org._id);
    if (!held || held.role === 'worker') {
      throw new AppError('CONFLICT', `${user.name}在“${org.name}”没有可以撤销的角色（可能刚被别人撤销了）`);
    }
    if (held.role === 'admin' && user._id === ctx.openid) {
      throw new AppError('CONFLICT', '不能撤销自己的系统管理员角色，请另一位管理员操作');
    }
    const member: Binding | null = held.role === 'cadre' ? { ...held, role: 'worker' } : null;
    const next = ordered(
      member ? current.map((b) => (b.orgId === org._id ? member : b)) : current.filter((b) => b.orgId !== org._id),
    );
    if (next.length === 0) {
      await ref.remove();
      after = null;
    } else {
      const fields = { ...bindingFields(next), updatedAt: ctx.now };
      await ref.update({ data: { ...fields, bindings: ctx.db.command.set(fields.bindings) } });
      after = { ...user, ...fields };
    }
    await audit(ctx, t, [
      {
        action: 'revokeRole',
        targetType: 'user',
        targetId: user._id,
        from: held.role,
        to: member ? 'worker' : null,
        note: `${user.name}：${bindingWords(held)}${next.length === 0 ? `；已无任何角色，需重新绑定资料` : ''}`,
      },
    ]);
  });
  return { person: after ? toStaffPerson(after) : null };
}
