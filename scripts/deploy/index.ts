/**
 * `npm run deploy -- --env <envId> [--dry-run] [--verbose]`: puts the database declarations and the cloud
 * functions on a WeChat cloud (CloudBase) environment. `npm run deploy` builds the functions first.
 *
 * Environment (never committed):
 *   TCB_ENV_ID                      the environment when --env is not given
 *   TENCENTCLOUD_SECRETID / _SECRETKEY [/ _SESSIONTOKEN]   API key (CAM) with CloudBase access
 *   SURVEY_RESPONDENT_SECRET        optional: generated on first deploy when absent (never printed)
 *   CHECKIN_CODE_SECRET             optional: the same, for check-in codes (never change it: posters carry them)
 *   TARO_APP_TMPL_PROPOSAL_DECIDED, TARO_APP_TMPL_PROJECT_DEADLINE   subscribe-message template ids
 *   TARO_APP_TMPL_PROJECT_NEW / _NEWS / _MOVED   the push topics' template ids; TARO_APP_TMPL_<TOPIC>_KIND
 *                                   longTerm for a 长期订阅 template; PUSH_SENDS_PER_SECOND,
 *                                   PUSH_DRAIN_BUDGET_MS, PUSH_MINIPROGRAM_STATE (optional, README 上线步骤)
 *
 * `--dry-run` reads the environment and prints the plan; it changes nothing. `--assume-empty` plans
 * against an empty environment without credentials (to see everything a first deploy does).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collections, type CollectionDeclaration } from '@shishi/shared-types';
import { applyChanges, connect, readState, type Manager } from './cloudbase';
import {
  formatPlan,
  planDeploy,
  type CurrentState,
  type EnvVarSpec,
  type FunctionBuild,
  type FunctionConfigFile,
  type Plan,
} from './plan';

const root = join(__dirname, '..', '..');
export const FUNCTION_ROOT = join(root, 'dist', 'cloudfunctions');

/** Every variable a function reads from its environment (a test keeps this in step with the code). */
export const ENV_VARS: EnvVarSpec[] = [
  {
    key: 'SURVEY_RESPONDENT_SECRET',
    about: 'HMAC key of anonymous survey answers (cloudfunctions/survey/secret.ts)',
    secret: true,
    generate: true,
    storedIn: 'surveySecrets',
  },
  {
    key: 'CHECKIN_CODE_SECRET',
    about: 'HMAC key of service-point check-in codes (cloudfunctions/checkin/code.ts)',
    secret: true,
    generate: true,
    storedIn: 'checkinSecrets',
  },
  { key: 'TARO_APP_TMPL_PROPOSAL_DECIDED', about: '订阅消息模板 建议处理结果通知 的模板 ID' },
  { key: 'TARO_APP_TMPL_PROJECT_DEADLINE', about: '订阅消息模板 项目报送提醒 的模板 ID' },
  // Push (issue 13): the three topics' template ids, each template's kind (longTerm for a 长期订阅
  // template, else one-time), and the drain's pace (README 上线步骤 → 订阅消息).
  { key: 'TARO_APP_TMPL_PROJECT_NEW', about: '订阅消息模板 新项目发布通知 的模板 ID' },
  { key: 'TARO_APP_TMPL_PROJECT_NEWS', about: '订阅消息模板 关注项目动态通知 的模板 ID' },
  { key: 'TARO_APP_TMPL_PROJECT_MOVED', about: '订阅消息模板 建议办理进展通知 的模板 ID' },
  {
    key: 'TARO_APP_TMPL_PROPOSAL_DECIDED_KIND',
    about: '建议处理结果通知 模板类型：longTerm（长期订阅）或留空（一次性）',
    optional: true,
  },
  {
    key: 'TARO_APP_TMPL_PROJECT_DEADLINE_KIND',
    about: '项目报送提醒 模板类型：longTerm（长期订阅）或留空（一次性）',
    optional: true,
  },
  {
    key: 'TARO_APP_TMPL_PROJECT_NEW_KIND',
    about: '新项目发布通知 模板类型：longTerm（长期订阅）或留空（一次性）',
    optional: true,
  },
  {
    key: 'TARO_APP_TMPL_PROJECT_NEWS_KIND',
    about: '关注项目动态通知 模板类型：longTerm（长期订阅）或留空（一次性）',
    optional: true,
  },
  {
    key: 'TARO_APP_TMPL_PROJECT_MOVED_KIND',
    about: '建议办理进展通知 模板类型：longTerm（长期订阅）或留空（一次性）',
    optional: true,
  },
  { key: 'PUSH_SENDS_PER_SECOND', about: '推送队列每秒最多发送的订阅消息条数（默认 20）', optional: true },
  {
    key: 'PUSH_DRAIN_BUDGET_MS',
    about: '推送队列每次运行的时间预算，毫秒（默认 40000，函数超时 60 秒）',
    optional: true,
  },
  {
    key: 'PUSH_MINIPROGRAM_STATE',
    about: '订阅消息打开的小程序版本：formal（默认）、trial 或 developer',
    optional: true,
  },
];

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

