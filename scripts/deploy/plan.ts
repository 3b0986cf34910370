/**
 * Deploy planning, pure: what our declarations want (collections.ts, each function's config.json and
 * bundle) against what a CloudBase environment has → the list of changes. No I/O here: the adapter
 * (cloudbase.ts) reads the current state and applies the changes, the CLI (index.ts) wires them.
 *
 * Rules:
 * - every declared collection exists with exactly its declared indexes (same keys, directions, unique);
 *   an index with our name but other keys is dropped and created again; indexes we do not declare are
 *   reported and left;
 * - every declared collection is ADMINONLY (仅管理员可读写): clients reach data only through functions;
 * - every function exists with its config (timeout, memory, timer triggers) and our code; the code is
 *   uploaded only when its hash (kept in the function's description) differs;
 * - the environment variables each function reads are set; a secret is never changed once set and its
 *   value never appears in the plan.
 */

import type { CollectionDeclaration, IndexDeclaration } from '@shishi/shared-types';

/** 仅管理员可读写: no client reads or writes a collection directly (ModifyDatabaseACL's AclTag). */
export const COLLECTION_ACL = 'ADMINONLY';
/** Fixed at creation only (SCF); matches the build's target (cloudfunctions/build.mjs: node16). */
export const FUNCTION_RUNTIME = 'Nodejs16.13';
/** CloudBase's own default is 3 s; a function without a timeout in config.json gets this. */
export const DEFAULT_TIMEOUT_S = 60;
export const DEFAULT_MEMORY_MB = 256;
/** The description marks our functions and carries the hash of the uploaded code. */
export const DESCRIPTION_PREFIX = '为职工办实事 code:';

// ------------------------------------------------------------------------------------------ inputs

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** Seven-field cron (second minute hour day month weekday year), as in config.json. */
  config: string;
}

/** A function's config.json, as cloudfunctions/build.mjs copies it. */
export interface FunctionConfigFile {
  permissions?: { openapi?: string[] };
  timeout?: number;
  memorySize?: number;
  triggers?: { name: string; type: string; config: string }[];
}

/** An environment variable a function may read, and where its value comes from. */
export interface EnvVarSpec {
  key: string;
  /** What it is, for the plan and the README. */
  about: string;
  /** Secrets: value never printed; once set on a function never changed by a deploy. */
  secret?: boolean;
  /** Generate a value (32 random bytes) when neither the deploy's environment nor the function has one. */
  generate?: boolean;
  /**
   * A collection whose documents mean the function already made its own value (the secret's fallback):
   * then no value is generated or set, since a new one would change every respondent key.
   */
  storedIn?: string;
  /** Has a sound default (said in `about`): not set is not a warning. */
  optional?: boolean;
}

export interface FunctionBuild {
  name: string;
  config: FunctionConfigFile;
  /** sha256 of the bundle folder (index.js, package.json, config.json). */
  codeHash: string;
  /** The `process.env.X` names the bundle reads. */
  envRead: string[];
}

export interface DesiredInput {
  collections: readonly CollectionDeclaration[];
  functions: FunctionBuild[];
  envVars: EnvVarSpec[];
  /** Values from the deploy's own environment (process.env), by key. */
  provided: Record<string, string | undefined>;
}

// ------------------------------------------------------------------------------- current state

export interface CurrentCollection {
  name: string;
  /** Documents stored; undefined when unknown. */
  count?: number;
  indexes: IndexDeclaration[];
  /** AclTag (READONLY, PRIVATE, ADMINWRITE, ADMINONLY, CUSTOM); null when unknown. */
  acl: string | null;
}

export interface CurrentFunction {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  description: string;
  envVariables: Record<string, string>;
  triggers: TimerTrigger[];
}

export interface CurrentState {
  envId: string;
  collections: CurrentCollection[];
  functions: CurrentFunction[];
}

// --------------------------------------------------------------------------------------- plan

export type Change =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: IndexDeclaration }
  | { kind: 'dropIndex'; collection: string; index: string; reason: string }
  | { kind: 'setAcl'; collection: string; from: string | null; to: string }
  | { kind: 'createFunction'; fn: string; config: FunctionSettings; triggers: TimerTrigger[] }
  | { kind: 'updateCode'; fn: string; from: string | null; to: string }
  | { kind: 'updateConfig'; fn: string; config: FunctionSettings; changed: string[] }
  | { kind: 'deleteTrigger'; fn: string; trigger: TimerTrigger; reason: string }
  | { kind: 'createTrigger'; fn: string; trigger: TimerTrigger };

