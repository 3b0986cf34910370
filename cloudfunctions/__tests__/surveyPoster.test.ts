/**
 * survey.poster on the strict local runtime: the 小程序码 of a published survey's answering page is made
 * once and reused (also when two first calls come at once); a draft or an ended survey gets none and
 * nothing is stored; only staff of the survey's org may ask.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SurveyPosterOutput } from '@shishi/shared-types';
import { definition, publishedSurvey } from './surveyFixtures';
import { failure, ok, png, worldPerTest, type World } from './world';

const world = worldPerTest();
const call = (who: string, action: string, data?: unknown) => world.call(who, 'survey', action, data);
const poster = (who: string, surveyId: string) => call(who, 'poster', { surveyId });

type Made = { errCode?: number; buffer?: Buffer };

/** Production's openapi.wxacode.getUnlimited (the local runtime has none), recording what it was asked. */
function wxacode(w: World, answer: () => Made = () => ({ errCode: 0, buffer: png })) {
  const asked: Array<{ scene: string; page: string }> = [];
  (w.cloud.openapi as unknown as { wxacode: unknown }).wxacode = {
    getUnlimited: async (a: { scene: string; page: string }) => {
      asked.push({ scene: a.scene, page: a.page });
      // WeChat takes a moment: two calls at once overlap here.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return answer();
    },
  };
  return asked;
}

/** The survey posters' files in storage. */
function storedFiles(): string[] {
  const dir = join(world.cloud.local.storage.root, 'posters', 'survey');
  return existsSync(dir) ? readdirSync(dir) : [];
}

const fileOf = (url: string | null) => (url ?? '').split('?')[0];

describe('survey.poster', () => {
  it('makes the 小程序码 of a published survey’s answering page once, and hands out the stored one after', async () => {
    const id = await publishedSurvey(world);
    const asked = wxacode(world as World);
    const first = ok<SurveyPosterOutput>(await poster('demo-research', id));
    expect(first.miniCodeUrl).toMatch(/^\/storage\/posters\/survey\/[0-9a-f]{32}\.png\?e=\d+&s=/);
    // The code opens the answering page with the survey id as `scene`; the link serves the PNG.
    expect(asked).toEqual([{ scene: id, page: 'pages/survey-answer/index' }]);
    expect(world.cloud.local.storage.readTempUrl(first.miniCodeUrl!)).toEqual(png);

    const again = ok<SurveyPosterOutput>(await poster('demo-research', id));
    expect(fileOf(again.miniCodeUrl)).toBe(fileOf(first.miniCodeUrl));
    expect(asked).toHaveLength(1); // no second image, no second call to WeChat
    expect(storedFiles()).toHaveLength(1);
    expect(await world.count('miniCodes')).toBe(1);
  });

  it('two first calls at once store one code, and both get it', async () => {
    const id = await publishedSurvey(world);
    wxacode(world as World);
    const [a, b] = await Promise.all([poster('demo-research', id), poster('demo-research', id)]);
    expect(fileOf(ok<SurveyPosterOutput>(a).miniCodeUrl)).toMatch(/posters\/survey\/[0-9a-f]{32}\.png$/);
    expect(fileOf(ok<SurveyPosterOutput>(b).miniCodeUrl)).toBe(fileOf(ok<SurveyPosterOutput>(a).miniCodeUrl));
    expect(storedFiles()).toHaveLength(1);
    expect(await world.count('miniCodes')).toBe(1);
  });

  it('refuses a draft with CONFLICT and makes and stores nothing', async () => {
    const draft = ok<{ survey: { _id: string } }>(await call('demo-research', 'create', definition())).survey._id;
    const asked = wxacode(world as World);
    expect(failure(await poster('demo-research', draft))).toEqual({
      code: 'CONFLICT',
      message: '这份调查还是草稿，发布后才能生成分享海报',
    });
    expect(asked).toEqual([]);
    expect(storedFiles()).toEqual([]);
    expect(await world.count('miniCodes')).toBe(0);
  });

  it('refuses an ended survey with CONFLICT', async () => {
    const id = await publishedSurvey(world);
    ok(await call('demo-research', 'close', { surveyId: id }));
    const asked = wxacode(world as World);
    expect(failure(await poster('demo-research', id))).toEqual({
      code: 'CONFLICT',
      message: '这份调查已经结束，不再接受答卷，不用再生成分享海报',
    });
    expect(asked).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it('is for staff of the survey’s org: a worker and another org’s staff are refused FORBIDDEN', async () => {
    const id = await publishedSurvey(world, 'demo-district', { audience: { orgId: 'dist-zhongshan' } });
    const asked = wxacode(world as World);
    expect(failure(await poster('demo-worker', id)).code).toBe('FORBIDDEN');
    expect(failure(await poster('demo-industry-staff', id)).code).toBe('FORBIDDEN');
    expect(asked).toEqual([]);
    expect(await world.count('miniCodes')).toBe(0);
    // Staff above the org (the city) may.
    expect(ok<SurveyPosterOutput>(await poster('demo-research', id)).miniCodeUrl).not.toBeNull();
  });

  it('gives no code where none can be made, stores nothing, and tries again next time', async () => {
    const id = await publishedSurvey(world);
    // The local runtime has no wxacode (the H5 share page draws the link's QR code).
    expect(ok<SurveyPosterOutput>(await poster('demo-research', id)).miniCodeUrl).toBeNull();
    // WeChat refuses (e.g. the mini-program is not published yet): a reply with an errCode, or a throw
    // (logged for the function's log).
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let refuse: 'reply' | 'throw' | null = 'reply';
    const asked = wxacode(world as World, () => {
      if (refuse === 'throw') throw Object.assign(new Error('errcode: 41030 invalid page'), { errCode: 41030 });
      return refuse === 'reply' ? { errCode: 41030 } : { errCode: 0, buffer: png };
    });
    expect(ok<SurveyPosterOutput>(await poster('demo-research', id)).miniCodeUrl).toBeNull();
    refuse = 'throw';
    expect(ok<SurveyPosterOutput>(await poster('demo-research', id)).miniCodeUrl).toBeNull();
    expect(warned).toHaveBeenCalledTimes(1);
    warned.mockRestore();
    expect(storedFiles()).toEqual([]);
    expect(await world.count('miniCodes')).toBe(0);
    refuse = null;
    expect(ok<SurveyPosterOutput>(await poster('demo-research', id)).miniCodeUrl).toMatch(/posters\/survey\//);
    expect(asked).toHaveLength(3);
  });
});

describe('the wxacode permission', () => {
  const root = join(__dirname, '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? e.name === '__tests__'
          ? []
          : sources(join(dir, e.name))
        : e.name.endsWith('.ts')
          ? [join(dir, e.name)]
          : [],
    );

  it('is in the config.json of every function that makes a 小程序码 (survey and checkin)', () => {
    const makers = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'config.json')))
      .map((e) => e.name)
      .filter((fn) => sources(join(root, fn)).some((f) => readFileSync(f, 'utf8').includes("common/miniCode'")));
    expect(makers.sort()).toEqual(['checkin', 'survey']);
    for (const fn of makers) {
      const config = JSON.parse(readFileSync(join(root, fn, 'config.json'), 'utf8')) as {
        permissions?: { openapi?: string[] };
      };
      expect({ fn, openapi: config.permissions?.openapi ?? [] }).toEqual({
        fn,
        openapi: expect.arrayContaining(['wxacode.getUnlimited']),
      });
    }
  });
});
