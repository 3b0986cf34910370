/** Start-up work a platform needs; Taro picks `platform.weapp.ts` on weapp. Nothing to do elsewhere. */
export function initPlatform(): void {}
