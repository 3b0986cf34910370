import { View, Text } from '@tarojs/components';
import type { Profile } from '@shishi/shared-types';
import { partOfDay } from '../greeting';
import './Greeting.scss';

/**
 * 王师傅，上午好 — the top of the home page. `now` is the server's clock when known (the same clock the
 * collection window's countdown uses), else the phone's; either way read on the Shanghai clock.
 */
export function Greeting({ profile, now }: { profile: Profile; now?: string }) {
  return (
    <View className="greeting">
      <Text className="greeting__hello" id="home-greeting">
        {profile.name}，{partOfDay(now ?? new Date())}
      </Text>
      <Text className="greeting__org">{profile.orgName}</Text>
    </View>
  );
}