/** What a function's configuration is set to. Env values marked `generate` are made when applied. */
export interface FunctionSettings {
  runtime: string;
  timeout: number;
  memorySize: number;
  description: string;
  /** The full set (the API replaces a function's variables as a whole): kept ones included. */
  env: EnvAssignment[];
}

export interface EnvAssignment {
  key: string;
  secret: boolean;
  /** 'keep': already on the function; 'set': from the deploy's environment; 'generate': made at apply. */
  source: 'keep' | 'set' | 'generate';
  /** The value for 'keep' and 'set'; absent for secrets (the adapter reads those at apply time). */
  value?: string;
}

/** Something the deploy leaves alone and says so: not ours, or not changeable by code. */
export interface Note {
  level: 'info' | 'warn';
  target: string;
  text: string;
}

export interface Plan {
  envId: string;
  changes: Change[];
  /** What is already as declared (for the "leave" lines of the diff). */
  unchanged: string[];
  notes: Note[];
}

const sameKeys = (a: IndexDeclaration['keys'], b: IndexDeclaration['keys']) => {
  const ea = Object.entries(a);
  const eb = Object.entries(b);
  // Order matters in a compound index.
  return ea.length === eb.length && ea.every(([k, d], i) => eb[i][0] === k && eb[i][1] === d);
};
const sameIndex = (a: IndexDeclaration, b: IndexDeclaration) => sameKeys(a.keys, b.keys) && !!a.unique === !!b.unique;

export function describeIndex(index: IndexDeclaration): string {
  const keys = Object.entries(index.keys)
    .map(([k, d]) => `${k}:${d === -1 ? 'desc' : 'asc'}`)
    .join(', ');
  return `${index.name} (${keys}${index.unique ? '; unique' : ''})`;
}

/** The timer triggers of a config.json; anything else cannot be created by the API and is reported. */
function triggersOf(build: FunctionBuild, notes: Note[]): TimerTrigger[] {
  const out: TimerTrigger[] = [];
  for (const t of build.config.triggers ?? []) {
    if (t.type === 'timer') out.push({ name: t.name, type: 'timer', config: t.config });
    else
      notes.push({
        level: 'warn',
        target: `function ${build.name}`,
        text: `trigger ${t.name}: type ${t.type} is not a timer; not deployed`,
      });
  }
  return out;
}

function planEnv(
  build: FunctionBuild,
  current: CurrentFunction | undefined,
  input: DesiredInput,
  state: CurrentState,
  notes: Note[],
): EnvAssignment[] {
  const existing = current?.envVariables ?? {};
  const out: EnvAssignment[] = [];
  const specs = new Map(input.envVars.map((s) => [s.key, s]));
  // Variables someone set in the console that we do not manage: kept (the API replaces the whole set).
  for (const [key, value] of Object.entries(existing))
    if (!specs.has(key) || !build.envRead.includes(key)) out.push({ key, secret: false, source: 'keep', value });
  for (const key of build.envRead) {
    const spec = specs.get(key);
    if (!spec) continue; // read by a library (NODE_ENV, …): not ours to set
    const secret = !!spec.secret;
    const have = existing[key];
    const given = input.provided[key] || undefined;
    const target = `function ${build.name}: ${key}`;
    if (have !== undefined && have !== '') {
      if (secret) {
        if (given && given !== have)
          notes.push({
            level: 'warn',
            target,
            text: "differs from the value in this shell; kept the function's (a secret is never changed by a deploy)",
          });
        out.push({ key, secret, source: 'keep' });
      } else if (given && given !== have) out.push({ key, secret, source: 'set', value: given });
      else out.push({ key, secret, source: 'keep', value: have });
      continue;
    }
    const stored = spec.storedIn && state.collections.find((c) => c.name === spec.storedIn);
    if (stored && (stored.count ?? 0) > 0) {
      notes.push({
        level: 'warn',
        target,
        text: `not set: the function already keeps its own value in ${spec.storedIn}; a new one would change every existing key`,
      });
      continue;
    }
    if (given) out.push({ key, secret, source: 'set', ...(secret ? {} : { value: given }) });
    else if (spec.generate) out.push({ key, secret, source: 'generate' });
    else if (spec.optional) continue;
    else
      notes.push({ level: 'warn', target, text: `not set: ${spec.about}. Set ${key} in the shell and deploy again` });
  }
  return out;
}

