/** 建议: workers' proposals for next year's projects (项目征集, 第五条（二）). */
import { defineFunction } from '../common/app';
import { list, listMine } from './commands/list';
import { submit, submitJoins } from './commands/submit';

export const proposalFunction = defineFunction('proposal', {
  submit: { joins: submitJoins, run: submit },
  listMine,
  list,
});
