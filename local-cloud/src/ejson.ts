/**
 * EJSON in and out of the request layer, with the bson build that @cloudbase/database itself uses,
 * so dates, regular expressions and numbers keep their types exactly as the SDK serialised them.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { DbError } from './errors';

type EJSONApi = {
  parse(text: string, options?: { relaxed?: boolean }): unknown;
  stringify(value: unknown, options?: { relaxed?: boolean }): string;
};

const requireHere = createRequire(__filename);

/** The @cloudbase/database module that wx-server-sdk loads (through @cloudbase/node-sdk). */
export function resolveCloudbaseDatabase(): string {
  const sdkDir = dirname(requireHere.resolve('wx-server-sdk'));
  const nodeSdk = requireHere.resolve('@cloudbase/node-sdk', { paths: [sdkDir] });
  return requireHere.resolve('@cloudbase/database', { paths: [dirname(nodeSdk)] });
}

const bsonPath = requireHere.resolve('bson', { paths: [dirname(resolveCloudbaseDatabase())] });
type Codec = { fromExtendedJSON(doc: unknown, options: { relaxed: boolean }): unknown };
const bson = requireHere(bsonPath) as { EJSON: EJSONApi; Long: Codec };
export const EJSON: EJSONApi = bson.EJSON;

export type Doc = Record<string, unknown>;

/** Parses an EJSON string from the SDK and resolves `db.serverDate()` placeholders against `now`. */
export function decode(text: string | undefined, now: number): unknown {
  if (text === undefined || text === '') return undefined;
  return parse(text, now);
}

/** Parses a document as the store wrote it (no server-date placeholders there). */
export function decodeStored(text: string): unknown {
  return parse(text, undefined);
}

/**
 * `EJSON.stringify(value, { relaxed: true })`, byte for byte, through the native JSON.stringify for the
 * values documents are made of (plain objects, arrays, strings, numbers, booleans, null, dates); anything
 * else (RegExp, bson types, class instances) goes through bson's serialiser. bson's own walk costs about
 * three times as much, and every reply and every stored document passes through here.
 */
export function encode(value: unknown): string {
  try {
    return JSON.stringify(value, relaxedReplacer);
  } catch {
    return EJSON.stringify(value, { relaxed: true });
  }
}

const FALLBACK = new Error('ejson: not a plain value');

/** Relaxed EJSON's forms of the values JSON has no form for (see bson's serializeValue). */
function relaxedReplacer(this: Record<string, unknown>, key: string, replaced: unknown): unknown {
  const value = this[key];
  if (typeof value === 'object') {
    if (value === null || Array.isArray(value)) return value;
    if (value instanceof Date) return relaxedDate(value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) return value;
    throw FALLBACK;
  }
  if (value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
  return replaced;
}

/**
 * A scalar (what a patch writes: number, string, boolean, null, Date) in relaxed EJSON's JSON form, so
 * that plain `JSON.stringify` of it is `encode` of the scalar.
 */
export function relaxedScalar(value: unknown): unknown {
  if (value instanceof Date) return relaxedDate(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
  return value;
}

function relaxedDate(date: Date): unknown {
  const ms = date.getTime();
  if (ms > -1 && ms < 253402318800000) {
    const iso = date.toISOString();
    return { $date: date.getUTCMilliseconds() !== 0 ? iso : iso.slice(0, -5) + 'Z' };
  }
  return { $date: { $numberLong: String(ms) } };
}

/** bson's EJSON type keys: an object holding one of them is not a plain object (see bson's deserializeValue). */
const CODEC_KEYS = new Set([
  '$oid',
  '$binary',
  '$uuid',
  '$symbol',
  '$numberInt',
  '$numberDecimal',
  '$numberDouble',
  '$numberLong',
  '$minKey',
  '$maxKey',
  '$regex',
  '$regularExpression',
  '$timestamp',
]);

/** `{"$numberInt":"<JSON integer>"}` and `{"$numberDouble":"<JSON number>"}`, exactly. */
const NUMBER_WRAPPER =
  /\{"\$numberInt":"(-?(?:0|[1-9]\d*))"\}|\{"\$numberDouble":"(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)"\}/g;

/**
 * `revive(EJSON.parse(text, { relaxed: true }), now)` in one pass of the native JSON.parse: numbers and
 * dates, the forms the SDK and the store write, are turned into values here exactly as bson does it;
 * any other EJSON type (regular expressions, ObjectId, …) sends the whole text through bson.
 */
function parse(text: string, now: number | undefined): unknown {
  // The SDK writes every number as { "$numberInt": "1" } (or $numberDouble): written as the bare JSON
  // number it is the same value (a JSON number literal parses as parseInt / parseFloat of it does) at a
  // fraction of the cost. `{"` cannot occur inside a JSON string (its quote would be escaped).
  const plain = text.includes('{"$number') ? text.replace(NUMBER_WRAPPER, '$1$2') : text;
  const value = JSON.parse(plain) as unknown;
  try {
    return typeof value === 'object' && value !== null ? reviveParsed(value, now) : value;
  } catch (e) {
    if (e !== FALLBACK) throw e;
    return revive(EJSON.parse(text, { relaxed: true }), now);
  }
}

/** Bottom-up over what JSON.parse made (fresh objects, so changed in place), as bson's reviver goes. */
function reviveParsed(value: object, now: number | undefined): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i] as unknown;
      if (typeof v === 'object' && v !== null) value[i] = reviveParsed(v, now);
    }
    return value;
  }
  const obj = value as Doc;
  let dollar = false;
  for (const k in obj) {
    const v = obj[k];
    if (k.charCodeAt(0) === 36) dollar = true;
    if (k === '__proto__' || k.indexOf('\u0000') !== -1) throw FALLBACK;
    if (typeof v === 'object' && v !== null) obj[k] = reviveParsed(v, now);
  }
  return dollar ? special(obj, now) : obj;
}

