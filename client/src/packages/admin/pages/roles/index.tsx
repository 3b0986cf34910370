import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { roleLabels, type Profile, type Role, type StaffPerson } from '@shishi/shared-types';
import { FilterTabs, PagedList, usePagedList } from '../../../../components';
import { RoleOnly } from '../../../../features/profile/components/StaffOnly';
import { fetchStaff, roleShortLabels } from '../../../../features/org/rolesApi';
import { PersonSearch } from '../../../../features/org/roles/PersonSearch';
import { RoleAssignSheet } from '../../../../features/org/roles/RoleAssignSheet';
import { revokeWithConfirm } from '../../../../features/org/roles/revoke';
import { StaffCard } from '../../../../features/org/roles/StaffCard';
import '../../../../features/org/roles/roles.scss';
import { withFontScale } from '../../../../components/FontScale';

const isAdmin = (profile: Profile) => (profile.bindings ?? [profile]).some((b) => b.role === 'admin');

/** 人员与角色 (admin): who holds which role in the admin's units; find a person and give or withdraw a role. */
function RolesPage() {
  return (
    <RoleOnly allowed={() => true} refusal="请先绑定个人资料后再打开这个页面。">
      {(profile) =>
        isAdmin(profile) ? (
          <Roles profile={profile} />
        ) : (
          <View className="page">
            <Text className="page-intro">这个页面只对系统管理员开放。如需调整角色，请联系市总工会信息中心。</Text>
          </View>
        )
      }
    </RoleOnly>
  );
}

const filterRoles: Array<keyof typeof roleShortLabels> = [
  'unionStaff',
  'unitHead',
  'reviewer',
  'deptHead',
  'leader',
  'research',
  'cadre',
  'admin',
];

function Roles({ profile }: { profile: Profile }) {
  const adminOrgIds = (profile.bindings ?? [profile]).filter((b) => b.role === 'admin').map((b) => b.orgId);
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [assigning, setAssigning] = useState<StaffPerson | null>(null);
  const [version, setVersion] = useState(0);
  const staff = usePagedList<StaffPerson>(
    async (page, pageSize) => {
      const res = await fetchStaff(page, pageSize, role);
      return { items: res.items, total: res.total };
    },
    [role, version],
    { pageSize: 20, keyOf: (p) => p.userId },
  );
  usePullDownRefresh(() => {
    void staff.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  const changed = () => setVersion((v) => v + 1);

  return (
    <View className="page roles-page">
      <Text className="page-intro">
        在这里给工作人员设定角色。一个人在一个单位只能有一个角色；要换角色，请先撤销原来的。
      </Text>

      <Text className="section-title">找人设角色</Text>
      <PersonSearch
        version={version}
        onAssign={setAssigning}
        onRevoke={(person, binding) =>
          void revokeWithConfirm(person, binding).then(({ done }) => {
            if (done) changed();
          })
        }
      />

      <Text className="section-title" id="roles-total">
        {staff.status === 'ready' ? `现有人员（共 ${staff.total} 人）` : '现有人员'}
      </Text>
      <View className="roles-page__tabs">
        <FilterTabs
          idPrefix="roles-filter"
          options={filterRoles.map((value) => ({ value, label: roleShortLabels[value] }))}
          value={role}
          onChange={setRole}
        />
      </View>
      <PagedList
        id="roles-list"
        list={staff}
        keyOf={(p) => p.userId}
        emptyText={role ? `还没有人担任${roleLabels[role]}` : '您管辖的范围内还没有设定角色的人员'}
        renderItem={(person) => (
          <StaffCard
            person={person}
            onAssign={() => setAssigning(person)}
            onRevoke={(binding) =>
              void revokeWithConfirm(person, binding).then(({ done }) => {
                if (done) changed();
              })
            }
          />
        )}
      />
      {assigning ? (
        <RoleAssignSheet
          person={assigning}
          withinOrgIds={adminOrgIds}
          onClose={() => setAssigning(null)}
          onAssigned={() => {
            setAssigning(null);
            changed();
          }}
        />
      ) : null}
    </View>
  );
}

export default withFontScale(RolesPage);
