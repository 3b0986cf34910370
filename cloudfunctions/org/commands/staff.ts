import {
  findPeopleLimit,
  roles,
  type FindPeopleInput,
  type FindPeopleOutput,
  type StaffInput,
  type StaffOutput,
} from '@shishi/shared-types';
import type { Ctx, UserDoc } from '../../common/context';
import { getOrg } from '../../common/orgs';
import { pageOf } from '../../common/paging';
import { authorizeOrg } from '../../common/scope';
import { adminRoots, toStaffPerson } from '../people';

const nonWorker = roles.filter((r) => r !== 'worker');

/**
 * People holding a role (staff or cadre) at a node of the admin's subtree — or below `orgId` — with all
 * their bindings, by name. Profiles from before bindings (no `bindings` field) match on their one role.
 */
export async function staff(ctx: Ctx, input: StaffInput): Promise<StaffOutput> {
  const _ = ctx.db.command;
  let roots = adminRoots(await ctx.profile());
  if (input.orgId) {
    const org = await getOrg(ctx.db, input.orgId);
    await authorizeOrg(ctx, org && { orgPath: org.path });
    roots = [input.orgId];
  }
  const role = input.role ? input.role : _.in(nonWorker);
  const where = _.or(
    roots.flatMap((root) => [
      { bindings: _.elemMatch({ orgPath: root, role }) },
      { bindings: _.exists(false), orgPath: root, role },
    ]),
  );
  const { docs, total } = await pageOf<UserDoc>(
    ctx,
    { collection: 'users', where, orderBy: 'name', order: 'asc' },
    input,
  );
  return { items: docs.map(toStaffPerson), total, page: input.page, pageSize: input.pageSize };
}

/** Bound people of the admin's subtree (any role, workers too) whose name contains the text: whom to assign. */
export async function findPeople(ctx: Ctx, input: FindPeopleInput): Promise<FindPeopleOutput> {
  const _ = ctx.db.command;
  const name = ctx.db.RegExp({ regexp: escapeRegExp(input.name), options: 'i' });
  const where = _.and([
    { name },
    _.or(
      adminRoots(await ctx.profile()).flatMap((root) => [
        { 'bindings.orgPath': root },
        { bindings: _.exists(false), orgPath: root },
      ]),
    ),
  ]);
  const res = await ctx.db.collection('users').where(where).orderBy('name', 'asc').limit(findPeopleLimit).get();
  const people = (res.data as UserDoc[]).map(toStaffPerson);
  // The exact name first: the one the admin most likely means.
  people.sort((a, b) => Number(b.name === input.name) - Number(a.name === input.name));
  return { people };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
