import { View, Text } from '@tarojs/components';
import { inBusinessTz, type Profile } from '@shishi/shared-types';
import './Greeting.scss';

function partOfDay(now: Date): string {
  const hour = inBusinessTz(now).hour();
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** 王师傅，上午好 — the top of the home page. */
export function Greeting({ profile }: { profile: Profile }) {
  return (
    <View className="greeting">
      <Text className="greeting__hello" id="home-greeting">
        {profile.name}，{partOfDay(new Date())}
      </Text>
      <Text className="greeting__org">{profile.orgName}</Text>
    </View>
  );
}
