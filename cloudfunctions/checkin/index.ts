/** Deployed entry of the `checkin` cloud function. */
import { deployedMain } from '../common/deploy';
import { checkinFunction } from './app';

export const main = deployedMain(checkinFunction);