/** Each built function: its config.json, the hash of its folder and the variables its bundle reads. */
export function readBuilds(functionRoot: string, sources?: string): FunctionBuild[] {
  if (!existsSync(functionRoot))
    throw new Error(`No ${relative(root, functionRoot)}: run npm run build:functions first.`);
  // A function in cloudfunctions/ missing from the build (a failed build) must not look like "not ours".
  if (sources) {
    const missing = readdirSync(sources).filter(
      (name) => existsSync(join(sources, name, 'config.json')) && !existsSync(join(functionRoot, name, 'index.js')),
    );
    if (missing.length)
      throw new Error(`Not built: ${missing.join(', ')}. Run npm run build:functions and fix its errors first.`);
  }
  return readdirSync(functionRoot)
    .filter((name) => existsSync(join(functionRoot, name, 'index.js')))
    .sort()
    .map((name) => {
      const dir = join(functionRoot, name);
      const hash = createHash('sha256');
      for (const file of walk(dir)) {
        if (file.includes(`${join(dir, 'node_modules')}`)) continue;
        hash.update(relative(dir, file).split('\\').join('/') + '\n');
        hash.update(readFileSync(file));
      }
      const bundle = readFileSync(join(dir, 'index.js'), 'utf8');
      const envRead = [
        ...new Set([...bundle.matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)(?![A-Z0-9_*])/g)].map((m) => m[1])),
      ].sort();
      const configPath = join(dir, 'config.json');
      const config = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, 'utf8')) as FunctionConfigFile) : {};
      return { name, config, codeHash: hash.digest('hex').slice(0, 12), envRead };
    });
}

export interface DeployArgs {
  envId?: string;
  dryRun: boolean;
  verbose: boolean;
  assumeEmpty: boolean;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): DeployArgs {
  const args: DeployArgs = { envId: env.TCB_ENV_ID || undefined, dryRun: false, verbose: false, assumeEmpty: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--env') args.envId = argv[++i];
    else if (a.startsWith('--env=')) args.envId = a.slice('--env='.length);
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--assume-empty') {
      args.assumeEmpty = true;
      args.dryRun = true;
    } else throw new Error(`Unknown argument ${a}. Usage: npm run deploy -- --env <envId> [--dry-run] [--verbose]`);
  }
  return args;
}

/** Replaces every secret value in a text (library errors may echo request parameters). */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 8) out = out.split(s).join('<secret>');
  return out;
}

export interface DeployDeps {
  manager: Manager | null;
  env: NodeJS.ProcessEnv;
  functionRoot: string;
  /** cloudfunctions/: every function there must be built (absent in tests with a fixture build). */
  sourceRoot?: string;
  collections: readonly CollectionDeclaration[];
  log: (line: string) => void;
}

/** The whole deploy, given its dependencies (the CLI passes the real library, tests a recording stand-in). */
export async function deploy(args: DeployArgs, deps: DeployDeps): Promise<Plan> {
  const envId = args.envId;
  if (!envId) throw new Error('No environment: pass --env <envId> or set TCB_ENV_ID (云开发控制台 → 环境 ID).');
  const builds = readBuilds(deps.functionRoot, deps.sourceRoot);
  const provided: Record<string, string | undefined> = {};
  for (const spec of ENV_VARS) provided[spec.key] = deps.env[spec.key];
  const state: CurrentState = args.assumeEmpty
    ? { envId, collections: [], functions: [] }
    : await readState(deps.manager!, envId, { functions: builds.map((b) => b.name) });
  const plan = planDeploy({ collections: deps.collections, functions: builds, envVars: ENV_VARS, provided }, state);
  deps.log(formatPlan(plan, { verbose: args.verbose }));
  if (args.dryRun) {
    deps.log('\nDry run: nothing was changed.');
    return plan;
  }
  if (!plan.changes.length) return plan;
  deps.log('');
  const generated = new Map<string, string>();
  try {
    await applyChanges(deps.manager!, envId, plan.changes, {
      functionRoot: deps.functionRoot,
      log: (l) => deps.log(l),
      generated,
      secretValue: (fn, e) =>
        e.source === 'keep' ? state.functions.find((f) => f.name === fn)?.envVariables[e.key] : provided[e.key],
    });
  } catch (e) {
    const secrets = [...generated.values(), ...ENV_VARS.filter((s) => s.secret).map((s) => deps.env[s.key] ?? '')];
    throw new Error(redact(e instanceof Error ? e.message : String(e), secrets));
  }
  deps.log(`\nDeployed to ${envId}: ${plan.changes.length} changes. Next: the console steps in README.md (上线步骤).`);
  return plan;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), process.env);
  const secrets = ENV_VARS.filter((s) => s.secret).map((s) => process.env[s.key] ?? '');
  let manager: Manager | null = null;
  if (!args.assumeEmpty) {
    const secretId = process.env.TENCENTCLOUD_SECRETID;
    const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
    if (!secretId || !secretKey) {
      console.error(
        'No CloudBase credentials. Set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (腾讯云控制台 → 访问管理 → API 密钥;\n' +
          'a sub-account with CloudBase access is enough), and TENCENTCLOUD_SESSIONTOKEN for temporary keys.\n' +
          'To see what a first deploy does without credentials: npm run deploy -- --env <envId> --assume-empty',
      );
      process.exit(2);
    }
    secrets.push(secretKey);
    manager = await connect({
      envId: args.envId ?? '',
      secretId,
      secretKey,
      token: process.env.TENCENTCLOUD_SESSIONTOKEN,
    });
  }
  try {
    await deploy(args, {
      manager,
      env: process.env,
      functionRoot: FUNCTION_ROOT,
      sourceRoot: join(root, 'cloudfunctions'),
      collections,
      log: (l) => console.log(l),
    });
  } catch (e) {
    console.error(redact(`Deploy failed: ${e instanceof Error ? e.message : String(e)}`, secrets));
    process.exit(1);
  }
}

if (require.main === module) void main();
