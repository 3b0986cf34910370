/** Deployed entry of the `proposal` cloud function (also receives image-check verdicts and its jobs timer). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { isTimerEvent } from '../common/timer';
import { proposalFunction } from './app';
import { resumeProposalJobs } from './jobs';
import { isMediaCheckEvent, receiveMessagePush } from './mediaCheck';
import { settleSupports } from './supportCounting';

const handle = deployedMain(proposalFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isTimerEvent(event) && event.TriggerName === 'settleSupports') {
    return settleSupports(cloud as unknown as Cloud, new Date());
  }
  if (isTimerEvent(event)) return resumeProposalJobs(cloud as unknown as Cloud, new Date());
  if (isMediaCheckEvent(event)) return receiveMessagePush(cloud as unknown as Cloud, event, new Date());
  return handle(event);
};
