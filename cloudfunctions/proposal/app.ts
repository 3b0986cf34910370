/** 建议: workers' proposals for next year's projects and their screening (项目征集, 第五条（二）). */
import { defineFunction } from '../common/app';
import { decide } from './commands/decide';
import { edit } from './commands/edit';
import { exportProposals, exportStatus } from './commands/export';
import { get } from './commands/get';
import { list, listMine } from './commands/list';
import { merge, mergeStatus } from './commands/merge';
import { moderate, reviewQueue } from './commands/review';
import { score } from './commands/score';
import { screen } from './commands/screen';
import { similar, similarJoins } from './commands/similar';
import { submit, submitJoins } from './commands/submit';
import { submitOffline } from './commands/submitOffline';
import { support, unsupport } from './commands/support';
import { unmerge } from './commands/unmerge';
import { unmergeAll, unmergeAllStatus } from './commands/unmergeAll';
import { withdraw } from './commands/withdraw';

export const proposalFunction = defineFunction('proposal', {
  submit: { joins: submitJoins, run: submit },
  listMine,
  list,
  get,
  edit,
  withdraw,
  submitOffline,
  similar: { joins: similarJoins, run: similar },
  support,
  unsupport,
  screen,
  merge,
  unmerge,
  mergeStatus,
  unmergeAll,
  unmergeAllStatus,
  score,
  decide,
  reviewQueue,
  moderate,
  export: exportProposals,
  exportStatus,
});
