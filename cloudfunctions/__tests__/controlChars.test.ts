/**
 * Text with control characters never makes an action answer INTERNAL: for every action of the contract
 * table, every string of its request example in docs/api.md is sent again with a NUL (and other
 * invisible control characters) inside, by an identity the action allows; the reply is whatever the
 * action answers to that input cleaned (schemas/common.ts `withoutControlChars`), never INTERNAL.
 */
import { z } from 'zod';
import { api, type ActionContract, type Reply } from '@shishi/shared-types';
import { jsonBlocks, sectionOf } from '../../docs/__tests__/apiDoc';
import { demoIdentities } from '../../devhost/src/identities';
import { openWorld, type World } from './world';

const contracts = api as unknown as Record<string, Record<string, ActionContract>>;
const actions = Object.entries(contracts).flatMap(([fn, table]) =>
  Object.keys(table).map((action) => [fn, action] as const),
);

/** Worker first (the keyword searches of the defect), then staff of growing reach. */
const preference = ['demo-worker', 'demo-cadre', 'demo-district', 'demo-research', 'demo-org-reviewer', 'demo-admin'];

function callerOf(contract: ActionContract): string {
  const { roles } = contract.access;
  const bound = demoIdentities.filter((i) => i.bound);
  const ordered = [...preference.map((id) => bound.find((i) => i.id === id)!), ...bound];
  return (roles === 'anyone' ? ordered[0] : ordered.find((i) => roles.includes(i.role)))?.id ?? 'demo-admin';
}

/** The request example of the action in docs/api.md (api-doc.test.ts checks that there is one). */
function example(fn: string, action: string): Record<string, unknown> {
  try {
    const [request] = jsonBlocks(sectionOf(fn, action).body) as Array<{ data?: Record<string, unknown> }>;
    return request?.data ?? {};
  } catch {
    return {};
  }
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
    s = (s instanceof z.ZodDefault ? s.def.innerType : s.unwrap()) as z.ZodType;
  return s;
}

/** The example, with every top-level string field of the input it leaves out (a keyword, a note) filled in. */
function requestData(fn: string, action: string): Record<string, unknown> {
  const data = { ...example(fn, action) };
  const input = unwrap(contracts[fn][action].input);
  if (input instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(input.shape as Record<string, z.ZodType>)) {
      if (!(key in data) && unwrap(field) instanceof z.ZodString) data[key] = '职工';
    }
  }
  return data;
}

/** Paths of the string leaves of a value. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withString(value: unknown, path: Array<string | number>, f: (s: string) => string): unknown {
  if (path.length === 0) return f(value as string);
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = withString(copy[path[0]], path.slice(1), f);
  return copy;
}

const nul = (s: string) => {
  const chars = Array.from(s);
  const at = Math.min(1, chars.length);
  return [...chars.slice(0, at), '\u0000', ...chars.slice(at)].join('');
};
const controls = (s: string) => `\u0001${s}\u001b[0m\u007f\u0085`;

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(async () => {
  await world.close();
});

describe('control characters in every string input', () => {
  it.each(actions)('%s.%s never answers INTERNAL', async (fn, action) => {
    const data = requestData(fn, action);
    const caller = callerOf(contracts[fn][action]);
    const bad: Array<{ field: string; reply: Reply<unknown> }> = [];
    for (const path of stringPaths(data)) {
      for (const f of [nul, controls]) {
        const reply = await world.call(caller, fn, action, withString(data, path, f));
        if (!reply.ok && reply.error.code === 'INTERNAL') bad.push({ field: path.join('.'), reply });
      }
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['proposal', 'list', { keyword: '驿\u0000站' }],
    ['proposal', 'screen', { keyword: '驿\u0000站' }],
    ['survey', 'listMine', { keyword: '调\u0000查' }],
    ['survey', 'textAnswers', { surveyId: 'seed-survey-needs', questionId: 'advice', keyword: '驿\u0000站' }],
  ] as const)('a NUL in the keyword of %s.%s is cleaned: the search answers', async (fn, action, data) => {
    // survey.textAnswers: the survey's owner (a worker sees texts only after answering).
    const caller = action === 'textAnswers' ? 'demo-research' : callerOf(contracts[fn][action]);
    const reply = await world.call(caller, fn, action, { ...example(fn, action), ...data });
    expect(reply.ok ? 'ok' : reply.error).toBe('ok');
  });
});
