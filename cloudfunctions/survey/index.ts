/** Deployed entry of the `survey` cloud function (also its timer trigger: settling the counters). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { surveyFunction } from './app';
import { isTimerEvent, settleRecent } from './counting';

const handle = deployedMain(surveyFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isTimerEvent(event)) return settleRecent(cloud as unknown as Cloud, new Date());
  return handle(event);
};
