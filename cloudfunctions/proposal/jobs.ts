/**
 * The proposal function's long jobs (common/jobs.ts): the export, and merges and undos of clusters
 * larger than MERGE_INLINE_MAX (merging.ts). `export` / `merge` / `unmergeAll` start one and run its
 * first slice, `exportStatus` / `mergeStatus` / `unmergeAllStatus` run the next slice for the staff
 * page's poll, and the timer `proposalJobs` resumes any the page left.
 */
import type { Cloud } from '../common/cloud';
import { jobRunner, sliceLimits, type JobKind } from '../common/jobs';
import config from './config.json';
import { proposalExportJob } from './commands/export';
import { mergeJob, unmergeAllJob } from './merging';

export const proposalLimits = sliceLimits(config.timeout);

/** The timer's period (config.json `triggers`, cron every 5 minutes). */
export const PROPOSAL_JOBS_EVERY_MS = 5 * 60_000;

/** Built on first use: the kinds' modules import this one. */
export function proposalJobKinds(): Record<string, JobKind<unknown, unknown>> {
  return Object.fromEntries(
    [proposalExportJob, mergeJob, unmergeAllJob].map((k) => [k.kind, k as unknown as JobKind<unknown, unknown>]),
  );
}

const runner = jobRunner(proposalJobKinds, proposalLimits);

export const startProposalJob = runner.start;
export const continueProposalJob = runner.status;

/** The timer trigger: continues the jobs nobody is polling (their page was closed, or cut off). */
export async function resumeProposalJobs(cloud: Cloud, now: Date) {
  return runner.resume(cloud, now);
}
