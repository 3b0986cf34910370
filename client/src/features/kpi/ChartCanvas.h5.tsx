import { useEffect, useRef } from 'react';
import type { ChartCanvasProps } from './chartTypes';
import { drawChart } from './draw';

/** H5: a plain canvas element the chart library sizes itself. (weapp: `ChartCanvas.tsx`.) */
export function ChartCanvas({ id, spec, height }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const key = JSON.stringify(spec);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = el.parentElement?.clientWidth || el.clientWidth || 320;
    const teardown = drawChart({ el, width, height, pixelRatio: window.devicePixelRatio || 1 }, spec);
    return teardown;
    // `key` stands for `spec`: a new object with the same numbers draws nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, height]);
  return (
    <canvas id={id} ref={ref} className="kpi-chart__canvas" aria-hidden="true" style={{ height: `${height}px` }} />
  );
}
