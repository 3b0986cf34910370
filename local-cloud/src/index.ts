export { createLocalCloud, type LocalCloud, type LocalCloudOptions, type CloudSurface, type WxDatabase } from './cloud';
export { LocalEngine, LIMITS, newId, type CollectionSpec, type IndexSpec, type StrictOptions } from './engine';
export { DbError } from './errors';
export { callerContext, type WXContext } from './standins/context';
export {
  OpenApiStandIn,
  type MediaCheckEvent,
  type MediaCheckRecord,
  type OutboxMessage,
  type SecurityCheckRecord,
} from './standins/openapi';
export { LocalStorage } from './standins/storage';
