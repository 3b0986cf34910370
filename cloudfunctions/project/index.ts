/** Deployed entry of the `project` cloud function. */
import { deployedMain } from '../common/deploy';
import { projectFunction } from './app';

export const main = deployedMain(projectFunction);
