/** Replies built from stored rating documents. */
import type { RatingSettings } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import type { ProjectDoc } from '../common/projects';
import { periodRefusal } from './load';
import type { SettingsDoc } from './model';

export function settingsOut(
  ctx: Ctx,
  p: Pick<ProjectDoc, '_id' | 'title' | 'status'>,
  s: SettingsDoc | null,
): RatingSettings {
  const closedReason = periodRefusal(ctx, { project: p as ProjectDoc, settings: s });
  return {
    projectId: p._id,
    projectTitle: p.title,
    projectStatus: p.status,
    opensOn: s?.opensOn ?? null,
    eligibility: s?.eligibility ?? 'audience',
    open: closedReason === null,
    closedReason,
  };
}
