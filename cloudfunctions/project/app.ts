/** 项目: the record of a practical thing for workers, from adoption to closing. */
import { defineFunction } from '../common/app';
import { create, update } from './commands/edit';
import { exportForm, exportList } from './commands/export';
import { sign, submitForm } from './commands/forms';
import { recordDecision } from './commands/decisions';
import { close, recordSpending } from './commands/money';
import { move } from './commands/move';
import { setMidtermDue } from './commands/deadline';
import { get, list, workbench } from './commands/read';
import { follow, unfollow, view } from './commands/follow';
import { replyProgress, reportProgress, tickMilestone } from './commands/progress';

export const projectFunction = defineFunction('project', {
  create,
  get,
  list,
  update,
  move,
  submitForm,
  sign,
  recordDecision,
  recordSpending,
  close,
  exportForm,
  exportList,
  setMidtermDue,
  workbench,
  follow,
  unfollow,
  view,
  reportProgress,
  replyProgress,
  tickMilestone,
});
