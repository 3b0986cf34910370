/**
 * The deploy against a recording stand-in of the CloudBase management API: the same methods the adapter
 * calls on @cloudbase/manager-node, each call recorded, the current state canned.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collections, type CollectionDeclaration, type IndexDeclaration } from '@shishi/shared-types';
import type { Manager } from '../cloudbase';
import { deploy, ENV_VARS, parseArgs, readBuilds, type DeployArgs } from '../index';
import { DESCRIPTION_PREFIX, formatPlan, type Plan } from '../plan';

// ------------------------------------------------------------------------------------ stand-in

interface CannedCollection {
  name: string;
  count?: number;
  indexes: IndexDeclaration[];
  acl: string;
}
interface CannedFunction {
  name: string;
  runtime?: string;
  timeout: number;
  memorySize: number;
  description: string;
  env: Record<string, string>;
  triggers: { name: string; cron: string }[];
}
interface Call {
  method: string;
  args: unknown[];
}

const READS = new Set([
  'database.listCollections',
  'database.describeCollection',
  'functions.getFunctionList',
  'functions.getFunctionDetail',
  'tcb.DescribeDatabaseACL',
]);

type Fail = (method: string, args: unknown[]) => boolean;

function standIn(current: { collections?: CannedCollection[]; functions?: CannedFunction[] }, fail?: Fail) {
  const calls: Call[] = [];
  const cols = current.collections ?? [];
  const fns = current.functions ?? [];
  const rec =
    <A extends unknown[], R>(method: string, answer: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      calls.push({ method, args: JSON.parse(JSON.stringify(args)) as unknown[] });
      if (fail?.(method, args)) throw new Error(`${method} failed for ${JSON.stringify(args)}`);
      return answer(...args);
    };
  const manager = {
    database: {
      listCollections: rec('database.listCollections', (o: { MgoOffset: number; MgoLimit: number }) => ({
        Collections: cols
          .slice(o.MgoOffset, o.MgoOffset + o.MgoLimit)
          .map((c) => ({ CollectionName: c.name, Count: c.count ?? 0 })),
        Pager: { Offset: o.MgoOffset, Limit: o.MgoLimit, Total: cols.length },
      })),
      describeCollection: rec('database.describeCollection', (name: string) => ({
        Indexes: [
          { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
          ...cols
            .find((c) => c.name === name)!
            .indexes.map((i) => ({
              Name: i.name,
              Keys: Object.entries(i.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
              Unique: !!i.unique,
            })),
        ],
      })),
      createCollection: rec('database.createCollection', () => ({})),
      updateCollection: rec('database.updateCollection', () => ({})),
    },
    functions: {
      getFunctionList: rec('functions.getFunctionList', (limit: number, offset: number) => ({
        Functions: fns.slice(offset, offset + limit).map((f) => ({ FunctionName: f.name })),
        TotalCount: fns.length,
      })),
      getFunctionDetail: rec('functions.getFunctionDetail', (name: string) => {
        const f = fns.find((x) => x.name === name)!;
        return {
          Runtime: f.runtime ?? 'Nodejs16.13',
          Timeout: f.timeout,
          MemorySize: f.memorySize,
          Description: f.description,
          Environment: { Variables: Object.entries(f.env).map(([Key, Value]) => ({ Key, Value })) },
          Triggers: f.triggers.map((t) => ({
            Type: 'timer',
            TriggerName: t.name,
            TriggerDesc: JSON.stringify({ cron: t.cron }),
          })),
        };
      }),
      createFunction: rec('functions.createFunction', () => ({})),
      updateFunctionCode: rec('functions.updateFunctionCode', () => ({})),
      updateFunctionConfig: rec('functions.updateFunctionConfig', () => ({})),
      createFunctionTriggers: rec('functions.createFunctionTriggers', () => ({})),
      deleteFunctionTrigger: rec('functions.deleteFunctionTrigger', () => ({})),
    },
    commonService: (service: string) => ({
      call: rec(`${service}.call`, (o: { Action: string; Param: { CollectionName: string } }) =>
        o.Action === 'DescribeDatabaseACL' ? { AclTag: cols.find((c) => c.name === o.Param.CollectionName)?.acl } : {},
      ),
    }),
  };
  // Name tcb calls by their action, like the other methods.
  const named = () =>
    calls.map((c) => (c.method === 'tcb.call' ? `tcb.${(c.args[0] as { Action: string }).Action}` : c.method));
  return { manager: manager as unknown as Manager, calls, named };
}

// ------------------------------------------------------------------------------- fixture build

let buildRoot: string;

function writeFunction(name: string, config: object, code: string) {
  const dir = join(buildRoot, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.js'), code);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'package.json'), '{"dependencies":{"wx-server-sdk":"~3.0.0"}}');
}

beforeAll(() => {
  buildRoot = mkdtempSync(join(tmpdir(), 'deploy-test-'));
  const templates =
    'process.env.TARO_APP_TMPL_PROPOSAL_DECIDED||"proposal-decided";process.env.TARO_APP_TMPL_PROJECT_DEADLINE;';
  writeFunction('proposal', { permissions: { openapi: ['security.msgSecCheck'] } }, `exports.main=()=>{${templates}}`);
  writeFunction(
    'project',
    { timeout: 20, triggers: [{ name: 'projectReminders', type: 'timer', config: '0 0 * * * * *' }] },
    `exports.main=()=>{${templates}}`,
  );
  writeFunction(
    'survey',
    { triggers: [{ name: 'settleCounters', type: 'timer', config: '0 */5 * * * * *' }] },
    `exports.main=()=>{${templates}const s=process.env.SURVEY_RESPONDENT_SECRET;process.env.NODE_ENV}`,
  );
  writeFunction(
    'checkin',
    { permissions: { openapi: ['wxacode.getUnlimited'] }, timeout: 20 },
    'exports.main=()=>{const k=process.env.CHECKIN_CODE_SECRET}',
  );
});
afterAll(() => rmSync(buildRoot, { recursive: true, force: true }));

