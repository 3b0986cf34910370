/**
 * The CloudBase management API, through @cloudbase/manager-node: read an environment's current state,
 * apply a plan's changes. `Manager` is the part of the library's surface used here, so tests hand in a
 * recording stand-in with the same methods.
 *
 * Collection rules go through the tcb API's DescribeDatabaseACL / ModifyDatabaseACL (AclTag ADMINONLY =
 * 仅管理员可读写), the calls the WeChat console itself makes.
 */
import { randomBytes } from 'node:crypto';
import type CloudBase from '@cloudbase/manager-node';
import type { IndexDeclaration } from '@shishi/shared-types';
import type {
  Change,
  CurrentCollection,
  CurrentFunction,
  CurrentState,
  EnvAssignment,
  FunctionSettings,
  TimerTrigger,
} from './plan';

type Database = CloudBase['database'];
type Functions = CloudBase['functions'];

export interface Manager {
  database: Pick<Database, 'listCollections' | 'describeCollection' | 'createCollection' | 'updateCollection'>;
  functions: Pick<
    Functions,
    | 'getFunctionList'
    | 'getFunctionDetail'
    | 'createFunction'
    | 'updateFunctionCode'
    | 'updateFunctionConfig'
    | 'createFunctionTriggers'
    | 'deleteFunctionTrigger'
  >;
  commonService(
    service: string,
    version: string,
  ): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

export interface Credentials {
  envId: string;
  secretId?: string;
  secretKey?: string;
  token?: string;
}

/** The real library. Credentials default to TENCENTCLOUD_SECRETID / _SECRETKEY / _SESSIONTOKEN (its own names). */
export async function connect(creds: Credentials): Promise<Manager> {
  const { default: Cloud } = await import('@cloudbase/manager-node');
  return new Cloud({
    envId: creds.envId,
    secretId: creds.secretId,
    secretKey: creds.secretKey,
    token: creds.token,
  }) as unknown as Manager;
}

const tcb = (m: Manager) => m.commonService('tcb', '2018-06-08');

// ------------------------------------------------------------------------------------------ read

function indexFromApi(raw: {
  Name: string;
  Keys?: { Name?: string; Direction?: string | number }[];
  Unique?: boolean;
}): IndexDeclaration {
  const keys: Record<string, 1 | -1> = {};
  for (const k of raw.Keys ?? []) if (k.Name) keys[k.Name] = String(k.Direction) === '-1' ? -1 : 1;
  return { name: raw.Name, keys, ...(raw.Unique ? { unique: true } : {}) };
}

/** A timer's cron: SCF answers TriggerDesc as `{"cron":"…"}` (or the bare cron). */
function cronOf(desc: string | undefined): string {
  if (!desc) return '';
  try {
    const parsed = JSON.parse(desc) as { cron?: string };
    if (parsed && typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // a bare cron expression
  }
  return desc;
}

/** Reads the collections and functions we declare (and lists the others, to say they are left alone). */
export async function readState(m: Manager, envId: string, ours: { functions: string[] }): Promise<CurrentState> {
  const collections: CurrentCollection[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await m.database.listCollections({ MgoOffset: offset, MgoLimit: 100 });
    for (const c of page.Collections ?? []) {
      const name = c.CollectionName;
      const table = await m.database.describeCollection(name);
      const acl = (await tcb(m).call({
        Action: 'DescribeDatabaseACL',
        Param: { EnvId: envId, CollectionName: name },
      })) as { AclTag?: string };
      collections.push({
        name,
        count: c.Count,
        indexes: (table.Indexes ?? []).map((i) => indexFromApi(i)),
        acl: acl?.AclTag ?? null,
      });
    }
    if (!page.Collections?.length || offset + 100 >= (page.Pager?.Total ?? 0)) break;
  }

  const names: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await m.functions.getFunctionList(100, offset);
    for (const f of page.Functions ?? []) names.push(f.FunctionName);
    if (!page.Functions?.length || offset + 100 >= (page.TotalCount ?? 0)) break;
  }
  const functions: CurrentFunction[] = [];
  for (const name of names) {
    if (!ours.functions.includes(name)) {
      functions.push({ name, runtime: '', timeout: 0, memorySize: 0, description: '', envVariables: {}, triggers: [] });
      continue;
    }
    const d = await m.functions.getFunctionDetail(name);
    const envVariables: Record<string, string> = {};
    for (const v of d.Environment?.Variables ?? []) envVariables[v.Key] = v.Value;
    const triggers: TimerTrigger[] = (d.Triggers ?? [])
      .filter((t) => t.Type === 'timer')
      .map((t) => ({ name: t.TriggerName, type: 'timer', config: cronOf(t.TriggerDesc) }));
    functions.push({
      name,
      runtime: d.Runtime,
      timeout: d.Timeout,
      memorySize: d.MemorySize,
      description: d.Description ?? '',
      envVariables,
      triggers,
    });
  }
  return { envId, collections, functions };
}

// ----------------------------------------------------------------------------------------- apply

/**
 * A function's variables with their values: kept and given ones from the plan, secrets from `secretValue`
 * (the plan holds no secret), generated ones made once per deploy and per key (one value for every
 * function that reads it).
 */
export function resolveEnv(
  fn: string,
  env: EnvAssignment[],
  opts: Pick<ApplyOptions, 'generated' | 'secretValue'>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of env) {
    if (e.source === 'generate') {
      if (!opts.generated.has(e.key)) opts.generated.set(e.key, randomBytes(32).toString('base64url'));
      out[e.key] = opts.generated.get(e.key)!;
    } else if (e.secret) {
      const value = opts.secretValue(fn, e);
      if (value === undefined) throw new Error(`No value for ${e.key} on ${fn}`);
      out[e.key] = value;
    } else out[e.key] = e.value ?? '';
  }
  return out;
}

