import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorBlock, Loading, Notice } from '../../components';
import { routes } from '../../config';
import { IdentityList, fetchIdentities, loginAs, type DemoIdentity } from '../../features/devLogin';
import { forgetMe } from '../../features/profile';
import { useResource } from '../../hooks/useResource';
import { toApiError } from '../../services/call';
import { withFontScale } from '../../components/FontScale';

/** H5 only (not in the weapp build): sign in to the local dev host as one of its demo identities. */
function DevLoginPage() {
  const identities = useResource(fetchIdentities, []);
  const [pending, setPending] = useState<string | null>(null);
  const [loginError, setLoginError] = useState<string | null>(null);

  const pick = async (identity: DemoIdentity) => {
    setPending(identity.id);
    setLoginError(null);
    try {
      await loginAs(identity.id);
      forgetMe();
      await Taro.reLaunch({ url: routes.home });
    } catch (e) {
      setLoginError(toApiError(e).message);
      setPending(null);
    }
  };

  return (
    <View className="page">
      <Text className="page-title">选择演示身份</Text>
      <Text className="page-intro">这是本地演示环境。点一下身份即可用它登录；“未绑定”的身份会先进入绑定资料。</Text>
      {loginError ? <Notice id="dev-login-error" text={loginError} /> : null}
      {identities.error ? (
        <ErrorBlock error={identities.error} onRetry={identities.reload} />
      ) : identities.loading || !identities.data ? (
        <Loading />
      ) : (
        <IdentityList identities={identities.data} pending={pending} onPick={(identity) => void pick(identity)} />
      )}
    </View>
  );
}

export default withFontScale(DevLoginPage);
