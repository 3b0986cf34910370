import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '../../config';
import type { ApiError } from '../../services/call';
import { AppButton } from '../AppButton';
import './index.scss';

interface ErrorBlockProps {
  error: ApiError;
  onRetry?: () => void;
}

/** A failed load: the server's Chinese message and a 重试 button (or 去绑定资料 when a profile is missing). */
export function ErrorBlock({ error, onRetry }: ErrorBlockProps) {
  const needsProfile = error.code === 'PROFILE_REQUIRED';
  return (
    <View className="ui-error" id="error-block">
      <Text className="ui-error__title">{needsProfile ? '还没有绑定资料' : '没能加载出来'}</Text>
      <Text className="ui-error__message">{error.message}</Text>
      {needsProfile ? (
        <AppButton kind="primary" onClick={() => void Taro.reLaunch({ url: routes.bind })}>
          去绑定资料
        </AppButton>
      ) : onRetry ? (
        <AppButton kind="plain" id="error-retry" onClick={onRetry}>
          重试
        </AppButton>
      ) : null}
    </View>
  );
}
