import type { Survey } from '@shishi/shared-types';

/** What both builds of `ShareTools` take (H5: `ShareTools.h5.tsx`, weapp: `ShareTools.tsx`). */
export interface ShareToolsProps {
  survey: Survey;
  /** The answering page inside the app: `pages/survey-answer/index?id=…` (no leading slash). */
  path: string;
}
