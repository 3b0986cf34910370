/**
 * 用户隐私保护指引 prompt (app.json `__usePrivacyCheck__`). When a privacy API (chooseMedia,
 * setClipboardData) is called before the person agreed, WeChat holds the call and fires
 * onNeedPrivacyAuthorization; the prompt of the page on top shows the guide's link with 拒绝 / 同意, and
 * the held call goes on (同意) or fails (拒绝). Rendered by the components that call such an API, which
 * live in subpackages: nothing here is in the main package.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Sheet } from '../Sheet';
import './PrivacyPrompt.scss';

type Resolve = Parameters<Taro.onNeedPrivacyAuthorization.Listener>[0];

/** Mounted prompts, newest last (the page on top). One listener for the app: WeChat keeps only one. */
const prompts: ((resolve: Resolve) => void)[] = [];
let listening = false;

function listen() {
  if (listening) return;
  listening = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const show = prompts[prompts.length - 1];
    if (show) show(resolve);
    else resolve({ event: 'disagree' });
  });
}

const AGREE_ID = 'privacy-agree';

export function PrivacyPrompt({ feature }: { feature: string }) {
  const [pending, setPending] = useState<Resolve | null>(null);
  useEffect(() => {
    const show = (resolve: Resolve) => {
      resolve({ event: 'exposureAuthorization' });
      setPending(() => resolve);
    };
    prompts.push(show);
    listen();
    return () => {
      prompts.splice(prompts.indexOf(show), 1);
    };
  }, []);
  const answer = (agree: boolean) => {
    pending?.(agree ? { event: 'agree', buttonId: AGREE_ID } : { event: 'disagree' });
    setPending(null);
  };
  return (
    <Sheet
      open={!!pending}
      id="privacy-prompt"
      title="用户隐私保护指引"
      onClose={() => answer(false)}
      footer={
        <View className="privacy-prompt__buttons">
          <Button className="privacy-prompt__btn" id="privacy-disagree" onClick={() => answer(false)}>
            拒绝
          </Button>
          <Button
            className="privacy-prompt__btn privacy-prompt__btn--agree"
            id={AGREE_ID}
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answer(true)}
          >
            同意
          </Button>
        </View>
      }
    >
      <Text className="privacy-prompt__text">
        {feature}需要使用你的个人信息。请阅读
        <Text className="privacy-prompt__link" onClick={() => Taro.openPrivacyContract()}>
          《为职工办实事用户隐私保护指引》
        </Text>
        ，同意后继续；拒绝则不会使用。
      </Text>
    </Sheet>
  );
}
