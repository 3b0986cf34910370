import { View, Text } from '@tarojs/components';
import { formatDateTime, type Message } from '@shishi/shared-types';
import './MessageItem.scss';

/** One message: a red dot while unread, the title, the body and when. */
export function MessageItem({ message: m, read, onClick }: { message: Message; read: boolean; onClick: () => void }) {
  return (
    <View className={`message-item ${read ? '' : 'message-item--unread'}`} id={`message-${m._id}`} onClick={onClick}>
      <View className="message-item__head">
        {read ? null : <View className="message-item__dot" />}
        <Text className="message-item__title">{m.title}</Text>
      </View>
      <Text className="message-item__body">{m.body}</Text>
      <View className="message-item__foot">
        <Text className="message-item__time">{formatDateTime(m.createdAt)}</Text>
        {m.proposalId || m.projectId ? <Text className="message-item__more">查看 ›</Text> : null}
      </View>
    </View>
  );
}