const hashOf = (name: string) => readBuilds(buildRoot).find((b) => b.name === name)!.codeHash;

async function run(
  argv: string[],
  current: Parameters<typeof standIn>[0],
  env: Record<string, string> = {},
  cols: readonly CollectionDeclaration[] = collections,
  fail?: Fail,
) {
  const s = standIn(current, fail);
  const lines: string[] = [];
  const args: DeployArgs = parseArgs(['--env', 'env-test-1', ...argv], {});
  let plan: Plan | undefined;
  let error: Error | undefined;
  try {
    plan = await deploy(args, {
      manager: s.manager,
      env,
      functionRoot: buildRoot,
      collections: cols,
      log: (l) => lines.push(l),
    });
  } catch (e) {
    error = e as Error;
  }
  return { ...s, plan, error, output: lines.join('\n') };
}

const TEMPLATES = {
  TARO_APP_TMPL_PROPOSAL_DECIDED: 'tmplDecided_abc',
  TARO_APP_TMPL_PROJECT_DEADLINE: 'tmplDeadline_xyz',
};

// ----------------------------------------------------------------------------------------- tests

describe('an empty environment', () => {
  test('gets every declared collection, index (unique, multikey, descending) and ADMINONLY rule, and every function', async () => {
    const r = await run([], {}, TEMPLATES);
    expect(r.error).toBeUndefined();
    const created = r.calls.filter((c) => c.method === 'database.createCollection').map((c) => c.args[0]);
    expect(created).toEqual(collections.map((c) => c.name));

    const indexCalls = r.calls.filter((c) => c.method === 'database.updateCollection');
    const declaredIndexes = collections.flatMap((c) =>
      c.indexes.map((i) => ({ collection: c.name, index: i as IndexDeclaration })),
    );
    expect(indexCalls).toHaveLength(declaredIndexes.length);
    for (const { collection, index } of declaredIndexes) {
      const call = indexCalls.find(
        (c) =>
          c.args[0] === collection &&
          (c.args[1] as { CreateIndexes: { IndexName: string }[] }).CreateIndexes[0].IndexName === index.name,
      );
      expect(call).toBeDefined();
      const schema = (
        call!.args[1] as { CreateIndexes: { MgoKeySchema: { MgoIndexKeys: unknown; MgoIsUnique: boolean } }[] }
      ).CreateIndexes[0].MgoKeySchema;
      expect(schema.MgoIsUnique).toBe(!!index.unique);
      expect(schema.MgoIndexKeys).toEqual(
        Object.entries(index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
      );
    }
    // The shapes that matter: a unique compound index, a descending key, a multikey (array) path.
    const find = (col: string, name: string) =>
      indexCalls.find(
        (c) =>
          c.args[0] === col &&
          (c.args[1] as { CreateIndexes: { IndexName: string }[] }).CreateIndexes[0].IndexName === name,
      )!.args[1];
    expect(find('surveyAnswers', 'survey_respondent')).toMatchObject({
      CreateIndexes: [{ MgoKeySchema: { MgoIsUnique: true } }],
    });
    expect(find('messages', 'recipient')).toMatchObject({
      CreateIndexes: [
        {
          MgoKeySchema: {
            MgoIndexKeys: [
              { Name: 'openid', Direction: '1' },
              { Name: 'createdAt', Direction: '-1' },
            ],
          },
        },
      ],
    });
    expect(find('users', 'binding_org')).toMatchObject({
      CreateIndexes: [{ MgoKeySchema: { MgoIndexKeys: [{ Name: 'bindings.orgId', Direction: '1' }] } }],
    });

    const acls = r.calls.filter(
      (c) => c.method === 'tcb.call' && (c.args[0] as { Action: string }).Action === 'ModifyDatabaseACL',
    );
    expect(acls.map((c) => (c.args[0] as { Param: unknown }).Param)).toEqual(
      collections.map((c) => ({ EnvId: 'env-test-1', CollectionName: c.name, AclTag: 'ADMINONLY' })),
    );
    // A collection's rule is set after it exists, its indexes after it too.
    const order = r.named();
    expect(order.indexOf('database.createCollection')).toBeLessThan(order.indexOf('database.updateCollection'));

    const fnCalls = r.calls
      .filter((c) => c.method === 'functions.createFunction')
      .map((c) => c.args[0] as { func: Record<string, unknown>; functionRootPath: string });
    expect(fnCalls.map((c) => c.func.name)).toEqual(['checkin', 'project', 'proposal', 'survey']);
    const project = fnCalls.find((c) => c.func.name === 'project')!;
    expect(project.functionRootPath).toBe(buildRoot);
    expect(project.func).toMatchObject({
      timeout: 20,
      memorySize: 256,
      runtime: 'Nodejs16.13',
      installDependency: true,
      description: DESCRIPTION_PREFIX + hashOf('project'),
      triggers: [{ name: 'projectReminders', type: 'timer', config: '0 0 * * * * *' }],
      envVariables: TEMPLATES,
    });
    // Without a timeout in config.json a function gets 60 s, not CloudBase's 3 s.
    expect(fnCalls.find((c) => c.func.name === 'proposal')!.func).toMatchObject({
      timeout: 60,
      envVariables: TEMPLATES,
    });
    // Only the function that reads the secret gets it: 32 random bytes, generated.
    const surveyEnv = fnCalls.find((c) => c.func.name === 'survey')!.func.envVariables as Record<string, string>;
    expect(Object.keys(surveyEnv).sort()).toEqual(['SURVEY_RESPONDENT_SECRET', ...Object.keys(TEMPLATES)].sort());
    expect(Buffer.from(surveyEnv.SURVEY_RESPONDENT_SECRET, 'base64url')).toHaveLength(32);
    expect(fnCalls.find((c) => c.func.name === 'proposal')!.func.envVariables).not.toHaveProperty(
      'SURVEY_RESPONDENT_SECRET',
    );
    // NODE_ENV is read by a library, not ours to set.
    expect(surveyEnv).not.toHaveProperty('NODE_ENV');
    // The check-in code secret likewise goes to the checkin function alone.
    const checkinEnv = fnCalls.find((c) => c.func.name === 'checkin')!.func.envVariables as Record<string, string>;
    expect(Object.keys(checkinEnv)).toEqual(['CHECKIN_CODE_SECRET']);
    expect(Buffer.from(checkinEnv.CHECKIN_CODE_SECRET, 'base64url')).toHaveLength(32);
    expect(surveyEnv).not.toHaveProperty('CHECKIN_CODE_SECRET');
  });

  test('the plan reads as a diff, and a missing template id is said plainly', async () => {
    const r = await run(['--dry-run'], {});
    expect(r.output).toContain('+ collection proposals');
    expect(r.output).toContain('+ index proposals.author_window_title (authorKey:asc, windowId:asc, titleKey:asc)');
    expect(r.output).toContain('+ index surveyAnswers.survey_respondent (surveyId:asc, respondentKey:asc; unique)');
    expect(r.output).toContain('~ rule proposals: (new) → ADMINONLY');
    expect(r.output).toContain('+ trigger survey.settleCounters: timer 0 */5 * * * * *');
    expect(r.output).toContain('SURVEY_RESPONDENT_SECRET=<secret generated>');
    expect(r.output).toContain('CHECKIN_CODE_SECRET=<secret generated>');
    expect(r.output).toMatch(/! TARO_APP_TMPL_PROPOSAL_DECIDED \(functions project, proposal, survey\): not set/);
  });
});

describe('an environment that has part of it', () => {
  const decl: CollectionDeclaration[] = [
    { name: 'orgs', indexes: [{ name: 'path', keys: { path: 1 } }] },
    {
      name: 'proposals',
      indexes: [
        { name: 'orgPath_created', keys: { orgPath: 1, createdAt: -1 } },
        { name: 'author_window_title', keys: { authorKey: 1, windowId: 1, titleKey: 1 }, unique: true },
      ],
    },
    { name: 'surveySecrets', indexes: [] },
  ];
  const partly = (): { collections: CannedCollection[]; functions: CannedFunction[] } => ({
    collections: [
      { name: 'orgs', indexes: [{ name: 'path', keys: { path: 1 } }], acl: 'ADMINONLY' },
      {
        name: 'proposals',
        // Same name, ascending where we declare descending: reported and replaced.
        indexes: [
          { name: 'orgPath_created', keys: { orgPath: 1, createdAt: 1 } },
          { name: 'old_index', keys: { title: 1 } },
        ],
        acl: 'PRIVATE',
      },
      { name: 'someoneElses', indexes: [], acl: 'READONLY' },
    ],
    functions: [
      {
        name: 'survey',
        timeout: 60,
        memorySize: 256,
        description: DESCRIPTION_PREFIX + hashOf('survey'),
        env: { SURVEY_RESPONDENT_SECRET: 'kept-secret-value-0123456789abcdef', ...TEMPLATES, CONSOLE_FLAG: 'on' },
        triggers: [{ name: 'settleCounters', cron: '0 */5 * * * * *' }],
      },
      {
        name: 'project',
        timeout: 3,
        memorySize: 256,
        description: DESCRIPTION_PREFIX + 'old000000000',
        env: { ...TEMPLATES },
        triggers: [
          { name: 'projectReminders', cron: '0 0 8 * * * *' },
          { name: 'stale', cron: '0 0 * * * * *' },
        ],
      },
      { name: 'legacyFn', timeout: 3, memorySize: 128, description: '', env: {}, triggers: [] },
      // Already as declared (code, config and its secret): nothing to do for it.
      {
        name: 'checkin',
        timeout: 20,
        memorySize: 256,
        description: DESCRIPTION_PREFIX + hashOf('checkin'),
        env: { CHECKIN_CODE_SECRET: 'kept-checkin-secret-0123456789abcdef' },
        triggers: [],
      },
    ],
  });

  test('only the difference is applied; an index with other keys is reported and replaced', async () => {
    const r = await run([], partly(), TEMPLATES, decl);
    expect(r.error).toBeUndefined();
    const writes = r.calls.filter(
      (c) => !READS.has(c.method === 'tcb.call' ? `tcb.${(c.args[0] as { Action: string }).Action}` : c.method),
    );
    expect(writes.map((c) => [c.method, c.args])).toEqual([
      ['database.updateCollection', ['proposals', { DropIndexes: [{ IndexName: 'orgPath_created' }] }]],
      [
        'database.updateCollection',
        [
          'proposals',
          {
            CreateIndexes: [
              {
                IndexName: 'orgPath_created',
                MgoKeySchema: {
                  MgoIndexKeys: [
                    { Name: 'orgPath', Direction: '1' },
                    { Name: 'createdAt', Direction: '-1' },
                  ],
                  MgoIsUnique: false,
                },
              },
            ],
          },
        ],
      ],
      [
        'database.updateCollection',
        [
          'proposals',
          {
            CreateIndexes: [
              {
                IndexName: 'author_window_title',
                MgoKeySchema: {
                  MgoIndexKeys: [
                    { Name: 'authorKey', Direction: '1' },
                    { Name: 'windowId', Direction: '1' },
                    { Name: 'titleKey', Direction: '1' },
                  ],
                  MgoIsUnique: true,
                },
              },
            ],
          },
        ],
      ],
      [
        'tcb.call',
        [
          {
            Action: 'ModifyDatabaseACL',
            Param: { EnvId: 'env-test-1', CollectionName: 'proposals', AclTag: 'ADMINONLY' },
          },
        ],
      ],
      ['database.createCollection', ['surveySecrets']],
      [
        'tcb.call',
        [
          {
            Action: 'ModifyDatabaseACL',
            Param: { EnvId: 'env-test-1', CollectionName: 'surveySecrets', AclTag: 'ADMINONLY' },
          },
        ],
      ],
      [
        'functions.updateFunctionCode',
        [{ func: { name: 'project', installDependency: true }, functionRootPath: buildRoot }],
      ],
      [
        'functions.updateFunctionConfig',
        [
          {
            name: 'project',
            runtime: 'Nodejs16.13',
            timeout: 20,
            memorySize: 256,
            description: DESCRIPTION_PREFIX + hashOf('project'),
            envVariables: TEMPLATES,
            installDependency: true,
          },
        ],
      ],
      ['functions.deleteFunctionTrigger', ['project', 'projectReminders']],
      ['functions.deleteFunctionTrigger', ['project', 'stale']],
      [
        'functions.createFunctionTriggers',
        ['project', [{ name: 'projectReminders', type: 'timer', config: '0 0 * * * * *' }]],
      ],
      ['functions.createFunction', expect.anything()],
    ]);
    // The survey function was already as declared: not touched, its secret and console variable kept.
    expect(
      writes.filter(
        (c) => c.args[0] === 'survey' || (c.args[0] as { func?: { name: string } })?.func?.name === 'survey',
      ),
    ).toEqual([]);
    expect(r.output).toContain(
      '- index proposals.orgPath_created: is orgPath_created (orgPath:asc, createdAt:asc), declared orgPath_created (orgPath:asc, createdAt:desc) (replaced)',
    );
    expect(r.output).toContain('~ rule proposals: PRIVATE → ADMINONLY');
    expect(r.output).toContain('index proposals.old_index: not declared in collections.ts; left');
    expect(r.output).toContain('collection someoneElses: not declared; left');
    expect(r.output).toContain('function legacyFn: not built from cloudfunctions/; left');
    expect(r.output).toContain('~ function project: timeout 3 s → 20 s');
    expect(r.output).toContain('- trigger project.projectReminders: cron 0 0 8 * * * * → 0 0 * * * * *');
  });

  test('a second deploy of the same build changes nothing', async () => {
    const state = partly();
    state.collections = [
      ...decl.map((d) => ({ name: d.name, indexes: d.indexes, acl: 'ADMINONLY' })),
      { name: 'someoneElses', indexes: [], acl: 'READONLY' },
    ];
    state.functions = state.functions.filter((f) => f.name === 'survey' || f.name === 'checkin');
    state.functions.push(
      {
        name: 'project',
        timeout: 20,
        memorySize: 256,
        description: DESCRIPTION_PREFIX + hashOf('project'),
        env: { ...TEMPLATES },
        triggers: [{ name: 'projectReminders', cron: '0 0 * * * * *' }],
      },
      {
        name: 'proposal',
        timeout: 60,
        memorySize: 256,
        description: DESCRIPTION_PREFIX + hashOf('proposal'),
        env: { ...TEMPLATES },
        triggers: [],
      },
    );
    const r = await run([], state, TEMPLATES, decl);
    expect(r.plan!.changes).toEqual([]);
    expect(r.named().every((m) => READS.has(m))).toBe(true);
    expect(r.output).toContain('(nothing to change)');
  });

  test('the dry run changes nothing', async () => {
    const r = await run(['--dry-run'], partly(), TEMPLATES, decl);
    expect(r.plan!.changes.length).toBeGreaterThan(5);
    expect(r.named().filter((m) => !READS.has(m))).toEqual([]);
    expect(r.output).toContain('Dry run: nothing was changed.');
  });

  test('a secret on the function is never replaced, even by a different one in the shell', async () => {
    const r = await run(
      [],
      partly(),
      { ...TEMPLATES, SURVEY_RESPONDENT_SECRET: 'another-secret-from-the-shell-0123456789' },
      decl,
    );
    expect(r.calls.some((c) => JSON.stringify(c.args).includes('another-secret'))).toBe(false);
    expect(r.output).toContain(
      'SURVEY_RESPONDENT_SECRET (function survey): differs from the value in this shell; kept',
    );
  });

  test('no secret is generated when the function already keeps its own in surveySecrets', async () => {
    const state = partly();
    state.functions = state.functions.filter((f) => f.name !== 'survey');
    state.collections.push({ name: 'surveySecrets', count: 1, indexes: [], acl: 'ADMINONLY' });
    const r = await run([], state, TEMPLATES, decl);
    const survey = r.calls.find(
      (c) =>
        c.method === 'functions.createFunction' && (c.args[0] as { func: { name: string } }).func.name === 'survey',
    )!;
    expect((survey.args[0] as { func: { envVariables: object } }).func.envVariables).not.toHaveProperty(
      'SURVEY_RESPONDENT_SECRET',
    );
    expect(r.output).toMatch(
      /SURVEY_RESPONDENT_SECRET \(function survey\): not set: the function already keeps its own value in surveySecrets/,
    );
  });
});

describe('secrets are never logged', () => {
  const secret = 'shell-secret-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789';

  test('neither a given nor a generated secret appears in the plan or the log', async () => {
    for (const env of [{ SURVEY_RESPONDENT_SECRET: secret }, {}] as Record<string, string>[]) {
      const r = await run(['--verbose'], {}, env);
      const sent = r.calls.find(
        (c) =>
          c.method === 'functions.createFunction' && (c.args[0] as { func: { name: string } }).func.name === 'survey',
      )!;
      const value = (sent.args[0] as { func: { envVariables: Record<string, string> } }).func.envVariables
        .SURVEY_RESPONDENT_SECRET;
      expect(value.length).toBeGreaterThanOrEqual(32);
      if ('SURVEY_RESPONDENT_SECRET' in env) expect(value).toBe(secret);
      expect(r.output).not.toContain(value);
      expect(formatPlan(r.plan!, { verbose: true })).not.toContain(value);
      expect(JSON.stringify(r.plan)).not.toContain(value);
    }
  });

  test('an API error that echoes the request is redacted', async () => {
    const r = await run(
      [],
      {},
      { SURVEY_RESPONDENT_SECRET: secret },
      collections,
      (method, args) =>
        method === 'functions.createFunction' && (args[0] as { func: { name: string } }).func.name === 'survey',
    );
    expect(r.error!.message).toContain('functions.createFunction failed');
    expect(r.error!.message).not.toContain(secret);
    expect(r.error!.message).toContain('<secret>');
  });
});

describe('the command', () => {
  test('takes the environment from --env or TCB_ENV_ID and refuses without one', async () => {
    expect(parseArgs(['--env', 'a-1', '--dry-run'], {})).toMatchObject({ envId: 'a-1', dryRun: true });
    expect(parseArgs([], { TCB_ENV_ID: 'b-2' })).toMatchObject({ envId: 'b-2', dryRun: false });
    expect(parseArgs(['--assume-empty'], {})).toMatchObject({ dryRun: true, assumeEmpty: true });
    expect(() => parseArgs(['--force'], {})).toThrow(/Unknown argument --force/);
    const s = standIn({});
    await expect(
      deploy(parseArgs([], {}), { manager: s.manager, env: {}, functionRoot: buildRoot, collections, log: () => {} }),
    ).rejects.toThrow(/--env <envId> or set TCB_ENV_ID/);
  });

  test('a function in cloudfunctions/ missing from the build stops the deploy', () => {
    const sources = mkdtempSync(join(tmpdir(), 'deploy-src-'));
    for (const name of ['proposal', 'newone']) {
      mkdirSync(join(sources, name));
      writeFileSync(join(sources, name, 'config.json'), '{}');
    }
    expect(() => readBuilds(buildRoot, sources)).toThrow(/Not built: newone/);
    rmSync(sources, { recursive: true, force: true });
  });
});

test('every environment variable the functions read is declared for the deploy', () => {
  const root = join(__dirname, '..', '..', '..');
  const read = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const full = join(dir, n);
      if (n === 'node_modules' || n === '__tests__') return [];
      return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(n) ? [full] : [];
    });
  for (const file of [...walk(join(root, 'cloudfunctions')), ...walk(join(root, 'shared-types', 'src'))])
    for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)(?![A-Z0-9_*])/g))
      read.add(m[1]);
  read.delete('NODE_ENV');
  expect([...read].sort()).toEqual(ENV_VARS.map((v) => v.key).sort());
});

