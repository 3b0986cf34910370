/**
 * A single-choice question's pie, from the same counts the bars show: each option's share of the
 * answers as a slice of a CSS conic gradient (H5 and the weapp's web view draw it; no chart library in
 * the package). Options past the palette share one grey slice (其余).
 */
export const pieColors = ['#c8161d', '#2f6fb3', '#e0a100', '#3a8f5c', '#7b4fa3', '#d4622a', '#2a9d9f'] as const;
export const PIE_REST_COLOR = '#9e9e9e';

export interface PieSlice {
  /** Option id, or `_rest` for the grey slice. */
  key: string;
  color: string;
  /** Start and end, 0–100 of the circle. */
  from: number;
  to: number;
}

/** The colour of each option (by position) and the slices of the answers it got; empty when nobody answered. */
export function pieSlices(options: ReadonlyArray<{ id: string; count: number }>): {
  colors: Map<string, string>;
  slices: PieSlice[];
} {
  const colors = new Map<string, string>();
  options.forEach((o, k) => colors.set(o.id, k < pieColors.length ? pieColors[k] : PIE_REST_COLOR));
  const total = options.reduce((n, o) => n + o.count, 0);
  const slices: PieSlice[] = [];
  if (total === 0) return { colors, slices };
  let at = 0;
  let rest = 0;
  options.forEach((o, k) => {
    if (k >= pieColors.length) {
      rest += o.count;
      return;
    }
    if (o.count === 0) return;
    const to = at + (o.count * 100) / total;
    slices.push({ key: o.id, color: pieColors[k], from: at, to });
    at = to;
  });
  if (rest > 0) slices.push({ key: '_rest', color: PIE_REST_COLOR, from: at, to: 100 });
  return { colors, slices };
}

/** `conic-gradient(#c8161d 0% 40%, …)`: the slices as a background. */
export function pieGradient(slices: readonly PieSlice[]): string {
  const stops = slices.map((s) => `${s.color} ${s.from.toFixed(2)}% ${s.to.toFixed(2)}%`);
  return `conic-gradient(${stops.join(', ')})`;
}
