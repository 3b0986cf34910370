/**
 * Demo survey answers (seedSurveys, issue 12: "demo data with believable spreads, not 24 of 25 answers
 * alike"): the 24 seeded answers to 2027年度职工需求调查 spread over the options of every single-choice,
 * scale and score question and of every matrix row, as staff see them in the results; they fit the
 * survey's own rules (the seed checks each answer as submission does); a second fresh host gets the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '@shishi/cloudfunctions/registry';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import { collections, type Reply, type SurveyResults } from '@shishi/shared-types';
import { seed } from '../src/seed';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const SURVEY = 'seed-survey-needs';

async function seededResults(): Promise<SurveyResults> {
  const dir = mkdtempSync(join(tmpdir(), 'shishi-seed-surveys-'));
  const cloud: LocalCloud = createLocalCloud({ dataDir: dir, collections, now: () => NOW });
  try {
    await seed(cloud.database(), new Date(NOW));
    const reply = (await cloud.local.runAs({ OPENID: 'demo-research' }, () =>
      functions.survey.handle(cloud, { action: 'results', data: { surveyId: SURVEY } }, { now: () => NOW }),
    )) as Reply<SurveyResults>;
    if (!reply.ok) throw new Error(`survey.results: ${JSON.stringify(reply.error)}`);
    return reply.data;
  } finally {
    await cloud.local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many answers, how many different options were chosen, and the share of the most chosen one. */
function spread(counts: number[]) {
  const answered = counts.reduce((a, b) => a + b, 0);
  return {
    answered,
    different: counts.filter((c) => c > 0).length,
    topShare: answered === 0 ? 1 : Math.max(...counts) / answered,
  };
}

/** What staff read off the results: per question (and matrix row), the count of each option. */
function countsOf(results: SurveyResults): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const q of results.questions) {
    const stats = q.overall;
    if (q.type === 'single' && stats.kind === 'choice') {
      out.set(
        q.questionId,
        stats.options.map((o) => o.count),
      );
    } else if ((q.type === 'scale' || q.type === 'score') && stats.kind === 'numeric') {
      out.set(
        q.questionId,
        stats.distribution.map((d) => d.count),
      );
    } else if (q.type === 'matrix' && stats.kind === 'matrix') {
      for (const row of stats.rows)
        out.set(
          `${q.questionId}.${row.id}`,
          row.distribution.map((d) => d.count),
        );
    }
  }
  return out;
}

describe('seeded survey answers', () => {
  let results: SurveyResults;

  beforeAll(async () => {
    results = await seededResults();
  });

  it('are 24, and every required question was answered by all who were asked it', () => {
    expect(results.responses).toBe(24);
    const answered = Object.fromEntries(results.questions.map((q) => [q.questionId, q.overall.answered]));
    for (const id of ['work', 'wants', 'priority', 'satisfaction', 'services'])
      expect([id, answered[id]]).toEqual([id, 24]);
    // 第 2 题 is asked of 一线 workers only; it is answered by some, not all.
    expect(answered.outdoor).toBeGreaterThan(0);
    expect(answered.outdoor).toBeLessThan(24);
  });

  it('spread over the options: no option takes more than 60% and at least 3 different ones occur', () => {
    const counts = countsOf(results);
    expect([...counts.keys()]).toEqual([
      'work',
      'outdoor',
      'satisfaction',
      'services.canteen',
      'services.commute',
      'services.rest',
      'recommend',
    ]);
    const alike = [...counts]
      .map(([id, c]) => ({ id, counts: c, ...spread(c) }))
      .filter((s) => s.different < 3 || s.topShare > 0.6);
    expect(alike).toEqual([]);
  });

  it('are the same on a second fresh host (the demo looks the same every start)', async () => {
    const again = await seededResults();
    expect([...countsOf(again)]).toEqual([...countsOf(results)]);
  });
});
