/** Deployed entry of the `survey` cloud function. */
import { deployedMain } from '../common/deploy';
import { surveyFunction } from './app';

export const main = deployedMain(surveyFunction);
