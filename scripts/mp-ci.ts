/**
 * `npm run mp:upload` / `npm run mp:preview`: builds the weapp with the production variables and hands
 * it to WeChat with miniprogram-ci (upload: a 开发版 that 版本管理 can submit for review; preview: a QR
 * code to open it on a phone).
 *
 * Environment (never committed):
 *   MP_APPID                  the mini-program's AppID (公众平台 → 开发管理 → 开发设置)
 *   MP_PRIVATE_KEY_PATH       the 代码上传密钥 file downloaded from the same page (IP whitelist applies)
 *   MP_ROBOT                  optional, 1–30: which CI robot the version is filed under (default 1)
 *   TARO_APP_CLOUD_ENV, TARO_APP_TMPL_PROPOSAL_DECIDED, TARO_APP_TMPL_PROJECT_DEADLINE   baked into the build
 * Version: `git describe --tags --always` (leading v dropped); description: the last commit's subject.
 * `--no-build` uploads the existing client/dist/weapp.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
export const WEAPP_DIR = join(root, 'client', 'dist', 'weapp');

/** Baked into the client build; an upload without them would request subscriptions to placeholders. */
export const BUILD_VARS = [
  { key: 'TARO_APP_CLOUD_ENV', about: '云开发环境 ID（与 npm run deploy 的 --env 相同）' },
  { key: 'TARO_APP_TMPL_PROPOSAL_DECIDED', about: '订阅消息模板 建议处理结果通知 的模板 ID' },
  { key: 'TARO_APP_TMPL_PROJECT_DEADLINE', about: '订阅消息模板 项目报送提醒 的模板 ID' },
  { key: 'TARO_APP_TMPL_PROJECT_NEW', about: '订阅消息模板 新项目发布通知 的模板 ID' },
  { key: 'TARO_APP_TMPL_PROJECT_NEWS', about: '订阅消息模板 关注项目动态通知 的模板 ID' },
  { key: 'TARO_APP_TMPL_PROJECT_MOVED', about: '订阅消息模板 建议办理进展通知 的模板 ID' },
];

export type Mode = 'upload' | 'preview';

export interface GitState {
  /** `git describe --tags --always` */
  describe: string;
  /** `git log -1 --format=%s` */
  subject: string;
}

export function readGit(
  run: (args: string[]) => string = (args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }),
): GitState {
  return {
    describe: run(['describe', '--tags', '--always']).trim(),
    subject: run(['log', '-1', '--format=%s']).trim(),
  };
}

export interface CiPlan {
  project: { appid: string; type: 'miniProgram'; projectPath: string; privateKeyPath: string; ignores: string[] };
  options: {
    version: string;
    desc: string;
    robot: number;
    setting: { es6: boolean; es7: boolean; minify: boolean; autoPrefixWXSS: boolean };
    qrcodeFormat?: 'terminal';
  };
  /** Build variables that are empty: fatal for an upload, a warning for a preview. */
  missingBuildVars: string[];
}

export class MissingSetup extends Error {}

