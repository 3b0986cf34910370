/**
 * A function's HMAC secret: from its environment variable (production; `npm run deploy` sets it), else
 * a random one created once in a collection no action reads out. Concurrent first calls agree: the
 * loser of the insert (duplicate key) reads the winner's. A warm instance reads it once per database
 * handle. Used by the anonymous survey keys and the signed check-in codes.
 */
import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from './app';
import type { Db } from './cloud';

export interface SecretSource {
  /**
   * The value of the environment variable that holds it in production (at least 32 characters to
   * count), read by the caller from its own named variable so the deploy's list of variables finds it.
   */
  fromEnv: string | undefined;
  collection: string;
  docId: string;
}

const caches = new Map<string, WeakMap<object, Promise<Buffer>>>();

export function storedSecret(db: Db, source: SecretSource): Promise<Buffer> {
  const { fromEnv } = source;
  if (fromEnv && fromEnv.length >= 32) return Promise.resolve(Buffer.from(fromEnv, 'utf8'));
  const key = `${source.collection}/${source.docId}`;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new WeakMap()));
  let secret = cache.get(db);
  if (!secret) {
    secret = loadOrCreate(db, source);
    cache.set(db, secret);
    const c = cache;
    secret.catch(() => c.delete(db));
  }
  return secret;
}

async function loadOrCreate(db: Db, { collection, docId }: SecretSource): Promise<Buffer> {
  const read = async () => {
    const res = await db.collection(collection).where({ _id: docId }).limit(1).get();
    const doc = res.data[0] as { value?: string } | undefined;
    return doc?.value ? Buffer.from(doc.value, 'base64') : null;
  };
  const found = await read();
  if (found) return found;
  const value = randomBytes(32).toString('base64');
  try {
    await db.collection(collection).add({ data: { _id: docId, value, createdAt: new Date() } });
    return Buffer.from(value, 'base64');
  } catch (e) {
    // Another instance created it first: use theirs.
    if (!isDuplicateKey(e)) throw e;
    const theirs = await read();
    if (!theirs) throw e;
    return theirs;
  }
}
