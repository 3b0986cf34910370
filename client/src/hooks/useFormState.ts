import Taro from '@tarojs/taro';
import { useState } from 'react';
import { toApiError } from '../services/call';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../utils/fieldErrors';

/** The keys of `V` that hold text. */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

type Issues = readonly { path: readonly PropertyKey[]; message: string }[];

/** A zod `safeParse` result (kept structural: no zod import here). */
export type Checked<T> = { success: true; data: T } | { success: false; error: { issues: Issues } };

/**
 * The state every form keeps: its values, a message per field (cleared when that field changes), the
 * message above the form and whether it is sending. The form checks on the device with the schema the
 * cloud function parses with (`check`), then sends (`send`).
 */
export function useFormState<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setField = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  /** A TextField's value, message and input, bound to the text field `key`: `<TextField {...form.text('title')} />`. */
  const text = <K extends TextKey<V>>(key: K) => ({
    value: values[key] as string,
    error: errors[key as string],
    onInput: (value: string) => setField(key, value as V[K]),
  });

  /** Field messages of a failed check on the device. */
  const invalid = (issues: Issues) => setErrors(fieldErrorsFromIssues(issues));

  /** Clears the form's message; the parsed data, or `undefined` after showing the field messages. */
  const check = <T>(result: Checked<T>): T | undefined => {
    setFormError(null);
    if (result.success) return result.data;
    invalid(result.error.issues);
    return undefined;
  };

  /**
   * Runs `action` with the form busy. A refusal puts the server's field messages next to their fields
   * and its message above the form. `page`: a page form that leaves on success, so it stays busy then (a
   * second tap must not send it again), and a refusal scrolls up to the message.
   */
  const send = async (action: () => Promise<void>, { page = false } = {}) => {
    setBusy(true);
    try {
      await action();
      if (!page) setBusy(false);
    } catch (e) {
      const error = toApiError(e);
      setErrors(fieldErrorsFrom(error.fields));
      setFormError(error.message);
      setBusy(false);
      if (page) void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
  };

  return { values, errors, formError, busy, setValues, setErrors, setFormError, setField, text, invalid, check, send };
}
