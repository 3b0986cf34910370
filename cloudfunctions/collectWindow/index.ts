/** Deployed entry of the `collectWindow` cloud function (also its daily timer: the city's yearly window). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { isTimerEvent } from '../common/timer';
import { collectWindowFunction } from './app';
import { ensureYearlyWindows } from './yearly';

const handle = deployedMain(collectWindowFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isTimerEvent(event)) return ensureYearlyWindows(cloud as unknown as Cloud, new Date());
  return handle(event);
};
