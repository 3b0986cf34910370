import type { WxDatabase } from '@shishi/local-cloud';

/** Adds a seed record under its fixed id; false when it is there already (the seed is idempotent). */
export async function addIfMissing<T extends { _id: string }>(
  db: WxDatabase,
  collection: string,
  doc: T,
): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (e) {
    if (e instanceof Error && /E11000|duplicate key/.test(e.message)) return false;
    throw e;
  }
}
