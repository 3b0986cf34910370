import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Forum } from '@shishi/shared-types';
import { Empty, ErrorBlock, Loading } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { useResource } from '../../../../hooks/useResource';
import { StaffOnly } from '../../../../features/profile';
import { getForum } from '../../../../features/forum/api';
import { ForumForm } from '../../../../features/forum/ForumForm';

/**
 * 现场座谈 `?projectId=<projectId>[&id=<forumId>]` (staff of the project's unit): records a forum held with
 * workers, or edits one (`id`); saved, it goes back to the project record, where the forum now shows.
 */
function ForumPage() {
  return <StaffOnly>{(profile) => <Edit openid={profile.openid} />}</StaffOnly>;
}

function Edit({ openid }: { openid: string }) {
  const params = useRouter().params;
  const projectId = decodeURIComponent(params.projectId ?? '');
  const forumId = params.id ? decodeURIComponent(params.id) : '';
  const got = useResource<Forum | null>(() => (forumId ? getForum(forumId) : Promise.resolve(null)), [forumId]);
  if (!projectId)
    return (
      <Empty text="没有找到这个项目，链接可能不完整。" actionText="返回" onAction={() => void Taro.navigateBack()} />
    );
  if (got.error) return <ErrorBlock error={got.error} onRetry={got.reload} />;
  if (got.loading) return <Loading text="正在读取座谈记录…" />;
  const forum = got.data;
  if (forum && !forum.detail?.canEdit)
    return (
      <Empty
        text="只有项目所在单位（及上级）的工作人员可以修改座谈记录。"
        actionText="返回"
        onAction={() => void Taro.navigateBack()}
      />
    );
  return (
    <View className="page">
      <ForumForm projectId={projectId} forum={forum} openid={openid} />
    </View>
  );
}

export default withFontScale(ForumPage);
