import { canSeeProposal, maskName, seesAuthorName, type Proposal, type Viewer } from '@shishi/shared-types';
import { iso } from '../common/serialize';
import type { ProposalDoc } from './model';

/** A proposal as this viewer may see it (author name masked for other workers). */
export function toProposal(doc: ProposalDoc, viewer: Viewer): Proposal {
  return {
    _id: doc._id,
    title: doc.title,
    content: doc.content,
    category: doc.category,
    targetGroup: doc.targetGroup,
    status: doc.status,
    moderation: doc.moderation,
    authorName: seesAuthorName(viewer, doc) ? doc.authorName : maskName(doc.authorName),
    orgId: doc.orgId,
    orgName: doc.orgName,
    windowId: doc.windowId,
    year: doc.year,
    channel: doc.channel,
    supportCount: doc.supportCount,
    mine: doc.authorOpenid === viewer.openid,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

export { canSeeProposal };