describe('the push function (issue 13)', () => {
  let pushRoot = '';
  beforeAll(() => {
    pushRoot = mkdtempSync(join(tmpdir(), 'deploy-push-'));
    const dir = join(pushRoot, 'push');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.js'),
      'exports.main=()=>{process.env.TARO_APP_TMPL_PROJECT_NEWS;process.env.TARO_APP_TMPL_PROJECT_NEWS_KIND;' +
        'process.env.PUSH_SENDS_PER_SECOND;process.env.PUSH_DRAIN_BUDGET_MS}',
    );
    // The function's own config.json, as the build copies it.
    writeFileSync(
      join(dir, 'config.json'),
      readFileSync(join(__dirname, '..', '..', '..', 'cloudfunctions', 'push', 'config.json'), 'utf8'),
    );
    writeFileSync(join(dir, 'package.json'), '{"dependencies":{"wx-server-sdk":"~3.0.0"}}');
  });
  afterAll(() => rmSync(pushRoot, { recursive: true, force: true }));

  test('is created with its drain trigger every minute and a 60 s timeout; its template id is set and the optional variables left unset say nothing', async () => {
    const s = standIn({});
    const lines: string[] = [];
    await deploy(parseArgs(['--env', 'env-test-1'], {}), {
      manager: s.manager,
      env: { TARO_APP_TMPL_PROJECT_NEWS: 'tmplNews_1' },
      functionRoot: pushRoot,
      collections,
      log: (l) => lines.push(l),
    });
    const created = s.calls.filter((c) => c.method === 'functions.createFunction');
    expect(created).toHaveLength(1);
    expect((created[0].args[0] as { func: unknown }).func).toMatchObject({
      name: 'push',
      timeout: 60,
      triggers: [{ name: 'pushDrain', type: 'timer', config: '0 * * * * * *' }],
      envVariables: { TARO_APP_TMPL_PROJECT_NEWS: 'tmplNews_1' },
    });
    expect(lines.join('\n')).toContain('+ trigger push.pushDrain: timer 0 * * * * * *');
    expect(lines.join('\n')).not.toMatch(/PUSH_SENDS_PER_SECOND|PUSH_DRAIN_BUDGET_MS|_KIND/);
  });
});
