/** 组织与人员: the Dalian union organisation (union picker, staff scoping) and who holds which role where. */
import { defineFunction } from '../common/app';
import { assignRole } from './commands/assignRole';
import { revokeRole } from './commands/revokeRole';
import { findPeople, staff } from './commands/staff';
import { tree } from './commands/tree';

export const orgFunction = defineFunction('org', { tree, assignRole, revokeRole, staff, findPeople });
