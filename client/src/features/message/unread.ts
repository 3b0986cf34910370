import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource } from '../../hooks/useResource';
import { fetchMessages } from './api';

/** The unread count for the 我的 entry; asked again whenever the page shows again. */
export function useUnreadCount() {
  const resource = useResource(async () => (await fetchMessages(1, 1)).unread, []);
  useOnReshow(() => void resource.refresh());
  return resource;
}
