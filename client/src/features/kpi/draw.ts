/**
 * The one place the chart library is used (@antv/f2 3.x, its simple build: bar, line and pie on any
 * 2d canvas context, weapp and H5 alike). Swapping the library means rewriting this file only.
 */
import F2 from '@antv/f2/lib/index-simple';
import { valueScale, type ChartSpec } from './chartTypes';

/** The union's red, then colours that stay apart for colour-blind readers (and the table says it all). */
export const chartColors = ['#c8161d', '#1a5fb4', '#17692f', '#8a5100', '#6b3fa0', '#555555'];

export interface DrawTarget {
  /** H5: the canvas element (F2 sizes it for the pixel ratio). */
  el?: HTMLCanvasElement;
  /** weapp: the 2d context of a canvas node already sized width × pixelRatio. */
  context?: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
}

/** Bars run across (labels on the left) when there are more categories than fit side by side. */
export function horizontal(spec: ChartSpec): boolean {
  return spec.kind === 'bar' && spec.data.length > 5;
}

/** The height a chart needs: a row per category for bars across, else the height asked for. */
export function chartHeight(spec: ChartSpec, height: number): number {
  return horizontal(spec) ? Math.max(height, spec.data.length * 26 + 40) : height;
}

/** Draws `spec`; returns what tears the chart down. */
export function drawChart(target: DrawTarget, spec: ChartSpec): () => void {
  const chart = new F2.Chart({
    ...(target.el ? { el: target.el } : { context: target.context }),
    width: target.width,
    height: target.height,
    pixelRatio: target.pixelRatio,
    padding: 'auto',
    animate: false,
  });
  // Each datum keeps the colour of its row in the table beside the chart, whatever order it is drawn in.
  const colorOf = new Map(spec.data.map((d, i) => [d.label, chartColors[i % chartColors.length]!]));
  const color = (label: string) => colorOf.get(label) ?? chartColors[0]!;
  const data = spec.data.map((d) => ({ label: d.label, value: d.value, all: '全部' }));
  if (spec.kind === 'pie') {
    chart.source(data);
    chart.coord('polar', { transposed: true, radius: 0.9 });
    chart.axis(false);
    chart.interval().position('all*value').color('label', color).adjust('stack');
  } else if (horizontal(spec)) {
    // Many categories (e.g. 12 statuses): bars across, labels down the left, first row on top.
    chart.source([...data].reverse(), { value: valueScale(spec) });
    chart.coord({ transposed: true });
    chart.axis('label', { label: { fontSize: 11 }, line: null });
    chart.interval().position('label*value').color('label', color);
  } else {
    chart.source(data, { value: valueScale(spec) });
    chart.axis('label', { label: { fontSize: 11 } });
    chart.interval().position('label*value').color('label', color);
  }
  chart.render();
  return () => chart.destroy();
}
