import { routes } from '../../config';

export function proposalDetailUrl(proposalId: string): string {
  return `${routes.proposalDetail}?id=${encodeURIComponent(proposalId)}`;
}

export function projectUrl(projectId: string): string {
  return `${routes.project}?id=${encodeURIComponent(projectId)}`;
}
