/** Form limits read from the shared zod schemas, so a text box stops where the server would refuse. */

interface Wrapper {
  def?: { type?: string };
  unwrap: () => unknown;
}

const wrappers = new Set(['optional', 'default', 'nullable', 'prefault']);

/** Optional / default / nullable wrappers off (an array's `unwrap` is its element: stop there). */
function unwrapAll(schema: unknown): unknown {
  let s = schema as Wrapper | undefined;
  for (let i = 0; i < 5 && s && wrappers.has(s.def?.type ?? ''); i++) s = s.unwrap() as Wrapper;
  return s;
}

/** The `max` of a (possibly optional / defaulted) zod string schema; `fallback` when it has none. */
export function maxLen(schema: unknown, fallback = 2000): number {
  const s = unwrapAll(schema) as { maxLength?: number | null } | undefined;
  return typeof s?.maxLength === 'number' ? s.maxLength : fallback;
}

/** The `max` of a zod array schema (e.g. 推进计划最多 50 项). */
export function maxItems(schema: unknown, fallback = 100): number {
  const s = unwrapAll(schema) as {
    def?: { checks?: Array<{ _zod?: { def?: { check?: string; maximum?: number } } }> };
  };
  for (const c of s?.def?.checks ?? []) {
    const d = c._zod?.def;
    if (d?.check === 'max_length' && typeof d.maximum === 'number') return d.maximum;
  }
  return fallback;
}

/** How many digits the largest allowed whole number has (e.g. 10,000,000 → 8). */
export function maxDigits(schema: unknown, fallback = 9): number {
  const s = unwrapAll(schema) as { maxValue?: number | null } | undefined;
  return typeof s?.maxValue === 'number' && Number.isFinite(s.maxValue) ? String(s.maxValue).length : fallback;
}
