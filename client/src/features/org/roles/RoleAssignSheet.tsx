import { View, Text, Input } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { roleLabels, type AssignableRole, type Org, type StaffPerson } from '@shishi/shared-types';
import { AppButton, ChipGroup, Empty, FormField, Loading } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { showError, toastSuccess } from '../../../utils/feedback';
import { useOrgTree } from '../hooks';
import { assignRole, nodesFor, roleChoices, roleDuties } from '../rolesApi';
import './roles.scss';

interface RoleAssignSheetProps {
  person: StaffPerson;
  /** The admin's own nodes: roles can be given only inside them. */
  withinOrgIds: readonly string[];
  onClose: () => void;
  onAssigned: (person: StaffPerson) => void;
}

/** 设角色: choose the role, then the unit it is for (only units that fit the role), then confirm. */
export function RoleAssignSheet({ person, withinOrgIds, onClose, onAssigned }: RoleAssignSheetProps) {
  const orgs = useOrgTree(true);
  const [role, setRole] = useState<AssignableRole | undefined>(undefined);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [sending, setSending] = useState(false);

  const choice = useMemo(() => (role && orgs ? nodesFor(role, orgs, withinOrgIds) : null), [role, orgs, withinOrgIds]);
  const held = new Set(person.bindings.filter((b) => b.role !== 'worker').map((b) => b.orgId));
  const shown: Org[] = (choice?.nodes ?? []).filter((o) => !filter.trim() || o.name.includes(filter.trim()));
  const chosen = orgs?.find((o) => o._id === orgId) ?? null;

  const submit = async () => {
    if (!role || !orgId) return;
    setSending(true);
    try {
      const { person: updated } = await assignRole({ userId: person.userId, role, orgId });
      toastSuccess('已设定');
      onAssigned(updated);
    } catch (e) {
      showError(e, '没能设定角色');
    } finally {
      setSending(false);
    }
  };

  return (
    <Sheet
      open
      id="role-assign"
      title={`给 ${person.name} 设角色`}
      onClose={onClose}
      footer={
        <AppButton
          id="role-assign-submit"
          kind="primary"
          block
          disabled={!role || !orgId}
          loading={sending}
          busyText="正在设定…"
          onClick={() => void submit()}
        >
          {role && chosen ? `设为${chosen.name}的${roleLabels[role]}` : '请先选择角色和单位'}
        </AppButton>
      }
    >
      <FormField label="第一步：选择角色" id="role-assign-role">
        <ChipGroup
          idPrefix="role-assign-role"
          options={roleChoices}
          value={role}
          onChange={(r) => {
            setRole(r);
            setOrgId(null);
          }}
        />
        {role ? <Text className="role-assign__duty">{roleDuties[role]}</Text> : null}
      </FormField>
      {role ? (
        <FormField label="第二步：选择单位" id="role-assign-org">
          {!orgs ? (
            <Loading text="正在读取组织…" />
          ) : (
            <View>
              <Text className="role-assign__where">这个角色设在{choice?.where}。</Text>
              {(choice?.nodes.length ?? 0) > 6 ? (
                <Input
                  id="role-assign-filter"
                  className="ui-input role-assign__filter"
                  placeholderClass="ui-input-placeholder"
                  value={filter}
                  placeholder="输入单位名称筛选"
                  onInput={(e) => setFilter(e.detail.value)}
                />
              ) : null}
              {shown.length === 0 ? (
                <Empty text="您管辖的范围内没有适合这个角色的单位" />
              ) : (
                <View className="role-assign__nodes" id="role-assign-nodes">
                  {shown.map((o) => {
                    const taken = held.has(o._id);
                    return (
                      <View
                        key={o._id}
                        id={`role-assign-node-${o._id}`}
                        className={`role-assign__node ${o._id === orgId ? 'role-assign__node--selected' : ''} ${taken ? 'role-assign__node--taken' : ''}`}
                        onClick={() => (taken ? undefined : setOrgId(o._id))}
                      >
                        <Text className="role-assign__node-name">{o.name}</Text>
                        {taken ? <Text className="role-assign__node-note">已有角色，需先撤销</Text> : null}
                        {o._id === orgId ? <Text className="role-assign__node-check">✓</Text> : null}
                      </View>
                    );
                  })}
                </View>
              )}
            </View>
          )}
        </FormField>
      ) : null}
    </Sheet>
  );
}
