import { projectStatusMeta, type ProjectRef, type ProjectStatus } from '@shishi/shared-types';

/** A project (项目); an adoption creates it as a `draft` carrying its proposals as origin. */
export interface ProjectDoc {
  _id: string;
  title: string;
  status: ProjectStatus;
  /** The kept proposal first, then those merged into it. */
  origin: string[];
  orgId: string;
  orgName: string;
  orgPath: string[];
  windowId: string;
  year: number;
  createdAt: Date;
  createdBy: string;
}

export function toProjectRef(p: ProjectDoc): ProjectRef {
  const meta = projectStatusMeta[p.status];
  return { _id: p._id, title: p.title, status: p.status, statusLabel: meta.label, progress: meta.progress };
}
