/** 个人资料: who the caller is, and binding a worker to their grassroots union. */
import { defineFunction } from '../common/app';
import { bind } from './commands/bind';
import { me } from './commands/me';

export const profileFunction = defineFunction('profile', { me, bind });
