/**
 * The survey function's long jobs (common/jobs.ts): the export, the recompute and the settling timer's
 * walk over every survey. They run here, in the function that holds their code: `export` / `recompute`
 * start one and run its first slice, `exportStatus` / `recomputeStatus` run the next slice for the
 * staff page's poll, and the `settleCounters` timer resumes any the page left (and settles).
 */
import { jobRunner, sliceLimits, type JobKind } from '../common/jobs';
import config from './config.json';
import { surveyExportJob } from './commands/export';
import { surveyRecomputeJob } from './commands/results';
import { settleJob } from './counting';

/** A slice's budget and lease, from this function's timeout (config.json). */
export const surveyLimits = sliceLimits(config.timeout);

/** Built on first use: the kinds' modules import this one. */
export function surveyJobKinds(): Record<string, JobKind<unknown, unknown>> {
  return Object.fromEntries(
    [surveyExportJob, surveyRecomputeJob, settleJob].map((k) => [k.kind, k as JobKind<unknown, unknown>]),
  );
}

const runner = jobRunner(surveyJobKinds, surveyLimits);

export const startSurveyJob = runner.start;
export const continueSurveyJob = runner.status;
