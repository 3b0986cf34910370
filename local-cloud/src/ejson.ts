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
export const EJSON: EJSONApi = (requireHere(bsonPath) as { EJSON: EJSONApi }).EJSON;

export type Doc = Record<string, unknown>;

/** Parses an EJSON string from the SDK and resolves `db.serverDate()` placeholders against `now`. */
export function decode(text: string | undefined, now: number): unknown {
  if (text === undefined || text === '') return undefined;
  return revive(EJSON.parse(text, { relaxed: true }), now);
}

/** Parses a document as the store wrote it (no server-date placeholders there). */
export function decodeStored(text: string): unknown {
  return revive(EJSON.parse(text, { relaxed: true }), undefined);
}

export function encode(value: unknown): string {
  return EJSON.stringify(value, { relaxed: true });
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
    if (now !== undefined && '$tcb_server_date' in obj) {
      const spec = obj.$tcb_server_date as { offset?: unknown };
      const offset = typeof spec?.offset === 'number' ? spec.offset : Number(spec?.offset ?? 0);
      return new Date(now + offset);
    }
    const out: Doc = {};
    for (const [k, v] of Object.entries(obj)) out[k] = revive(v, now);
    return out;
  }
  return value;
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

/** A deep copy that keeps Dates and RegExps (documents are never shared between callers). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
