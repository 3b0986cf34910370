/** Deployed entry of the `org` cloud function. */
import { deployedMain } from '../common/deploy';
import { orgFunction } from './app';

export const main = deployedMain(orgFunction);
