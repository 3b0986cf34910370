/**
 * The durable embedded store: LMDB through lmdb-js (prebuilt binaries ship as optional dependencies,
 * so no install script runs). LMDB is a copy-on-write B+tree: a commit is atomic, and a write is
 * acknowledged only after its batch commits, so it survives `kill -9` of the process.
 * Documents are held in memory too (this process is the only writer); the store is the source of
 * truth at start-up.
 *
 * An in-place update (patch.ts) is stored as the patch, not as the whole document: a counter document
 * of 50 KB changed by 100 `$inc`s writes about 4 KB. A document's patches are replayed onto it at start-up,
 * in order; after MAX_PATCHES of them the document is written whole again and its patches dropped, in
 * the same commit.
 */
import { mkdirSync } from 'node:fs';
import { open, type Database, type RootDatabase } from 'lmdb';
import { decodeStored, encode, relaxedScalar, type Doc } from './ejson';
import { applyPatch, type PatchOp } from './patch';

export interface StoredDoc {
  doc: Doc;
  /** Sequence number of the write that produced this version: transactions detect conflicts with it. */
  seq: number;
}

export type StoreOp =
  | { type: 'put'; collection: string; id: string; stored: StoredDoc }
  /** `stored` is the version the patch produced (written whole when the document has had enough patches). */
  | { type: 'patch'; collection: string; id: string; stored: StoredDoc; patch: readonly PatchOp[] }
  | { type: 'remove'; collection: string; id: string };

interface Row {
  s: number;
  d: string;
}

/** A stored patch: its ops as `[op, path, value]`, EJSON (values may be dates). */
interface PatchRow {
  p: string;
}

const SEP = '\u0000';
/** Patches a document may collect before it is written whole again. */
export const MAX_PATCHES = 64;

/** Patch keys sort by document, then by sequence number (fixed-width base 36). */
function patchKey(docKey: string, seq: number): string {
  return `${docKey}${SEP}${seq.toString(36).padStart(11, '0')}`;
}

export class LmdbStore {
  private readonly root: RootDatabase;
  private readonly docs: Database<Row, string>;
  private readonly patches: Database<PatchRow, string>;
  private readonly meta: Database<unknown, string>;
  /** Sequence numbers of the patches stored for a document since it was last written whole. */
  private readonly patchSeqs = new Map<string, number[]>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.root = open({ path: `${dataDir}/db.lmdb`, compression: false });
    this.docs = this.root.openDB<Row, string>({ name: 'docs' });
    this.patches = this.root.openDB<PatchRow, string>({ name: 'patches' });
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
    // Patches, in order, onto the version they followed; then every patched document is written whole
    // and the patches dropped, in one transaction (a crash before it commits leaves the patches).
    const patched = new Map<string, StoredDoc>();
    const seen: string[] = [];
    for (const { key, value } of this.patches.getRange()) {
      seen.push(key);
      const cut = key.lastIndexOf(SEP);
      const docKey = key.slice(0, cut);
      const seq = parseInt(key.slice(cut + 1), 36);
      const first = docKey.indexOf(SEP);
      const stored = docs.get(docKey.slice(0, first))?.get(docKey.slice(first + 1));
      if (!stored || seq <= stored.seq) continue;
      const ops = (decodeStored(value.p) as Array<[PatchOp['op'], string[], unknown]>).map(([op, path, v]) => ({
        op,
        path,
        value: v,
      }));
      applyPatch(stored.doc, ops);
      stored.seq = seq;
      if (seq > maxSeq) maxSeq = seq;
      patched.set(docKey, stored);
    }
    if (seen.length > 0) {
      this.root.transactionSync(() => {
        for (const [docKey, stored] of patched) void this.docs.put(docKey, { s: stored.seq, d: encode(stored.doc) });
        for (const key of seen) void this.patches.remove(key);
      });
    }
    const collections = (this.meta.get('collections') as string[] | undefined) ?? [];
    return { collections, docs, maxSeq };
  }

  /** Applies all ops in one LMDB transaction; resolves once committed. */
  commit(ops: readonly StoreOp[]): Promise<boolean> {
    return this.docs.batch(() => {
      for (const op of ops) {
        const key = op.collection + SEP + op.id;
        const seqs = this.patchSeqs.get(key);
        if (op.type === 'patch' && (seqs?.length ?? 0) < MAX_PATCHES) {
          const row = op.patch.map((p) => [p.op, p.path, relaxedScalar(p.value)]);
          void this.patches.put(patchKey(key, op.stored.seq), { p: JSON.stringify(row) });
          if (seqs) seqs.push(op.stored.seq);
          else this.patchSeqs.set(key, [op.stored.seq]);
          continue;
        }
        // Written whole (or removed): the patches before it are dropped in the same commit.
        if (seqs) {
          for (const seq of seqs) void this.patches.remove(patchKey(key, seq));
          this.patchSeqs.delete(key);
        }
        if (op.type === 'remove') void this.docs.remove(key);
        else void this.docs.put(key, { s: op.stored.seq, d: encode(op.stored.doc) });
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
