/** Every cloud function, by name: the dev host and the integration tests call them through this. */
import type { CloudFunction } from './common/app';
import { collectWindowFunction } from './collectWindow/app';
import { orgFunction } from './org/app';
import { profileFunction } from './profile/app';
import { messageFunction } from './message/app';
import { projectFunction } from './project/app';
import { proposalFunction } from './proposal/app';
import { surveyFunction } from './survey/app';
import { pushFunction } from './push/app';
import { drainPushes, PUSH_DRAIN_EVERY_MS } from './common/push';
import { announceFunction } from './announce/app';
import { checkinFunction } from './checkin/app';
import { ratingFunction } from './rating/app';
import { RATING_SETTLE_EVERY_MS, settleRatings } from './rating/counting';
import { inviteOnOpening } from './rating/commands/configure';
import { kpiFunction } from './kpi/app';
import { forumFunction } from './forum/app';
import { settleRecent, SETTLE_EVERY_MS } from './survey/counting';
import { REMINDERS_EVERY_MS, sendReminders } from './project/reminders';
import { PROPOSAL_JOBS_EVERY_MS, resumeProposalJobs } from './proposal/jobs';
import { settleSupports, SUPPORT_SETTLE_EVERY_MS } from './proposal/supportCounting';
import { CHECKIN_SETTLE_EVERY_MS, settleCheckins } from './checkin/settle';
import { ensureYearlyWindows, YEARLY_WINDOW_EVERY_MS } from './collectWindow/yearly';
import type { Cloud } from './common/cloud';

export const functions: Record<string, CloudFunction> = {
  profile: profileFunction,
  org: orgFunction,
  collectWindow: collectWindowFunction,
  proposal: proposalFunction,
  message: messageFunction,
  project: projectFunction,
  survey: surveyFunction,
  push: pushFunction,
  announce: announceFunction,
  checkin: checkinFunction,
  rating: ratingFunction,
  kpi: kpiFunction,
  forum: forumFunction,
};

/**
 * Where WeChat's message push goes (production: the console's 消息推送 set to the `proposal` function,
 * event wxa_media_check); the local runtime's image-check stand-in delivers to it too.
 */
export { receiveMessagePush as messagePushTarget } from './proposal/mediaCheck';

/**
 * Timer triggers (production: `triggers` in the function's config.json, cron every `everyMs`); the dev
 * host runs them on the same period.
 */
export const timerTriggers: ReadonlyArray<{
  function: string;
  name: string;
  everyMs: number;
  run(cloud: Cloud, now: Date): Promise<unknown>;
}> = [
  { function: 'survey', name: 'settleCounters', everyMs: SETTLE_EVERY_MS, run: settleRecent },
  { function: 'project', name: 'projectReminders', everyMs: REMINDERS_EVERY_MS, run: sendReminders },
  // Export jobs nobody is polling (the survey function's are resumed by settleCounters).
  { function: 'proposal', name: 'proposalJobs', everyMs: PROPOSAL_JOBS_EVERY_MS, run: resumeProposalJobs },
  // Supports whose counting was cut off (stored, not counted), exactly once.
  { function: 'proposal', name: 'settleSupports', everyMs: SUPPORT_SETTLE_EVERY_MS, run: settleSupports },
  // Check-ins whose counting was cut off (stored, person not counted), exactly once.
  { function: 'checkin', name: 'settleCheckins', everyMs: CHECKIN_SETTLE_EVERY_MS, run: settleCheckins },
  // Ratings stored or changed whose counting was cut off, exactly once.
  // and the invitations of ratings that open today (staff set a later day).
  {
    function: 'rating',
    name: 'settleRatings',
    everyMs: RATING_SETTLE_EVERY_MS,
    run: async (cloud, now) => ({ ...(await settleRatings(cloud, now)), invited: await inviteOnOpening(cloud, now) }),
  },
  // The city's yearly Q4 window (also stored on demand by collectWindow.current / list).
  { function: 'collectWindow', name: 'yearlyWindow', everyMs: YEARLY_WINDOW_EVERY_MS, run: ensureYearlyWindows },
  // Subscribe-message push: one round of the queue (fan-out, sends within a time budget); also push.drain.
  { function: 'push', name: 'pushDrain', everyMs: PUSH_DRAIN_EVERY_MS, run: (cloud, now) => drainPushes(cloud, now) },
];

export type { CloudFunction } from './common/app';
export type { Cloud } from './common/cloud';
