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
  /**
   * Demo mode ("1"): dev login for the seeded identities (/dev/login, /dev/identities) and the record of
   * what the stand-ins sent (/dev/outbox). Anyone who reaches these can act as any identity, admin
   * included, so they are off unless asked for; `npm start` asks for them on loopback.
   */
  DEMO: z.enum(['0', '1'], { error: 'DEMO 只能是 0 或 1' }).default('0'),
  /** Demo mode on a non-loopback HOST only with this exact value: the sessions it hands out are admin's. */
  DEMO_ON_NETWORK: z.string().optional(),
  /** Largest request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
});

export type DevHostConfig = z.infer<typeof schema> & { now: () => number };

/** The words DEMO_ON_NETWORK must say to allow demo mode on a non-loopback address. */
export const DEMO_ON_NETWORK_CONSENT = 'yes-i-understand';

/** Whether a bind address reaches only this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}

/** Why the dev host must not start with this configuration (demo mode on a network address), or null. */
export function demoRefusal(config: Pick<DevHostConfig, 'DEMO' | 'HOST' | 'DEMO_ON_NETWORK'>): string | null {
  if (config.DEMO !== '1' || isLoopback(config.HOST)) return null;
  if (config.DEMO_ON_NETWORK === DEMO_ON_NETWORK_CONSENT) return null;
  return (
    `DEMO=1 on HOST=${config.HOST}: anyone who reaches this address could log in as any demo identity, ` +
    `admin included. Bind to 127.0.0.1, or set DEMO_ON_NETWORK=${DEMO_ON_NETWORK_CONSENT} if that is what you want.`
  );
}

/** The line the dev host prints at start: which mode is on. */
export function modeLine(config: Pick<DevHostConfig, 'DEMO' | 'HOST'>): string {
  if (config.DEMO !== '1') return 'mode: normal — no dev login (/dev/* is off; DEMO=1 turns it on, loopback only)';
  return isLoopback(config.HOST)
    ? 'mode: DEMO — dev login for the seeded identities at /dev/login (this machine only)'
    : `mode: DEMO ON THE NETWORK (${config.HOST}) — anyone who reaches it can log in as any demo identity, admin included`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DevHostConfig {
  const parsed = schema.parse(env);
  const pinned = parsed.SHISHI_NOW ? Date.parse(parsed.SHISHI_NOW) : undefined;
  // A pinned clock still moves forward, so records keep their order.
  const startedAt = Date.now();
  const now = pinned === undefined ? Date.now : () => pinned + (Date.now() - startedAt);
  return { ...parsed, DATA_DIR: resolve(parsed.DATA_DIR), now };
}
