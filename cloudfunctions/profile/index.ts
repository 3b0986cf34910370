/** Deployed entry of the `profile` cloud function. */
import { deployedMain } from '../common/deploy';
import { profileFunction } from './app';

export const main = deployedMain(profileFunction);
