/** Signed session tokens for the demo identities (local mode only): `payload.signature`, HMAC-SHA256. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TTL_MS = 7 * 24 * 3600 * 1000;

export class Sessions {
  private readonly secret: Buffer;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'session-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }

  sign(openid: string, now = Date.now()): string {
    const payload = Buffer.from(JSON.stringify({ openid, exp: now + TTL_MS })).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The OPENID of a valid, unexpired token; null otherwise. */
  verify(token: string, now = Date.now()): string | null {
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        openid?: unknown;
        exp?: unknown;
      };
      if (typeof body.openid !== 'string' || typeof body.exp !== 'number' || body.exp < now) return null;
      return body.openid;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
