/** 现场座谈 (第五条（七）): forums with workers about a project, their follow-ups, and the figures they give. */
import { defineFunction } from '../common/app';
import { completeFollowUp } from './commands/followUp';
import { getForum, listForums } from './commands/read';
import { recordForum } from './commands/record';

export const forumFunction = defineFunction('forum', {
  record: recordForum,
  list: listForums,
  get: getForum,
  completeFollowUp,
});
