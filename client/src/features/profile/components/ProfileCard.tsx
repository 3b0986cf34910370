import { View, Text } from '@tarojs/components';
import { roleLabels, type Profile } from '@shishi/shared-types';
import './ProfileCard.scss';

/** Name, union and role of the signed-in user. */
export function ProfileCard({ profile, onEdit }: { profile: Profile; onEdit?: () => void }) {
  return (
    <View className="profile-card" id="profile-card">
      <View className="profile-card__avatar">
        <Text>{Array.from(profile.name)[0] ?? '职'}</Text>
      </View>
      <View className="profile-card__body">
        <Text className="profile-card__name" id="profile-name">
          {profile.name}
        </Text>
        <Text className="profile-card__line" id="profile-org">
          {profile.orgName}
        </Text>
        {profile.unit ? <Text className="profile-card__line">{profile.unit}</Text> : null}
        <Text className="profile-card__role" id="profile-role">
          {roleLabels[profile.role]}
        </Text>
      </View>
      {onEdit ? (
        <View className="profile-card__edit" id="profile-edit" onClick={onEdit}>
          <Text>修改</Text>
        </View>
      ) : null}
    </View>
  );
}
