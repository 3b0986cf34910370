/** 征集期: proposal collection windows (项目征集, 第五条（二）). */
import { defineFunction } from '../common/app';
import { close, setDecideBy, setWeights } from './commands/close';
import { create } from './commands/create';
import { current } from './commands/current';
import { list } from './commands/list';

export const collectWindowFunction = defineFunction('collectWindow', {
  current,
  list,
  create,
  close,
  setWeights,
  setDecideBy,
});
