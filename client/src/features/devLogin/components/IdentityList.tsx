import { View, Text } from '@tarojs/components';
import { Badge } from '../../../components';
import type { DemoIdentity } from '../api';
import './IdentityList.scss';

interface IdentityListProps {
  identities: readonly DemoIdentity[];
  /** Id of the identity being signed in, if any. */
  pending: string | null;
  onPick: (identity: DemoIdentity) => void;
}

/** One big row per demo identity; a tap signs in. */
export function IdentityList({ identities, pending, onPick }: IdentityListProps) {
  return (
    <View className="identity-list">
      {identities.map((identity) => (
        <View
          key={identity.id}
          id={`identity-${identity.id}`}
          className={`identity-row ${pending === identity.id ? 'identity-row--pending' : ''}`}
          onClick={() => (pending ? undefined : onPick(identity))}
        >
          <View className="identity-row__body">
            <View className="identity-row__line">
              <Text className="identity-row__name">{identity.name}</Text>
              <Text className="identity-row__role">{identity.roleLabel}</Text>
            </View>
            <Text className="identity-row__org">{identity.orgName || '尚未加入工会'}</Text>
          </View>
          {pending === identity.id ? (
            <Text className="identity-row__state">登录中…</Text>
          ) : identity.bound ? (
            <Text className="identity-row__arrow">›</Text>
          ) : (
            <Badge label="未绑定" tone="warning" />
          )}
        </View>
      ))}
    </View>
  );
}
