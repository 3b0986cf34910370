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

/** Failures that may go away on their own: the network, the server, too many requests. 重试 helps only here. */
const retryable: readonly string[] = ['NETWORK', 'INTERNAL', 'RATE_LIMITED'];

/** What happened, said as a heading, for replies that no 重试 will change. */
const titles: Record<string, string> = {
  NOT_FOUND: '没有找到这条内容',
  FORBIDDEN: '您不能查看这里',
  INVALID_INPUT: '打不开这条内容',
  UNKNOWN_ACTION: '这个功能暂时用不了',
  UNKNOWN_FUNCTION: '这个功能暂时用不了',
};

/** Where to go instead: back where the person came from, or 首页 when this page was opened first. */
function leave(): void {
  const pages = Taro.getCurrentPages();
  if (pages.length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: routes.home });
}

function onHome(): boolean {
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  return `/${route.replace(/^\//, '')}`.startsWith(routes.home);
}

/**
 * A load that failed. Network and server failures show the message and 重试; a reply that will not
 * change (not found, not allowed, a broken link) says what happened and offers the way back instead
 * of a 重试 that can never work. A missing profile leads to 绑定资料.
 */
export function ErrorBlock({ error, onRetry }: ErrorBlockProps) {
  const needsProfile = error.code === 'PROFILE_REQUIRED';
  const canRetry = retryable.includes(error.code);
  const title = needsProfile ? '还没有绑定资料' : canRetry ? '没能加载出来' : (titles[error.code] ?? '暂时打不开');
  return (
    <View className="ui-error" id="error-block" data-code={error.code}>
      <View className={`ui-error__mark ${canRetry ? 'ui-error__mark--retry' : ''}`} />
      <Text className="ui-error__title">{title}</Text>
      <Text className="ui-error__message">{error.message}</Text>
      {needsProfile ? (
        <AppButton kind="primary" onClick={() => void Taro.reLaunch({ url: routes.bind })}>
          去绑定资料
        </AppButton>
      ) : canRetry ? (
        onRetry ? (
          <AppButton kind="plain" id="error-retry" onClick={onRetry}>
            重试
          </AppButton>
        ) : null
      ) : onHome() ? null : (
        <AppButton kind="plain" id="error-leave" onClick={leave}>
          {Taro.getCurrentPages().length > 1 ? '返回上一页' : '回到首页'}
        </AppButton>
      )}
    </View>
  );
}
