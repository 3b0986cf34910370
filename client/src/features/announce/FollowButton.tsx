import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AppButton } from '../../components';
import { toApiError } from '../../services/call';
import { setFollowing } from './api';

interface FollowButtonProps {
  projectId: string;
  following: boolean;
  onChange?: (following: boolean) => void;
  id?: string;
}

/** 关注 / 已关注: a project's news reaches those who follow it. */
export function FollowButton({ projectId, following, onChange, id = 'follow' }: FollowButtonProps) {
  const [on, setOn] = useState(following);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await setFollowing(projectId, !on);
      setOn(out.following);
      onChange?.(out.following);
    } catch (e) {
      setError(`${toApiError(e).message}，请再点一次`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="follow">
      <AppButton
        id={id}
        kind={on ? 'default' : 'primary'}
        block
        loading={busy}
        busyText={on ? '正在取消…' : '正在关注…'}
        onClick={() => void toggle()}
      >
        {on ? '已关注（点此取消）' : '关注这个项目'}
      </AppButton>
      <Text className="follow__hint muted" id={`${id}-hint`}>
        {on ? '项目有新公告时会通知您' : '关注后，项目有新的服务时间、地点等公告时会通知您'}
      </Text>
      {error ? (
        <Text className="follow__error" id={`${id}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
