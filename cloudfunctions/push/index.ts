/** Deployed entry of the `push` cloud function (also its timer trigger `pushDrain`: one round of the queue). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { isTimerEvent } from '../common/timer';
import { pushFunction } from './app';
import { drainPushes } from '../common/push';

const handle = deployedMain(pushFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isTimerEvent(event)) return drainPushes(cloud as unknown as Cloud, new Date());
  return handle(event);
};
