import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { ChartCanvasProps } from './chartTypes';
import { drawChart } from './draw';

interface CanvasNode {
  width: number;
  height: number;
  getContext: (kind: '2d') => CanvasRenderingContext2D;
}

/**
 * weapp: a `type="2d"` canvas; once it is laid out its node is sized for the screen's pixel ratio and
 * handed to the chart library. (H5: `ChartCanvas.h5.tsx`.)
 */
export function ChartCanvas({ id, spec, height }: ChartCanvasProps) {
  const key = JSON.stringify(spec);
  useEffect(() => {
    let teardown: (() => void) | null = null;
    let cancelled = false;
    const timer = setTimeout(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width: number; height: number }[] | null) => {
          const hit = res?.[0];
          if (cancelled || !hit?.node || !hit.width) return;
          const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2;
          hit.node.width = hit.width * pixelRatio;
          hit.node.height = hit.height * pixelRatio;
          const context = hit.node.getContext('2d');
          teardown = drawChart({ context, width: hit.width, height: hit.height, pixelRatio }, spec);
        });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      teardown?.();
    };
    // `key` stands for `spec`: a new object with the same numbers draws nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, key]);
  return <Canvas type="2d" id={id} className="kpi-chart__canvas" style={{ width: '100%', height: `${height}px` }} />;
}
