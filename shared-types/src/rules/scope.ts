/** Who sees what (DESIGN.md §1): staff see their org subtree; workers see their own and the public. */
import { isStaff, type Role } from '../roles';
import type { ModerationState } from '../schemas/proposal';

export interface Viewer {
  openid: string;
  role: Role;
  orgId: string;
}

/** True when the node whose root-first path is `path` lies in the subtree of `rootId`. */
export function inSubtree(path: readonly string[], rootId: string): boolean {
  return path.includes(rootId);
}

export interface ProposalVisibilityFacts {
  authorOpenid: string | null;
  orgPath: readonly string[];
  moderation: ModerationState;
}

/**
 * A proposal is visible to its author, to staff whose subtree holds it, and — once it passed the
 * content check — to every worker.
 */
export function canSeeProposal(viewer: Viewer, p: ProposalVisibilityFacts): boolean {
  if (p.authorOpenid !== null && p.authorOpenid === viewer.openid) return true;
  if (isStaff(viewer.role)) return inSubtree(p.orgPath, viewer.orgId);
  return p.moderation === 'pass';
}

/** Whether the viewer sees the full author name (self and staff in scope) or a masked one. */
export function seesAuthorName(viewer: Viewer, p: ProposalVisibilityFacts): boolean {
  if (p.authorOpenid !== null && p.authorOpenid === viewer.openid) return true;
  return isStaff(viewer.role) && inSubtree(p.orgPath, viewer.orgId);
}

/** 王小明 → 王**: other workers see the family name only. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '职工';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
