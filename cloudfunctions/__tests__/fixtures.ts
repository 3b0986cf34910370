/**
 * Shared fixtures: records stored directly, for tests (and benchmarks) that need them without the flows
 * that make them.
 */
import type { World } from './world';

/**
 * A 中山区 project in progress (环卫职工免费体检, 2026-11-01 to 2027-06-30, 300 to serve) as stored,
 * reached by 组织和基层工作部 and 调查研究室; `over` replaces any field.
 */
export function projectDoc(id: string, now: Date, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: id,
    title: '环卫职工免费体检',
    status: 'inProgress',
    level: 'district',
    orgId: 'dist-zhongshan',
    orgName: '中山区总工会',
    orgPath: ['dl', 'dist-zhongshan'],
    departmentId: 'dept-org',
    departmentName: '组织和基层工作部',
    departmentIds: ['dept-org', 'dept-research'],
    reach: ['dl', 'dist-zhongshan', 'dept-org', 'dept-research'],
    origin: [],
    record: { title: '环卫职工免费体检', startDate: '2026-11-01', endDate: '2027-06-30', targetServed: 300 },
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

/** projectDoc stored directly in the world (outside the strict index check). */
export async function insertProject(w: World, id: string, over: Record<string, unknown> = {}): Promise<void> {
  const db = w.cloud.database();
  await w.cloud.local.engine.inspect(() =>
    db.collection('projects').add({ data: projectDoc(id, new Date(w.now()), over) }),
  );
}

/**
 * A 西岗区 project of 2027 with the fields the project list and the KPIs read (100 to serve, 1,000 to
 * cover, ¥10,000 budget, no subsidy, no mid-term due), stored directly; `over` replaces any field.
 */
export async function insertKpiProject(w: World, id: string, over: Record<string, unknown> = {}): Promise<void> {
  await insertProject(w, id, {
    title: `项目${id}`,
    orgId: 'dist-xigang',
    orgName: '西岗区总工会',
    orgPath: ['dl', 'dist-xigang'],
    reach: ['dl', 'dist-xigang', 'dept-org', 'dept-research'],
    year: 2027,
    record: { title: `项目${id}`, targetServed: 100, targetCovered: 1000 },
    totalBudgetFen: 1_000_000,
    subsidyFen: 0,
    spentFen: 0,
    midtermOpen: false,
    midtermDueAt: null,
    forms: {},
    stepsAt: {},
    ...over,
  });
}
