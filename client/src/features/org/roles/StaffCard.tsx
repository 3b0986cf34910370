import { View, Text } from '@tarojs/components';
import { roleLabels, type RoleBindingView, type StaffPerson } from '@shishi/shared-types';
import { AppButton } from '../../../components';
import './roles.scss';

interface StaffCardProps {
  person: StaffPerson;
  /** Shown on bindings an admin may withdraw (not a worker's own membership). */
  onRevoke?: (binding: RoleBindingView) => void;
  onAssign?: () => void;
  /** Card id: `staff-<userId>`; each binding `staff-<userId>-<orgId>`. */
  idPrefix?: string;
}

/** One person with every role they hold: role, unit, and 撤销 beside each. */
export function StaffCard({ person, onRevoke, onAssign, idPrefix = 'staff' }: StaffCardProps) {
  const id = `${idPrefix}-${person.userId}`;
  return (
    <View className="staff-card" id={id}>
      <View className="staff-card__head">
        <Text className="staff-card__name">{person.name}</Text>
        {person.unit ? <Text className="staff-card__unit">{person.unit}</Text> : null}
      </View>
      {person.bindings.map((b, i) => (
        <View className="staff-card__binding" key={b.orgId} id={`${id}-${b.orgId}`}>
          <View className="staff-card__binding-text">
            <Text className="staff-card__role">
              {roleLabels[b.role]}
              {i === 0 && person.bindings.length > 1 ? <Text className="staff-card__primary">（主要）</Text> : null}
            </Text>
            <Text className="staff-card__org">{b.orgName}</Text>
          </View>
          {onRevoke && b.role !== 'worker' ? (
            <AppButton
              kind="plain"
              className="staff-card__revoke"
              id={`${id}-${b.orgId}-revoke`}
              onClick={() => onRevoke(b)}
            >
              撤销
            </AppButton>
          ) : null}
        </View>
      ))}
      {onAssign ? (
        <AppButton block className="staff-card__assign" id={`${id}-assign`} onClick={onAssign}>
          给 {person.name} 设角色
        </AppButton>
      ) : null}
    </View>
  );
}
