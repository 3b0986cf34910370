/** 信息发布: a project's plan and news to its audience, the workers' feed, reach per announcement. */
import { defineFunction } from '../common/app';
import { publish, update, withdraw } from './commands/publish';
import { feed, get, stats } from './commands/read';

export const announceFunction = defineFunction('announce', { publish, update, withdraw, feed, get, stats });
