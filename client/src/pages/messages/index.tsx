import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Message } from '@shishi/shared-types';
import { AppButton, PagedList } from '../../components';
import { MessageItem } from '../../features/message/components/MessageItem';
import { useMessages } from '../../features/message/hooks';
import { projectUrl, proposalDetailUrl } from '../../features/proposal';
import { ratingUrl } from '../../features/rating/routes';
import { withFontScale } from '../../components/FontScale';
import './index.scss';

/** 消息: what happened to my proposals (decided, merged, checked), newest first. */
function MessagesPage() {
  const messages = useMessages();
  const open = (m: Message) => {
    messages.open(m);
    // An invitation to rate opens the rating page; other news opens the proposal, else the project.
    const url =
      m.kind === 'ratingInvite' && m.projectId
        ? ratingUrl(m.projectId)
        : m.proposalId
          ? proposalDetailUrl(m.proposalId)
          : m.projectId
            ? projectUrl(m.projectId)
            : null;
    if (url) void Taro.navigateTo({ url });
  };
  return (
    <View className="page">
      <PagedList
        id="messages-list"
        list={messages.list}
        keyOf={(m) => m._id}
        header={
          <View className="messages__head">
            <Text className="section-title messages__total" id="messages-unread">
              {messages.unread ? `${messages.unread} 条未读` : '没有未读消息'}
            </Text>
            {messages.unread ? (
              <AppButton
                id="messages-read-all"
                className="messages__read-all"
                loading={messages.markingAll}
                onClick={() => void messages.readAll()}
              >
                全部标为已读
              </AppButton>
            ) : null}
          </View>
        }
        renderItem={(m) => <MessageItem message={m} read={messages.isRead(m)} onClick={() => open(m)} />}
        emptyText="还没有消息。您的建议有了处理结果，会在这里告诉您。"
      />
    </View>
  );
}

export default withFontScale(MessagesPage);
