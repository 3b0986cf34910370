/**
 * The local database engine: answers the requests that @cloudbase/database sends through
 * `Db.reqClass#send(action, params)` with MongoDB semantics from mingo, over the LMDB store.
 *
 * Concurrency: every request runs synchronously against the in-memory state until it hands its writes
 * to the store, so a single-document update is atomic under concurrent calls. The reply is sent only
 * after the store has committed the write.
 */
import { randomBytes } from 'node:crypto';
import { Aggregator, Query, update as applyUpdate } from 'mingo';
import { clone, decode, encode, type Doc } from './ejson';
import { DbError, fromEngineError } from './errors';
import { LmdbStore, type StoreOp, type StoredDoc } from './store';

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes?: readonly IndexSpec[];
}

export interface EngineOptions {
  dataDir: string;
  /** Collections (and their indexes) that exist from the start. */
  collections?: readonly CollectionSpec[];
  now?: () => number;
  /** Collections not declared here may still be created with `db.createCollection`. */
}

/** What `send` returns: the reply shape @cloudbase/database reads, or `{ code, message }`. */
export type EngineReply = Record<string, unknown>;

/** Limits the SDK documents for server-side calls. */
export const LIMITS = { getDefault: 100, getMax: 1000, aggregateDefault: 20 } as const;

interface Txn {
  startSeq: number;
  startedAt: number;
  /** Pending writes keyed by collection + id; `null` means removed. */
  writes: Map<string, { collection: string; id: string; doc: Doc | null }>;
  touched: Set<string>;
}

const TXN_TIMEOUT_MS = 60_000;
const SEP = '\u0000';

type Params = Record<string, unknown>;

export class LocalEngine {
  private readonly store: LmdbStore;
  private readonly data = new Map<string, Map<string, StoredDoc>>();
  private readonly indexes = new Map<string, IndexSpec[]>();
  /** collection → index name → key → _id */
  private readonly uniqueKeys = new Map<string, Map<string, Map<string, string>>>();
  private readonly removedAt = new Map<string, number>();
  private readonly txns = new Map<string, Txn>();
  private seq = 0;
  private readonly now: () => number;
  /** Requests answered, by action: the benchmarks count database round trips with it. */
  readonly requestCounts = new Map<string, number>();

  constructor(options: EngineOptions) {
    this.now = options.now ?? Date.now;
    this.store = new LmdbStore(options.dataDir);
    const loaded = this.store.loadAll();
    this.seq = loaded.maxSeq;
    for (const name of loaded.collections) this.data.set(name, loaded.docs.get(name) ?? new Map());
    for (const [name, docs] of loaded.docs) if (!this.data.has(name)) this.data.set(name, docs);
    let created = false;
    for (const spec of options.collections ?? []) {
      if (!this.data.has(spec.name)) {
        this.data.set(spec.name, new Map());
        created = true;
      }
      this.indexes.set(spec.name, [...(spec.indexes ?? [])]);
    }
    for (const name of this.data.keys()) this.rebuildUniqueKeys(name);
    if (created) void this.store.saveCollections([...this.data.keys()]);
  }

  collectionNames(): string[] {
    return [...this.data.keys()];
  }

  /** Number of requests answered since the counter was last reset. */
  totalRequests(): number {
    let n = 0;
    for (const v of this.requestCounts.values()) n += v;
    return n;
  }

