/**
 * The local database engine: answers the requests that @cloudbase/database sends through
 * `Db.reqClass#send(action, params)` with MongoDB semantics from mingo, over the LMDB store.
 *
 * Concurrency: every request runs synchronously against the in-memory state until it hands its writes
 * to the store, so a single-document update is atomic under concurrent calls. The reply is sent only
 * after the store has committed the write. (A transaction's write may first wait for another
 * transaction to end, see writeTurn; the check and the write itself still run in one synchronous turn.)
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Aggregator, Query, update as applyUpdate } from 'mingo';
import { clone, decode, encode, type Doc } from './ejson';
import { DbError, fromEngineError } from './errors';
import { FieldIndexes } from './fieldIndex';
import { describeIndexes, unservedReason } from './indexCheck';
import { applyPatch, compilePatch, patchChanges, type PatchOp } from './patch';
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
  /** Behave as CloudBase does where the lenient defaults help local use (see StrictOptions). */
  strict?: boolean | StrictOptions;
}

/**
 * Strict mode (the integration suite in CI; docs/architecture.md, "The local runtime"):
 * - `transactions`: conflicts as CloudBase reports them — a transaction that read or wrote a document
 *   another transaction committed a change to after its snapshot fails its commit at once with
 *   DATABASE_TRANSACTION_CONFLICT (runTransaction retries, then gives up); no waiting for another
 *   transaction's write (writeTurn), no held conflict replies (ConflictGate), no moving snapshot.
 * - `indexes`: a read whose filter or sort no declared index serves fails (see indexCheck.ts).
 */
export interface StrictOptions {
  transactions?: boolean;
  indexes?: boolean;
}

/** What `send` returns: the reply shape @cloudbase/database reads, or `{ code, message }`. */
export type EngineReply = Record<string, unknown>;

/** Limits the SDK documents for server-side calls. */
export const LIMITS = { getDefault: 100, getMax: 1000, aggregateDefault: 20 } as const;

interface Txn {
  /**
   * The snapshot: the sequence number the transaction reads at. Taken at its first operation (as
   * MongoDB does), not at startTransaction, and moved forward while nothing it touched has changed.
   */
  startSeq: number | undefined;
  startedAt: number;
  /** Pending writes keyed by collection + id. */
  writes: Map<string, PendingWrite>;
  touched: Set<string>;
  /** Settles when the transaction ends (committed, failed, rolled back or expired). */
  ended: Promise<void>;
  end: () => void;
  /** The transaction whose end this one waits for before writing (see writeTurn). */
  waitsFor: Txn | undefined;
}

/**
 * A transaction's pending write: the new version (`null`: removed), or an in-place `patch` of the stored
 * version, applied at commit (the stored version cannot change meanwhile without failing the commit).
 */
interface PendingWrite {
  collection: string;
  id: string;
  doc: Doc | null;
  patch?: PatchOp[];
}

const TXN_TIMEOUT_MS = 60_000;
/** Longest a conflicted transaction's reply is held back waiting for its turn (see ConflictGate). */
const CONFLICT_HOLD_MAX_MS = 1_000;
/** Longest a released conflicted transaction has to come back (retry) and finish before the next goes. */
const CONFLICT_TURN_MAX_MS = 100;
/** Longest a transaction's write waits for another live transaction that has written the same document. */
const WRITE_TURN_MAX_MS = 1_000;
const SEP = '\u0000';

type Params = Record<string, unknown>;

export class LocalEngine {
  private readonly store: LmdbStore;
  private readonly data = new Map<string, Map<string, StoredDoc>>();
  private readonly indexes = new Map<string, IndexSpec[]>();
  /** collection → index name → key → _id */
  private readonly uniqueKeys = new Map<string, Map<string, Map<string, string>>>();
  /** collection → value postings of the declared indexes' fields (reads only). */
  private readonly fieldIndexes = new Map<string, FieldIndexes>();
  private requestSeq = 0;
  private readonly removedAt = new Map<string, number>();
  private readonly txns = new Map<string, Txn>();
  private readonly conflicts = new ConflictGate((keys) => this.touchedByLiveTxn(keys));
  private seq = 0;
  private readonly now: () => number;
  /** Requests answered, by action: the benchmarks count database round trips with it. */
  readonly requestCounts = new Map<string, number>();
  readonly strict: Required<StrictOptions>;
  private readonly inspecting = new AsyncLocalStorage<true>();

  /**
   * Runs `fn` (a test's or tool's own reads of the stored state, not the product's) without the strict
   * index check; every request `fn` makes, and only those, is exempt.
   */
  inspect<T>(fn: () => Promise<T>): Promise<T> {
    return this.inspecting.run(true, fn);
  }

