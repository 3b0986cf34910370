/** The dev host's configuration, parsed once from the environment. */
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  /** Pins the clock (ISO instant), for demos and tests of date rules. */
  SHISHI_NOW: z.iso.datetime({ offset: true }).optional(),
  /** The H5 build to serve. */
  H5_DIR: z.string().default(resolve(__dirname, '../../client/dist/h5')),
  /** Largest request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
});

export type DevHostConfig = z.infer<typeof schema> & { now: () => number };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DevHostConfig {
  const parsed = schema.parse(env);
  const pinned = parsed.SHISHI_NOW ? Date.parse(parsed.SHISHI_NOW) : undefined;
  // A pinned clock still moves forward, so records keep their order.
  const startedAt = Date.now();
  const now = pinned === undefined ? Date.now : () => pinned + (Date.now() - startedAt);
  return { ...parsed, DATA_DIR: resolve(parsed.DATA_DIR), now };
}
