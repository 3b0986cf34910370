import type { FieldError } from '@shishi/shared-types';

/** Field path → first message for that field, from zod issues (client) or an INVALID_INPUT reply (server). */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsFrom(fields: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const field of fields) {
    if (out[field.path] === undefined) out[field.path] = field.message;
  }
  return out;
}

export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  return fieldErrorsFrom(
    issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
  );
}
