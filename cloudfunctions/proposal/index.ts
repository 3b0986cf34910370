/** Deployed entry of the `proposal` cloud function. */
import { deployedMain } from '../common/deploy';
import { proposalFunction } from './app';

export const main = deployedMain(proposalFunction);
