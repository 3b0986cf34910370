/**
 * H5 only: the dev host's seeded demo identities (`GET /dev/identities`) and signing in as one
 * (`POST /dev/login`). Not cloud functions, so plain fetch rather than `callFunction`.
 */
import { type Role, roles } from '@shishi/shared-types';
import { config } from '../../config';
import { ApiError } from '../../services/call';
import { setSessionToken } from '../../services/session';

export interface DemoIdentity {
  id: string;
  role: Role | 'newcomer';
  roleLabel: string;
  name: string;
  orgName: string;
  bound: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function devRequest(path: string, init?: RequestInit): Promise<unknown> {
  let reply: unknown;
  try {
    const res = await fetch(`${config.apiBase}${path}`, init);
    reply = await res.json();
  } catch {
    throw new ApiError({ code: 'NETWORK', message: '连不上本地演示服务，请确认它已启动' });
  }
  if (!isRecord(reply) || reply.ok !== true) {
    const error = isRecord(reply) && isRecord(reply.error) ? reply.error : null;
    throw new ApiError({
      code: 'INTERNAL',
      message: error && typeof error.message === 'string' ? error.message : '本地演示服务返回了错误',
    });
  }
  return reply.data;
}

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

function toIdentity(value: unknown): DemoIdentity | null {
  if (!isRecord(value)) return null;
  const { id, role, roleLabel, name, orgName, bound } = value;
  if (typeof id !== 'string' || typeof role !== 'string') return null;
  return {
    id,
    role: isRole(role) ? role : 'newcomer',
    roleLabel: typeof roleLabel === 'string' ? roleLabel : role,
    name: typeof name === 'string' ? name : id,
    orgName: typeof orgName === 'string' ? orgName : '',
    bound: bound === true,
  };
}

export async function fetchIdentities(): Promise<DemoIdentity[]> {
  const data = await devRequest('/dev/identities');
  if (!Array.isArray(data)) throw new ApiError({ code: 'INTERNAL', message: '本地演示服务返回的身份列表有误' });
  return data.map(toIdentity).filter((identity): identity is DemoIdentity => identity !== null);
}

/** Signs in as a demo identity and keeps its session token. */
export async function loginAs(identityId: string): Promise<void> {
  const data = await devRequest('/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity: identityId }),
  });
  if (!isRecord(data) || typeof data.token !== 'string') {
    throw new ApiError({ code: 'INTERNAL', message: '本地演示服务没有给出登录凭证' });
  }
  setSessionToken(data.token);
}
