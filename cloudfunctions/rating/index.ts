/** Deployed entry of the `rating` cloud function (also its timer trigger: settling cut-off countings). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { isTimerEvent } from '../common/timer';
import { ratingFunction } from './app';
import { settleRatings } from './counting';

const handle = deployedMain(ratingFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isTimerEvent(event)) return settleRatings(cloud as unknown as Cloud, new Date());
  return handle(event);
};
