/**
 * Errors in the shape @cloudbase/database expects from its request layer: `{ code, message }`.
 * wx-server-sdk maps `code` to its errCode (e.g. DATABASE_REQUEST_FAILED → -502001) and throws.
 */
export type DbErrorCode =
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'INVALID_PARAM';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** mingo names the operator it does not know; we pass that on as an invalid-operator error. */
export function fromEngineError(e: unknown): DbError {
  if (e instanceof DbError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/unknown|unregistered|not supported|invalid .*operator/i.test(message)) {
    return new DbError('DATABASE_INVALID_OPERRATOR', `unsupported operator or stage: ${message}`);
  }
  return new DbError('DATABASE_REQUEST_FAILED', message);
}
