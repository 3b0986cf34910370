/**
 * Secondary indexes for reads: for every field of every declared index, a map from value to the
 * ids of the documents holding it (arrays are multikey: each element is indexed, as MongoDB does).
 * A query whose top level (or `$and`) pins an indexed field to a value or an `$in` list is answered
 * from the candidates only; mingo still decides every match, so an index can only make a read faster,
 * never change its result. Results keep the collection's natural order.
 */
import { encode, type Doc } from './ejson';

type Postings = Map<string, Set<string>>;

export class FieldIndexes {
  /** field → value key → ids */
  private readonly byField = new Map<string, Postings>();
  /** id → natural position (insertion order), so candidates come back in the order a scan gives. */
  private readonly position = new Map<string, number>();
  private nextPosition = 0;

  constructor(fields: Iterable<string>) {
    for (const f of fields) if (f !== '_id') this.byField.set(f, new Map());
  }

  add(doc: Doc): void {
    const id = doc._id as string;
    if (!this.position.has(id)) this.position.set(id, this.nextPosition++);
    for (const [field, postings] of this.byField) {
      for (const key of keysOf(valueAt(doc, field))) {
        let ids = postings.get(key);
        if (!ids) postings.set(key, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  /** Removes a version of a document; `keepPosition` when a newer version replaces it. */
  remove(doc: Doc, keepPosition: boolean): void {
    const id = doc._id as string;
    for (const [field, postings] of this.byField) {
      for (const key of keysOf(valueAt(doc, field))) {
        const ids = postings.get(key);
        if (!ids) continue;
        ids.delete(id);
        if (ids.size === 0) postings.delete(key);
      }
    }
    if (!keepPosition) this.position.delete(id);
  }

  /**
   * Ids that can match `query`, in natural order, or null when no indexed constraint narrows it
   * (the caller scans).
   */
  candidates(query: Doc, collectionSize: number): string[] | null {
    // The postings of each narrowing constraint, sized before any is copied: only the smallest is
    // gathered (copying a large one — every rating of a project — on each read made reads O(n)).
    let best: { sets: Array<Iterable<string>>; size: number } | null = null;
    for (const [field, condition] of constraints(query)) {
      const values = equalityValues(condition);
      if (!values) continue;
      let option: { sets: Array<Iterable<string>>; size: number };
      // `_id` is always indexed (the primary key): `_id: { $in: [...] }` narrows to those documents.
      if (field === '_id') {
        const ids = values.filter((v): v is string => typeof v === 'string' && this.position.has(v));
        option = { sets: [ids], size: ids.length };
      } else {
        const postings = this.byField.get(field);
        if (!postings) continue;
        const sets = [...values.map((v) => postings.get(keyOf(v))), postings.get(UNINDEXABLE)].filter(
          (x): x is Set<string> => x !== undefined,
        );
        option = { sets, size: sets.reduce((n, x) => n + x.size, 0) };
      }
      if (!best || option.size < best.size) best = option;
    }
    // A wide candidate set is no cheaper than a scan.
    if (!best || best.size > collectionSize / 2) return null;
    const ids = new Set<string>();
    for (const set of best.sets) for (const id of set) ids.add(id);
    return [...ids].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
  }
}

/** Field conditions at the top level of a query and inside a top-level `$and`. */
function constraints(query: Doc): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (part && typeof part === 'object') out.push(...constraints(part as Doc));
    } else if (!key.startsWith('$')) {
      out.push([key, value]);
    }
  }
  return out;
}

/** The values a condition pins the field to, when it is an equality or `$in` of scalars. */
function equalityValues(condition: unknown): unknown[] | null {
  if (isScalar(condition)) return [condition];
  if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
    const ops = condition as Doc;
    const keys = Object.keys(ops);
    if (keys.length === 1 && keys[0] === '$eq' && isScalar(ops.$eq)) return [ops.$eq];
    if (keys.length === 1 && keys[0] === '$in' && Array.isArray(ops.$in) && ops.$in.every(isScalar)) return ops.$in;
  }
  return null;
}

/** Scalars compare by value; null also matches a missing field, which we index as null. */
function isScalar(v: unknown): boolean {
  return v === null || v instanceof Date || ['string', 'number', 'boolean'].includes(typeof v);
}

/** Documents whose value at the path runs through an array: always candidates, mingo decides. */
const UNINDEXABLE = '*';
const THROUGH_ARRAY = Symbol('through-array');

function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) return THROUGH_ARRAY;
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Doc)[part];
  }
  return cur;
}

function keysOf(value: unknown): string[] {
  if (value === THROUGH_ARRAY) return [UNINDEXABLE];
  if (Array.isArray(value)) return value.length ? value.filter(isScalar).map(keyOf) : [];
  if (value === undefined || isScalar(value)) return [keyOf(value ?? null)];
  return [encode({ v: value })];
}

function keyOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return `d:${v.getTime()}`;
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  return `s:${String(v)}`;
}
