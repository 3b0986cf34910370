import { useState } from 'react';
import type { Message } from '@shishi/shared-types';
import { usePagedList } from '../../components';
import { useListPage } from '../../hooks/useListPage';
import { showError, toastSuccess } from '../../utils/feedback';
import { fetchMessages, markAllRead, markRead } from './api';

/** 消息, newest first, with the unread count; reading one marks it read. */
export function useMessages() {
  const [unread, setUnread] = useState<number | null>(null);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [markingAll, setMarkingAll] = useState(false);
  const list = usePagedList(
    async (page, pageSize) => {
      const out = await fetchMessages(page, pageSize);
      setUnread(out.unread);
      if (page === 1) setReadIds(new Set());
      return out;
    },
    [],
    { pageSize: 20, keyOf: (m: Message) => m._id },
  );
  useListPage(list);

  const isRead = (m: Message) => m.read || readIds.has(m._id);

  /** Marks one read on the way to what it is about; a failure only leaves the dot on. */
  const open = (m: Message) => {
    if (!isRead(m)) {
      setReadIds((current) => new Set(current).add(m._id));
      setUnread((n) => (n === null ? n : Math.max(0, n - 1)));
      markRead([m._id])
        .then((out) => setUnread(out.unread))
        .catch((e: unknown) => console.warn('[message] markRead', e));
    }
  };

  const readAll = async () => {
    setMarkingAll(true);
    try {
      const out = await markAllRead();
      setUnread(out.unread);
      setReadIds(new Set(list.items.map((m) => m._id)));
      toastSuccess('已全部标为已读');
    } catch (e) {
      showError(e);
    } finally {
      setMarkingAll(false);
    }
  };

  return { list, unread, isRead, open, readAll, markingAll };
}
