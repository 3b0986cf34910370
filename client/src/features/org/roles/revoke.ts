import { roleLabels, type RoleBindingView, type StaffPerson } from '@shishi/shared-types';
import { confirm, showError, toastSuccess } from '../../../utils/feedback';
import { revokeRole } from '../rolesApi';

/** 撤销 after a plain question that says what the person keeps; resolves with the person as they are now. */
export async function revokeWithConfirm(
  person: StaffPerson,
  binding: RoleBindingView,
): Promise<{ done: boolean; person: StaffPerson | null }> {
  const others = person.bindings.filter((b) => b.orgId !== binding.orgId);
  const after =
    binding.role === 'cadre'
      ? '撤销后，他（她）仍是这个基层工会的职工会员。'
      : others.length > 0
        ? `撤销后，他（她）还保留：${others.map((b) => `${b.orgName}${roleLabels[b.role]}`).join('、')}。`
        : '这是他（她）唯一的角色，撤销后需要重新在小程序里绑定资料。';
  const ok = await confirm(
    '撤销角色',
    `撤销${person.name}在“${binding.orgName}”的${roleLabels[binding.role]}角色？${after}`,
    '撤销',
  );
  if (!ok) return { done: false, person };
  try {
    const reply = await revokeRole({ userId: person.userId, orgId: binding.orgId });
    toastSuccess('已撤销');
    return { done: true, person: reply.person };
  } catch (e) {
    showError(e, '没能撤销角色');
    return { done: false, person };
  }
}
