/** Deployed entry of the `project` cloud function (also its timer trigger: deadline reminders). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { isTimerEvent } from '../common/timer';
import { projectFunction } from './app';
import { sendReminders } from './reminders';

const handle = deployedMain(projectFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isTimerEvent(event)) return sendReminders(cloud as unknown as Cloud, new Date());
  return handle(event);
};
