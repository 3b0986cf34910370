/**
 * Strict mode's index rule (docs/architecture.md, "Indexes"): a query that no declared index serves
 * would scan the collection in production, so the local runtime refuses it in tests.
 *
 * A filter is served when it constrains `_id`, or the FIRST field of some declared index, with a
 * condition an index can seek on (a value, `$eq`, `$in`, a range, `$elemMatch` on an array of objects
 * for the dotted index fields under it). Compound indexes serve any query on a prefix: `{a, b, c}`
 * serves `a`, `a + b`, `a + b + c` (and `a + c`, seeking on `a`). Multikey (array) fields are indexed
 * per element, so a value or `$in` on an array field is served by its index. `$or` is served when every
 * branch is. Negations (`$ne`, `$nin`, `$not`, `$exists: false`), `$regex` and `$expr` seek nothing.
 *
 * A sort is served when some index that serves the filter (or any index, for an empty filter) holds,
 * after the fields the filter pins by equality, the sort fields in order, all in the index's directions
 * or all reversed — equality first, then the sort (or range). A sort on `_id` alone is always served,
 * and a trailing `_id` after other sort fields (a tiebreak for keyset paging) is not checked.
 */
import type { Doc } from './ejson';

export interface IndexShape {
  name: string;
  keys: Record<string, 1 | -1>;
}

const RANGE = new Set(['$gt', '$gte', '$lt', '$lte']);

/** How a filter constrains each field path: 'eq' (values pinned) or 'range' (seekable), per branch. */
type Constraints = Map<string, 'eq' | 'range'>;

/** The seekable constraints of a filter's branches (one branch unless `$or` splits it). */
function branches(filter: Doc): Constraints[] {
  let out: Constraints[] = [new Map()];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (part && typeof part === 'object') out = cross(out, branches(part as Doc));
    } else if (key === '$or' && Array.isArray(value)) {
      const alternatives = value.flatMap((part) => (part && typeof part === 'object' ? branches(part as Doc) : []));
      out = cross(out, alternatives);
    } else if (!key.startsWith('$')) {
      for (const [path, kind] of fieldConstraints(key, value)) {
        for (const b of out) if (b.get(path) !== 'eq') b.set(path, kind);
      }
    }
  }
  return out;
}

function cross(left: Constraints[], right: Constraints[]): Constraints[] {
  if (right.length === 0) return left;
  const out: Constraints[] = [];
  for (const l of left) {
    for (const r of right) {
      const m = new Map(l);
      for (const [k, v] of r) if (m.get(k) !== 'eq') m.set(k, v);
      out.push(m);
    }
  }
  return out;
}

function isPlainObject(v: unknown): v is Doc {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}

/** What a field's condition lets an index seek on. */
function fieldConstraints(path: string, condition: unknown): Array<[string, 'eq' | 'range']> {
  if (!isPlainObject(condition)) return condition instanceof RegExp ? [] : [[path, 'eq']];
  const ops = Object.keys(condition);
  if (ops.length === 0 || !ops.every((k) => k.startsWith('$'))) return [[path, 'eq']]; // an embedded document
  const out: Array<[string, 'eq' | 'range']> = [];
  let kind: 'eq' | 'range' | undefined;
  for (const op of ops) {
    const operand = condition[op];
    if (op === '$eq' || (op === '$in' && Array.isArray(operand) && operand.length > 0) || op === '$all') kind = 'eq';
    else if (RANGE.has(op) && kind !== 'eq') kind = 'range';
    else if (op === '$exists' && operand === true && kind === undefined) kind = 'range';
    else if (op === '$elemMatch' && isPlainObject(operand)) {
      for (const [sub, subCondition] of Object.entries(operand)) {
        if (!sub.startsWith('$')) out.push(...fieldConstraints(`${path}.${sub}`, subCondition));
      }
      kind ??= 'range';
    }
  }
  if (kind) out.push([path, kind]);
  return out;
}

/** Whether `index` can seek for this branch: its first field is constrained (or the branch pins `_id`). */
function seeks(index: IndexShape, branch: Constraints): boolean {
  const first = Object.keys(index.keys)[0];
  return first !== undefined && branch.has(first);
}

/** Whether `index` delivers the sort for this branch: equality-pinned prefix, then the sort fields. */
function sorts(index: IndexShape, branch: Constraints, sort: ReadonlyArray<[string, 1 | -1]>): boolean {
  const keys = Object.entries(index.keys);
  let i = 0;
  while (i < keys.length && branch.get(keys[i][0]) === 'eq' && keys[i][0] !== sort[0]?.[0]) i += 1;
  let direction: 1 | -1 | 0 = 0;
  for (const [field, dir] of sort) {
    // A field the filter pins by equality may appear in the sort anywhere: it is constant.
    if (branch.get(field) === 'eq' && keys[i]?.[0] !== field) continue;
    const key = keys[i];
    if (!key || key[0] !== field) return false;
    const d = key[1] === dir ? 1 : -1;
    if (direction !== 0 && d !== direction) return false;
    direction = d;
    i += 1;
  }
  return true;
}

/**
 * Null when the declared indexes serve the filter and sort; else why not (the engine's error message
 * adds the collection and its indexes).
 */
export function unservedReason(
  indexes: readonly IndexShape[],
  filter: Doc,
  sort: ReadonlyArray<[string, 1 | -1]> = [],
): string | null {
  const all: IndexShape[] = [{ name: '_id_', keys: { _id: 1 } }, ...indexes];
  const idSort = sort.length === 1 && sort[0][0] === '_id';
  // A trailing `_id` only breaks ties (keyset paging): ties of the other sort fields are few.
  if (sort.length > 1 && sort[sort.length - 1][0] === '_id') sort = sort.slice(0, -1);
  for (const branch of branches(filter)) {
    const empty = branch.size === 0;
    const usable = empty ? [] : all.filter((index) => seeks(index, branch));
    if (!empty && usable.length === 0) {
      return `filter on ${[...branch.keys()].join(', ') || '(nothing)'} uses no index`;
    }
    if (empty && sort.length === 0) return 'no filter: the whole collection would be scanned';
    if (sort.length > 0 && !idSort) {
      const candidates = empty ? all : usable;
      if (!candidates.some((index) => sorts(index, branch, sort))) {
        return `sort on ${sort.map(([f, d]) => `${f} ${d === 1 ? 'asc' : 'desc'}`).join(', ')} after filter on ${
          [...branch.keys()].join(', ') || '(nothing)'
        } is not served by an index`;
      }
    }
  }
  return null;
}

export function describeIndexes(indexes: readonly IndexShape[]): string {
  const named = indexes.map(
    (i) =>
      `${i.name}(${Object.entries(i.keys)
        .map(([k, d]) => (d === 1 ? k : `${k} desc`))
        .join(', ')})`,
  );
  return ['_id', ...named].join('; ');
}
