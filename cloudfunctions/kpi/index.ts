/** Deployed entry of the `kpi` cloud function. */
import { deployedMain } from '../common/deploy';
import { kpiFunction } from './app';

export const main = deployedMain(kpiFunction);
