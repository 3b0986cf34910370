/** What a KPI chart draws, whatever library draws it (features/kpi/draw.ts). */
export interface ChartDatum {
  label: string;
  value: number;
}

export interface ChartSpec {
  /** `bar`: one bar per datum; `pie`: the share of each datum in the whole. */
  kind: 'bar' | 'pie';
  data: ChartDatum[];
}

/** Props of the platform canvas (ChartCanvas.tsx for weapp, ChartCanvas.h5.tsx for H5). */
export interface ChartCanvasProps {
  id: string;
  spec: ChartSpec;
  /** Height in CSS px; the width is the card's. */
  height: number;
}

/**
 * The value axis: counts get whole-number ticks (0, 1, 2 — never 0.4 of a project), at most 5 of them;
 * other values let the library choose.
 */
export function valueScale(spec: ChartSpec): { min: number; max?: number; tickInterval?: number; tickCount?: number } {
  if (!spec.data.every((d) => Number.isInteger(d.value))) return { min: 0, tickCount: 4 };
  const top = Math.max(1, ...spec.data.map((d) => d.value));
  const step = Math.max(1, Math.ceil(top / 4));
  return { min: 0, max: step * Math.ceil(top / step), tickInterval: step };
}