export function planDeploy(input: DesiredInput, state: CurrentState): Plan {
  const changes: Change[] = [];
  const unchanged: string[] = [];
  const notes: Note[] = [];
  const declared = new Set(input.collections.map((c) => c.name));

  for (const decl of input.collections) {
    const have = state.collections.find((c) => c.name === decl.name);
    if (!have) {
      changes.push({ kind: 'createCollection', collection: decl.name });
      for (const index of decl.indexes)
        changes.push({ kind: 'createIndex', collection: decl.name, index: { ...index } });
      changes.push({ kind: 'setAcl', collection: decl.name, from: null, to: COLLECTION_ACL });
      continue;
    }
    unchanged.push(`collection ${decl.name}`);
    for (const index of decl.indexes) {
      const found = have.indexes.find((i) => i.name === index.name);
      if (!found) changes.push({ kind: 'createIndex', collection: decl.name, index: { ...index } });
      else if (!sameIndex(found, index)) {
        changes.push({
          kind: 'dropIndex',
          collection: decl.name,
          index: index.name,
          reason: `is ${describeIndex(found)}, declared ${describeIndex(index)}`,
        });
        changes.push({ kind: 'createIndex', collection: decl.name, index: { ...index } });
      } else unchanged.push(`index ${decl.name}.${index.name}`);
    }
    for (const extra of have.indexes)
      if (extra.name !== '_id_' && !decl.indexes.some((i) => i.name === extra.name))
        notes.push({
          level: 'info',
          target: `index ${decl.name}.${extra.name}`,
          text: 'not declared in collections.ts; left',
        });
    if (have.acl !== COLLECTION_ACL)
      changes.push({ kind: 'setAcl', collection: decl.name, from: have.acl, to: COLLECTION_ACL });
    else unchanged.push(`rule ${decl.name}: ${COLLECTION_ACL}`);
  }
  for (const c of state.collections)
    if (!declared.has(c.name))
      notes.push({ level: 'info', target: `collection ${c.name}`, text: 'not declared; left' });

  for (const build of input.functions) {
    const have = state.functions.find((f) => f.name === build.name);
    const triggers = triggersOf(build, notes);
    const env = planEnv(build, have, input, state, notes);
    const config: FunctionSettings = {
      runtime: FUNCTION_RUNTIME,
      timeout: build.config.timeout ?? DEFAULT_TIMEOUT_S,
      memorySize: build.config.memorySize ?? DEFAULT_MEMORY_MB,
      description: DESCRIPTION_PREFIX + build.codeHash,
      env,
    };
    const fn = `function ${build.name}`;
    if (!have) {
      changes.push({ kind: 'createFunction', fn: build.name, config, triggers });
      continue;
    }
    if (have.runtime !== config.runtime)
      notes.push({
        level: 'warn',
        target: fn,
        text: `runtime is ${have.runtime}, built for ${config.runtime}; a runtime is set only at creation (delete the function in the console to change it)`,
      });
    const fromHash = have.description.startsWith(DESCRIPTION_PREFIX)
      ? have.description.slice(DESCRIPTION_PREFIX.length)
      : null;
    if (fromHash !== build.codeHash)
      changes.push({ kind: 'updateCode', fn: build.name, from: fromHash, to: build.codeHash });
    else unchanged.push(`${fn}: code ${build.codeHash}`);
    const changed: string[] = [];
    if (have.timeout !== config.timeout) changed.push(`timeout ${have.timeout} s → ${config.timeout} s`);
    if (have.memorySize !== config.memorySize) changed.push(`memory ${have.memorySize} MB → ${config.memorySize} MB`);
    // Every variable not 'keep' is new or different (a value equal to the function's is 'keep').
    for (const e of env)
      if (e.source !== 'keep')
        changed.push(
          `env ${e.key} ${have.envVariables[e.key] === undefined ? 'added' : 'changed'}${e.source === 'generate' ? ' (generated)' : ''}`,
        );
    // The description carries the code hash: it changes with the code, in the same config call.
    if (changed.length || fromHash !== build.codeHash)
      changes.push({
        kind: 'updateConfig',
        fn: build.name,
        config,
        changed: changed.length ? changed : ['description (code hash)'],
      });
    else unchanged.push(`${fn}: timeout ${config.timeout} s, memory ${config.memorySize} MB, env`);
    for (const t of have.triggers) {
      const want = triggers.find((w) => w.name === t.name);
      if (!want) changes.push({ kind: 'deleteTrigger', fn: build.name, trigger: t, reason: 'not in config.json' });
      else if (want.config !== t.config)
        changes.push({
          kind: 'deleteTrigger',
          fn: build.name,
          trigger: t,
          reason: `cron ${t.config} → ${want.config}`,
        });
    }
    for (const want of triggers) {
      const t = have.triggers.find((h) => h.name === want.name);
      if (!t || t.config !== want.config) changes.push({ kind: 'createTrigger', fn: build.name, trigger: want });
      else unchanged.push(`${fn}: trigger ${want.name} ${want.config}`);
    }
  }
  const ours = new Set(input.functions.map((f) => f.name));
  for (const f of state.functions)
    if (!ours.has(f.name))
      notes.push({ level: 'info', target: `function ${f.name}`, text: 'not built from cloudfunctions/; left' });

  return { envId: state.envId, changes, unchanged, notes: mergeNotes(notes) };
}