/** The arguments for miniprogram-ci, from the environment and git. Throws MissingSetup saying what to set. */
export function planCi(
  mode: Mode,
  env: NodeJS.ProcessEnv,
  git: GitState,
  fileExists: (p: string) => boolean = existsSync,
): CiPlan {
  const problems: string[] = [];
  const appid = env.MP_APPID?.trim() ?? '';
  const keyPath = env.MP_PRIVATE_KEY_PATH?.trim() ?? '';
  if (!appid) problems.push('MP_APPID: the AppID (微信公众平台 → 开发管理 → 开发设置 → AppID)');
  if (!keyPath)
    problems.push(
      "MP_PRIVATE_KEY_PATH: path of the 代码上传密钥 (same page → 小程序代码上传 → 生成并下载; add this machine's IP to its whitelist)",
    );
  else if (!fileExists(keyPath)) problems.push(`MP_PRIVATE_KEY_PATH: no file at ${keyPath}`);
  const robot = env.MP_ROBOT ? Number(env.MP_ROBOT) : 1;
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) problems.push('MP_ROBOT: a whole number from 1 to 30');
  if (problems.length) throw new MissingSetup(`Cannot ${mode} the mini-program. Set:\n  ${problems.join('\n  ')}`);

  const missingBuildVars = BUILD_VARS.filter((v) => !env[v.key]?.trim()).map((v) => v.key);
  // WeChat shows the version in 版本管理; a tag v1.2.0 reads 1.2.0, an untagged commit its short hash.
  const version = git.describe.replace(/^v(?=\d)/, '');
  const desc = (git.subject || version).slice(0, 100);
  return {
    project: {
      appid,
      type: 'miniProgram',
      projectPath: WEAPP_DIR,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*', '**/*.map'],
    },
    options: {
      version,
      desc,
      robot,
      // As project.config.json asks of DevTools (es6, enhance → es7, minified).
      setting: { es6: true, es7: true, minify: true, autoPrefixWXSS: true },
      ...(mode === 'preview' ? { qrcodeFormat: 'terminal' as const } : {}),
    },
    missingBuildVars,
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The build carries the template ids it was given (Taro inlines TARO_APP_* at build time). */
export function buildHas(values: string[], dir = WEAPP_DIR): string[] {
  const js = walk(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return values.filter((v) => !js.includes(v));
}

async function main() {
  const mode = process.argv[2] as Mode;
  if (mode !== 'upload' && mode !== 'preview') {
    console.error('Usage: node --import tsx scripts/mp-ci.ts upload|preview [--no-build]');
    process.exit(2);
  }
  let plan: CiPlan;
  try {
    plan = planCi(mode, process.env, readGit());
  } catch (e) {
    if (!(e instanceof MissingSetup)) throw e;
    console.error(e.message);
    process.exit(2);
  }
  if (plan.missingBuildVars.length) {
    const text = plan.missingBuildVars.map((k) => `  ${k}: ${BUILD_VARS.find((v) => v.key === k)!.about}`).join('\n');
    if (mode === 'upload') {
      console.error(`Cannot upload: the build needs\n${text}`);
      process.exit(2);
    }
    console.warn(
      `Preview without\n${text}\n(the preview talks to the default cloud environment and placeholder templates).`,
    );
  }
  if (!process.argv.includes('--no-build')) {
    const r = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: root, stdio: 'inherit', env: process.env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const absent = buildHas(
    BUILD_VARS.filter((v) => v.key !== 'TARO_APP_CLOUD_ENV')
      .map((v) => process.env[v.key]?.trim() ?? '')
      .filter(Boolean),
  );
  if (absent.length) {
    console.error(`client/dist/weapp does not contain ${absent.join(', ')}: build again without --no-build.`);
    process.exit(1);
  }
  // miniprogram-ci reads compile settings from a project.config.json beside the code (as check-weapp.mjs).
  const rootConfig = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as Record<string, unknown>;
  delete rootConfig.cloudfunctionRoot;
  delete rootConfig.miniprogramRoot;
  writeFileSync(
    join(WEAPP_DIR, 'project.config.json'),
    JSON.stringify({ ...rootConfig, appid: plan.project.appid }, null, 2),
  );

  const ci = await import('miniprogram-ci');
  const project = new ci.Project(plan.project);
  console.log(`${mode} ${plan.project.appid} version ${plan.options.version}: ${plan.options.desc}`);
  const onProgressUpdate = () => {};
  try {
    if (mode === 'upload') {
      const res = await ci.upload({ project, ...plan.options, onProgressUpdate });
      console.log('Uploaded:', JSON.stringify(res.subPackageInfo ?? []));
      console.log('Next: 公众平台 → 管理 → 版本管理 → 开发版本 → 提交审核.');
    } else {
      await ci.preview({ project, ...plan.options, onProgressUpdate });
      console.log('Scan the QR code above with WeChat (the account must be a developer or 体验成员).');
    }
  } catch (e) {
    console.error(`${mode} failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  // miniprogram-ci leaves a file watcher running (as in check-weapp.mjs).
  process.exit(0);
}

if (require.main === module) void main();
