/**
 * 信息发布: the announce function's calls. Its contracts are registered here, so their schemas ship with
 * the pages that import this module (the `packages/announce` and `packages/project` subpackages); 首页's
 * feed checks its one reply with a light schema of its own (HomeFeed.tsx).
 */
import type {
  Announcement,
  AnnouncementStatsOutput,
  FeedOutput,
  ProjectFollowOutput,
  ProjectViewOutput,
  PublishAnnouncementInput,
  PublishAnnouncementOutput,
  UpdateAnnouncementInput,
} from '@shishi/shared-types';
import { announceContracts } from '@shishi/shared-types/src/contracts/announce';
import { projectFollowOutputSchema, projectViewOutputSchema } from '@shishi/shared-types/src/schemas/announce';
import { invoke, registerContracts } from '../../services/call';

registerContracts('announce', announceContracts);
// 关注 and 知晓度 are project actions; the announcement page calls them without the project subpackage.
registerContracts(
  'project',
  {
    view: { output: projectViewOutputSchema },
    follow: { output: projectFollowOutputSchema },
    unfollow: { output: projectFollowOutputSchema },
  },
  { keepExisting: true },
);

export const fetchAnnouncement = (announcementId: string): Promise<Announcement> =>
  invoke('announce', 'get', { announcementId });

export const fetchProjectFeed = (projectId: string, page = 1): Promise<FeedOutput> =>
  invoke('announce', 'feed', { projectId, page, pageSize: 20 });

export const fetchStats = (projectId: string): Promise<AnnouncementStatsOutput> =>
  invoke('announce', 'stats', { projectId });

export const publishAnnouncement = (input: PublishAnnouncementInput): Promise<PublishAnnouncementOutput> =>
  invoke('announce', 'publish', input);

export const updateAnnouncement = (input: UpdateAnnouncementInput): Promise<Announcement> =>
  invoke('announce', 'update', input);

export const withdrawAnnouncement = (announcementId: string, reason: string): Promise<Announcement> =>
  invoke('announce', 'withdraw', { announcementId, reason });

/** The project page was opened (知晓度): one viewer per worker; answers following and the figures. */
export const viewProject = (projectId: string): Promise<ProjectViewOutput> => invoke('project', 'view', { projectId });

export const setFollowing = (projectId: string, follow: boolean): Promise<ProjectFollowOutput> =>
  invoke('project', follow ? 'follow' : 'unfollow', { projectId });
