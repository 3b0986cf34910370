import type { CollectWindow, WindowFacts } from '@shishi/shared-types';
import { iso } from './serialize';

/** A collection window as stored. */
export interface WindowDoc extends WindowFacts {
  orgName: string;
  title: string;
  year: number;
  createdAt: Date;
}

export function toWindow(w: WindowDoc, now: Date): CollectWindow {
  const open = !w.closedEarly && w.opensAt.getTime() <= now.getTime() && now.getTime() < w.closesAt.getTime();
  return {
    _id: w._id,
    orgId: w.orgId,
    orgName: w.orgName,
    title: w.title,
    year: w.year,
    opensAt: iso(w.opensAt),
    closesAt: iso(w.closesAt),
    status: open ? 'open' : 'closed',
  };
}
