/** 服务点与签到: service points, signed codes, check-ins, on-site registration, beneficiary lists. */
import { defineFunction } from '../common/app';
import { code, createPoint } from './commands/points';
import { importList } from './commands/register';
import { register } from './commands/register';
import { scan, scanJoins } from './commands/scan';
import { summary } from './commands/summary';

export const checkinFunction = defineFunction('checkin', {
  createPoint,
  code,
  scan: { joins: scanJoins, run: scan },
  register,
  import: importList,
  summary,
});
