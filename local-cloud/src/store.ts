/**
 * The durable embedded store: LMDB through lmdb-js (prebuilt binaries ship as optional dependencies,
 * so no install script runs). LMDB is a copy-on-write B+tree: a commit is atomic, and a write is
 * acknowledged only after its batch commits, so it survives `kill -9` of the process.
 * Documents are held in memory too (this process is the only writer); the store is the source of
 * truth at start-up.
 */
import { mkdirSync } from 'node:fs';
import { open, type Database, type RootDatabase } from 'lmdb';
import { decodeStored, EJSON, type Doc } from './ejson';

export interface StoredDoc {
  doc: Doc;
  /** Sequence number of the write that produced this version: transactions detect conflicts with it. */
  seq: number;
}

export type StoreOp =
  | { type: 'put'; collection: string; id: string; stored: StoredDoc }
  | { type: 'remove'; collection: string; id: string };

interface Row {
  s: number;
  d: string;
}

const SEP = '\u0000';

export class LmdbStore {
  private readonly root: RootDatabase;
  private readonly docs: Database<Row, string>;
  private readonly meta: Database<unknown, string>;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.root = open({ path: `${dataDir}/db.lmdb`, compression: false });
    this.docs = this.root.openDB<Row, string>({ name: 'docs' });
    this.meta = this.root.openDB<unknown, string>({ name: 'meta' });
  }

  /** Every stored document, grouped by collection, and the collections created. */
  loadAll(): { collections: string[]; docs: Map<string, Map<string, StoredDoc>>; maxSeq: number } {
    const docs = new Map<string, Map<string, StoredDoc>>();
    let maxSeq = 0;
    for (const { key, value } of this.docs.getRange()) {
      const cut = key.indexOf(SEP);
      const collection = key.slice(0, cut);
      const id = key.slice(cut + 1);
      let coll = docs.get(collection);
      if (!coll) docs.set(collection, (coll = new Map()));
      coll.set(id, { doc: decodeStored(value.d) as Doc, seq: value.s });
      if (value.s > maxSeq) maxSeq = value.s;
    }
    const collections = (this.meta.get('collections') as string[] | undefined) ?? [];
    return { collections, docs, maxSeq };
  }

  /** Applies all ops in one LMDB transaction; resolves once committed. */
  commit(ops: readonly StoreOp[]): Promise<boolean> {
    return this.docs.batch(() => {
      for (const op of ops) {
        const key = op.collection + SEP + op.id;
        if (op.type === 'put') {
          void this.docs.put(key, { s: op.stored.seq, d: EJSON.stringify(op.stored.doc, { relaxed: true }) });
        } else {
          void this.docs.remove(key);
        }
      }
    });
  }

  loadMeta<T>(key: string): T | undefined {
    return this.meta.get(key) as T | undefined;
  }

  saveMeta(key: string, value: unknown): Promise<boolean> {
    return this.meta.put(key, value);
  }

  saveCollections(names: readonly string[]): Promise<boolean> {
    return this.meta.put('collections', [...names]);
  }

  async close(): Promise<void> {
    await this.root.close();
  }
}
