export { NextSteps } from './NextSteps';
export { ProgressSection } from './ProgressSection';
export { ShareButton } from './ShareButton';
export { useProjectShare } from './share';
