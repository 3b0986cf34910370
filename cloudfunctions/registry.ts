/** Every cloud function, by name: the dev host and the integration tests call them through this. */
import type { CloudFunction } from './common/app';
import { collectWindowFunction } from './collectWindow/app';
import { orgFunction } from './org/app';
import { profileFunction } from './profile/app';
import { messageFunction } from './message/app';
import { projectFunction } from './project/app';
import { proposalFunction } from './proposal/app';
import { surveyFunction } from './survey/app';

export const functions: Record<string, CloudFunction> = {
  profile: profileFunction,
  org: orgFunction,
  collectWindow: collectWindowFunction,
  proposal: proposalFunction,
  message: messageFunction,
  project: projectFunction,
  survey: surveyFunction,
};

export type { CloudFunction } from './common/app';
export type { Cloud } from './common/cloud';
