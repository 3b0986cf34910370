/**
 * Errors in the shape @cloudbase/database expects from its request layer: `{ code, message }`.
 * wx-server-sdk maps `code` to its errCode (e.g. DATABASE_REQUEST_FAILED → -502001; a code its table
 * lacks, such as DATABASE_DUPLICATE_WRITE or DATABASE_TRANSACTION_CONFLICT, → -501001) and throws.
 *
 * DATABASE_DUPLICATE_WRITE is what CloudBase answers for a unique-index violation ("数据库写入失败，
 * 索引键重复", docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE), with MongoDB's E11000 message.
 */
export type DbErrorCode =
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_DUPLICATE_WRITE'
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

/**
 * The SDK call behind an operator the request carries, where the SDK renames it on the way
 * (`_.geoNear` is sent as `$nearSphere`), so the error names what the caller wrote.
 */
const SDK_NAMES: Record<string, string> = {
  $nearSphere: '_.geoNear',
  $geoWithin: '_.geoWithin',
  $geoIntersects: '_.geoIntersects',
};

/**
 * mingo names the operator it does not know ("unknown query operator $x", "unregistered pipeline
 * operator $x", "accumulator '$x' is not registered" for any unknown expression operator); we pass
 * that on as an invalid-operator error.
 */
export function fromEngineError(e: unknown): DbError {
  if (e instanceof DbError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/unknown|unregistered|not registered|not supported|invalid .*operator/i.test(message)) {
    const operator = /\$[A-Za-z0-9_]+/.exec(message)?.[0];
    const sdkName = operator ? SDK_NAMES[operator] : undefined;
    const named = operator
      ? `unsupported operator or stage ${operator}${sdkName ? ` (${sdkName})` : ''}`
      : 'unsupported operator or stage';
    return new DbError('DATABASE_INVALID_OPERRATOR', `${named}: ${message}`);
  }
  return new DbError('DATABASE_REQUEST_FAILED', message);
}
