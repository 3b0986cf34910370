import { routes } from '../../config';

export function proposalDetailUrl(proposalId: string): string {
  return `${routes.proposalDetail}?id=${encodeURIComponent(proposalId)}`;
}

export function projectUrl(projectId: string): string {
  return `${routes.project}?id=${encodeURIComponent(projectId)}`;
}

/** 修改建议: the 提建议 form started from the author's stored proposal. */
export function proposalEditUrl(proposalId: string): string {
  return `${routes.proposalNew}?edit=${encodeURIComponent(proposalId)}`;
}
