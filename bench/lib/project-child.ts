/**
 * The project benchmark's server side (issue 9), in its own process (lib/project-bench.mjs starts it with
 * `node --import tsx`): the `project` function on the local runtime (createLocalCloud over a fresh data
 * directory, seeded as the dev host seeds it, clock pinned), called in-process through the function
 * registry inside `runAs({ OPENID })` — the dev host's path minus HTTP and sessions.
 *
 * Projects are scripted (lib/project-scripts.ts) and either played through the real handlers or applied
 * in memory by `Bulk`, which writes the documents as the handlers write them, in batches. `check` plays
 * one project of every outcome both ways in two fresh worlds and compares the stored documents (ids
 * mapped) and the list / work-queue answers.
 *
 * IPC: sends { type: 'ready' }; answers { id, cmd: { name, ... } } with { id, data }.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import {
  closeProjectInputSchema,
  collections,
  createProjectInputSchema,
  moveProjectInputSchema,
  projectLifecycle,
  recordSpendingInputSchema,
  routeProject,
  signInputSchema,
  signOrder,
  signerOrgId,
  submitFormInputSchema,
  tranche1Fen,
  tranche2Fen,
  formLifecycle,
  pendingStep,
  signTransition,
  type FormKind,
  type Org,
  type Reply,
  type SignStep,
} from '@shishi/shared-types';
import { functions } from '../../cloudfunctions/registry';
import type { Ctx } from '../../cloudfunctions/common/context';
import type { FormDoc, ProjectDoc, TrancheDoc } from '../../cloudfunctions/common/projects';
import { newProjectDoc } from '../../cloudfunctions/project/commands/draft';
import { levelOf } from '../../cloudfunctions/project/route';
import { feasibilityReportDocx, formDocx } from '../../cloudfunctions/project/documents';
import type { ProjectDocumentData } from '../../cloudfunctions/project/documents/types';
import { seed, seedOrgs } from '../../devhost/src/seed';
import { demoIdentities } from '../../devhost/src/identities';
import {
  CHECK_CASES,
  NOW,
  benchSigners,
  mix,
  recordFor,
  scriptFor,
  type Applicant,
  type BenchUser,
  type Event,
  type Script,
} from './project-scripts';
import { serve } from './serve';

const BASE = process.env.PROJECT_BENCH_DIR ?? '';
if (!BASE) throw new Error('PROJECT_BENCH_DIR is required');
mkdirSync(BASE, { recursive: true });

const { applicants, users: benchUsers } = benchSigners();
const orgs = seedOrgs();
const orgById = new Map(orgs.map((o) => [o._id, o]));
const research = orgs.find((o) => o.code === 'research')!;
const organisation = orgs.find((o) => o.code === 'organisation')!;
const nameOf = new Map<string, string>([
  ...demoIdentities.map((i) => [i.id, i.name] as [string, string]),
  ...benchUsers.map((u) => [u.id, u.name] as [string, string]),
]);

type Cmd =
  | { name: 'check' }
  | { name: 'docx'; runs: number }
  | { name: 'open' }
  | { name: 'fill'; to: number }
  | { name: 'measure'; reps: number; warmup: number }
  | { name: 'signs'; projects: number }
  | { name: 'gets'; reps: number }
  | { name: 'memory' }
  | { name: 'close' };

// ------------------------------------------------------------------------------------------ a world

class World {
  readonly cloud: LocalCloud;
  readonly engine: LocalCloud['local']['engine'];
  clock = NOW;
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.cloud = createLocalCloud({ dataDir: dir, collections, now: () => this.clock });
    this.engine = this.cloud.local.engine;
  }
  get db() {
    return this.cloud.database();
  }
  async init() {
    await seed(this.db, new Date(NOW));
    const at = new Date(NOW);
    const docs = benchUsers.map((u: BenchUser) => {
      const org = orgById.get(u.orgId)!;
      return {
        _id: u.id,
        openid: u.id,
        name: u.name,
        role: u.role,
        orgId: org._id,
        orgName: org.name,
        orgPath: org.path,
        bindings: [{ role: u.role, orgId: org._id, orgName: org.name, orgPath: org.path }],
        createdAt: at,
        updatedAt: at,
      };
    });
    await this.db.collection('users').add({ data: docs });
  }
  call(openid: string, action: string, data?: unknown): Promise<Reply<unknown>> {
    const event = data === undefined ? { action } : { action, data };
    return this.cloud.local.runAs({ OPENID: openid }, () =>
      functions.project.handle(this.cloud, event, { now: () => this.clock }),
    );
  }
  async ok<T>(openid: string, action: string, data?: unknown): Promise<T> {
    const r = await this.call(openid, action, data);
    if (!r.ok) throw new Error(`project.${action} as ${openid}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  }
  counts() {
    return { total: this.engine.totalRequests(), byAction: Object.fromEntries(this.engine.requestCounts) };
  }
  async all(collection: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for (let skip = 0; ; skip += 1000) {
      const res = await this.db.collection(collection).skip(skip).limit(1000).get();
      out.push(...(res.data as Record<string, unknown>[]));
      if (res.data.length < 1000) return out;
    }
  }
  close() {
    return this.cloud.local.close();
  }
}

// ------------------------------------------------------------------------------------------ real path

/** Plays a script through the real handlers, the clock at each event's instant. Returns the project id. */
async function playReal(w: World, s: Script): Promise<string> {
  let id = '';
  for (const e of s.events) {
    w.clock = e.at;
    switch (e.op) {
      case 'create':
        id = (await w.ok<{ _id: string }>(e.by, 'create', e.input))._id;
        break;
      case 'move':
        await w.ok(e.by, 'move', { projectId: id, ...e.input });
        break;
      case 'decision':
        await w.ok(e.by, 'recordDecision', { ...e.input, projectIds: [id] });
        break;
      case 'submitForm':
        await w.ok(e.by, 'submitForm', { projectId: id, ...e.input });
        break;
      case 'sign': {
        const p = (await w.db.collection('projects').doc(id).get()).data as ProjectDoc;
        await w.ok(e.by, 'sign', { formId: p.forms[e.kind]!.formId, ...e.input });
        break;
      }
      case 'spending':
        await w.ok(e.by, 'recordSpending', { projectId: id, ...e.input });
        break;
      case 'close':
        await w.ok(e.by, 'close', { projectId: id, ...e.input });
        break;
    }
  }
  w.clock = NOW;
  return id;
}

