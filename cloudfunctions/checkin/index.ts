/** Deployed entry of the `checkin` cloud function (also its timer trigger: counting cut-off check-ins). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { isTimerEvent } from '../common/timer';
import { checkinFunction } from './app';
import { settleCheckins } from './settle';

const handle = deployedMain(checkinFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isTimerEvent(event)) return settleCheckins(cloud as unknown as Cloud, new Date());
  return handle(event);
};
