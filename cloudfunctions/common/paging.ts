/** One page of a list: the documents of the page and how many match in all. */
import type { PageInput } from '@shishi/shared-types';
import type { Ctx } from './context';

export interface PageQuery {
  collection: string;
  where: unknown;
  orderBy: string;
  order: 'asc' | 'desc';
  /** Only these fields of each document (a `field()` projection). */
  fields?: Record<string, boolean>;
}

/** Page `input.page` of the matching documents, in order, with the total: a get and a count, side by side. */
export async function pageOf<T>(ctx: Ctx, query: PageQuery, input: PageInput): Promise<{ docs: T[]; total: number }> {
  const matching = ctx.db.collection(query.collection).where(query.where);
  let page = matching
    .orderBy(query.orderBy, query.order)
    .skip((input.page - 1) * input.pageSize)
    .limit(input.pageSize);
  if (query.fields) page = page.field(query.fields);
  const [res, count] = await Promise.all([page.get(), matching.count()]);
  return { docs: res.data as T[], total: count.total as number };
}
