/**
 * The needs-survey benchmark's server side, in its own process (bench/lib/survey-bench.mjs starts it
 * with `node --import tsx`, so memory is this process's own): the survey function on the local runtime
 * (createLocalCloud over a fresh data directory, seeded as the dev host seeds it, clock pinned), called
 * in-process through the function registry inside `runAs({ OPENID })`, as the dev host calls it minus
 * HTTP and sessions. Every call goes through the real wx-server-sdk to the engine.
 *
 * IPC: sends { type: 'ready' }; answers { id, cmd: { name, ... } } with { id, data }.
 */
import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createLocalCloud } from '@shishi/local-cloud';
import { collections, type Reply } from '@shishi/shared-types';
// The survey function alone (not the registry: a benchmark of one function loads only its code).
import { surveyFunction } from '../../cloudfunctions/survey/app';
import { readShards, settleRecent, SETTLE_AFTER_MS, SETTLE_EVERY_MS } from '../../cloudfunctions/survey/counting';
import { seed, seedOrgs } from '../../devhost/src/seed';
import { closedLoop, LatencyPool, requestsOf } from './sample';
import { serve } from './serve';

const DATA_DIR = process.env.SURVEY_BENCH_DIR ?? '';
const NOW = Date.parse(process.env.SHISHI_NOW ?? '2026-11-24T10:00:00+08:00');
const STAFF = 'demo-research';

type Cmd =
  | { name: 'setup'; workers: number }
  | { name: 'ingest'; from: number; to: number; concurrency: number; keep?: boolean }
  | { name: 'latencies' }
  | { name: 'count'; from: number; n: number }
  | { name: 'results'; reps: number; by?: 'district' | 'industry' | 'group' }
  | { name: 'export' }
  | { name: 'exportLive' }
  | { name: 'recompute' }
  | { name: 'settle' }
  | { name: 'memory' }
  | { name: 'close' };

// ------------------------------------------------------------------------------------------ the survey

const opts = (prefix: string, labels: string[]) => labels.map((label, k) => ({ id: `${prefix}${k}`, label }));

/**
 * A needs survey as the research office would write one: 14 questions over three pages, every question
 * type, an 其他 option with its text, display logic, a 6×5 matrix, optional questions.
 */
