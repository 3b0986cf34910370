import type { CollectWindow } from '@shishi/shared-types';

/** What a sheet that changes one window gets: the window, how to close it, what to do once saved. */
export interface WindowSheetProps {
  window: CollectWindow;
  onClose: () => void;
  onSaved: () => void;
}
