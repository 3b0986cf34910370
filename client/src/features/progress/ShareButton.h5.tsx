import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AppButton } from '../../components';
import { projectPath } from './labels';

/** H5: 分享 copies the page's link (Taro's hash router) to paste into a chat. */
export function ShareButton({ projectId }: { projectId: string }) {
  const link = `${window.location.origin}${window.location.pathname}#/${projectPath(projectId)}`;
  const [state, setState] = useState<'idle' | 'copied' | 'shown'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      // No clipboard (an http page, an old browser): show the link to copy by hand.
      setState('shown');
    }
  };
  return (
    <View>
      <AppButton id="project-share" kind="default" block onClick={() => void copy()}>
        {state === 'copied' ? '链接已复制，可以粘贴到群里' : '分享：复制项目链接'}
      </AppButton>
      {state === 'shown' ? (
        <Text className="pg-sheet-fact" id="project-share-link" userSelect>
          请复制这个链接：{link}
        </Text>
      ) : null}
    </View>
  );
}