function definition() {
  return {
    title: '2027年度职工需求调查（基准测试）',
    intro: '了解职工最关心、最迫切的需求，作为确定明年为职工办实事项目的依据。',
    opensOn: '2026-11-20',
    closesOn: '2026-12-31',
    anonymous: true,
    resultsPublic: true,
    targetCount: 120000,
    sections: [
      {
        id: 'basic',
        title: '基本情况',
        questions: [
          {
            id: 'work',
            type: 'single',
            title: '您的工作岗位属于',
            options: [
              ...opts('w', ['一线生产、服务', '专业技术', '经营管理', '后勤保障']),
              { id: 'wo', label: '其他', other: true },
            ],
          },
          {
            id: 'outdoor',
            type: 'single',
            title: '您每天在户外工作大约多长时间？',
            showIf: [{ op: 'anyOf', questionId: 'work', optionIds: ['w0'] }],
            options: opts('o', ['2 小时以内', '2–6 小时', '6 小时以上']),
          },
          {
            id: 'age',
            type: 'single',
            title: '您的年龄',
            options: opts('a', ['30 岁以下', '30–39', '40–49', '50 岁以上']),
          },
          {
            id: 'shift',
            type: 'single',
            title: '您是否经常上夜班？',
            options: opts('s', ['经常', '偶尔', '从不']),
          },
        ],
      },
      {
        id: 'needs',
        title: '需求和期待',
        questions: [
          {
            id: 'wants',
            type: 'multiple',
            title: '您最希望工会明年为职工办哪些实事？（最多选 3 项）',
            maxPicks: 3,
            options: [
              ...opts('n', [
                '职工子女托管',
                '职业技能培训',
                '户外劳动者爱心驿站',
                '职工健康体检',
                '法律援助',
                '困难职工帮扶',
                '文体活动',
                '婚恋交友',
              ]),
              { id: 'no', label: '其他', other: true },
            ],
          },
          {
            id: 'channels',
            type: 'multiple',
            title: '您通常从哪里了解工会的服务？',
            options: opts('c', ['微信群', '工会公众号', '单位通知', '同事介绍', '海报']),
          },
          {
            id: 'priority',
            type: 'ranking',
            title: '请选出您认为最重要的 3 项并排序',
            rankCount: 3,
            options: opts('p', ['收入和福利', '劳动安全', '身心健康', '职业发展', '照顾家庭', '住房']),
          },
          {
            id: 'satisfaction',
            type: 'scale',
            title: '您对所在工会的服务满意吗？',
            lowLabel: '非常不满意',
            highLabel: '非常满意',
          },
          {
            id: 'why',
            type: 'text',
            title: '不满意的主要原因是什么？',
            required: false,
            maxLength: 50,
            showIf: [{ op: 'between', questionId: 'satisfaction', min: 1, max: 2 }],
          },
          { id: 'income', type: 'scale', title: '您对目前的收入满意吗？' },
        ],
      },
      {
        id: 'services',
        title: '服务评价',
        questions: [
          {
            id: 'rate',
            type: 'matrix',
            title: '请评价以下职工服务',
            rows: opts('r', ['职工食堂', '通勤', '休息场所', '体检', '培训', '文体活动']).map(({ id, label }) => ({
              id,
              label,
            })),
          },
          { id: 'recommend', type: 'score', title: '您有多大可能向同事推荐工会的服务？', required: false },
          { id: 'oneword', type: 'text', title: '用一句话说说您的期待', required: false, maxLength: 50 },
          { id: 'advice', type: 'longText', title: '您还有哪些意见和建议？', required: false, maxLength: 500 },
        ],
      },
    ],
  };
}

/** A deterministic spread of answers: worker k's answers vary with k. */
function mix(k: number, salt: number): number {
  let h = (k * 2654435761 + salt * 40503) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822519) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

const ADVICE = [
  '希望驿站冬天能提供热水和暖气。',
  '夜班职工下班晚，希望食堂延长供应时间。',
  '孩子放暑假没人照看，托管班很需要。',
  '希望多组织技能培训，最好安排在周末。',
  '体检项目能不能增加女职工专项。',
];

function answersOf(k: number): Record<string, unknown> {
  const r = (salt: number, n: number) => mix(k, salt) % n;
  const work = r(1, 10) === 9 ? 'wo' : `w${r(2, 4)}`;
  const satisfaction = 1 + r(8, 5);
  const wants = [...new Set([`n${r(4, 8)}`, `n${r(5, 8)}`, `n${r(6, 8)}`])].slice(0, 1 + r(7, 3));
  const withOther = r(9, 12) === 0;
  const ranked = [...new Set([r(10, 6), r(11, 6), r(12, 6), 0, 1, 2, 3, 4, 5])].slice(0, 3).map((i) => `p${i}`);
  const a: Record<string, unknown> = {
    work: work === 'wo' ? { choice: 'wo', otherText: ['保安', '司机', '保洁'][r(3, 3)] } : { choice: work },
    age: { choice: `a${r(13, 4)}` },
    shift: { choice: `s${r(14, 3)}` },
    wants: withOther ? { choices: [...wants.slice(0, 2), 'no'], otherText: '心理咨询' } : { choices: wants },
    channels: { choices: [...new Set([`c${r(15, 5)}`, `c${r(16, 5)}`])] },
    priority: { ranking: ranked },
    satisfaction: { value: satisfaction },
    income: { value: 1 + r(17, 5) },
    rate: { rows: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`r${i}`, 1 + r(20 + i, 5)])) },
  };
  if (work === 'w0') a.outdoor = { choice: `o${r(18, 3)}` };
  if (satisfaction <= 2 && r(19, 2) === 0) a.why = { text: '活动太少，通知不及时' };
  if (r(30, 2) === 0) a.recommend = { value: r(31, 11) };
  if (r(32, 8) === 0) a.oneword = { text: '希望越办越好' };
  if (r(33, 20) === 0) a.advice = { text: ADVICE[r(34, ADVICE.length)] };
  return a;
}