  constructor(options: EngineOptions) {
    this.now = options.now ?? Date.now;
    const strict = options.strict ?? false;
    this.strict =
      typeof strict === 'boolean'
        ? { transactions: strict, indexes: strict }
        : { transactions: strict.transactions ?? false, indexes: strict.indexes ?? false };
    this.store = new LmdbStore(options.dataDir);
    const loaded = this.store.loadAll();
    this.seq = loaded.maxSeq;
    for (const name of loaded.collections) this.data.set(name, loaded.docs.get(name) ?? new Map());
    for (const [name, docs] of loaded.docs) if (!this.data.has(name)) this.data.set(name, docs);
    // Indexes belong to the collection, as in CloudBase: the ones declared before are kept in the store,
    // so reopening the data directory without declaring them still enforces them. A declaration given
    // now replaces the stored one for that collection.
    for (const [name, specs] of Object.entries(this.store.loadMeta<Record<string, IndexSpec[]>>('indexes') ?? {})) {
      this.indexes.set(name, specs);
    }
    let created = false;
    for (const spec of options.collections ?? []) {
      if (!this.data.has(spec.name)) {
        this.data.set(spec.name, new Map());
        created = true;
      }
      this.indexes.set(spec.name, [...(spec.indexes ?? [])]);
    }
    for (const name of this.data.keys()) this.rebuildUniqueKeys(name);
    const writes: Promise<unknown>[] = [];
    if (created) writes.push(this.store.saveCollections([...this.data.keys()]));
    if (options.collections?.length) writes.push(this.store.saveMeta('indexes', Object.fromEntries(this.indexes)));
    if (writes.length) {
      this.startup = Promise.all(writes).then(() => {
        this.startup = undefined;
      });
    }
  }

  /** Start-up writes (declared collections and indexes): requests are answered after they commit. */
  private startup: Promise<unknown> | undefined;

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

  private readonly faults: Array<{ action: string; when: (params: Params) => boolean; left: number }> = [];

  /**
   * Tests: the next `times` requests of `action` that `when` accepts fail as if they never reached the
   * database (a function killed, the network gone), with DATABASE_REQUEST_FAILED and nothing changed.
   */
  failRequests(action: string, when: (params: Params) => boolean = () => true, times = 1): void {
    this.faults.push({ action, when, left: times });
  }

