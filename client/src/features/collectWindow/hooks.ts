import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource } from '../../hooks/useResource';
import { fetchCurrentWindow } from './api';

/** The current window, asked again each time the page shows again (windows open and close by date). */
export function useCurrentWindow() {
  const resource = useResource(fetchCurrentWindow, []);
  useOnReshow(() => void resource.refresh());
  return resource;
}
