/** Deployed entry of the `forum` cloud function. */
import { deployedMain } from '../common/deploy';
import { forumFunction } from './app';

export const main = deployedMain(forumFunction);
