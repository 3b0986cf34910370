/** Deployed entry of the `collectWindow` cloud function. */
import { deployedMain } from '../common/deploy';
import { collectWindowFunction } from './app';

export const main = deployedMain(collectWindowFunction);
