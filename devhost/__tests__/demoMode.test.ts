/**
 * Dev login only in demo mode: /dev/login, /dev/identities and /dev/outbox are served only with DEMO=1,
 * demo mode on a network address only when asked for in so many words, and the mode is said at start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ON_NETWORK_CONSENT, demoRefusal, isLoopback, loadConfig, modeLine } from '../src/config';
import { startDevHost, type DevHost } from '../src/server';

const dirs: string[] = [];
const hosts: DevHost[] = [];

function config(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'shishi-demo-'));
  dirs.push(dir);
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, SHISHI_NOW: '2026-11-24T10:00:00+08:00', ...env });
}

async function start(env: Record<string, string>): Promise<DevHost> {
  const host = await startDevHost(config(env));
  hosts.push(host);
  return host;
}

afterAll(async () => {
  for (const h of hosts) await h.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const devRoutes: Array<[string, string]> = [
  ['GET', '/dev/identities'],
  ['POST', '/dev/login'],
  ['GET', '/dev/outbox'],
];

async function hit(host: DevHost, method: string, path: string) {
  const res = await fetch(host.url + path, {
    method,
    ...(method === 'POST' ? { body: JSON.stringify({ identity: 'demo-admin' }) } : {}),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } };
}

describe('demo mode', () => {
  it('is off unless DEMO=1: no dev login, no identities, no outbox', async () => {
    expect(loadConfig({}).DEMO).toBe('0');
    const host = await start({});
    for (const [method, path] of devRoutes) {
      const { status, body } = await hit(host, method, path);
      expect({ path, status, code: body.error?.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    // The API still answers (as nobody).
    const api = await fetch(host.url + '/api/profile', { method: 'POST', body: JSON.stringify({ action: 'me' }) });
    expect(api.status).toBe(200);
  });

  it('serves dev login with DEMO=1 on loopback', async () => {
    const host = await start({ DEMO: '1' });
    for (const [method, path] of devRoutes) {
      const { status, body } = await hit(host, method, path);
      expect({ path, status, ok: body.ok }).toEqual({ path, status: 200, ok: true });
    }
  });

  it('refuses demo mode on a network address unless asked for in so many words', async () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.20']) {
      await expect(startDevHost(config({ DEMO: '1', HOST }))).rejects.toThrow(
        `set DEMO_ON_NETWORK=${DEMO_ON_NETWORK_CONSENT}`,
      );
      expect(demoRefusal({ DEMO: '1', HOST, DEMO_ON_NETWORK: 'yes' })).toMatch(/DEMO=1 on HOST=/);
      expect(demoRefusal({ DEMO: '1', HOST, DEMO_ON_NETWORK: DEMO_ON_NETWORK_CONSENT })).toBeNull();
      expect(demoRefusal({ DEMO: '0', HOST })).toBeNull();
    }
    for (const HOST of ['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]']) {
      expect({ HOST, loopback: isLoopback(HOST) }).toEqual({ HOST, loopback: true });
    }
    expect(() => loadConfig({ DEMO: 'yes' })).toThrow('DEMO 只能是 0 或 1');
  });

  it('says which mode is on', () => {
    expect(modeLine({ DEMO: '0', HOST: '127.0.0.1' })).toMatch(/^mode: normal — no dev login/);
    expect(modeLine({ DEMO: '1', HOST: '127.0.0.1' })).toMatch(/^mode: DEMO — dev login/);
    expect(modeLine({ DEMO: '1', HOST: '0.0.0.0' })).toMatch(/^mode: DEMO ON THE NETWORK \(0\.0\.0\.0\)/);
  });
});
