import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorBlock, Loading } from '../../components';
import { routes } from '../../config';
import { GrassrootsPicker } from '../../features/org';
import { BindForm, useMe } from '../../features/profile';
import { withFontScale } from '../../components/FontScale';

/** 绑定资料: first use (or changing one's name and unit later). */
function BindPage() {
  const me = useMe();
  if (me.error) return <ErrorBlock error={me.error} onRetry={me.reload} />;
  if (me.loading || !me.data) return <Loading />;

  const profile = me.data.bound ? me.data.profile : null;
  const onBound = () => {
    void Taro.showToast({ title: profile ? '已保存' : '绑定成功', icon: 'success', duration: 1200 });
    setTimeout(() => void Taro.reLaunch({ url: routes.home }), 1200);
  };

  return (
    <View className="page">
      <Text className="page-title">{profile ? '修改资料' : '绑定资料'}</Text>
      <Text className="page-intro">
        {profile ? '可以修改姓名和工作单位。' : '第一次使用，请告诉我们您的姓名和所在的基层工会，绑定后就能提建议了。'}
      </Text>
      <BindForm
        key={profile?.openid ?? 'new'}
        initial={{ name: profile?.name ?? '', orgId: profile?.orgId ?? '', unit: profile?.unit ?? '' }}
        renderOrgField={(field) => <GrassrootsPicker {...field} />}
        onBound={onBound}
        submitText={profile ? '保存' : '完成绑定'}
      />
    </View>
  );
}

export default withFontScale(BindPage);
