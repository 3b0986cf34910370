/**
 * The platform edge in production: the real wx-server-sdk, initialised for the env the function is
 * deployed in, handed to the function's handler table. Only the deployed entries import this.
 */
import cloud from 'wx-server-sdk';
import type { CloudFunction } from './app';
import type { Cloud } from './cloud';

export function deployedMain(fn: CloudFunction): (event: unknown) => Promise<unknown> {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return (event) => fn.handle(cloud as unknown as Cloud, event);
}