  resetCounts(): void {
    this.requestCounts.clear();
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  /** The request layer entry point. Never throws: errors come back as `{ code, message }`. */
  async send(action: string, params: Params = {}): Promise<EngineReply> {
    this.requestCounts.set(action, (this.requestCounts.get(action) ?? 0) + 1);
    const requestId = randomBytes(8).toString('hex');
    try {
      const { reply, ops } = this.execute(action, params);
      if (ops.length > 0) await this.store.commit(ops);
      return { ...reply, requestId };
    } catch (e) {
      const err = fromEngineError(e);
      return { code: err.code, message: err.message, requestId };
    }
  }

  // ---------------------------------------------------------------- dispatch

  private execute(action: string, p: Params): { reply: EngineReply; ops: StoreOp[] } {
    const none: StoreOp[] = [];
    switch (action) {
      case 'database.getDocument':
        return { reply: this.getDocument(p), ops: none };
      case 'database.calculateDocument':
        return { reply: { data: { total: this.select(p).length } }, ops: none };
      case 'database.insertDocument':
        return this.insertDocument(p);
      case 'database.modifyDocument':
        return this.modifyDocument(p, false);
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(p, true);
      case 'database.removeDocument':
        return this.removeDocument(p);
      case 'database.aggregateDocuments':
        return { reply: this.aggregate(p), ops: none };
      case 'database.addCollection':
        return this.addCollection(p);
      case 'database.startTransaction':
        return { reply: { transactionId: this.startTransaction() }, ops: none };
      case 'database.commitTransaction':
        return this.commitTransaction(String(p.transactionId ?? ''));
      case 'database.abortTransaction':
        this.txns.delete(String(p.transactionId ?? ''));
        return { reply: {}, ops: none };
      default:
        throw new DbError('DATABASE_INVALID_OPERRATOR', `unsupported database action: ${action}`);
    }
  }

  // ---------------------------------------------------------------- reads

  private collection(name: unknown): Map<string, StoredDoc> {
    const coll = typeof name === 'string' ? this.data.get(name) : undefined;
    if (!coll) {
      throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `collection ${String(name)} does not exist`);
    }
    return coll;
  }

  private query(p: Params): Doc {
    const q = decode(p.query as string | undefined, this.now());
    return (q as Doc | undefined) ?? {};
  }

  /** The stored documents matching the request's query (the live objects: callers copy them). */
  private select(p: Params): Doc[] {
    const coll = this.collection(p.collectionName);
    const q = this.query(p);
    if (p.queryType === 'DOC' && typeof q._id === 'string' && Object.keys(q).length === 1) {
      const found = coll.get(q._id);
      return found ? [found.doc] : [];
    }
    const criteria = new Query(q);
    const out: Doc[] = [];
    for (const { doc } of coll.values()) if (criteria.test(doc)) out.push(doc);
    return out;
  }

  private getDocument(p: Params): EngineReply {
    if (p.transactionId) return this.getInTransaction(p);
    let docs = this.select(p);
    const order = decode(p.order as string | undefined, this.now()) as Record<string, 1 | -1> | undefined;
    const offset = Math.max(0, Number(p.offset ?? 0) || 0);
    const requested = Number(p.limit ?? LIMITS.getDefault) || LIMITS.getDefault;
    const limit = Math.min(Math.max(requested, 1), LIMITS.getMax);
    const projection = decode(p.projection as string | undefined, this.now()) as Doc | undefined;
    const cursor = new Query({}).find<Doc>(docs, projection && Object.keys(projection).length ? projection : undefined);
    if (order && Object.keys(order).length) cursor.sort(order);
    docs = cursor.skip(offset).limit(limit).all();
    return { data: { list: docs.map((d) => encode(d)), offset, limit } };
  }

  private aggregate(p: Params): EngineReply {
    const coll = this.collection(p.collectionName);
    const stages = (p.stages as Array<{ stageKey: string; stageValue: string }> | undefined) ?? [];
    const pipeline = stages.map((s) => ({ [s.stageKey]: decode(s.stageValue, this.now()) }));
    for (const stage of pipeline) {
      const key = Object.keys(stage)[0];
      if (key === '$lookup') {
        const from = (stage.$lookup as Doc).from;
        if (typeof from === 'string') this.collection(from);
      }
    }
    const hasLimit = pipeline.some((s) => '$limit' in s);
    // mingo stages may change their input in place ($unwind with preserveNullAndEmptyArrays deletes the
    // field), so the pipeline runs over copies; a leading $match filters the live documents first so
    // only the matches are copied.
    let source = [...coll.values()].map((s) => s.doc);
    const first = pipeline[0];
    if (first && Object.keys(first).length === 1 && first.$match && typeof first.$match === 'object') {
      const criteria = new Query(first.$match as Doc);
      source = source.filter((doc) => criteria.test(doc));
      pipeline.shift();
    }
    let out = this.runPipeline(
      source.map((doc) => clone(doc)),
      pipeline,
    );
    if (!hasLimit) out = out.slice(0, LIMITS.aggregateDefault);
    return { data: { list: out.map((d) => encode(d)) } };
  }

