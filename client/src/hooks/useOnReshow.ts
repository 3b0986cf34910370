import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `fn` when the page shows again after having been hidden (back from another page, tab switch),
 * not on the first show: the first load is the mount's job.
 */
export function useOnReshow(fn: () => void): void {
  const hidden = useRef(false);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    fnRef.current();
  });
}
