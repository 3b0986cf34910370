/** Deployed entry of the `proposal` cloud function (also receives image-check verdicts). */
import cloud from 'wx-server-sdk';
import type { Cloud } from '../common/cloud';
import { deployedMain } from '../common/deploy';
import { proposalFunction } from './app';
import { isMediaCheckEvent, receiveMessagePush } from './mediaCheck';

const handle = deployedMain(proposalFunction);

export const main = async (event: unknown): Promise<unknown> => {
  if (isMediaCheckEvent(event)) return receiveMessagePush(cloud as unknown as Cloud, event, new Date());
  return handle(event);
};