  private lookupSource(name: string): Doc[] {
    return [...this.collection(name).values()].map((s) => s.doc);
  }

  /**
   * Runs a pipeline with mingo, except the equality form of `$lookup` (localField/foreignField), which
   * we join here: mingo 7 puts `null` into `as` for every element of an array localField that has no
   * match, where MongoDB returns only the matching documents.
   */
  private runPipeline(source: Doc[], pipeline: Doc[]): Doc[] {
    let docs = source;
    let pending: Doc[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      // Copies here too: a $lookup sub-pipeline runs over the foreign documents.
      const resolver = (name: string) => this.lookupSource(name).map((doc) => clone(doc));
      docs = new Aggregator(pending, { collectionResolver: resolver }).run(docs) as Doc[];
      pending = [];
    };
    for (const stage of pipeline) {
      const lookup = stage.$lookup as Doc | undefined;
      if (
        lookup &&
        typeof lookup.localField === 'string' &&
        typeof lookup.foreignField === 'string' &&
        !lookup.pipeline
      ) {
        flush();
        docs = equalityLookup(
          docs,
          this.lookupSource(String(lookup.from)),
          lookup.localField,
          lookup.foreignField,
          String(lookup.as),
        );
      } else {
        pending.push(stage);
      }
    }
    flush();
    return docs;
  }

