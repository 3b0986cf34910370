/**
 * The call envelope every cloud function speaks (DESIGN.md §4):
 * request `{ action, data }`, reply `{ ok: true, data }` or `{ ok: false, error }`.
 */
import { z } from 'zod';
import { cleanInput } from './schemas/common';

export const errorCodes = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'PROFILE_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNKNOWN_FUNCTION',
  'UNKNOWN_ACTION',
  'CONFLICT',
  'WINDOW_CLOSED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One field at fault: a dotted path into `data` and a Chinese message fit to show next to the field. */
export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export const requestSchema = z.object({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
});
export type CallRequest = z.infer<typeof requestSchema>;

/** An error a handler raises on purpose; it becomes `{ ok: false, error }` unchanged. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toBody(): AppErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

/** Turns zod issues into the fields list of an INVALID_INPUT error. */
export function fieldsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * Parses `input` with `schema`, every string cleaned of invisible control characters first
 * (schemas/common.ts `withoutControlChars`); on failure throws INVALID_INPUT naming every field at fault.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(cleanInput(input));
  if (!result.success) {
    const fields = fieldsFromZod(result.error);
    throw new AppError('INVALID_INPUT', `填写有误：${fields.map((f) => f.message).join('；')}`, fields);
  }
  return result.data;
}
