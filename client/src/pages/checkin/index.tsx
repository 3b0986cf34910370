import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ScanOutput } from '@shishi/shared-types';
import { AppButton, Card, Empty, ErrorBlock } from '../../components';
import { withFontScale } from '../../components/FontScale';
import { routes } from '../../config';
import { toApiError, type ApiError } from '../../services/call';
import { checkIn } from '../../features/checkin/api';
import { projectDetailUrl } from '../../features/project/routes';
import '../../features/checkin/checkin.scss';

/**
 * 签到 `?c=<code>[&p=<projectId>]` — or `?scene=<code>` from the mini-program code: a worker at a
 * service point confirms with one tap; one check-in per project and day (a repeat says so).
 */
function CheckinPage() {
  const params = useRouter().params;
  const raw = params.c ?? params.scene ?? '';
  let code = '';
  try {
    code = decodeURIComponent(raw);
  } catch {
    code = '';
  }
  const projectId = params.p ? decodeURIComponent(params.p) : undefined;
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ScanOutput | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  if (!code)
    return (
      <Empty
        text="这个链接里没有签到码。请到服务点用微信或手机相机扫现场海报上的二维码。"
        actionText="回到首页"
        onAction={() => void Taro.reLaunch({ url: routes.home })}
      />
    );

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await checkIn(code, projectId));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <View className="page">
        <Card id="checkin-result">
          <View className="ck-result">
            <Text className="ck-result__icon">{done.alreadyToday ? '✓' : '✔'}</Text>
            <Text className="ck-result__title" id="checkin-result-title">
              {done.alreadyToday ? '今天已经签到过了' : '签到成功'}
            </Text>
            <Text className="ck-hint">{done.projectTitle}</Text>
            <Text className="ck-hint">
              {done.pointName} · {done.address}
            </Text>
            <Text className="ck-hint">
              {done.alreadyToday ? `${done.day} 的签到已经记下，不用再签。` : `${done.day}，感谢参加。`}
            </Text>
          </View>
          <AppButton
            id="checkin-open-project"
            block
            onClick={() => void Taro.navigateTo({ url: projectDetailUrl(done.projectId) })}
          >
            查看项目
          </AppButton>
        </Card>
      </View>
    );

  return (
    <View className="page">
      {error && error.code !== 'INVALID_INPUT' && error.code !== 'CONFLICT' ? (
        <ErrorBlock error={error} onRetry={() => void submit()} />
      ) : (
        <Card title="服务点签到" id="checkin-confirm">
          {error ? (
            <View className="ck-rows">
              <Text className="ck-rows__row" id="checkin-error">
                {error.message}
              </Text>
            </View>
          ) : (
            <Text className="ck-hint">
              确认您现在在服务点、接受了服务，点下面的按钮签到。每个项目每天签到一次，用于统计直接服务的职工人数。
            </Text>
          )}
          <View className="ck-actions">
            {error ? (
              <AppButton id="checkin-home" block onClick={() => void Taro.reLaunch({ url: routes.home })}>
                回到首页
              </AppButton>
            ) : (
              <AppButton
                id="checkin-submit"
                kind="primary"
                block
                loading={busy}
                busyText="正在签到…"
                onClick={() => void submit()}
              >
                签到
              </AppButton>
            )}
          </View>
        </Card>
      )}
    </View>
  );
}

export default withFontScale(CheckinPage);