  // ---------------------------------------------------------------- writes

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  private insertDocument(p: Params): { reply: EngineReply; ops: StoreOp[] } {
    const collectionName = String(p.collectionName);
    const coll = this.collection(collectionName);
    const items = (p.data as string[] | undefined) ?? [];
    const docs = items.map((text) => {
      const doc = decode(text, this.now()) as Doc;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new DbError('INVALID_PARAM', 'document to insert must be an object');
      }
      if (doc._id === undefined) doc._id = newId();
      if (typeof doc._id !== 'string') throw new DbError('INVALID_PARAM', '_id must be a string');
      return doc;
    });
    if (p.transactionId) {
      const txn = this.txn(p.transactionId);
      for (const doc of docs) {
        const key = collectionName + SEP + (doc._id as string);
        if (coll.has(doc._id as string) || txn.writes.get(key)?.doc)
          throw duplicateId(collectionName, doc._id as string);
        txn.writes.set(key, { collection: collectionName, id: doc._id as string, doc });
        txn.touched.add(key);
      }
      return { reply: { data: { insertedIds: docs.map((d) => d._id) } }, ops: [] };
    }
    const changes = docs.map((doc) => {
      if (coll.has(doc._id as string)) throw duplicateId(collectionName, doc._id as string);
      return { collection: collectionName, id: doc._id as string, before: null, after: doc };
    });
    const ops = this.apply(changes);
    return { reply: { data: { insertedIds: docs.map((d) => d._id) } }, ops };
  }

  private modifyDocument(p: Params, returnDoc: boolean): { reply: EngineReply; ops: StoreOp[] } {
    if (p.transactionId) return this.modifyInTransaction(p);
    const collectionName = String(p.collectionName);
    this.collection(collectionName);
    const data = decode(p.data as string | undefined, this.now()) as Doc | undefined;
    if (!data || typeof data !== 'object') throw new DbError('INVALID_PARAM', 'update data must be an object');
    const merge = p.merge !== false;
    const matches = this.select(p);
    const targets = p.multi ? matches : matches.slice(0, 1);
    const changes: Change[] = [];
    for (const before of targets) {
      const after = merge ? updated(before, data) : { ...clone(data), _id: before._id };
      if (after !== null) changes.push({ collection: collectionName, id: before._id as string, before, after });
    }
    let upsertId: string | undefined;
    if (targets.length === 0 && p.upsert) {
      const q = this.query(p);
      const id = typeof q._id === 'string' ? q._id : newId();
      const base: Doc = { _id: id };
      const after = merge ? (updated(base, data) ?? base) : { ...clone(data), _id: id };
      changes.push({ collection: collectionName, id, before: null, after });
      upsertId = id;
    }
    const ops = this.apply(changes);
    const updatedCount = changes.filter((c) => c.before !== null).length;
    const reply: Doc = { updated: updatedCount };
    if (upsertId !== undefined) reply.upsert_id = upsertId;
    if (returnDoc) {
      const doc = changes[0]?.after;
      if (doc) reply.doc = encode(doc);
    }
    return { reply: { data: reply }, ops };
  }

  private removeDocument(p: Params): { reply: EngineReply; ops: StoreOp[] } {
    if (p.transactionId) return this.removeInTransaction(p);
    const collectionName = String(p.collectionName);
    const matches = this.select(p);
    const targets = p.multi ? matches : matches.slice(0, 1);
    const ops = this.apply(
      targets.map((before) => ({ collection: collectionName, id: before._id as string, before, after: null })),
    );
    return { reply: { data: { deleted: targets.length } }, ops };
  }

  private addCollection(p: Params): { reply: EngineReply; ops: StoreOp[] } {
    const name = String(p.collectionName ?? '');
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name))
      throw new DbError('INVALID_PARAM', `invalid collection name: ${name}`);
    if (this.data.has(name)) throw new DbError('DATABASE_REQUEST_FAILED', `collection ${name} already exists`);
    this.data.set(name, new Map());
    this.rebuildUniqueKeys(name);
    void this.store.saveCollections([...this.data.keys()]);
    return { reply: {}, ops: [] };
  }

  /**
   * Checks unique indexes for a set of changes, then applies them to memory and returns the store
   * operations. Nothing is applied when any check fails.
   */
  private apply(changes: readonly Change[]): StoreOp[] {
    this.checkUnique(changes);
    const ops: StoreOp[] = [];
    for (const c of changes) {
      const coll = this.collection(c.collection);
      this.unindex(c.collection, c.before);
      if (c.after === null) {
        coll.delete(c.id);
        this.removedAt.set(c.collection + SEP + c.id, this.nextSeq());
        ops.push({ type: 'remove', collection: c.collection, id: c.id });
      } else {
        const stored = { doc: c.after, seq: this.nextSeq() };
        coll.set(c.id, stored);
        this.index(c.collection, c.after);
        ops.push({ type: 'put', collection: c.collection, id: c.id, stored });
      }
    }
    return ops;
  }

  // ---------------------------------------------------------------- unique indexes

  private uniqueSpecs(collection: string): IndexSpec[] {
    return (this.indexes.get(collection) ?? []).filter((i) => i.unique);
  }

  private rebuildUniqueKeys(collection: string): void {
    const byIndex = new Map<string, Map<string, string>>();
    for (const spec of this.uniqueSpecs(collection)) byIndex.set(spec.name, new Map());
    this.uniqueKeys.set(collection, byIndex);
    for (const { doc } of this.data.get(collection)?.values() ?? []) this.index(collection, doc);
  }

  private index(collection: string, doc: Doc | null): void {
    if (!doc) return;
    for (const spec of this.uniqueSpecs(collection)) {
      this.uniqueKeys
        .get(collection)
        ?.get(spec.name)
        ?.set(indexKey(spec, doc), doc._id as string);
    }
  }

  private unindex(collection: string, doc: Doc | null): void {
    if (!doc) return;
    for (const spec of this.uniqueSpecs(collection)) {
      const keys = this.uniqueKeys.get(collection)?.get(spec.name);
      const key = indexKey(spec, doc);
      if (keys && keys.get(key) === doc._id) keys.delete(key);
    }
  }

  private checkUnique(changes: readonly Change[]): void {
    const changed = new Set(changes.map((c) => c.collection + SEP + c.id));
    const claimed = new Map<string, string>();
    for (const c of changes) {
      if (!c.after) continue;
      for (const spec of this.uniqueSpecs(c.collection)) {
        const key = indexKey(spec, c.after);
        const slot = c.collection + SEP + spec.name + SEP + key;
        const holder = this.uniqueKeys.get(c.collection)?.get(spec.name)?.get(key);
        // A holder changed in the same batch gives up the key unless its new version claims it too.
        const heldElsewhere = holder !== undefined && holder !== c.id && !changed.has(c.collection + SEP + holder);
        const claimedBy = claimed.get(slot);
        if (heldElsewhere || (claimedBy !== undefined && claimedBy !== c.id)) {
          throw new DbError(
            'DATABASE_REQUEST_FAILED',
            `E11000 duplicate key error collection: ${c.collection} index: ${spec.name} dup key: ${key}`,
          );
        }
        claimed.set(slot, c.id);
      }
    }
  }

  // ---------------------------------------------------------------- transactions

  private startTransaction(): string {
    const now = this.now();
    for (const [id, t] of this.txns) if (now - t.startedAt > TXN_TIMEOUT_MS) this.txns.delete(id);
    const id = newId();
    this.txns.set(id, { startSeq: this.seq, startedAt: now, writes: new Map(), touched: new Set() });
    return id;
  }

  private txn(id: unknown): Txn {
    const t = this.txns.get(String(id));
    if (!t) throw new DbError('DATABASE_REQUEST_FAILED', 'transaction not found or already finished');
    return t;
  }

  /** Snapshot isolation: a document written by someone else since the transaction began is a conflict. */
  private readForTxn(t: Txn, collection: string, id: string): Doc | null {
    const key = collection + SEP + id;
    t.touched.add(key);
    const pending = t.writes.get(key);
    if (pending) return pending.doc;
    const stored = this.collection(collection).get(id);
    const changedAt = stored?.seq ?? this.removedAt.get(key) ?? 0;
    if (changedAt > t.startSeq) {
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', `transaction conflict on ${collection}/${id}`);
    }
    return stored ? stored.doc : null;
  }

  private docIdOf(p: Params): string {
    const q = this.query(p);
    if (p.queryType !== 'DOC' || typeof q._id !== 'string') {
      throw new DbError('DATABASE_REQUEST_FAILED', 'transactions support single-document operations only (doc(id))');
    }
    return q._id;
  }

  private getInTransaction(p: Params): EngineReply {
    const t = this.txn(p.transactionId);
    const collection = String(p.collectionName);
    const doc = this.readForTxn(t, collection, this.docIdOf(p));
    return { data: { list: doc ? [encode(doc)] : [] } };
  }

  private modifyInTransaction(p: Params): { reply: EngineReply; ops: StoreOp[] } {
    const t = this.txn(p.transactionId);
    const collection = String(p.collectionName);
    const id = this.docIdOf(p);
    const data = decode(p.data as string | undefined, this.now()) as Doc;
    const before = this.readForTxn(t, collection, id);
    const merge = p.merge !== false;
    let after: Doc | null;
    if (before) after = merge ? (updated(before, data) ?? before) : { ...clone(data), _id: id };
    else if (p.upsert) after = merge ? (updated({ _id: id }, data) ?? { _id: id }) : { ...clone(data), _id: id };
    else after = null;
    if (after) t.writes.set(collection + SEP + id, { collection, id, doc: after });
    const reply: Doc = { updated: before && after ? 1 : 0 };
    if (!before && after) reply.upsert_id = id;
    return { reply: { data: reply }, ops: [] };
  }

  private removeInTransaction(p: Params): { reply: EngineReply; ops: StoreOp[] } {
    const t = this.txn(p.transactionId);
    const collection = String(p.collectionName);
    const id = this.docIdOf(p);
    const before = this.readForTxn(t, collection, id);
    if (before) t.writes.set(collection + SEP + id, { collection, id, doc: null });
    return { reply: { data: { deleted: before ? 1 : 0 } }, ops: [] };
  }

  private commitTransaction(id: string): { reply: EngineReply; ops: StoreOp[] } {
    const t = this.txn(id);
    this.txns.delete(id);
    for (const key of t.touched) {
      const cut = key.indexOf(SEP);
      const collection = key.slice(0, cut);
      const docId = key.slice(cut + 1);
      const changedAt = this.collection(collection).get(docId)?.seq ?? this.removedAt.get(key) ?? 0;
      if (changedAt > t.startSeq) {
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', `transaction conflict on ${collection}/${docId}`);
      }
    }
    const changes: Change[] = [...t.writes.values()].map((w) => ({
      collection: w.collection,
      id: w.id,
      before: this.collection(w.collection).get(w.id)?.doc ?? null,
      after: w.doc,
    }));
    return { reply: {}, ops: this.apply(changes.filter((c) => c.before !== null || c.after !== null)) };
  }
}

