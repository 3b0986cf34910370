/** Deployed entry of the `announce` cloud function. */
import { deployedMain } from '../common/deploy';
import { announceFunction } from './app';

export const main = deployedMain(announceFunction);