/** An object with a `$` key: bson's deserializeValue (relaxed) for the forms handled here, then revive. */
function special(value: Doc, now: number | undefined): unknown {
  // The SDK's form of every number: { $numberInt: "1" } and nothing else.
  const int = value.$numberInt;
  if (typeof int === 'string' && Object.keys(value).length === 1) return parseInt(int, 10);
  if (value.$undefined) return null;
  for (const k in value) {
    const v = value[k];
    if (v === null || v === undefined || k.charCodeAt(0) !== 36 || !CODEC_KEYS.has(k)) continue;
    // Int32 and Double (relaxed) are parseInt and parseFloat in bson.
    if (k === '$numberInt') return parseInt(v as string, 10);
    if (k === '$numberDouble') return parseFloat(v as string);
    if (k === '$numberLong') return bson.Long.fromExtendedJSON(value, { relaxed: true });
    throw FALLBACK;
  }
  if (value.$date !== null && value.$date !== undefined) {
    const d = value.$date;
    const date = new Date();
    if (typeof d === 'string') date.setTime(Date.parse(d));
    else if (typeof d === 'number') date.setTime(d);
    else throw FALLBACK;
    return date;
  }
  if ((value.$code !== null && value.$code !== undefined) || '$ref' in value || value.$dbPointer) throw FALLBACK;
  // What revive does to a plain object whose values are already revived (JSON.parse goes bottom-up).
  if (now !== undefined && '$tcb_server_date' in value) return serverDate(value, now);
  return value;
}

/**
 * Turns what bson's EJSON parser leaves as bson wrapper objects into the JavaScript values mingo
 * compares: `{ $regularExpression }` (how the SDK sends `db.RegExp` and RegExp literals) parses to a
 * BSONRegExp, which mingo treats as a plain object, so a regex query would match nothing.
 */
function revive(value: unknown, now: number | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, now));
  if (!value || typeof value !== 'object') return value;
  if ((value as { _bsontype?: unknown })._bsontype === 'BSONRegExp') {
    const { pattern, options } = value as unknown as { pattern: string; options: string };
    return toRegExp(pattern, options);
  }
  if (value.constructor === Object) {
    const obj = value as Doc;
    if (now !== undefined && '$tcb_server_date' in obj) return serverDate(obj, now);
    const out: Doc = {};
    for (const [k, v] of Object.entries(obj)) out[k] = revive(v, now);
    return out;
  }
  return value;
}

/** `db.serverDate({ offset })`: the engine's clock plus the offset. */
function serverDate(obj: Doc, now: number): Date {
  const spec = obj.$tcb_server_date as { offset?: unknown };
  const offset = typeof spec?.offset === 'number' ? spec.offset : Number(spec?.offset ?? 0);
  return new Date(now + offset);
}

/**
 * A MongoDB regular expression as a JavaScript one. Options i, m, s and u map directly; x (extended)
 * is applied by dropping unescaped whitespace and `#` comments outside character classes.
 */
export function toRegExp(pattern: string, options: string): RegExp {
  let source = pattern;
  let flags = '';
  for (const option of options) {
    if ('imsu'.includes(option)) {
      if (!flags.includes(option)) flags += option;
    } else if (option === 'x') {
      source = stripExtended(source);
    } else {
      throw new DbError('DATABASE_INVALID_OPERRATOR', `unsupported regular expression option: ${option}`);
    }
  }
  return new RegExp(source, flags);
}

function stripExtended(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
    } else if (!/\s/.test(ch)) {
      out += ch;
    }
  }
  return out;
}

/**
 * A deep copy that keeps Dates and RegExps (documents are never shared between callers). Plain objects,
 * arrays and dates, what documents are made of, are copied here (several times faster than
 * structuredClone on small objects); anything else goes to structuredClone.
 */
export function clone<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Doc = {};
  for (const k of Object.keys(value)) {
    const v = copy((value as Doc)[k]);
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}