  private faultFor(action: string, params: Params): boolean {
    const fault = this.faults.find((f) => f.action === action && f.when(params));
    if (!fault) return false;
    if ((fault.left -= 1) <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return true;
  }

  async close(): Promise<void> {
    this.conflicts.close();
    if (this.startup) await this.startup.catch(() => undefined);
    await this.store.close();
  }

  /** The request layer entry point. Never throws: errors come back as `{ code, message }`. */
  async send(action: string, params: Params = {}): Promise<EngineReply> {
    this.requestCounts.set(action, (this.requestCounts.get(action) ?? 0) + 1);
    const requestId = `local-${(this.requestSeq += 1).toString(36)}`;
    if (this.faults.length > 0 && this.faultFor(action, params)) {
      return { code: 'DATABASE_REQUEST_FAILED', message: `injected fault: ${action} not delivered`, requestId };
    }
    try {
      if (this.startup) await this.startup;
      if (
        !this.strict.transactions &&
        params.transactionId &&
        (action === 'database.modifyDocument' || action === 'database.removeDocument')
      ) {
        // Checked again after every wait, in the same turn as the write itself (see writeTurn).
        const deadline = Date.now() + WRITE_TURN_MAX_MS;
        for (let turn = this.writeTurn(params, deadline); turn; turn = this.writeTurn(params, deadline)) await turn;
      }
      const { reply, ops, wait } = this.execute(action, params);
      if (ops.length > 0) await this.store.commit(ops);
      if (wait) await wait;
      return { ...reply, requestId };
    } catch (e) {
      const err = fromEngineError(e);
      if (e instanceof TxnConflict && !this.strict.transactions) await this.conflicts.hold(e.keys);
      return { code: err.code, message: err.message, requestId };
    }
  }

  // ---------------------------------------------------------------- dispatch

  private execute(action: string, p: Params): { reply: EngineReply; ops: StoreOp[]; wait?: Promise<unknown> } {
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
        this.endTxn(String(p.transactionId ?? ''));
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
  private select(p: Params, order?: Record<string, 1 | -1>): Doc[] {
    const coll = this.collection(p.collectionName);
    const q = this.query(p);
    this.checkServed(String(p.collectionName), q, order);
    if (p.queryType === 'DOC' && typeof q._id === 'string' && Object.keys(q).length === 1) {
      const found = coll.get(q._id);
      return found ? [found.doc] : [];
    }
    if (typeof q._id === 'string') {
      const found = coll.get(q._id);
      return found && new Query(q).test(found.doc) ? [found.doc] : [];
    }
    return this.matching(String(p.collectionName), q);
  }

  /** The live documents of a collection matching a query, through an index where one narrows it. */
  private matching(collection: string, q: Doc): Doc[] {
    const coll = this.collection(collection);
    if (typeof q._id === 'string' && Object.keys(q).length === 1) {
      const found = coll.get(q._id);
      return found ? [found.doc] : [];
    }
    const criteria = new Query(q);
    const out: Doc[] = [];
    const ids = typeof q._id === 'string' ? [q._id] : this.fieldIndexes.get(collection)?.candidates(q, coll.size);
    if (ids) {
      for (const id of ids) {
        const doc = coll.get(id)?.doc;
        if (doc && criteria.test(doc)) out.push(doc);
      }
      return out;
    }
    for (const { doc } of coll.values()) if (criteria.test(doc)) out.push(doc);
    return out;
  }

  /**
   * Strict mode: refuses a read whose filter (and sort) no declared index of the collection serves
   * (indexCheck.ts); production would scan the collection.
   */
  private checkServed(collection: string, filter: Doc, order?: Record<string, 1 | -1>): void {
    if (!this.strict.indexes || this.inspecting.getStore()) return;
    const indexes = this.indexes.get(collection) ?? [];
    const sort = Object.entries(order ?? {}) as Array<[string, 1 | -1]>;
    const reason = unservedReason(indexes, filter, sort);
    if (reason) {
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `[strict] no declared index serves this query on ${collection}: ${reason}; filter ${encode(filter)}` +
          `${sort.length ? `, sort ${encode(order)}` : ''}; indexes: ${describeIndexes(indexes)} ` +
          '(declare one in shared-types/src/db/collections.ts)',
      );
    }
  }

  private getDocument(p: Params): EngineReply {
    if (p.transactionId) return this.getInTransaction(p);
    const order = decode(p.order as string | undefined, this.now()) as Record<string, 1 | -1> | undefined;
    let docs = this.select(p, order);
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
    const pipeline = stages.flatMap((s) => expandStage(s.stageKey, decode(s.stageValue, this.now())));
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
    // only the matches are copied. A pipeline the engine runs by itself (joins and limits, see
    // readOnlyPipeline) changes no document and works on the live ones, encoded before this returns.
    let source: Doc[];
    const first = pipeline[0];
    this.checkPipeline(String(p.collectionName), pipeline);
    if (first && Object.keys(first).length === 1 && first.$match && typeof first.$match === 'object') {
      source = this.matching(String(p.collectionName), first.$match as Doc);
      pipeline.shift();
    } else {
      source = [...coll.values()].map((s) => s.doc);
    }
    const copy = !readOnlyPipeline(pipeline);
    let out = this.runPipeline(copy ? source.map((doc) => clone(doc)) : source, pipeline, copy);
    if (!hasLimit) out = out.slice(0, LIMITS.aggregateDefault);
    return { data: { list: out.map((d) => encode(d)) } };
  }

  /**
   * Strict mode: a pipeline's leading `$match` (and a `$sort` right after it, or leading) must be served
   * by an index, as must every `$lookup`: the equality form on its foreignField, the pipeline form on
   * its leading `$match`.
   */
  private checkPipeline(collection: string, pipeline: readonly Doc[]): void {
    if (!this.strict.indexes || this.inspecting.getStore()) return;
    let at = 0;
    let filter: Doc = {};
    const single = (stage: Doc | undefined) => (stage && Object.keys(stage).length === 1 ? stage : undefined);
    const match = single(pipeline[0])?.$match;
    if (match && typeof match === 'object' && !Array.isArray(match)) {
      filter = match as Doc;
      at = 1;
    }
    const sort = single(pipeline[at])?.$sort;
    this.checkServed(
      collection,
      filter,
      sort && typeof sort === 'object' ? (sort as Record<string, 1 | -1>) : undefined,
    );
    for (const stage of pipeline) {
      const lookup = single(stage)?.$lookup as Doc | undefined;
      if (!lookup || typeof lookup.from !== 'string') continue;
      if (typeof lookup.foreignField === 'string' && !lookup.pipeline) {
        this.checkServed(lookup.from, { [lookup.foreignField]: { $in: [null] } });
      } else if (Array.isArray(lookup.pipeline) && lookup.let === undefined) {
        // (A correlated pipeline, with `let`, is decided per document: not checked.)
        this.checkPipeline(lookup.from, lookup.pipeline as Doc[]);
      }
    }
  }

  private lookupSource(name: string): Doc[] {
    return [...this.collection(name).values()].map((s) => s.doc);
  }

  /**
   * Runs a pipeline with mingo, except `$lookup`. The equality form (localField/foreignField) we join
   * here: mingo 7 puts `null` into `as` for every element of an array localField that has no match,
   * where MongoDB returns only the matching documents; on `_id` it reads the documents by id. The
   * uncorrelated pipeline form (no `let`) runs its pipeline once, its leading `$match` through the
   * indexes, instead of copying the whole foreign collection for mingo.
   */
  private runPipeline(source: Doc[], pipeline: Doc[], copy = true): Doc[] {
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
      const limit = stage.$limit;
      if (pending.length === 0 && Object.keys(stage).length === 1 && Number.isInteger(limit) && (limit as number) > 0) {
        // $limit first (or right after a join): no mingo run for it.
        docs = docs.slice(0, limit as number);
      } else if (
        lookup &&
        typeof lookup.localField === 'string' &&
        typeof lookup.foreignField === 'string' &&
        !lookup.pipeline
      ) {
        flush();
        docs =
          lookup.foreignField === '_id'
            ? this.lookupById(docs, String(lookup.from), lookup.localField, String(lookup.as), copy)
            : equalityLookup(
                docs,
                this.lookupSource(String(lookup.from)),
                lookup.localField,
                lookup.foreignField,
                String(lookup.as),
              );
      } else if (
        lookup &&
        Array.isArray(lookup.pipeline) &&
        lookup.let === undefined &&
        lookup.localField === undefined &&
        lookup.foreignField === undefined &&
        typeof lookup.from === 'string' &&
        typeof lookup.as === 'string'
      ) {
        flush();
        const as = lookup.as;
        const joined = this.subPipeline(lookup.from, lookup.pipeline as Doc[], copy);
        const last = docs.length - 1;
        docs = docs.map((d, i) => ({ ...d, [as]: !copy || i === last ? joined : joined.map((j) => clone(j)) }));
      } else {
        pending.push(stage);
      }
    }
    flush();
    return docs;
  }

