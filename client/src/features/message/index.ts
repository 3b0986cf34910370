// Only the unread count is needed on 我的 (main package); the 消息 page imports the rest by path.
export { useUnreadCount } from './unread';
