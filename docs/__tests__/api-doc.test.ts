/**
 * docs/api.md is checked against the contract table `api`: every action has its section, no section
 * names an action that does not exist, every top-level input field is documented, and the examples
 * are real (requests pass the input schema, replies pass the output schema or use documented codes).
 */
import { z } from 'zod';
import { api, errorCodes, roles, type ActionContract } from '@shishi/shared-types';
import { doc, jsonBlocks, lines, sectionOf, sections } from './apiDoc';

const contracts = api as unknown as Record<string, Record<string, ActionContract>>;
const documented = sections();
const actionHeading = /^`?([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)`?$/;

/** The object schema inside optional/default wrappers, or null when the input is not an object. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodDefault) s = s.def.innerType as z.ZodType;
    else break;
  }
  // A discriminated union (e.g. project.submitForm by kind): every option's fields.
  if (s instanceof z.ZodDiscriminatedUnion) {
    const shapes = (s.options as z.ZodType[]).map(objectShape);
    return shapes.every(Boolean) ? Object.assign({}, ...shapes) : null;
  }
  return s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : null;
}

/** The codes on the `**错误码**` line of a section, including its indented continuation lines. */
function codesIn(body: string): string[] {
  const bodyLines = body.split('\n');
  const start = bodyLines.findIndex((l) => l.includes('**错误码**'));
  if (start < 0) return [];
  let end = start + 1;
  while (end < bodyLines.length && /^\s{2,}\S/.test(bodyLines[end])) end += 1;
  const text = bodyLines.slice(start, end).join(' ');
  return [...text.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]);
}

const allActions = Object.entries(contracts).flatMap(([fn, actions]) =>
  Object.keys(actions).map((action) => [fn, action] as const),
);

describe('docs/api.md', () => {
  it.each(allActions)('has a section for %s.%s', (fn, action) => {
    expect(() => sectionOf(fn, action)).not.toThrow();
  });

  it('names no action that does not exist', () => {
    const named = documented.map((s) => actionHeading.exec(s.heading)).filter((m): m is RegExpExecArray => m !== null);
    expect(named.length).toBe(allActions.length);
    for (const [, fn, action] of named) {
      expect(
        `${fn}.${action} ${Object.prototype.hasOwnProperty.call(contracts, fn) && Object.prototype.hasOwnProperty.call(contracts[fn], action) ? 'exists' : 'does not exist'}`,
      ).toBe(`${fn}.${action} exists`);
    }
  });

  it.each(allActions)('documents every input field of %s.%s', (fn, action) => {
    const { body } = sectionOf(fn, action);
    const shape = objectShape(contracts[fn][action].input);
    expect(shape).not.toBeNull();
    const missing = Object.keys(shape ?? {}).filter((field) => !body.includes(`\`${field}\``));
    expect(missing).toEqual([]);
  });

  it.each(allActions)('says who may call %s.%s', (fn, action) => {
    const { body } = sectionOf(fn, action);
    const line = body.split('\n').find((l) => l.includes('**调用者**'));
    expect(line).toBeDefined();
    const access = contracts[fn][action].access.roles;
    if (access === 'anyone') {
      expect(line).toContain('任何已登录用户');
    } else {
      for (const role of roles)
        expect(`${role}: ${line!.includes(`\`${role}\``)}`).toBe(`${role}: ${access.includes(role)}`);
    }
  });

  it.each(allActions)('lists the error codes of %s.%s, all of them real', (fn, action) => {
    const { body } = sectionOf(fn, action);
    const codes = codesIn(body);
    expect(codes).toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'UNKNOWN_ACTION', 'INVALID_INPUT']));
    for (const code of codes) expect(errorCodes).toContain(code);
    if (contracts[fn][action].access.roles !== 'anyone') expect(codes).toContain('PROFILE_REQUIRED');
  });

  it.each(allActions)(
    'gives a request example of %s.%s that passes its input schema, and replies that pass its output',
    (fn, action) => {
      const { body } = sectionOf(fn, action);
      const contract = contracts[fn][action];
      const [request, ...replies] = jsonBlocks(body) as Array<Record<string, unknown>>;
      expect(request).toBeDefined();
      expect(request.action).toBe(action);
      const input = contract.input.safeParse(request.data ?? {});
      expect(input.success ? 'ok' : input.error.issues).toBe('ok');

      expect(replies.length).toBeGreaterThan(0);
      expect(replies[0].ok).toBe(true);
      const codes = codesIn(body);
      for (const reply of replies) {
        if (reply.ok === true) {
          const output = contract.output.safeParse(reply.data);
          expect(output.success ? 'ok' : output.error.issues).toBe('ok');
        } else {
          expect(reply.ok).toBe(false);
          const error = reply.error as { code: string; message: string };
          expect(codes).toContain(error.code);
          expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }
    },
  );

  it('has an error code table naming every code', () => {
    for (const code of errorCodes) expect(lines.some((l) => l.startsWith(`| \`${code}\``))).toBe(true);
  });

  it('describes the envelope and the dev host endpoints', () => {
    for (const text of ['## 调用信封', '## 错误码', '## 开发主机', '`action`', '`data`', '`error.fields`'])
      expect(doc).toContain(text);
    for (const endpoint of [
      'GET /healthz',
      'GET /dev/identities',
      'POST /dev/login',
      'POST /api/<函数名>',
      'PAYLOAD_TOO_LARGE',
    ]) {
      expect(doc).toContain(endpoint);
    }
  });
});