  /** The equality `$lookup` on `_id`: each value of localField read by id (ids are strings). */
  private lookupById(docs: Doc[], from: string, localField: string, as: string, copy: boolean): Doc[] {
    const coll = this.collection(from);
    return docs.map((d) => {
      const matched = new Set<Doc>();
      for (const v of valuesAt(d, localField)) {
        const found = typeof v === 'string' ? coll.get(v)?.doc : undefined;
        if (found) matched.add(found);
      }
      return { ...d, [as]: copy ? [...matched].map((m) => clone(m)) : [...matched] };
    });
  }

  /** An uncorrelated `$lookup` pipeline over `from` (copies: stages may change their input). */
  private subPipeline(from: string, pipeline: Doc[], copy: boolean): Doc[] {
    this.collection(from);
    const first = pipeline[0];
    const match = first && Object.keys(first).length === 1 ? first.$match : undefined;
    const copies = (docs: Doc[]) => (copy ? docs.map((doc) => clone(doc)) : docs);
    if (match && typeof match === 'object' && !Array.isArray(match)) {
      const matched = this.matching(from, match as Doc);
      const next = pipeline[1];
      const project = next && Object.keys(next).length === 1 ? next.$project : undefined;
      if (isInclusion(project)) {
        // `$match` then an inclusion `$project` (a counter shard's `c` without its marks): only the kept
        // fields are copied, as the database sends only them, not each whole document first.
        const kept = new Query({}).find<Doc>(matched, project).all();
        return this.runPipeline(copies(kept), pipeline.slice(2), copy);
      }
      return this.runPipeline(copies(matched), pipeline.slice(1), copy);
    }
    return this.runPipeline(copies(this.lookupSource(from)), pipeline, copy);
  }

  // ---------------------------------------------------------------- writes

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /**
   * How an update changes a stored document: an in-place patch where one fits (see patch.ts), else the
   * new version on a copy (null: nothing changes).
   */
  private planUpdate(collection: string, before: Doc, data: Doc): { patch: PatchOp[] } | { after: Doc | null } {
    const modifier = modifierOf(data);
    if (!modifier) return { after: null };
    const patch = compilePatch(before, modifier, this.indexedPaths(collection));
    if (patch) return { patch };
    checkUpdateTypes(before, modifier);
    return { after: withModifier(before, modifier) };
  }

