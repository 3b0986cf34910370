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
