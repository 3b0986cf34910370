/** Shared test fixtures: records stored directly, for tests that need them without the flows that make them. */
import type { World } from './world';

/**
 * A 中山区 project in progress (环卫职工免费体检, 2026-11-01 to 2027-06-30, 300 to serve) stored directly,
 * reached by 组织和基层工作部 and 调查研究室; `over` replaces any field.
 */
export async function insertProject(w: World, id: string, over: Record<string, unknown> = {}): Promise<void> {
  const db = w.cloud.database();
  const now = new Date(w.now());
  await w.cloud.local.engine.inspect(() =>
    db.collection('projects').add({
      data: {
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
      },
    }),
  );
}