  /** The fields of a collection's declared indexes. */
  private indexedPaths(collection: string): string[] {
    return (this.indexes.get(collection) ?? []).flatMap((i) => Object.keys(i.keys));
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
      this.snapshot(txn);
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
      const id = before._id as string;
      const plan = merge ? this.planUpdate(collectionName, before, data) : { after: { ...clone(data), _id: id } };
      if ('patch' in plan) {
        if (patchChanges(before, plan.patch))
          changes.push({ collection: collectionName, id, before, after: before, patch: plan.patch });
      } else if (plan.after !== null) {
        changes.push({ collection: collectionName, id, before, after: plan.after });
      }
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

  private addCollection(p: Params): { reply: EngineReply; ops: StoreOp[]; wait: Promise<unknown> } {
    const name = String(p.collectionName ?? '');
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name))
      throw new DbError('INVALID_PARAM', `invalid collection name: ${name}`);
    if (this.data.has(name)) throw new DbError('DATABASE_REQUEST_FAILED', `collection ${name} already exists`);
    this.data.set(name, new Map());
    this.rebuildUniqueKeys(name);
    // Acknowledged once the collection list is committed, like any other write.
    return { reply: {}, ops: [], wait: this.store.saveCollections([...this.data.keys()]) };
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
      if (c.patch && c.before) {
        // In place: the patch touches no indexed field, so the index entries stay as they are.
        applyPatch(c.before, c.patch);
        const stored = { doc: c.before, seq: this.nextSeq() };
        coll.set(c.id, stored);
        ops.push({ type: 'patch', collection: c.collection, id: c.id, stored, patch: c.patch });
        continue;
      }
      this.unindex(c.collection, c.before, c.after !== null);
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
    // Every field of every declared index, not only the leading ones: a query that pins the later field
    // of a compound index (a rating's `key` beside its `projectId`) reads its few candidates, as the
    // compound index does on CloudBase, instead of testing every document of the leading value.
    const fields = new Set((this.indexes.get(collection) ?? []).flatMap((i) => Object.keys(i.keys)));
    this.fieldIndexes.set(collection, new FieldIndexes(fields));
    for (const { doc } of this.data.get(collection)?.values() ?? []) this.index(collection, doc);
  }

  private index(collection: string, doc: Doc | null): void {
    if (!doc) return;
    this.fieldIndexes.get(collection)?.add(doc);
    for (const spec of this.uniqueSpecs(collection)) {
      this.uniqueKeys
        .get(collection)
        ?.get(spec.name)
        ?.set(indexKey(spec, doc), doc._id as string);
    }
  }

  private unindex(collection: string, doc: Doc | null, replaced = false): void {
    if (!doc) return;
    this.fieldIndexes.get(collection)?.remove(doc, replaced);
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
            'DATABASE_DUPLICATE_WRITE',
            `E11000 duplicate key error collection: ${c.collection} index: ${spec.name} dup key: ${dupKey(spec, c.after)}`,
          );
        }
        claimed.set(slot, c.id);
      }
    }
  }

  // ---------------------------------------------------------------- transactions

  private startTransaction(): string {
    const now = this.now();
    for (const [id, t] of this.txns) if (now - t.startedAt > TXN_TIMEOUT_MS) this.endTxn(id);
    const id = newId();
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.txns.set(id, {
      startSeq: undefined,
      startedAt: now,
      writes: new Map(),
      touched: new Set(),
      ended,
      end,
      waitsFor: undefined,
    });
    return id;
  }

  /** Forgets a transaction (committed, failed, rolled back or expired) and lets waiting conflicts go. */
  private endTxn(id: string): void {
    const t = this.txns.get(id);
    if (!t) return;
    this.txns.delete(id);
    t.end();
    this.conflicts.ended(t.touched);
  }

  /**
   * A transaction about to write a document (doc(id) update, set or remove) that it has not touched yet,
   * while another live transaction holds an uncommitted write of it, waits for that one to end, as a row
   * lock would make it wait: it then reads and writes the newer version (its snapshot moves forward when
   * nothing else it touched has changed, see readForTxn) instead of failing at commit and starting over.
   * A wait that would close a cycle, or lasts WRITE_TURN_MAX_MS, is not made: the write goes ahead and
   * the commits decide, as before (first commit wins).
   */
  private writeTurn(p: Params, deadline: number): Promise<void> | undefined {
    const t = this.txns.get(String(p.transactionId));
    if (!t) return undefined;
    t.waitsFor = undefined;
    if (p.queryType !== 'DOC') return undefined;
    let id: unknown;
    try {
      id = this.query(p)._id;
    } catch {
      return undefined;
    }
    const key = `${String(p.collectionName)}${SEP}${String(id)}`;
    if (typeof id !== 'string' || t.touched.has(key)) return undefined;
    let holder: Txn | undefined;
    for (const other of this.txns.values()) if (other !== t && other.writes.has(key)) holder = other;
    const left = deadline - Date.now();
    if (!holder || waitsOn(holder, t) || left <= 0) return undefined;
    t.waitsFor = holder;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, left)));
    return Promise.race([holder.ended, timeout]).then(() => clearTimeout(timer));
  }

  private touchedByLiveTxn(keys: readonly string[]): boolean {
    for (const t of this.txns.values()) for (const key of keys) if (t.touched.has(key)) return true;
    return false;
  }

  /** Sequence number of the last write to a document (its removal included), 0 if never written. */
  private changedAt(key: string): number {
    const cut = key.indexOf(SEP);
    return this.data.get(key.slice(0, cut))?.get(key.slice(cut + 1))?.seq ?? this.removedAt.get(key) ?? 0;
  }

  /** The transaction's snapshot, taken now if this is its first operation. */
  private snapshot(t: Txn): number {
    if (t.startSeq === undefined) t.startSeq = this.seq;
    return t.startSeq;
  }

  private txn(id: unknown): Txn {
    const t = this.txns.get(String(id));
    if (!t) throw new DbError('DATABASE_REQUEST_FAILED', 'transaction not found or already finished');
    return t;
  }

  /**
   * Reads a document for a transaction. A document written by someone else since the snapshot is a
   * conflict, reported at commit (where the SDK's `runTransaction` sees the conflict code and retries;
   * an error from a read inside the callback reaches it without the code, so it would not retry).
   * When nothing the transaction touched so far has changed, its snapshot simply moves forward to now:
   * that is the same as having started now, and no conflict.
   */
  private readForTxn(t: Txn, collection: string, id: string): Doc | null {
    const key = collection + SEP + id;
    const pending = t.writes.get(key);
    if (pending) {
      t.touched.add(key);
      if (pending.patch) {
        // Read back: the patch on a copy of the stored version becomes the pending version.
        const stored = this.collection(collection).get(id)?.doc;
        const doc = stored ? clone(stored) : { _id: id };
        applyPatch(doc, pending.patch);
        pending.doc = doc;
        pending.patch = undefined;
      }
      return pending.doc;
    }
    const startSeq = this.snapshot(t);
    if (
      !this.strict.transactions &&
      this.changedAt(key) > startSeq &&
      [...t.touched].every((k) => this.changedAt(k) <= startSeq)
    ) {
      t.startSeq = this.seq;
    }
    t.touched.add(key);
    return this.collection(collection).get(id)?.doc ?? null;
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
    const key = collection + SEP + id;
    const first = !t.writes.has(key);
    const before = this.readForTxn(t, collection, id);
    const merge = p.merge !== false;
    let after: Doc | null;
    if (before && merge && first) {
      // The stored version: patched in place at commit where the update fits, else a new version.
      const plan = this.planUpdate(collection, before, data);
      if ('patch' in plan) {
        t.writes.set(key, { collection, id, doc: null, patch: plan.patch });
        return { reply: { data: { updated: 1 } }, ops: [] };
      }
      after = plan.after ?? before;
    } else if (before) after = merge ? (updated(before, data) ?? before) : { ...clone(data), _id: id };
    else if (p.upsert) after = merge ? (updated({ _id: id }, data) ?? { _id: id }) : { ...clone(data), _id: id };
    else after = null;
    if (after) t.writes.set(key, { collection, id, doc: after });
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
    this.endTxn(id);
    const startSeq = t.startSeq ?? this.seq;
    for (const key of t.touched) {
      if (this.changedAt(key) > startSeq) {
        const cut = key.indexOf(SEP);
        throw new TxnConflict(`transaction conflict on ${key.slice(0, cut)}/${key.slice(cut + 1)}`, [...t.touched]);
      }
    }
    const changes: Change[] = [...t.writes.values()].map((w) => {
      const before = this.collection(w.collection).get(w.id)?.doc ?? null;
      if (w.patch && before) return { collection: w.collection, id: w.id, before, after: before, patch: w.patch };
      return { collection: w.collection, id: w.id, before, after: w.doc };
    });
    return { reply: {}, ops: this.apply(changes.filter((c) => c.before !== null || c.after !== null)) };
  }
}