/** The same note about a variable on several functions becomes one line naming them. */
function mergeNotes(notes: Note[]): Note[] {
  const out: Note[] = [];
  const byText = new Map<string, { note: Note; fns: string[] }>();
  for (const n of notes) {
    const m = /^function ([^:]+): ([A-Z_][A-Z0-9_]*)$/.exec(n.target);
    if (!m) {
      out.push(n);
      continue;
    }
    const key = `${n.level}|${m[2]}|${n.text}`;
    const seen = byText.get(key);
    if (seen) seen.fns.push(m[1]);
    else {
      const entry = { note: { ...n, target: m[2] }, fns: [m[1]] };
      byText.set(key, entry);
      out.push(entry.note);
    }
  }
  for (const { note, fns } of byText.values())
    note.target = `${note.target} (function${fns.length > 1 ? 's' : ''} ${fns.join(', ')})`;
  return out;
}

// ----------------------------------------------------------------------------------- printing

const showEnv = (e: EnvAssignment) =>
  e.secret
    ? `${e.key}=<secret ${e.source === 'generate' ? 'generated' : e.source === 'set' ? 'from this shell' : 'kept'}>`
    : `${e.key}=${e.value ?? ''}`;

/** One line per change, `+` create, `~` change, `-` remove; then what stays and the notes. Never a secret. */
export function formatPlan(plan: Plan, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [`Deploy plan for CloudBase environment ${plan.envId}:`];
  for (const c of plan.changes) {
    switch (c.kind) {
      case 'createCollection':
        lines.push(`+ collection ${c.collection}`);
        break;
      case 'createIndex':
        lines.push(`+ index ${c.collection}.${describeIndex(c.index)}`);
        break;
      case 'dropIndex':
        lines.push(`- index ${c.collection}.${c.index}: ${c.reason} (replaced)`);
        break;
      case 'setAcl':
        lines.push(`~ rule ${c.collection}: ${c.from ?? '(new)'} → ${c.to} (仅管理员可读写)`);
        break;
      case 'createFunction':
        lines.push(
          `+ function ${c.fn}: ${c.config.runtime}, timeout ${c.config.timeout} s, memory ${c.config.memorySize} MB, code ${c.config.description.slice(DESCRIPTION_PREFIX.length)}` +
            (c.config.env.length ? `, env ${c.config.env.map(showEnv).join(' ')}` : ''),
        );
        for (const t of c.triggers) lines.push(`+ trigger ${c.fn}.${t.name}: timer ${t.config}`);
        break;
      case 'updateCode':
        lines.push(`~ function ${c.fn}: code ${c.from ?? '(unknown)'} → ${c.to}`);
        break;
      case 'updateConfig':
        lines.push(`~ function ${c.fn}: ${c.changed.join('; ')}`);
        break;
      case 'deleteTrigger':
        lines.push(`- trigger ${c.fn}.${c.trigger.name}: ${c.reason}`);
        break;
      case 'createTrigger':
        lines.push(`+ trigger ${c.fn}.${c.trigger.name}: timer ${c.trigger.config}`);
        break;
    }
  }
  if (!plan.changes.length) lines.push('  (nothing to change)');
  if (options.verbose) for (const u of plan.unchanged) lines.push(`= ${u}`);
  else if (plan.unchanged.length) lines.push(`= ${plan.unchanged.length} items already as declared`);
  for (const n of plan.notes) lines.push(`${n.level === 'warn' ? '! ' : '  '}${n.target}: ${n.text}`);
  return lines.join('\n');
}
