/**
 * Export files (named survey answers, authors and supporters) are reached only through a signed,
 * expiring link given to the one who exported, and their names carry a random part: not guessable from
 * the survey, the owner or the time (common/exportFiles.ts).
 */
import type { JobView, SurveyExportFile } from '@shishi/shared-types';
import { exportPath } from '../common/exportFiles';
import { answers, publishedSurvey, workers } from './surveyFixtures';
import { finished } from './jobReplies';
import { ok, worldPerTest } from './world';

const world = worldPerTest();

const call = (who: string, action: string, data?: unknown) => world.call(who, 'survey', action, data);

/** A link's path below /storage/ and its query, checked as the dev host checks it. */
function open(url: string) {
  const u = new URL(url, 'http://x');
  return world.cloud.local.storage.verifyLink(decodeURIComponent(u.pathname.slice('/storage/'.length)), u.searchParams);
}

describe('export files', () => {
  it('a named survey’s export: a link that works for its owner, to a file whose name is not guessable', async () => {
    const id = await publishedSurvey(world, 'demo-research', { title: '实名需求调查' });
    const ws = await workers(world, 2, ['gr-zs-mall']);
    for (const [k, w] of ws.entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
    const first = finished<SurveyExportFile>(await call('demo-research', 'export', { surveyId: id, format: 'csv' }));
    const second = finished<SurveyExportFile>(await call('demo-research', 'export', { surveyId: id, format: 'xlsx' }));
    for (const out of [first, second]) {
      expect(out.fileID).toMatch(/\/exports\/surveys\/\d{8}-[0-9a-f]{32}\.(csv|xlsx)$/);
      expect(out.fileID).not.toContain(id);
      expect(out.fileID).not.toContain('demo-research');
      const link = open(out.url);
      expect(link.ok).toBe(true);
      // The path alone (what one could guess or pass on without the signature) opens nothing.
      expect(open(out.url.split('?')[0])).toEqual({ ok: false, reason: 'unsigned' });
    }
    const random = (f: string) => f.split('-').at(-1)!.split('.')[0];
    expect(random(first.fileID)).not.toBe(random(second.fileID));
    // Nobody else gets the link: the job's result is the owner's.
    const started = ok<{ job: JobView }>(await call('demo-research', 'export', { surveyId: id, format: 'csv' }));
    const other = await call('demo-district', 'exportStatus', { jobId: started.job.jobId });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exportPath: 128 random bits a file; a job’s step done again writes the same file', () => {
    const now = new Date('2026-11-24T02:00:00Z');
    const a = exportPath({ now }, 'projects', 'docx');
    const b = exportPath({ now }, 'projects', 'docx');
    expect(a).toMatch(/^exports\/projects\/20261124-[0-9a-f]{32}\.docx$/);
    expect(a).not.toBe(b);
    const job = 'a3f9c1e27b4d5f60718293a4b5c6d7e8';
    expect(exportPath({ now }, 'surveys', 'csv', job)).toBe(exportPath({ now }, 'surveys', 'csv', job));
    expect(exportPath({ now }, 'surveys', 'csv', job)).not.toContain(job);
  });
});