/**
 * Stages rewritten into the equivalent ones MongoDB documents for them, where mingo differs:
 * `$count` is `$group: { _id: null, n: { $sum: 1 } }` + `$project: { _id: 0 }`, which gives no
 * document at all for empty input (mingo's `$count` gives `{ n: 0 }`).
 */
function expandStage(key: string, value: unknown): Doc[] {
  if (key === '$count' && typeof value === 'string') {
    return [{ $group: { _id: null, [value]: { $sum: 1 } } }, { $project: { _id: 0 } }];
  }
  return [{ [key]: value }];
}

const NON_MUTATING_STAGES = new Set(['$match', '$sort', '$skip', '$count']);

/**
 * mingo's `$project` builds each output from a shallow copy; only an exclusion below the top level
 * (`a.b: 0`) deletes inside a nested object it shares with the input.
 */
function nonMutatingProject(spec: unknown): boolean {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return false;
  return Object.entries(spec as Doc).every(([k, v]) => !k.includes('.') || !(v === 0 || v === false));
}

/**
 * Whether no stage changes a document it is given, so the pipeline may run on the live documents:
 * positive `$limit`s, `$match`, `$sort`, `$skip`, `$count`, `$project` (see nonMutatingProject), `$lookup`
 * on `_id`, and uncorrelated `$lookup` pipelines made of a leading `$match` and such stages (what a
 * profile load with its joins and the similar-proposal candidates send).
 */