interface Change {
  collection: string;
  id: string;
  before: Doc | null;
  after: Doc | null;
}

/** MongoDB's `$lookup` equality match: any value of localField equal to any value of foreignField. */
function equalityLookup(docs: Doc[], foreign: Doc[], localField: string, foreignField: string, as: string): Doc[] {
  const byValue = new Map<string, Doc[]>();
  for (const f of foreign) {
    for (const v of valuesAt(f, foreignField)) {
      const key = encode({ v });
      const list = byValue.get(key);
      if (list) list.push(f);
      else byValue.set(key, [f]);
    }
  }
  return docs.map((d) => {
    const matched = new Set<Doc>();
    for (const v of valuesAt(d, localField)) for (const f of byValue.get(encode({ v })) ?? []) matched.add(f);
    return { ...d, [as]: [...matched].map((m) => clone(m)) };
  });
}

/** The values a path holds, arrays spread one level; a missing value counts as null. */
function valuesAt(doc: Doc, path: string): unknown[] {
  const value = getPath(doc, path) ?? null;
  return Array.isArray(value) ? (value.length ? value : [null]) : [value];
}

/** CloudBase-style ids: 32 hex characters. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

function duplicateId(collection: string, id: string): DbError {
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
  );
}

/** The index key of a document: the values of the index fields, missing ones as null (as MongoDB does). */
function indexKey(spec: IndexSpec, doc: Doc): string {
  return encode(Object.keys(spec.keys).map((path) => getPath(doc, path) ?? null));
}

function getPath(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Doc)[part];
  }
  return cur;
}

/**
 * Applies update operators to a copy of `before`. Returns null when nothing changed (the update still
 * matched; MongoDB reports it as not modified).
 */
function updated(before: Doc, data: Doc): Doc | null {
  const operators = Object.keys(data);
  if (operators.length === 0) return null;
  const plain = operators.filter((k) => !k.startsWith('$'));
  const modifier: Doc = plain.length
    ? { ...data, $set: { ...((data.$set as Doc) ?? {}), ...pick(data, plain) } }
    : data;
  for (const k of plain) delete modifier[k];
  if ('_id' in ((modifier.$set as Doc | undefined) ?? {})) throw new DbError('INVALID_PARAM', '_id cannot be updated');
  const after = clone(before);
  const changed = applyUpdate(after, modifier as never, undefined, undefined, { cloneMode: 'deep' });
  return changed.length > 0 ? after : null;
}

function pick(obj: Doc, keys: string[]): Doc {
  const out: Doc = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}
