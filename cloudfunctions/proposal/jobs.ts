/**
 * The proposal function's long jobs (common/jobs.ts): the export. `export` starts one and runs its first
 * slice, `exportStatus` runs the next slice for the staff page's poll, and the timer `proposalJobs`
 * resumes any the page left.
 */
import type { Cloud } from '../common/cloud';
import type { Ctx } from '../common/context';
import { continueJob, resumeJobs, sliceLimits, startJob, type JobKind } from '../common/jobs';
import config from './config.json';
import { proposalExportJob } from './commands/export';

export const proposalLimits = sliceLimits(config.timeout);

/** The timer's period (config.json `triggers`, cron every 5 minutes). */
export const PROPOSAL_JOBS_EVERY_MS = 5 * 60_000;

/** Built on first use: the kinds' modules import this one. */
export function proposalJobKinds(): Record<string, JobKind<unknown, unknown>> {
  return { [proposalExportJob.kind]: proposalExportJob as unknown as JobKind<unknown, unknown> };
}

export async function startProposalJob<S, R>(
  ctx: Ctx,
  kind: JobKind<S, R>,
  target: string,
  params: Record<string, unknown>,
) {
  return startJob<R>(
    ctx.cloud,
    ctx.db,
    proposalJobKinds(),
    kind as unknown as JobKind<unknown, unknown>,
    { target, owner: ctx.openid, params, now: ctx.now },
    proposalLimits,
  );
}

export async function continueProposalJob<R>(ctx: Ctx, jobId: string, kind: string) {
  return continueJob<R>(ctx.cloud, ctx.db, proposalJobKinds(), jobId, ctx.openid, ctx.now, proposalLimits, kind);
}

/** The timer trigger: continues the export jobs nobody is polling (their page was closed, or cut off). */
export async function resumeProposalJobs(cloud: Cloud, now: Date) {
  return resumeJobs(cloud, proposalJobKinds(), { ...proposalLimits, now });
}