const groupsOf = (k: number) => {
  const g = mix(k, 40) % 6;
  return g === 0 ? ['women'] : g === 1 ? ['women', 'migrant'] : g === 2 ? ['newEmployment'] : [];
};

// ------------------------------------------------------------------------------------------ the runtime

if (!DATA_DIR) throw new Error('SURVEY_BENCH_DIR is required');
mkdirSync(DATA_DIR, { recursive: true });
/** Pinned; `settle` moves it past SETTLE_AFTER_MS, as the timer sees it minutes after the answers. */
let clock = NOW;
const now = () => clock;
const cloud = createLocalCloud({ dataDir: DATA_DIR, collections, now });
const engine = cloud.local.engine;
const survey = surveyFunction;
let surveyId = '';
let closing: Promise<void> | undefined;
const close = () => (closing ??= cloud.local.close());

function call(openid: string, action: string, data: unknown): Promise<Reply<unknown>> {
  return cloud.local.runAs({ OPENID: openid }, () => survey.handle(cloud, { action, data }, { now }));
}

function ok<T>(reply: Reply<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`${what} failed: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

const worker = (k: number) => `bench-w${k}`;

function submit(k: number) {
  return call(worker(k), 'submit', { surveyId, answers: answersOf(k), groups: groupsOf(k) });
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function setup(workers: number) {
  const t0 = performance.now();
  const db = cloud.database();
  await seed(db, new Date(NOW));
  const created = ok<{ survey: { _id: string; questionCount?: number } }>(
    await call(STAFF, 'create', definition()),
    'survey.create',
  );
  surveyId = created.survey._id;
  ok(await call(STAFF, 'publish', { surveyId }), 'survey.publish');
  // Worker profiles straight into `users` (setup, not measured): spread over the grassroots unions.
  const unions = seedOrgs().filter((o) => o.type === 'grassroots');
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
  const at = new Date(NOW);
  for (let from = 0; from < workers; from += 1000) {
    const batch = [];
    for (let k = from; k < Math.min(workers, from + 1000); k++) {
      const org = unions[mix(k, 50) % unions.length];
      batch.push({
        _id: worker(k),
        openid: worker(k),
        name: `${surnames[k % surnames.length]}职工${k}`,
        role: 'worker',
        orgId: org._id,
        orgName: org.name,
        orgPath: org.path,
        createdAt: at,
        updatedAt: at,
      });
    }
    await db.collection('users').add({ data: batch });
  }
  const questions = definition().sections.reduce((n, s) => n + s.questions.length, 0);
  return { surveyId, workers, questions, ms: performance.now() - t0 };
}

/** Latencies of the ingest calls made with `keep`, for quantiles over all of them. */
const kept = new LatencyPool();

/** Workers [from, to) submit, `concurrency` at a time (a closed loop). */
async function ingest(from: number, to: number, concurrency: number, keep = false) {
  const r = await closedLoop(engine, from, to, concurrency, submit);
  if (keep) kept.add(r.latencies);
  return {
    answers: r.n,
    concurrency,
    ms: r.ms,
    perSecond: r.perSecond,
    cpuMsPerAnswer: r.cpuMsPerItem,
    latencyMs: r.latencyMs,
    notSubmitted: r.notSubmitted,
    failures: r.failures,
    requestsPerAnswer: r.requestsPerItem,
    byAction: r.byAction,
  };
}

/** `n` answers one after another, database requests counted at the seam. */
async function countSample(from: number, n: number) {
  engine.resetCounts();
  const t0 = performance.now();
  for (let k = from; k < from + n; k++) ok(await submit(k), 'submit');
  const ms = performance.now() - t0;
  const c = requestsOf(engine);
  return {
    answers: n,
    meanMs: ms / n,
    requestsPerAnswer: c.total / n,
    byAction: Object.fromEntries(Object.entries(c.byAction).map(([k, v]) => [k, v / n])),
  };
}

async function results(reps: number, by?: string) {
  const times: number[] = [];
  let responses = 0;
  let requests = 0;
  for (let i = -2; i < reps; i++) {
    engine.resetCounts();
    const t0 = performance.now();
    const r = ok<{ responses: number }>(await call(STAFF, 'results', by ? { surveyId, by } : { surveyId }), 'results');
    if (i >= 0) times.push(performance.now() - t0);
    responses = r.responses;
    requests = engine.totalRequests();
  }
  times.sort((a, b) => a - b);
  // What results read: the counter shards (their size, not the number of answers, is the cost).
  const shards = (await cloud.database().collection('surveyCounters').where({ surveyId }).limit(100).get())
    .data as Array<{
    c?: Record<string, number>;
  }>;
  const keys = shards.map((sh) => Object.keys(sh.c ?? {}));
  return {
    reps,
    by: by ?? null,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    responses,
    requests,
    shards: shards.length,
    counterFields: keys.reduce((n, k) => n + k.length, 0),
    distinctCounterFields: new Set(keys.flat()).size,
  };
}

/**
 * Samples the process's RSS every 5 ms from a worker thread: the export keeps the main thread busy
 * (its awaits resolve without I/O), so a timer there would hardly ever run.
 */
function rssSampler(): { stop(): Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = process.memoryUsage.rss();
     const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
     parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });`,
    { eval: true },
  );
  return {
    stop: () =>
      new Promise<number>((resolve) => {
        worker.once('message', (peak: number) => void worker.terminate().then(() => resolve(peak)));
        worker.postMessage('stop');
      }),
  };
}

