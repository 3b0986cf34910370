/** Arguments for miniprogram-ci from a fake git state and environment (no upload happens here). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MissingSetup, planCi, readGit, WEAPP_DIR } from '../mp-ci';

const git = { describe: 'v1.4.0-3-g1a2b3c4', subject: 'Survey results: a progress bar while the export runs' };
const env = {
  MP_APPID: 'wx0123456789abcdef',
  MP_PRIVATE_KEY_PATH: '/secure/private.wx0123456789abcdef.key',
  TARO_APP_CLOUD_ENV: 'prod-1a2b',
  TARO_APP_TMPL_PROPOSAL_DECIDED: 'tmplA',
  TARO_APP_TMPL_PROJECT_DEADLINE: 'tmplB',
  TARO_APP_TMPL_PROJECT_NEW: 'tmplC',
  TARO_APP_TMPL_PROJECT_NEWS: 'tmplD',
  TARO_APP_TMPL_PROJECT_MOVED: 'tmplE',
};
const exists = () => true;

test('version from git describe, description from the last commit, key and appid from the environment', () => {
  const plan = planCi('upload', env, git, exists);
  expect(plan.project).toEqual({
    appid: 'wx0123456789abcdef',
    type: 'miniProgram',
    projectPath: WEAPP_DIR,
    privateKeyPath: '/secure/private.wx0123456789abcdef.key',
    ignores: ['node_modules/**/*', '**/*.map'],
  });
  expect(plan.options).toEqual({
    version: '1.4.0-3-g1a2b3c4',
    desc: 'Survey results: a progress bar while the export runs',
    robot: 1,
    setting: { es6: true, es7: true, minify: true, autoPrefixWXSS: true },
  });
  expect(plan.missingBuildVars).toEqual([]);
});

test('preview asks for a terminal QR code; an untagged commit is its short hash; long subjects are cut', () => {
  const plan = planCi('preview', { ...env, MP_ROBOT: '3' }, { describe: '1a2b3c4', subject: 'x'.repeat(300) }, exists);
  expect(plan.options).toMatchObject({ version: '1a2b3c4', robot: 3, qrcodeFormat: 'terminal' });
  expect(plan.options.desc).toHaveLength(100);
});

test('readGit asks git for describe --tags --always and the last subject', () => {
  const asked: string[][] = [];
  const state = readGit((args) => {
    asked.push(args);
    return args[0] === 'describe' ? 'v2.0.0\n' : 'Release 2.0\n';
  });
  expect(asked).toEqual([
    ['describe', '--tags', '--always'],
    ['log', '-1', '--format=%s'],
  ]);
  expect(state).toEqual({ describe: 'v2.0.0', subject: 'Release 2.0' });
});

test('without a key it says what to set', () => {
  expect(() => planCi('upload', {}, git, exists)).toThrow(MissingSetup);
  expect(() => planCi('upload', {}, git, exists)).toThrow(/MP_APPID[\s\S]*MP_PRIVATE_KEY_PATH/);
  expect(() => planCi('upload', { ...env }, git, () => false)).toThrow(/no file at \/secure\/private/);
  expect(() => planCi('upload', { ...env, MP_ROBOT: '31' }, git, exists)).toThrow(/MP_ROBOT/);
});

test('missing build variables are listed (fatal for an upload in the command)', () => {
  const { TARO_APP_TMPL_PROJECT_DEADLINE: _omit, ...rest } = env;
  expect(planCi('upload', rest, git, exists).missingBuildVars).toEqual(['TARO_APP_TMPL_PROJECT_DEADLINE']);
});

test('npm run mp:upload with no key exits non-zero and names the variables', () => {
  const root = join(__dirname, '..', '..');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/mp-ci.ts', 'upload'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('MP_APPID');
  expect(r.stderr).toContain('MP_PRIVATE_KEY_PATH');
});