function readOnlyPipeline(pipeline: readonly Doc[]): boolean {
  return pipeline.every((stage) => {
    const keys = Object.keys(stage);
    if (keys.length !== 1) return false;
    if (keys[0] === '$limit') return Number.isInteger(stage.$limit) && (stage.$limit as number) > 0;
    // mingo only filters, reorders or counts for these, or builds new documents: the input stays as it was.
    if (NON_MUTATING_STAGES.has(keys[0])) return true;
    if (keys[0] === '$project') return nonMutatingProject(stage.$project);
    if (keys[0] !== '$lookup' || !stage.$lookup || typeof stage.$lookup !== 'object') return false;
    const l = stage.$lookup as Doc;
    if (typeof l.from !== 'string' || typeof l.as !== 'string') return false;
    if (l.pipeline === undefined) return l.foreignField === '_id' && typeof l.localField === 'string';
    if (!Array.isArray(l.pipeline) || l.let !== undefined || l.localField !== undefined) return false;
    if (l.foreignField !== undefined) return false;
    const [first, ...rest] = l.pipeline as Doc[];
    const match = first !== undefined && Object.keys(first).length === 1 ? first.$match : undefined;
    const leadingMatch = !!match && typeof match === 'object' && !Array.isArray(match);
    return readOnlyPipeline(leadingMatch ? rest : (l.pipeline as Doc[]));
  });
}

/** A transaction that lost to a concurrent write; `keys` are the documents it touched. */
class TxnConflict extends DbError {
  constructor(
    message: string,
    readonly keys: string[],
  ) {
    super('DATABASE_TRANSACTION_CONFLICT', message);
  }
}

/**
 * Serialises the retries of conflicted transactions. wx-server-sdk's `runTransaction` retries a
 * conflicted commit at once, 3 times by default; N transactions racing on one document would lose
 * N-1 times per round and most would run out of retries. So a conflict reply is held back until no
 * live transaction touches the same documents, and held replies go one at a time: the next is
 * released once the previous one's retry has finished (or after CONFLICT_TURN_MAX_MS if it never
 * came back). No reply is held longer than CONFLICT_HOLD_MAX_MS.
 */
interface HeldConflict {
  keys: string[];
  release: () => void;
  timer: NodeJS.Timeout;
}

class ConflictGate {
  private readonly queue: HeldConflict[] = [];
  private turn: { keys: string[]; timer: NodeJS.Timeout } | undefined;

  constructor(private readonly busy: (keys: readonly string[]) => boolean) {}

  hold(keys: string[]): Promise<void> {
    return new Promise((resolve) => {
      const entry = { keys, release: resolve, timer: setTimeout(() => this.release(entry), CONFLICT_HOLD_MAX_MS) };
      entry.timer.unref();
      this.queue.push(entry);
      this.pump();
    });
  }

  /** A transaction that touched `keys` has ended. */
  ended(keys: ReadonlySet<string>): void {
    if (this.turn && this.turn.keys.some((k) => keys.has(k))) this.endTurn();
    this.pump();
  }

  close(): void {
    for (const entry of this.queue.splice(0)) {
      clearTimeout(entry.timer);
      entry.release();
    }
    this.endTurn();
  }

  private pump(): void {
    const head = this.queue[0];
    if (this.turn || !head || this.busy(head.keys)) return;
    this.release(head);
  }

  private release(entry: HeldConflict): void {
    const at = this.queue.indexOf(entry);
    if (at < 0) return;
    this.queue.splice(at, 1);
    clearTimeout(entry.timer);
    this.endTurn();
    const timer = setTimeout(() => {
      this.endTurn();
      this.pump();
    }, CONFLICT_TURN_MAX_MS);
    timer.unref();
    this.turn = { keys: entry.keys, timer };
    entry.release();
  }

  private endTurn(): void {
    if (!this.turn) return;
    clearTimeout(this.turn.timer);
    this.turn = undefined;
  }
}

interface Change {
  collection: string;
  id: string;
  before: Doc | null;
  after: Doc | null;
  /** Applied to `before` in place (then `after` is `before`). */
  patch?: PatchOp[];
}

/** Whether `txn` waits, directly or through others, for `target`. */
function waitsOn(txn: Txn, target: Txn): boolean {
  let cur: Txn | undefined = txn;
  for (let steps = 0; cur && steps < 1000; steps++) {
    if (cur === target) return true;
    cur = cur.waitsFor;
  }
  return false;
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
  return randomUUID().replace(/-/g, '');
}

