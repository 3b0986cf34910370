/** Deployed entry of the `message` cloud function. */
import { deployedMain } from '../common/deploy';
import { messageFunction } from './app';

export const main = deployedMain(messageFunction);