/** Calls `sample` before every database request the export makes (one per page of 1,000 answers). */
async function withRequestHook<T>(sample: () => void, run: () => Promise<T>): Promise<T> {
  const send = engine.send.bind(engine);
  engine.send = (action, params) => {
    sample();
    return send(action, params);
  };
  try {
    return await run();
  } finally {
    engine.send = send;
  }
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * A long action as the staff page drives it (common/jobs.ts): the start, then its status poll until the
 * job is done. Each call is one invocation (one slice of batches, at most the function's budget).
 */
async function driveJob<R>(action: string, statusAction: string, data: unknown) {
  const slices: number[] = [];
  let t = performance.now();
  let reply = ok<{ job: { jobId: string; status: string }; result: R | null }>(await call(STAFF, action, data), action);
  slices.push(performance.now() - t);
  while (reply.result === null) {
    if (reply.job.status === 'failed') throw new Error(`${action}: job failed ${JSON.stringify(reply.job)}`);
    t = performance.now();
    reply = ok(await call(STAFF, statusAction, { jobId: reply.job.jobId }), statusAction);
    slices.push(performance.now() - t);
  }
  return { result: reply.result, invocations: slices.length, longestMs: Math.max(...slices) };
}

async function exportAll() {
  const rssBefore = process.memoryUsage.rss();
  gc();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  const rss = rssSampler();
  engine.resetCounts();
  const t0 = performance.now();
  let out: { fileID: string; rows: number; bytes: number; fileName: string };
  let invocations = 0;
  let longestMs = 0;
  try {
    const job = await withRequestHook(
      () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
      () =>
        driveJob<{ fileID: string; rows: number; bytes: number; fileName: string }>('export', 'exportStatus', {
          surveyId,
          format: 'xlsx',
        }),
    );
    out = job.result;
    invocations = job.invocations;
    longestMs = job.longestMs;
  } finally {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - t0;
  const rssPeak = await rss.stop();
  return {
    ms,
    invocations,
    longestMs,
    rows: out.rows,
    bytes: out.bytes,
    fileName: out.fileName,
    path: cloud.local.storage.pathOf(out.fileID),
    requests: engine.totalRequests(),
    rssBeforeMB: mb(rssBefore),
    rssPeakMB: mb(rssPeak),
    heapUsedBeforeMB: mb(before.heapUsed),
    heapUsedPeakMB: mb(heapPeak),
    maxRssLifetimeMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
  };
}

/**
 * The export again, with a full GC before every page it reads and the heap measured right after: what
 * the export keeps alive along the way, without its garbage (the GCs slow it: its time is no figure).
 */
async function exportLive() {
  gc();
  const base = process.memoryUsage();
  let heap = 0;
  let buffers = 0;
  let samples = 0;
  await withRequestHook(
    () => {
      gc();
      samples += 1;
      const m = process.memoryUsage();
      heap = Math.max(heap, m.heapUsed - base.heapUsed);
      buffers = Math.max(buffers, m.external - base.external);
    },
    () => driveJob('export', 'exportStatus', { surveyId, format: 'xlsx', part: 'answers' }),
  );
  return { samples, heapMaxMB: mb(heap), buffersMaxMB: mb(buffers) };
}

async function recompute() {
  engine.resetCounts();
  const t0 = performance.now();
  const job = await driveJob<{ responses: number; matches: boolean; differences: unknown[]; waiting: number }>(
    'recompute',
    'recomputeStatus',
    { surveyId },
  );
  const r = job.result;
  return {
    ms: performance.now() - t0,
    invocations: job.invocations,
    longestMs: job.longestMs,
    requests: engine.totalRequests(),
    responses: r.responses,
    matches: r.matches,
    waiting: r.waiting,
    differences: r.differences.slice(0, 5),
    marks: await marksHeld(),
  };
}

/** Marks of recent answers the shards hold (counting.ts). */
async function marksHeld(): Promise<number> {
  const shards = await readShards(cloud.database(), surveyId);
  return shards.reduce((n, s) => n + Object.keys(s.m).length, 0);
}

/** The settling timer, run as it would be once the answers are older than SETTLE_AFTER_MS. */
async function settle() {
  const marksBefore = await marksHeld();
  clock = NOW + SETTLE_AFTER_MS + SETTLE_EVERY_MS;
  engine.resetCounts();
  const t0 = performance.now();
  // Each timer run is one invocation: it stops at its budget and the next run (the same cutoff, the
  // same job) goes on; run it until the walk is done, as the timer would every few minutes.
  const slices: number[] = [];
  let counted = 0;
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    // What the `settleCounters` timer trigger runs (cloudfunctions/registry.ts, survey/index.ts).
    const r = await settleRecent(cloud, new Date(clock));
    slices.push(performance.now() - t);
    counted += r.counted;
    const id = `settle-${clock - SETTLE_AFTER_MS}`;
    const job = (await cloud.database().collection('jobs').where({ _id: id }).limit(1).get()).data[0] as
      { status: string } | undefined;
    if (job?.status === 'done') break;
  }
  return {
    ms: performance.now() - t0,
    invocations: slices.length,
    longestMs: Math.max(...slices),
    laterMs: clock - NOW,
    requests: engine.totalRequests(),
    counted,
    marksBefore,
    marksAfter: await marksHeld(),
  };
}

async function run(cmd: Cmd): Promise<unknown> {
  switch (cmd.name) {
    case 'setup':
      return setup(cmd.workers);
    case 'ingest':
      return ingest(cmd.from, cmd.to, cmd.concurrency, cmd.keep);
    case 'latencies':
      return kept.quantiles();
    case 'count':
      return countSample(cmd.from, cmd.n);
    case 'results':
      return results(cmd.reps, cmd.by);
    case 'export':
      return exportAll();
    case 'exportLive':
      return exportLive();
    case 'recompute':
      return recompute();
    case 'settle':
      return settle();
    case 'memory':
      return { ...process.memoryUsage(), maxRSS: process.resourceUsage().maxRSS * 1024 };
    case 'close':
      await close();
      return null;
  }
}

serve<Cmd>(run, close);