function duplicateId(collection: string, id: string): DbError {
  return new DbError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
  );
}

/** The index key of a document: the values of the index fields, missing ones as null (as MongoDB does). */
function indexKey(spec: IndexSpec, doc: Doc): string {
  return encode(Object.keys(spec.keys).map((path) => getPath(doc, path) ?? null));
}

/** MongoDB's rendering of the key in an E11000 message: `{ field: value, … }`. */
function dupKey(spec: IndexSpec, doc: Doc): string {
  const parts = Object.keys(spec.keys).map(
    (path) => `${path}: ${encode({ v: getPath(doc, path) ?? null }).slice(5, -1)}`,
  );
  return `{ ${parts.join(', ')} }`;
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
  const modifier = modifierOf(data);
  if (!modifier) return null;
  checkUpdateTypes(before, modifier);
  return withModifier(before, modifier);
}

/** The update operators of an update's data (plain fields are `$set`), or null when it has none. */
function modifierOf(data: Doc): Doc | null {
  const operators = Object.keys(data);
  if (operators.length === 0) return null;
  const plain = operators.filter((k) => !k.startsWith('$'));
  const modifier: Doc = plain.length
    ? { ...data, $set: { ...((data.$set as Doc) ?? {}), ...pick(data, plain) } }
    : data;
  for (const k of plain) delete modifier[k];
  if ('_id' in ((modifier.$set as Doc | undefined) ?? {})) throw new DbError('INVALID_PARAM', '_id cannot be updated');
  return modifier;
}

/** mingo applies the operators to a copy of `before`; null when nothing changed. */
function withModifier(before: Doc, modifier: Doc): Doc | null {
  const after = clone(before);
  const changed = applyUpdate(after, modifier as never, undefined, undefined, { cloneMode: 'deep' });
  return changed.length > 0 ? after : null;
}

/** Operators that write a value at their path (creating missing parents). */
const WRITING_OPERATORS = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate']);
const NUMERIC_OPERATORS: Record<string, string> = { $inc: 'increment', $mul: 'multiply' };
const ARRAY_OPERATORS = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);

/**
 * MongoDB refuses an update whose operator does not fit the stored value ($inc on a string, $push onto
 * a non-array, a field under a scalar); mingo would skip it silently and the update would "succeed"
 * without changing anything. The messages follow MongoDB's.
 */
function checkUpdateTypes(doc: Doc, modifier: Doc): void {
  for (const [op, fields] of Object.entries(modifier)) {
    if (!fields || typeof fields !== 'object') continue;
    for (const [path, operand] of Object.entries(fields as Doc)) {
      const parts = path.split('.');
      let cur: unknown = doc;
      let value: unknown;
      for (let i = 0; i < parts.length; i++) {
        const next: unknown = (cur as Doc)[parts[i]];
        if (i === parts.length - 1) {
          value = next;
        } else if (next === undefined) {
          break;
        } else if (next === null || typeof next !== 'object') {
          if (!WRITING_OPERATORS.has(op)) break;
          throw new DbError(
            'DATABASE_REQUEST_FAILED',
            `Cannot create field '${parts[i + 1]}' in element {${parts[i]}: ${encode(next)}} (${op} ${path})`,
          );
        } else {
          cur = next;
        }
      }
      const verb = NUMERIC_OPERATORS[op];
      if (verb && typeof operand !== 'number') {
        throw new DbError(
          'DATABASE_REQUEST_FAILED',
          `Cannot ${verb} with non-numeric argument: {${path}: ${encode(operand)}}`,
        );
      }
      if (verb && value !== undefined && typeof value !== 'number') {
        throw new DbError(
          'DATABASE_REQUEST_FAILED',
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${encode(doc._id)}} has the field '${path}' of non-numeric type ${typeName(value)}`,
        );
      }
      if (ARRAY_OPERATORS.has(op) && value !== undefined && !Array.isArray(value)) {
        throw new DbError(
          'DATABASE_REQUEST_FAILED',
          `Cannot apply ${op} to a non-array value: {_id: ${encode(doc._id)}} has the field '${path}' of non-array type ${typeName(value)}`,
        );
      }
    }
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function pick(obj: Doc, keys: string[]): Doc {
  const out: Doc = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}

/** A `$project` that only keeps fields (1 / true; `_id` may be dropped): no computed values. */
function isInclusion(project: unknown): project is Doc {
  if (!project || typeof project !== 'object' || Array.isArray(project)) return false;
  const entries = Object.entries(project as Doc);
  return (
    entries.length > 0 &&
    entries.every(([k, v]) => v === 1 || v === true || (k === '_id' && (v === 0 || v === false))) &&
    entries.some(([k]) => k !== '_id')
  );
}
