/** 绩效评估: three-stage KPIs, the expand / keep / scale-back signals, and the staff dashboard. */
import { defineFunction } from '../common/app';
import { dashboard, exportDashboard, list } from './commands/dashboard';
import { signalsOf } from './commands/listSignals';
import { project } from './commands/project';
import { decideSignal, setThresholds, thresholds } from './commands/signals';

export const kpiFunction = defineFunction('kpi', {
  project,
  signalsOf,
  dashboard,
  list,
  exportDashboard,
  thresholds,
  setThresholds,
  decideSignal,
});
