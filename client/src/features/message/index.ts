export { MessageItem } from './components/MessageItem';
export { useMessages, useUnreadCount } from './hooks';
