import {
  AppError,
  roleLabels,
  roleNodeRefusal,
  type AssignRoleInput,
  type AssignRoleOutput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import { bindingsOf, type Ctx, type UserDoc } from '../../common/context';
import { requireOrg } from '../../common/orgs';
import { bindingFields, bindingOf, bindingWords, ordered, toStaffPerson } from '../people';

/**
 * 设角色: the admin gives a bound person a role at an org node of their subtree. One role per node:
 * a node where the person holds a role already is CONFLICT naming it (revoke first) — except a
 * worker's own grassroots union, where `cadre` takes the place of the membership (a cadre is a worker
 * too, and revoking the cadre role gives the membership back).
 */
export async function assignRole(ctx: Ctx, input: AssignRoleInput): Promise<AssignRoleOutput> {
  const org = await requireOrg(ctx.db, input.orgId);
  await ctx.authorize({ orgPath: org.path }, `“${org.name}”`);
  const refusal = roleNodeRefusal(input.role, org);
  if (refusal) throw new AppError('INVALID_INPUT', refusal, [{ path: 'orgId', message: refusal }]);
  await requirePerson(ctx, input.userId);

  let after: UserDoc | null = null;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('users').doc(input.userId);
    const user = (await ref.get()).data as UserDoc;
    const current = bindingsOf(user);
    const held = current.find((b) => b.orgId === org._id);
    const upgrade = held?.role === 'worker' && input.role === 'cadre';
    if (held && !upgrade) {
      const same = held.role === input.role;
      throw new AppError(
        'CONFLICT',
        same
          ? `${user.name}已经是“${org.name}”的${roleLabels[held.role]}了`
          : `${user.name}在“${org.name}”已经是${roleLabels[held.role]}，一个人在一个单位只能有一个角色；请先撤销原来的角色`,
      );
    }
    const added = bindingOf(input.role, org);
    const next = ordered(upgrade ? current.map((b) => (b.orgId === org._id ? added : b)) : [...current, added]);
    const fields = { ...bindingFields(next), updatedAt: ctx.now };
    await ref.update({ data: { ...fields, bindings: ctx.db.command.set(fields.bindings) } });
    await audit(ctx, t, [
      {
        action: 'assignRole',
        targetType: 'user',
        targetId: user._id,
        from: held ? held.role : null,
        to: input.role,
        note: `${user.name}：${bindingWords(added)}`,
      },
    ]);
    after = { ...user, ...fields };
  });
  return { person: toStaffPerson(after!) };
}

/** The person must have bound a profile (they are found with org.findPeople). */
export async function requirePerson(ctx: Ctx, userId: string): Promise<UserDoc> {
  const res = await ctx.db.collection('users').where({ _id: userId }).limit(1).get();
  const user = res.data[0] as UserDoc | undefined;
  if (!user) {
    throw new AppError('INVALID_INPUT', '找不到这个人，请先让他（她）在小程序里绑定资料', [
      { path: 'userId', message: '还没有绑定资料' },
    ]);
  }
  return user;
}