// ------------------------------------------------------------------------------------------ bulk path

const hexId = (k: number, salt: number) =>
  [1, 2, 3, 4]
    .map((i) =>
      mix(k, salt * 10 + i)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');

/**
 * What the handlers write, applied in memory (cloudfunctions/project/commands: edit.create via
 * draft.newProjectDoc, move, decisions, forms.submitForm / sign, money.recordSpending / close), then
 * written in batches of 500. Audit entries and messages are not written (nothing measured reads them).
 */
class Bulk {
  projects = new Map<string, ProjectDoc>();
  forms = new Map<string, FormDoc>();
  tranches: TrancheDoc[] = [];
  versions: Record<string, unknown>[] = [];
  spending: Record<string, unknown>[] = [];
  decisions = new Map<string, Record<string, unknown> & { projectIds: string[] }>();
  /** Open decision per meeting group (≤ 200 projects each, as recordDecision takes). */
  private open = new Map<string, string>();
  /** Decision ids are numbered across every Bulk of the process (each fill phase has its own meetings). */
  private static seq = 0;
  constructor(private readonly perProjectDecisions = false) {}

  apply(s: Script): string {
    let p!: ProjectDoc;
    for (const e of s.events) {
      const now = new Date(e.at);
      const byName = nameOf.get(e.by) ?? '';
      if (e.op === 'create') p = this.create(s, e, now);
      else this.step(p, e, now, byName, s.k);
    }
    return p._id;
  }

  private create(s: Script, e: Extract<Event, { op: 'create' }>, now: Date): ProjectDoc {
    const input = createProjectInputSchema.parse(e.input);
    const org = orgById.get(input.orgId!)! as Org;
    const record = { ...input.record, temporaryNeed: input.record.temporaryNeed ?? true };
    const { level, industryUnionId } = levelOf(org, orgById);
    const route = routeProject({
      level,
      applicantOrgId: org._id,
      industryUnionId,
      researchDeptId: research._id,
      organisationDeptId: organisation._id,
      responsibleDeptId: null,
    });
    const routing = {
      ...route,
      level,
      departmentName: orgById.get(route.departmentId)?.name ?? '',
      viewerIds: [...new Set([...route.departmentIds, research._id])],
    };
    const ctx = { now, openid: e.by } as unknown as Ctx;
    const doc = newProjectDoc(ctx, {
      record,
      applicant: org,
      routing,
      origin: [],
      windowId: null,
      year: input.year!,
      note: '',
    }) as ProjectDoc;
    doc._id = hexId(s.k, 1);
    this.projects.set(doc._id, doc);
    return doc;
  }

  private pendingOf(p: ProjectDoc, step: SignStep | null) {
    if (!step) return { pendingStep: null, pendingRole: null, pendingOrgId: null, pendingOrgName: null };
    const order = signOrder.find((o) => o.step === step)!;
    const orgId = signerOrgId(step, p);
    const orgName = orgId === p.orgId ? p.orgName : orgId === p.departmentId ? p.departmentName : '';
    return { pendingStep: step, pendingRole: order.role, pendingOrgId: orgId, pendingOrgName: orgName };
  }

  private step(p: ProjectDoc, e: Event, now: Date, byName: string, k: number) {
    const stepsAt = p.stepsAt as Record<string, Date>;
    switch (e.op) {
      case 'move': {
        const input = moveProjectInputSchema.parse({ projectId: p._id, ...e.input });
        const to = projectLifecycle.transitions[input.move].to;
        p.status = to;
        if (input.move !== 'recordReview') stepsAt[to] = now;
        p.updatedAt = now;
        if (input.move === 'submitFeasibility') {
          this.versions.push({
            _id: `${p._id}_v${p.version}`,
            projectId: p._id,
            version: p.version,
            record: p.record,
            frozenAt: now,
            reason: '提交可研论证',
          });
          p.frozen = true;
          p.versions = [...p.versions, { version: p.version, frozenAt: now, reason: '提交可研论证' }];
        }
        if (input.move === 'returnForRevision') {
          p.frozen = false;
          p.version += 1;
        }
        if (input.move === 'recordReview' && input.review) {
          p.reviews = [...p.reviews, { ...input.review, by: e.by, byName, at: now }];
        }
        if (input.move === 'terminate') p.terminatedReason = input.note ?? null;
        return;
      }
      case 'decision': {
        const group = this.perProjectDecisions ? `${e.group}-${k}` : e.group;
        let id = this.open.get(group);
        if (!id || this.decisions.get(id)!.projectIds.length >= 200) {
          id = hexId(++Bulk.seq, 7);
          this.open.set(group, id);
          this.decisions.set(id, {
            _id: id,
            meetingKind: e.input.meetingKind,
            date: e.input.meetingDate,
            resolution: e.input.resolution,
            projectIds: [],
            by: e.by,
            byName,
            at: now,
          });
        }
        this.decisions.get(id)!.projectIds.push(p._id);
        const decisions = [
          ...p.decisions,
          {
            _id: id,
            meetingKind: e.input.meetingKind as ProjectDoc['meetings'][number],
            date: e.input.meetingDate,
            resolution: e.input.resolution,
          },
        ];
        const complete = p.meetings.every((m) => decisions.some((d) => d.meetingKind === m));
        p.decisions = decisions;
        p.updatedAt = now;
        if (complete) {
          p.status = 'established';
          stepsAt.established = now;
          // decisions.ts: once established the record is no longer under review (later changes are 调整).
          p.frozen = false;
        }
        return;
      }
      case 'submitForm': {
        const input = submitFormInputSchema.parse({ projectId: p._id, ...e.input });
        const previous = p.forms[input.kind];
        const version = (previous?.version ?? 0) + 1;
        const formId = `${p._id}_${input.kind}_v${version}`;
        this.forms.set(formId, {
          _id: formId,
          projectId: p._id,
          projectTitle: p.title,
          orgPath: p.orgPath,
          kind: input.kind,
          version,
          status: 'awaitingUnit',
          ...this.pendingOf(p, 'unit'),
          fields: input.fields,
          signatures: [],
          submittedAt: now,
          submittedBy: e.by,
          submittedByName: byName,
          decidedAt: null,
          superseded: false,
        } as FormDoc);
        if (previous?.status === 'returned') this.forms.get(previous.formId)!.superseded = true;
        p.forms[input.kind] = { formId, version, status: 'awaitingUnit' };
        p.updatedAt = now;
        if (input.kind === 'midterm') p.midtermOpen = false;
        if (input.kind === 'acceptance') {
          p.statusBeforeAcceptance = p.status;
          p.status = 'acceptanceFiled';
          stepsAt.acceptanceFiled = now;
        }
        return;
      }
      case 'sign': {
        const input = signInputSchema.parse({ formId: p.forms[e.kind]!.formId, ...e.input });
        const f = this.forms.get(input.formId)!;
        const step = pendingStep(f.status)!;
        const to = formLifecycle.transitions[signTransition(step, input.decision)].to as FormDoc['status'];
        const next = to === 'awaitingDepartment' ? 'department' : to === 'awaitingLeader' ? 'leader' : null;
        Object.assign(f, {
          status: to,
          ...this.pendingOf(p, next),
          signatures: [
            ...f.signatures,
            {
              step,
              decision: input.decision,
              opinion: input.opinion,
              sealConfirmed: step === 'unit' ? input.sealConfirmed : false,
              by: e.by,
              byName,
              at: now,
            },
          ],
          decidedAt: to === 'approved' || to === 'returned' ? now : null,
        });
        p.forms[f.kind as FormKind]!.status = to;
        p.updatedAt = now;
        if (to === 'approved') {
          const effect =
            f.kind === 'start'
              ? { tranche: 1 as const }
              : f.kind === 'midterm'
                ? p.status === 'inProgress'
                  ? { status: 'midtermFiled' as const }
                  : {}
                : { status: 'accepted' as const, tranche: 2 as const };
          if ('status' in effect && effect.status) {
            p.status = effect.status;
            stepsAt[effect.status] = now;
          }
          if ('tranche' in effect && effect.tranche && p.subsidyFen > 0) {
            this.tranches.push({
              _id: `${p._id}_${effect.tranche}`,
              projectId: p._id,
              n: effect.tranche,
              amountFen:
                effect.tranche === 1
                  ? tranche1Fen(p.subsidyFen, p.tranche1Percent)
                  : tranche2Fen(p.subsidyFen, p.tranche1Percent),
              formId: f._id,
              at: now,
            });
          }
        }
        if (to === 'returned') {
          if (f.kind === 'midterm') p.midtermOpen = true;
          if (f.kind === 'acceptance' && p.status === 'acceptanceFiled')
            p.status = p.statusBeforeAcceptance ?? 'inProgress';
        }
        return;
      }
      case 'spending': {
        const input = recordSpendingInputSchema.parse({ projectId: p._id, ...e.input });
        this.spending.push({
          _id: hexId(k * 8 + p.spendingCount, 9),
          projectId: p._id,
          date: input.date,
          item: input.item,
          amountFen: input.amountFen,
          cityAidFen: input.cityAidFen,
          note: input.note ?? null,
          by: e.by,
          byName,
          at: now,
        });
        p.spentFen += input.amountFen;
        p.spentAidFen += input.cityAidFen;
        p.spendingCount += 1;
        p.updatedAt = now;
        return;
      }
      case 'close': {
        const input = closeProjectInputSchema.parse({ projectId: p._id, ...e.input });
        p.status = 'closed';
        stepsAt.closed = now;
        p.finalAccountsFen = input.finalAccountsFen;
        p.closingSummary = input.summary;
        p.updatedAt = now;
        return;
      }
    }
  }

  /** Writes what was applied since the last write (batches of 500), and starts new meeting groups. */
  async write(w: World): Promise<Record<string, number>> {
    const put = async (collection: string, docs: object[]) => {
      for (let i = 0; i < docs.length; i += 500)
        await w.db.collection(collection).add({ data: docs.slice(i, i + 500) });
      return docs.length;
    };
    const written = {
      projects: await put('projects', [...this.projects.values()]),
      projectForms: await put('projectForms', [...this.forms.values()]),
      tranches: await put('tranches', this.tranches),
      projectVersions: await put('projectVersions', this.versions),
      projectSpending: await put('projectSpending', this.spending),
      committeeDecisions: await put('committeeDecisions', [...this.decisions.values()]),
    };
    this.projects.clear();
    this.forms.clear();
    this.tranches = [];
    this.versions = [];
    this.spending = [];
    this.decisions.clear();
    this.open.clear();
    return written;
  }
}

// ------------------------------------------------------------------------------------------ the check

const CHECKED = ['projects', 'projectForms', 'tranches', 'projectVersions', 'projectSpending', 'committeeDecisions'];

/** Stable JSON (keys sorted, dates as instants) with ids replaced by their position tokens. */
function canonical(value: unknown, ids: Map<string, string>): string {
  const norm = (v: unknown): unknown => {
    if (v instanceof Date) return { $date: v.getTime() };
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  let s = JSON.stringify(norm(value));
  for (const [id, token] of ids) s = s.split(id).join(token);
  return s;
}

async function check() {
  const real = new World(join(BASE, 'check-real'));
  const bulk = new World(join(BASE, 'check-bulk'));
  const t0 = performance.now();
  try {
    await real.init();
    await bulk.init();
    const scripts = CHECK_CASES.map((c, i) => scriptFor(100_000 + i, applicants, c));
    const realIds: string[] = [];
    let calls = 0;
    for (const s of scripts) {
      realIds.push(await playReal(real, s));
      calls += s.events.length;
    }
    const b = new Bulk(true);
    const bulkIds = scripts.map((s) => b.apply(s));
    await b.write(bulk);
    // Ids the handlers generate (projects, decisions, spending lines) → tokens by position.
    const dumpA: Record<string, Record<string, unknown>[]> = {};
    const dumpB: Record<string, Record<string, unknown>[]> = {};
    for (const c of CHECKED) {
      dumpA[c] = await real.all(c);
      dumpB[c] = await bulk.all(c);
    }
    const mapA = new Map<string, string>();
    const mapB = new Map<string, string>();
    realIds.forEach((id, i) => mapA.set(id, `P${i}`));
    bulkIds.forEach((id, i) => mapB.set(id, `P${i}`));
    const byProject = (docs: Record<string, unknown>[], ids: string[], key: (d: Record<string, unknown>) => string) =>
      [...docs].sort((x, y) => ids.indexOf(key(x)) - ids.indexOf(key(y)) || String(x.at).localeCompare(String(y.at)));
    const tokenise = (docs: Record<string, unknown>[], map: Map<string, string>, prefix: string) =>
      docs.forEach((d, i) => map.set(String(d._id), `${prefix}${i}`));
    tokenise(
      byProject(dumpA.committeeDecisions, realIds, (d) => (d.projectIds as string[])[0]),
      mapA,
      'D',
    );
    tokenise(
      byProject(dumpB.committeeDecisions, bulkIds, (d) => (d.projectIds as string[])[0]),
      mapB,
      'D',
    );
    tokenise(
      byProject(dumpA.projectSpending, realIds, (d) => String(d.projectId)),
      mapA,
      'S',
    );
    tokenise(
      byProject(dumpB.projectSpending, bulkIds, (d) => String(d.projectId)),
      mapB,
      'S',
    );
    const differences: string[] = [];
    let documents = 0;
    for (const c of CHECKED) {
      const a = dumpA[c].map((d) => canonical(d, mapA)).sort();
      const bb = dumpB[c].map((d) => canonical(d, mapB)).sort();
      documents += a.length;
      if (a.length !== bb.length)
        differences.push(`${c}: ${a.length} documents through the handlers, ${bb.length} bulk`);
      else
        a.forEach((row, i) => {
          if (row !== bb[i] && differences.length < 6) differences.push(`${c}: ${firstDifference(row, bb[i])}`);
        });
    }
    // The same answers from the measured calls in both worlds.
    const answers: string[] = [];
    for (const [who, action, data] of CALLS) {
      const ra = await real.call(who, action, data);
      const rb = await bulk.call(who, action, data);
      const sa = canonical(ra, mapA);
      const sb = canonical(rb, mapB);
      if (sa !== sb) answers.push(`${action} as ${who}: ${firstDifference(sa, sb)}`);
    }
    const wb = (await real.ok<{ counts: Record<string, number> }>('demo-org-head', 'workbench')).counts;
    return {
      projects: scripts.length,
      outcomes: scripts.map((s) => `${s.year} ${s.applicant.orgId} ${s.outcome}`),
      calls,
      documents,
      identical: differences.length === 0,
      differences,
      sameAnswers: answers.length === 0,
      answerDifferences: answers.slice(0, 4),
      answersCompared: CALLS.length,
      deptHeadQueue: wb,
      ms: performance.now() - t0,
    };
  } finally {
    await real.close();
    await bulk.close();
    rmSync(join(BASE, 'check-real'), { recursive: true, force: true });
    rmSync(join(BASE, 'check-bulk'), { recursive: true, force: true });
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 120), i + 80)} ≠ …${b.slice(Math.max(0, i - 120), i + 80)}`;
}

// ------------------------------------------------------------------------------------------ measuring

export const CALLERS = {
  district: 'demo-district',
  deptHead: 'demo-org-head',
  research: 'demo-research-staff',
} as const;

const LIST_FIRST = { page: 1, pageSize: 20 };
const LIST_FILTERED = { page: 1, pageSize: 20, status: 'inProgress', departmentId: 'dept-org' };
const LIST_SEARCH = { page: 1, pageSize: 20, q: '驿站' };

const CALLS: Array<[string, string, unknown, string?]> = Object.entries(CALLERS).flatMap(([key, who]) => [
  [who, 'list', LIST_FIRST, `${key}:list`],
  [who, 'list', LIST_FILTERED, `${key}:listFiltered`],
  [who, 'list', LIST_SEARCH, `${key}:search`],
  [who, 'workbench', undefined, `${key}:workbench`],
]) as Array<[string, string, unknown, string?]>;

const q = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

let main: World | null = null;
let filled = 0;
const scriptsByK = new Map<number, Script>();
const outcomes: Record<string, number> = {};

async function open() {
  main = new World(join(BASE, 'main'));
  await main.init();
  return { ok: true };
}

async function fill(to: number) {
  const w = main!;
  const t0 = performance.now();
  const b = new Bulk(false);
  for (let k = filled; k < to; k++) {
    const s = scriptFor(k, applicants);
    outcomes[`${s.year < 2027 ? 'past' : '2027'}:${s.outcome}`] =
      (outcomes[`${s.year < 2027 ? 'past' : '2027'}:${s.outcome}`] ?? 0) + 1;
    if (k < 50) scriptsByK.set(k, s);
    b.apply(s);
  }
  const applyMs = performance.now() - t0;
  const written = await b.write(w);
  filled = to;
  const total = (await w.db.collection('projects').count()).total as number;
  const forms = (await w.db.collection('projectForms').count()).total as number;
  return { projects: total, forms, written, applyMs, ms: performance.now() - t0, outcomes: { ...outcomes } };
}

async function measure(reps: number, warmup: number) {
  const w = main!;
  w.clock = NOW;
  const rows: Record<string, unknown>[] = [];
  for (const [who, action, data, label] of CALLS) {
    for (let i = 0; i < warmup; i++) await w.ok(who, action, data);
    const times: number[] = [];
    let requests = 0;
    let byAction: Record<string, number> = {};
    let out: unknown;
    for (let i = 0; i < reps; i++) {
      w.engine.resetCounts();
      const t0 = performance.now();
      out = await w.ok(who, action, data);
      times.push(performance.now() - t0);
      const c = w.counts();
      requests = c.total;
      byAction = c.byAction;
    }
    times.sort((a, b) => a - b);
    const o = out as { total?: number; items?: unknown[]; counts?: Record<string, number> };
    rows.push({
      label,
      who,
      action,
      p50: q(times, 0.5),
      p95: q(times, 0.95),
      mean: times.reduce((s, x) => s + x, 0) / times.length,
      requests,
      byAction,
      total: o.total ?? null,
      items: o.items?.length ?? 0,
      counts: o.counts ?? null,
    });
  }
  return { projects: filled, reps, rows };
}

/** Requests of each sign-off, counted at the runtime seam, on projects taken through the real workflow. */
async function signs(n: number) {
  const w = main!;
  const steps: Record<string, { requests: number[]; ms: number[]; byAction: Record<string, number> }> = {};
  const add = (key: string, c: { total: number; byAction: Record<string, number> }, ms: number) => {
    const s = (steps[key] ??= { requests: [], ms: [], byAction: {} });
    s.requests.push(c.total);
    s.ms.push(ms);
    for (const [k, v] of Object.entries(c.byAction)) s.byAction[k] = (s.byAction[k] ?? 0) + v;
  };
  const signers = ['unit', 'department', 'leader'] as const;
  /** The requests of the first project's sign-offs, in order: action and collection. */
  const traces: Record<string, string[]> = {};
  const send = w.engine.send.bind(w.engine);
  let trace: string[] | null = null;
  w.engine.send = (action, params) => {
    trace?.push(
      `${String(action).replace('database.', '')} ${(params as { collectionName?: string })?.collectionName ?? ''}`.trim(),
    );
    return send(action, params);
  };
  for (let i = 0; i < n; i++) {
    // Start form of a 2027 district project (the leader's approval records tranche 1) …
    for (const [outcome, year, kind] of [
      ['startUnit', 2027, 'start'],
      ['acceptancePending', 2026, 'acceptance'],
    ] as const) {
      const s = scriptFor(200_000 + i * 2 + (kind === 'start' ? 0 : 1), applicants, {
        year,
        outcome,
        applicant: 'dist-zhongshan',
      });
      const id = await playReal(w, s);
      w.clock = s.events.at(-1)!.at + 86_400_000;
      for (const step of signers) {
        const p = (await w.db.collection('projects').doc(id).get()).data as ProjectDoc;
        const who =
          step === 'unit' ? s.applicant.head : step === 'department' ? s.applicant.deptHead : s.applicant.leader;
        const data = {
          formId: p.forms[kind]!.formId,
          decision: 'approve',
          opinion: '同意',
          ...(step === 'unit' ? { sealConfirmed: true } : {}),
        };
        w.clock += 3_600_000;
        if (i === 0) trace = traces[`${kind}:${step}`] = [];
        w.engine.resetCounts();
        const t0 = performance.now();
        await w.ok(who, 'sign', data);
        add(`${kind}:${step}`, w.counts(), performance.now() - t0);
        trace = null;
      }
      const tr = (await w.db.collection('tranches').where({ projectId: id }).get()).data as TrancheDoc[];
      if (tr.length !== (kind === 'start' ? 1 : 2)) throw new Error(`${kind}: ${tr.length} tranches`);
    }
    // … and a return at the department step.
    const s = scriptFor(300_000 + i, applicants, {
      year: 2027,
      outcome: 'startDepartment',
      applicant: 'dist-zhongshan',
    });
    const id = await playReal(w, s);
    w.clock = s.events.at(-1)!.at + 86_400_000;
    const p = (await w.db.collection('projects').doc(id).get()).data as ProjectDoc;
    w.engine.resetCounts();
    const t0 = performance.now();
    await w.ok('demo-org-head', 'sign', {
      formId: p.forms.start!.formId,
      decision: 'return',
      opinion: '推进计划请细化到月',
    });
    add('start:departmentReturn', w.counts(), performance.now() - t0);
  }
  w.clock = NOW;
  w.engine.send = send;
  const perStep = Object.fromEntries(
    Object.entries(steps).map(([k, v]) => [
      k,
      {
        n: v.requests.length,
        mean: v.requests.reduce((a, b) => a + b, 0) / v.requests.length,
        min: Math.min(...v.requests),
        max: Math.max(...v.requests),
        byAction: Object.fromEntries(Object.entries(v.byAction).map(([a, c]) => [a, c / v.requests.length])),
        meanMs: v.ms.reduce((a, b) => a + b, 0) / v.ms.length,
      },
    ]),
  );
  return { steps: perStep, traces };
}

/** project.get as staff (three callers) and as a worker on a published project. */
async function gets(reps: number) {
  const w = main!;
  w.clock = NOW;
  // A closed 中山区 project: the whole record (three forms signed, two tranches, spending lines).
  const projects = (
    await w.db.collection('projects').where({ status: 'closed', orgId: 'dist-zhongshan' }).limit(1).get()
  ).data as ProjectDoc[];
  const published = projects;
  const rows = [];
  for (const [label, who, p] of [
    ['中山区 staff, own closed project (3 forms, 2 tranches, spending)', 'demo-district', projects[0]],
    ['组织和基层工作部 head, same project', 'demo-org-head', projects[0]],
    ['调查研究室, same project', 'demo-research-staff', projects[0]],
    ['a worker, the same project (public view)', 'demo-worker', published[0]],
  ] as const) {
    if (!p) continue;
    await w.ok(who, 'get', { projectId: p._id });
    const times: number[] = [];
    let c = { total: 0, byAction: {} as Record<string, number> };
    for (let i = 0; i < reps; i++) {
      w.engine.resetCounts();
      const t0 = performance.now();
      await w.ok(who, 'get', { projectId: p._id });
      times.push(performance.now() - t0);
      c = w.counts();
    }
    times.sort((a, b) => a - b);
    rows.push({ label, who, requests: c.total, byAction: c.byAction, p50: q(times, 0.5), p95: q(times, 0.95) });
  }
  return rows;
}

// ------------------------------------------------------------------------------------------ documents

/** 附件1 with 30 budget lines, and 附件2 with its three signatures, as the export fills them. */
function documentData(): ProjectDocumentData {
  const a = applicants.find((x) => x.orgId === 'dist-ganjingzi') as Applicant;
  const base = recordFor(7, 2027, a, 'district');
  const budgetLines = Array.from({ length: 30 }, (_, i) => {
    const amountFen = i === 0 ? 12_345_678 : 150_000 + i * 10_001;
    return {
      item: `${['驿站冷暖设备', '饮水机及净水设备', '急救药箱', '标识标牌', '宣传印制', '培训课时费'][i % 6]}（第${1 + Math.floor(i / 6)}批）`,
      amountFen,
      cityAidFen: i % 3 === 0 ? Math.floor(amountFen / 2) : 0,
      source: i % 3 === 0 ? '市总扶助' : '区总工会经费',
    };
  });
  const record = createProjectInputSchema.parse({
    record: {
      ...base,
      budgetLines,
      subProjects: [
        { name: '新建驿站', content: '在红旗、泉水、辛寨子等街道新建驿站12个。' },
        { name: '改造提升', content: '对已建18个驿站更换冷暖设备、饮水设备，增设急救药箱。' },
      ],
      workflowText: '职工凭工会会员卡或工作证即可免费使用驿站。',
    },
  }).record;
  const at = (d: string) => new Date(`${d}T10:30:00+08:00`).toISOString();
  const sig = (step: SignStep, byName: string, d: string, opinion: string) => ({
    step,
    decision: 'approve' as const,
    opinion,
    sealConfirmed: step === 'unit',
    byName,
    at: at(d),
  });
  return {
    year: 2027,
    level: 'district',
    applicantOrgName: a.name,
    record,
    money: {
      totalBudgetFen: budgetLines.reduce((s, l) => s + l.amountFen, 0),
      subsidyFen: budgetLines.reduce((s, l) => s + l.cityAidFen, 0),
      spentFen: 5_891_191,
      spentAidFen: 3_234_501,
    },
    spending: [
      { date: '2027-03-20', item: '驿站冷暖设备采购', amountFen: 4_567_890, cityAidFen: 2_000_000, note: '政府采购' },
      { date: '2027-04-12', item: '饮水机及净水设备', amountFen: 1_234_501, cityAidFen: 1_234_501, note: null },
      { date: '2027-05-08', item: '宣传海报与折页印制', amountFen: 88_800, cityAidFen: 0, note: '自筹' },
    ],
    forms: {
      start: {
        fields: {
          overview: '新建户外劳动者驿站12个，改造提升18个，预计覆盖户外劳动者1.2万人，直接服务8000人，满意度90%以上。',
          plan: '3月完成选址；5月底前新建驿站投入使用；8月中旬报送中期推进情况；11月底完成并申请验收。',
          fillDate: '2027-02-25',
        },
        signatures: [
          sig('unit', '赵振华', '2027-02-26', '同意申报。项目符合职工实际需求，配套资金已落实。'),
          sig('department', '孙立新', '2027-03-02', '经审核，项目预算合理，同意启动。'),
          sig('leader', '周明', '2027-03-04', '同意。'),
        ],
      },
    },
    startDate: '2027-03-01',
    endDate: '2027-11-30',
  };
}

async function docx(runs: number) {
  const d = documentData();
  const out: Record<string, unknown> = {};
  for (const [label, make] of [
    ['attachment1', () => feasibilityReportDocx(d)],
    ['attachment2', () => formDocx('start', d)],
  ] as const) {
    for (let i = 0; i < 5; i++) await make();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const buf = await make();
      times.push(performance.now() - t0);
      bytes = buf.length;
    }
    times.sort((a, b) => a - b);
    out[label] = {
      runs,
      p50: q(times, 0.5),
      p95: q(times, 0.95),
      mean: times.reduce((s, x) => s + x, 0) / runs,
      bytes,
      budgetLines: d.record.budgetLines.length,
      milestones: d.record.milestones.length,
      subProjects: d.record.subProjects.length,
    };
  }
  return out;
}

// ------------------------------------------------------------------------------------------ IPC

async function run(cmd: Cmd): Promise<unknown> {
  switch (cmd.name) {
    case 'check':
      return check();
    case 'docx':
      return docx(cmd.runs);
    case 'open':
      return open();
    case 'fill':
      return fill(cmd.to);
    case 'measure':
      return measure(cmd.reps, cmd.warmup);
    case 'signs':
      return signs(cmd.projects);
    case 'gets':
      return gets(cmd.reps);
    case 'memory':
      return {
        rssMB: Math.round(process.memoryUsage.rss() / 1048576),
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
    case 'close':
      await main?.close();
      main = null;
      return null;
  }
}

serve<Cmd>(run, () => Promise.resolve(main?.close()));