function funcParams(name: string, config: FunctionSettings, opts: ApplyOptions) {
  return {
    name,
    runtime: config.runtime,
    timeout: config.timeout,
    memorySize: config.memorySize,
    description: config.description,
    envVariables: resolveEnv(name, config.env, opts),
    // wx-server-sdk is installed by the platform from the bundle's package.json.
    installDependency: true,
  };
}

export interface ApplyOptions {
  /** dist/cloudfunctions: each function's folder is <root>/<name>. */
  functionRoot: string;
  log: (line: string) => void;
  /** Generated values by key (one per deploy, shared by the functions that read it). */
  generated: Map<string, string>;
  /** A secret's value: the function's own ('keep') or the deploy's environment ('set'). */
  secretValue: (fn: string, e: EnvAssignment) => string | undefined;
}

/** Applies the changes in order (a collection before its indexes, a drop before its re-create). */
export async function applyChanges(m: Manager, envId: string, changes: Change[], opts: ApplyOptions): Promise<void> {
  for (const c of changes) {
    switch (c.kind) {
      case 'createCollection':
        opts.log(`creating collection ${c.collection}`);
        await m.database.createCollection(c.collection);
        break;
      case 'createIndex':
        opts.log(`creating index ${c.collection}.${c.index.name}`);
        await m.database.updateCollection(c.collection, {
          CreateIndexes: [
            {
              IndexName: c.index.name,
              MgoKeySchema: {
                MgoIndexKeys: Object.entries(c.index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
                MgoIsUnique: !!c.index.unique,
              },
            },
          ],
        });
        break;
      case 'dropIndex':
        opts.log(`dropping index ${c.collection}.${c.index} (${c.reason})`);
        await m.database.updateCollection(c.collection, { DropIndexes: [{ IndexName: c.index }] });
        break;
      case 'setAcl':
        opts.log(`rule ${c.collection}: ${c.to}`);
        await tcb(m).call({
          Action: 'ModifyDatabaseACL',
          Param: { EnvId: envId, CollectionName: c.collection, AclTag: c.to },
        });
        break;
      case 'createFunction':
        opts.log(`creating function ${c.fn}`);
        await m.functions.createFunction({
          func: { ...funcParams(c.fn, c.config, opts), triggers: c.triggers },
          functionRootPath: opts.functionRoot,
          force: false,
        });
        break;
      case 'updateCode':
        opts.log(`uploading function ${c.fn} (${c.to})`);
        await m.functions.updateFunctionCode({
          func: { name: c.fn, installDependency: true },
          functionRootPath: opts.functionRoot,
        });
        break;
      case 'updateConfig':
        opts.log(`configuring function ${c.fn}: ${c.changed.join('; ')}`);
        await m.functions.updateFunctionConfig(funcParams(c.fn, c.config, opts));
        break;
      case 'deleteTrigger':
        opts.log(`removing trigger ${c.fn}.${c.trigger.name}`);
        await m.functions.deleteFunctionTrigger(c.fn, c.trigger.name);
        break;
      case 'createTrigger':
        opts.log(`creating trigger ${c.fn}.${c.trigger.name} (${c.trigger.config})`);
        await m.functions.createFunctionTriggers(c.fn, [c.trigger]);
        break;
    }
  }
}
