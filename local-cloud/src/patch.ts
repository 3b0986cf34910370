/**
 * Updates applied to the stored document in place, for the common case: `$inc` and `$set` of plain
 * values along dotted paths through plain objects, touching no indexed field. A counter document with
 * thousands of fields then costs an update what its changed fields cost, not a deep copy of the whole
 * document (about 1 ms at 3,000 fields). The result is exactly mingo's (same values, same new-field
 * order, same "not modified"); anything outside the case goes through mingo on a copy, as before.
 *
 * In place is safe because nothing holds a stored document across an await: every request reads and
 * writes memory synchronously, and replies and store writes are serialised before the request yields.
 */
import { isEqual } from 'mingo/util';
import type { Doc } from './ejson';

export interface PatchOp {
  op: '$inc' | '$set';
  /** The path's segments (shared between patches of the same path: never changed). */
  path: string[];
  value: unknown;
}

const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
const DIGITS = /^\d+$/;

/** Paths seen before, split (null: never patched). The same counter paths come with every answer. */
const segmentCache = new Map<string, string[] | null>();

/** A path's segments (shared: read only), or null when a patch may not write it. */
function segmentsOf(path: string): string[] | null {
  const cached = segmentCache.get(path);
  if (cached !== undefined) return cached;
  const split = path.split('.');
  const fits =
    !path.includes('$') &&
    split[0] !== '_id' &&
    split.every((s) => s !== '' && !DIGITS.test(s) && !UNSAFE_SEGMENTS.has(s));
  if (segmentCache.size >= 50_000) segmentCache.clear();
  segmentCache.set(path, fits ? split : null);
  return fits ? split : null;
}

/** One path is the other or holds it. */
function overlaps(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && long.charCodeAt(short.length) === 46;
}

function isPlainObject(v: unknown): v is Doc {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Values `$set` copies as mingo does (a Date is copied; the rest are immutable). */
function isPlainValue(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;
}

/**
 * The in-place form of `modifier`, or null when mingo must apply it. A patch is only made where every
 * operand and stored value fits its operator (the engine's type checks would pass), so the errors
 * MongoDB gives stay with the other path. `indexed` are the paths of the collection's declared index
 * fields: a patch never touches them, so the document's index entries stay valid.
 */
export function compilePatch(doc: Doc, modifier: Doc, indexed: readonly string[]): PatchOp[] | null {
  const ops: PatchOp[] = [];
  const paths = new Set<string>();
  let nested = false;
  for (const op in modifier) {
    const fields = modifier[op];
    if ((op !== '$inc' && op !== '$set') || !isPlainObject(fields)) return null;
    for (const path in fields) {
      const value = fields[path];
      if (op === '$inc' ? typeof value !== 'number' : !isPlainValue(value)) return null;
      const segments = segmentsOf(path);
      if (!segments || paths.has(path)) return null;
      for (const f of indexed) if (overlaps(f, path)) return null;
      // Every existing parent is a plain object (missing ones are created, as mingo does); $inc finds a
      // number or nothing.
      let cur: unknown = doc;
      for (let i = 0; i < segments.length && cur !== undefined; i++) {
        if (!isPlainObject(cur)) return null;
        cur = cur[segments[i]];
      }
      if (op === '$inc' && cur !== undefined && typeof cur !== 'number') return null;
      if (segments.length > 1) nested = true;
      paths.add(path);
      ops.push({ op, path: segments, value });
    }
  }
  // Two paths where one is the parent of the other conflict: mingo reports it.
  if (nested) {
    for (const path of paths) {
      for (let cut = path.indexOf('.'); cut !== -1; cut = path.indexOf('.', cut + 1)) {
        if (paths.has(path.slice(0, cut))) return null;
      }
    }
  }
  return ops;
}

/** Whether applying the patch would change the document (MongoDB's "modified"). */
export function patchChanges(doc: Doc, ops: readonly PatchOp[]): boolean {
  for (const { op, path, value } of ops) {
    let cur: unknown = doc;
    for (const s of path) cur = cur === undefined ? undefined : (cur as Doc)[s];
    if (op === '$inc') {
      const previous = cur as number | undefined;
      if ((previous || 0) + (value as number) !== previous) return true;
    } else if (!isEqual(cur, value)) {
      return true;
    }
  }
  return false;
}

/** Applies the patch to `doc` in place (the same steps as mingo's $inc and $set). */
export function applyPatch(doc: Doc, ops: readonly PatchOp[]): void {
  for (const { op, path, value } of ops) {
    let o = doc;
    for (let i = 0; i < path.length - 1; i++) {
      const s = path[i];
      if (o[s] === undefined || o[s] === null) o[s] = {};
      o = o[s] as Doc;
    }
    const k = path[path.length - 1];
    if (op === '$inc') {
      (o[k] as number) ||= 0;
      (o[k] as number) += value as number;
    } else if (!isEqual(o[k], value)) {
      o[k] = value instanceof Date ? new Date(value.getTime()) : value;
    }
  }
}
